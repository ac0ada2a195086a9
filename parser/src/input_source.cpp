// readLog(): turns a path ("-" = standard input) into a stream of large byte chunks, inflating
// gzip on the fly. Memory stays fixed (one input and one output buffer) whatever the file size:
// logs of several GB must not be loaded whole.
#include "gcscope/parser/input_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "mapped_file.hpp"
#include "read_ahead.hpp"

namespace gcscope::parser {
namespace {

// 8 MiB: large enough that the per-chunk cost (syscall, feed() bookkeeping, the parser's
// parallel split) vanishes, small enough to stay in L3-ish territory and keep memory flat.
constexpr size_t kChunkBytes = size_t(8) << 20;
// Compressed input is read in smaller pieces; one piece typically inflates to several MiB.
constexpr size_t kGzipInBytes = size_t(1) << 20;

/// Receives each filled buffer and hands back an empty one (ReadAhead::push).
using ChunkSink = std::function<void(ChunkBuffer& chunk)>;

/// Closes the descriptor on every exit path, including an exception thrown by onChunk.
class Fd {
  public:
    explicit Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
    ~Fd() {
        if (owned_ && fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
    bool owned_;
};

std::string describeErrno(const std::string& name, int err) {
    switch (err) {
        case ENOENT:
            return name + ": no such file";
        case EACCES:
        case EPERM:
            return name + ": permission denied";
        case EISDIR:
            return name + ": is a directory";
        default:
            return name + ": " + std::strerror(err);
    }
}

/// read() that retries on EINTR. Returns bytes read, 0 at end of file, -1 on error (errno set).
ssize_t readSome(int fd, char* buf, size_t cap) {
    for (;;) {
        ssize_t n = ::read(fd, buf, cap);
        if (n >= 0 || errno != EINTR) return n;
    }
}

/// Fills buf up to `want` bytes unless the input ends first: a pipe may hand over the gzip magic
/// one byte at a time, and detection needs both bytes.
ssize_t readAtLeast(int fd, char* buf, size_t cap, size_t want) {
    size_t got = 0;
    while (got < want) {
        ssize_t n = readSome(fd, buf + got, cap - got);
        if (n < 0) return -1;
        if (n == 0) break;
        got += size_t(n);
    }
    return ssize_t(got);
}

bool isGzipMagic(const unsigned char* p, size_t n) {
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/// Whether the open file `fd` starts with the gzip magic bytes.
bool startsWithGzipMagic(int fd) {
    unsigned char magic[2];
    return isGzipMagic(magic, size_t(std::max<ssize_t>(0, ::pread(fd, magic, 2, 0))));
}

std::string readPlain(int fd, const std::string& name, ChunkBuffer buf, const ChunkSink& onChunk) {
    for (;;) {
        // Top the buffer up before delivering, so chunks are large even from a pipe that
        // returns 64 KiB per read().
        while (buf.size < kChunkBytes) {
            ssize_t n = readSome(fd, buf.data.get() + buf.size, kChunkBytes - buf.size);
            if (n < 0) {
                int err = errno;
                if (buf.size > 0) onChunk(buf);
                return name + ": read error: " + std::strerror(err);
            }
            if (n == 0) {
                if (buf.size > 0) onChunk(buf);
                return {};
            }
            buf.size += size_t(n);
        }
        onChunk(buf);
        buf.reserve(kChunkBytes);
    }
}

/// Inflates one or more concatenated gzip members (`cat a.gz b.gz` is a valid gzip file and
/// rotated logs are sometimes joined that way). Everything decoded before damage is delivered
/// before the error is returned. `first`/`first_len` are the bytes already read for detection.
std::string readGzip(int fd, const std::string& name, const char* first, size_t first_len,
                     const ChunkSink& onChunk) {
    z_stream zs{};
    // 15 + 32: maximum window, accept a gzip (or zlib) header automatically.
    if (inflateInit2(&zs, 15 + 32) != Z_OK) return name + ": cannot initialise zlib";
    struct ZGuard {
        z_stream* zs;
        ~ZGuard() { inflateEnd(zs); }
    } guard{&zs};

    std::unique_ptr<unsigned char[]> in(new unsigned char[kGzipInBytes]);
    ChunkBuffer out;  // its `size` bytes are not yet delivered
    out.reserve(kChunkBytes);
    std::memcpy(in.get(), first, first_len);
    zs.next_in = in.get();
    zs.avail_in = uInt(first_len);

    uint64_t delivered = 0;  // decompressed bytes handed to onChunk so far
    bool input_eof = false;
    bool member_open = true;  // inside a gzip member (its end not yet seen)

    auto flush = [&] {
        if (out.size == 0) return;
        delivered += out.size;
        onChunk(out);
        out.reserve(kChunkBytes);
    };
    auto corrupt = [&](const char* detail) {
        flush();
        std::string msg =
            name + ": gzip data is corrupt after " + std::to_string(delivered) + " bytes";
        if (detail && *detail) msg += std::string(" (") + detail + ")";
        return msg;
    };

    for (;;) {
        if (zs.avail_in == 0 && !input_eof) {
            ssize_t n = readSome(fd, reinterpret_cast<char*>(in.get()), kGzipInBytes);
            if (n < 0) {
                int err = errno;
                flush();
                return name + ": read error: " + std::strerror(err);
            }
            if (n == 0) {
                input_eof = true;
            } else {
                zs.next_in = in.get();
                zs.avail_in = uInt(n);
            }
        }

        if (!member_open) {
            // Between members: more data must be another gzip member. Trailing zero bytes
            // (block padding from tape-era tools) are ignored, as gzip(1) does.
            if (zs.avail_in == 0) {
                if (input_eof) break;
                continue;
            }
            if (zs.next_in[0] == 0) {
                while (zs.avail_in > 0 && zs.next_in[0] == 0) {
                    ++zs.next_in;
                    --zs.avail_in;
                }
                continue;
            }
            if (inflateReset(&zs) != Z_OK) return corrupt("zlib reset failed");
            member_open = true;
        }

        if (zs.avail_in == 0 && input_eof) {
            // The input ended inside a member.
            return corrupt("unexpected end of file");
        }

        zs.next_out = reinterpret_cast<unsigned char*>(out.data.get() + out.size);
        zs.avail_out = uInt(kChunkBytes - out.size);
        int rc = inflate(&zs, Z_NO_FLUSH);
        out.size = kChunkBytes - zs.avail_out;
        if (out.size == kChunkBytes) flush();

        switch (rc) {
            case Z_OK:
                break;
            case Z_STREAM_END:
                member_open = false;
                break;
            case Z_BUF_ERROR:
                // No progress possible: inflate needs more input (read next round) or more
                // output space (just flushed). Neither is an error by itself.
                break;
            case Z_NEED_DICT:
                return corrupt("needs a preset dictionary");
            case Z_DATA_ERROR:
                return corrupt(zs.msg ? zs.msg : "invalid data");
            case Z_MEM_ERROR:
                flush();
                return name + ": out of memory while decompressing";
            default:
                return corrupt(zs.msg ? zs.msg : "zlib error");
        }
    }
    flush();
    return {};
}

/// Reads an opened log to its end: gzip detected by its magic bytes, plain data otherwise.
std::string readOpened(int fd, const std::string& name, const ChunkSink& onChunk) {
    // The first read is capped at the gzip input size so that, if the data is gzip, these bytes
    // fit the inflater's input buffer; for plain data readPlain() tops the buffer up anyway.
    ChunkBuffer buf;
    buf.reserve(kChunkBytes);
    ssize_t n = readAtLeast(fd, buf.data.get(), kGzipInBytes, 2);
    if (n < 0) return describeErrno(name, errno);
    buf.size = size_t(n);

    if (isGzipMagic(reinterpret_cast<const unsigned char*>(buf.data.get()), buf.size)) {
        // Hand over only what was read for detection (at most kGzipInBytes); the large buffer
        // is freed first so gzip decoding does not hold 8 MiB more than it needs.
        std::string head(buf.data.get(), buf.size);
        buf = ChunkBuffer();
        return readGzip(fd, name, head.data(), head.size(), onChunk);
    }
    return readPlain(fd, name, std::move(buf), onChunk);
}

/// Opens a log ("-" = standard input, not closed). Returns the problem, or empty on success.
std::string openLog(const std::string& path, const std::string& name, int& fd_out, struct stat& st,
                    int extra_flags = 0) {
    const bool is_stdin = path == "-";
    fd_out = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extra_flags);
    if (fd_out < 0) return describeErrno(name, errno);
    if (::fstat(fd_out, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!is_stdin) ::close(fd_out);
        fd_out = -1;
        return name + ": is a directory";
    }
    return {};
}

std::string displayName(const std::string& path) {
    return path == "-" ? std::string("standard input") : path;
}

}  // namespace

std::string checkLog(const std::string& path) {
    if (path == "-") return {};
    int fd = -1;
    struct stat st {};
    // O_NONBLOCK: checking a FIFO must not wait for its writer.
    std::string problem = openLog(path, displayName(path), fd, st, O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    return problem;
}

bool isGzipFile(const std::string& path) {
    if (path == "-") return false;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    const bool gzip = startsWithGzipMagic(fd);
    ::close(fd);
    return gzip;
}

bool isFollowableFile(const std::string& path) {
    if (path == "-") return false;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    const bool followable =
        ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && !startsWithGzipMagic(fd);
    ::close(fd);
    return followable;
}

std::string readLog(const std::string& path,
                    const std::function<void(std::string_view chunk)>& onChunk) {
    const bool is_stdin = path == "-";
    const std::string name = displayName(path);

    int raw = -1;
    struct stat st {};
    if (std::string problem = openLog(path, name, raw, st); !problem.empty()) return problem;
    Fd fd(raw, !is_stdin);
    if (!is_stdin && S_ISREG(st.st_mode)) {
        // Purely a hint: the kernel may read ahead more aggressively.
        (void)::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
        // A plain file is parsed in place. Files that report no size (/proc) are read().
        if (st.st_size > 0 && !startsWithGzipMagic(fd.get())) {
            if (std::optional<std::string> outcome = readMapped(fd.get(), name, onChunk))
                return *outcome;
        }
    }

    // Reading (the kernel's copy, or inflating gzip) runs on its own thread, one chunk ahead of
    // the consumer: on a 400 MB log the read alone was a tenth of the time, all of it spent while
    // the parser's other threads waited.
    ReadAhead ahead;
    std::jthread reader([&] {
        std::string error;
        try {
            error = readOpened(fd.get(), name, [&](ChunkBuffer& chunk) { ahead.push(chunk); });
        } catch (const ReadAhead::Cancelled&) {
            // the consumer stopped (its callback threw): nothing more to do
        }
        ahead.close(std::move(error));
    });
    return ahead.drain(onChunk);
}

}  // namespace gcscope::parser
