#include "follow_test_support.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace gcscope::follow::test {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

LogWriter::LogWriter(std::string path, Mode mode) : path_(std::move(path)), mode_(mode) {
    openNew();
}

LogWriter::~LogWriter() {
    if (fd_ >= 0) ::close(fd_);
}

void LogWriter::openNew() {
    if (fd_ >= 0) ::close(fd_);
    int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (mode_ == Mode::Append ? O_APPEND : 0);
    fd_ = ::open(path_.c_str(), flags, 0644);
    if (fd_ < 0) fail("open " + path_);
}

void LogWriter::write(std::string_view bytes) {
    written_ += bytes;
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("write " + path_);
        bytes.remove_prefix(size_t(n));
    }
}

void LogWriter::truncate() {
    if (::truncate(path_.c_str(), 0) != 0) fail("truncate " + path_);
}

void LogWriter::rotate(const std::string& to) {
    if (::rename(path_.c_str(), to.c_str()) != 0) fail("rename " + path_);
    openNew();
}

void LogWriter::remove() {
    if (::unlink(path_.c_str()) != 0) fail("unlink " + path_);
}

void LogWriter::recreate() {
    openNew();
}

FollowerOptions goneAtOnce() {
    FollowerOptions o;
    o.gone_after = std::chrono::milliseconds(0);
    return o;
}

FollowedLog::FollowedLog(const std::string& path, FollowerOptions options)
    : follower(
          path,
          [this](std::string_view bytes) {
              ++byte_calls;
              received += bytes;
              parser.feed(bytes);
          },
          [this](const FollowEvent& e) { events.push_back(e); }, options) {}

parser::ParseStats FollowedLog::finish() {
    parser.finish();
    return parser.stats();
}

size_t FollowedLog::count(FollowEvent::Kind k) const {
    size_t n = 0;
    for (const auto& e : events) n += e.kind == k;
    return n;
}

std::string FollowedLog::eventNames() const {
    std::string s;
    for (const auto& e : events) {
        if (!s.empty()) s += ' ';
        s += followEventName(e.kind);
    }
    return s;
}

std::string sampleStream() {
    const std::string dir = GCSCOPE_SAMPLE_LOGS_DIR;
    return testing::readFile(dir + "/node22-workers-trace-gc.log") +
           testing::readFile(dir + "/node20-oom-trace-gc.log") +
           testing::readFile(dir + "/node24-churn-trace-gc-nvp.log");
}

}  // namespace gcscope::follow::test
