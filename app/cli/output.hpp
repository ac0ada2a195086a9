// Buffered standard output. Rows are appended to one std::string and written in ~64 KiB
// blocks: iostream formatting per field is several times slower than the parser.
#pragma once

#include <cstdio>
#include <string>

namespace gcscope::cli {

class Output {
public:
    static constexpr size_t kFlushBytes = size_t(64) << 10;

    explicit Output(std::FILE* stream = stdout) : stream_(stream) { buf_.reserve(2 * kFlushBytes); }
    ~Output() { flush(); }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    /// Append here, then call maybeFlush() once per row.
    std::string& buffer() { return buf_; }
    void maybeFlush() {
        if (buf_.size() >= kFlushBytes) flush();
    }
    /// Writes everything out. Returns false if the stream reported an error (disk full,
    /// closed pipe with SIGPIPE ignored, ...).
    bool flush();

private:
    std::FILE* stream_;
    std::string buf_;
};

}  // namespace gcscope::cli
