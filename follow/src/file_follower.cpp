#include "gcscope/follow/file_follower.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace gcscope::follow {
namespace {

/// How many of the last bytes read are kept to recognise a file truncated and refilled past our
/// offset between two polls. Line ends repeat ("allocation failure;"), so this spans whole lines
/// with their pids and timestamps; re-reading it costs nothing extra (same pread).
constexpr size_t kTailBytes = 4096;
/// Reads are sized in these units (up to FollowerOptions::chunk_bytes).
constexpr size_t kMinChunk = size_t(64) << 10;

std::string describeErrno(int err) {
    switch (err) {
        case ENOENT:
            return "no such file";
        case ENOTDIR:
            return "no such file (a parent is not a directory)";
        case EACCES:
        case EPERM:
            return "permission denied";
        default:
            return std::strerror(err);
    }
}

bool sameTime(const struct timespec& a, const struct timespec& b) {
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

}  // namespace

std::string_view followEventName(FollowEvent::Kind k) {
    switch (k) {
        case FollowEvent::Kind::Started:
            return "started";
        case FollowEvent::Kind::Truncated:
            return "truncated";
        case FollowEvent::Kind::Rotated:
            return "rotated";
        case FollowEvent::Kind::Gone:
            return "gone";
        case FollowEvent::Kind::Back:
            return "back";
    }
    return "?";
}

FileFollower::FileFollower(std::string path, BytesCallback on_bytes, EventCallback on_event,
                           FollowerOptions options)
    : path_(std::move(path)),
      on_bytes_(std::move(on_bytes)),
      on_event_(std::move(on_event)),
      options_(options) {
    options_.chunk_bytes = std::max<size_t>(options_.chunk_bytes, 4096);
}

FileFollower::~FileFollower() {
    closeFile();
}

void FileFollower::closeFile() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

void FileFollower::report(FollowEvent::Kind kind, std::string message, PollResult& result,
                          bool new_file) {
    ++result.events;
    if (on_event_) on_event_(FollowEvent{kind, stats_.bytes, std::move(message), new_file});
}

bool FileFollower::budgetLeft() const {
    return options_.max_bytes_per_poll == 0 || polled_bytes_ < options_.max_bytes_per_poll;
}

PollResult FileFollower::poll() {
    PollResult result;
    ++stats_.polls;
    polled_bytes_ = 0;

    struct stat st;
    ++stats_.stat_calls;
    std::string why;
    if (::stat(path_.c_str(), &st) != 0) {
        why = describeErrno(errno);
    } else if (!S_ISREG(st.st_mode)) {
        why = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    }

    if (why.empty() && fd_ >= 0 && FileId{st.st_dev, st.st_ino} == id_) {
        missing_ = false;
        // The common case: the path still names the open file. One stat, and no read when its
        // size and mtime are unchanged.
        if (state_ == State::Gone) {  // renamed away and back, or made readable again
            state_ = State::Following;
            gone_message_.clear();
            report(FollowEvent::Kind::Back, {}, result);
        }
        follow(st, result);
        return result;
    }

    // The path is missing, or names another file than the open one (or none is open): first read
    // the open file to its end, wherever it now lives.
    if (fd_ >= 0) {
        struct stat open_st;
        ++stats_.stat_calls;
        if (::fstat(fd_, &open_st) == 0) follow(open_st, result);
        if (result.more) return result;  // not drained yet: switch on a later poll
    }

    if (why.empty()) {
        // Open the new file. fstat() of the descriptor, not the stat() above, says which file it
        // is: the path may have changed again in between.
        ++stats_.opens;
        int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        struct stat new_st;
        if (fd < 0) {
            why = describeErrno(errno);
        } else if (++stats_.stat_calls, ::fstat(fd, &new_st) != 0 || !S_ISREG(new_st.st_mode)) {
            why = "not a regular file";
            ::close(fd);
        } else {
            FollowEvent::Kind kind = !started_               ? FollowEvent::Kind::Started
                                     : state_ == State::Gone ? FollowEvent::Kind::Back
                                                             : FollowEvent::Kind::Rotated;
            closeFile();
            fd_ = fd;
            id_ = FileId{new_st.st_dev, new_st.st_ino};
            offset_ = 0;
            seen_size_ = -1;
            seen_mtime_ = {};
            tail_.clear();
            skip_nuls_ = false;
            started_ = true;
            missing_ = false;
            state_ = State::Following;
            gone_message_.clear();
            report(kind, {}, result, /*new_file=*/true);
            follow(new_st, result);
            return result;
        }
    }

    // Gone: keep everything (and the open file, if any). Reported once per disappearance, when
    // the path stayed missing for gone_after.
    const auto now = std::chrono::steady_clock::now();
    if (!missing_) {
        missing_ = true;
        missing_since_ = now;
    }
    if (state_ != State::Gone && (!started_ || now - missing_since_ >= options_.gone_after)) {
        state_ = State::Gone;
        gone_message_ = why;
        report(FollowEvent::Kind::Gone, why, result);
    }
    return result;
}

void FileFollower::follow(const struct stat& st, PollResult& result) {
    const bool shrank = uint64_t(st.st_size) < offset_;
    if (!shrank && st.st_size == seen_size_ && sameTime(st.st_mtim, seen_mtime_) &&
        uint64_t(st.st_size) == offset_) {
        return;  // unchanged
    }
    seen_size_ = st.st_size;
    seen_mtime_ = st.st_mtim;
    if (shrank) {
        restart(result);
    } else if (uint64_t(st.st_size) == offset_ && tail_.empty()) {
        return;  // touched, but nothing to read and nothing to check
    }
    if (!readToEnd(/*verify=*/!shrank, uint64_t(st.st_size), result)) {
        // The bytes before our offset changed: truncated, then refilled past the old offset
        // before this poll.
        restart(result);
        readToEnd(false, uint64_t(st.st_size), result);
    }
}

void FileFollower::restart(PollResult& result) {
    offset_ = 0;
    tail_.clear();
    skip_nuls_ = true;
    report(FollowEvent::Kind::Truncated, {}, result);
}

bool FileFollower::readToEnd(bool verify, uint64_t size, PollResult& result) {
    size_t check = verify ? std::min<uint64_t>(tail_.size(), offset_) : 0;
    if (skip_nuls_ && check == 0) skipHole();
    // Room for what stat() said is there plus what may have come since, in whole 64 KiB.
    const uint64_t expected = size > offset_ ? size - offset_ : 0;
    const size_t chunk =
        size_t(std::min<uint64_t>(options_.chunk_bytes, (expected / kMinChunk + 1) * kMinChunk));
    if (buffer_size_ < chunk + kTailBytes) {
        buffer_size_ = chunk + kTailBytes;
        buffer_.reset(new char[buffer_size_]);
    }

    for (;;) {
        if (!budgetLeft()) {
            result.more = true;
            return true;
        }
        size_t want = chunk;
        if (options_.max_bytes_per_poll != 0)
            want = std::min(want, options_.max_bytes_per_poll - polled_bytes_);
        ++stats_.read_calls;
        ssize_t n = ::pread(fd_, buffer_.get(), check + want, off_t(offset_ - check));
        if (n < 0) {
            if (errno == EINTR) continue;
            return true;  // an I/O error: try again at the next poll
        }
        size_t got = size_t(n);
        if (check != 0) {
            if (got < check ||
                std::memcmp(buffer_.get(), tail_.data() + tail_.size() - check, check) != 0) {
                return false;
            }
            got -= check;
        }
        deliver(buffer_.get() + check, got, result);
        check = 0;
        if (got < want) return true;  // a short read of a regular file: at its end
    }
}

void FileFollower::skipHole() {
    // A writer without O_APPEND that goes on at its old offset after a truncation leaves a hole
    // before its new bytes; SEEK_DATA skips it without reading it (deliver() drops the NULs of a
    // partly filled block).
    off_t data = ::lseek(fd_, off_t(offset_), SEEK_DATA);
    if (data > off_t(offset_)) {
        uint64_t skipped = uint64_t(data) - offset_;
        offset_ = uint64_t(data);
        tail_.assign(std::min<uint64_t>(skipped, kTailBytes), '\0');
    }
}

void FileFollower::deliver(const char* data, size_t n, PollResult& result) {
    if (n == 0) return;
    polled_bytes_ += n;
    // State first, so an exception from the callback leaves it consistent.
    offset_ += n;
    if (n >= kTailBytes) {
        tail_.assign(data + n - kTailBytes, kTailBytes);
    } else {
        tail_.append(data, n);
        if (tail_.size() > kTailBytes) tail_.erase(0, tail_.size() - kTailBytes);
    }
    if (skip_nuls_) {
        size_t lead = 0;
        while (lead < n && data[lead] == '\0') ++lead;
        data += lead;
        n -= lead;
        if (n == 0) return;
        skip_nuls_ = false;
    }
    stats_.bytes += n;
    result.bytes += n;
    if (on_bytes_) on_bytes_(std::string_view(data, n));
}

}  // namespace gcscope::follow
