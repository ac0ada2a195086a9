#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "gcscope/parser/parse_stats.hpp"
#include "gcscope/parser/record_sink.hpp"

namespace gcscope::parser {

struct StreamParserOptions {
    /// Worker threads used for large feeds (0 = hardware concurrency). Feeds smaller than
    /// `parallel_threshold_bytes` are parsed on the calling thread.
    unsigned threads = 0;
    size_t parallel_threshold_bytes = size_t(1) << 20;
    /// A line longer than this is counted as unrecognised and skipped, so a file with no newline
    /// cannot grow memory without bound.
    size_t max_line_bytes = size_t(1) << 20;
};

/// Incremental parser: feed byte chunks split anywhere; complete lines are parsed and their
/// records reach the sink in input order, the partial last line waits for the next feed (or for
/// finish()). Whole files, gzip streams, stdin and followed files all go through feed().
///
/// Not thread-safe: one thread feeds. Internally a large feed is split at line boundaries and
/// classified on several threads; results are merged in order before any callback runs, so the
/// sink is only ever called on the feeding thread.
class StreamParser {
  public:
    explicit StreamParser(RecordSink& sink, StreamParserOptions options = {});
    ~StreamParser();
    StreamParser(const StreamParser&) = delete;
    StreamParser& operator=(const StreamParser&) = delete;

    void feed(std::string_view bytes);
    /// Parse the pending partial line as the last line (a log cut off mid-line).
    void finish();
    /// Bytes waiting for their line's end.
    size_t pendingBytes() const;
    const ParseStats& stats() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gcscope::parser
