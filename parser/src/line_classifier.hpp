#pragma once

#include <string_view>

#include "classified_chunk.hpp"

namespace gcscope::parser {

/// Stage 1: turns lines into items, without any state carried between lines, so slices of a large
/// input can be classified on several threads. Finds V8's "[pid:isolate]" prefix anywhere in a
/// line (pm2, docker, journald, Heroku, CRI, timestamp prefixes), splits records glued into one
/// line, strips CR and ANSI colour codes.
class LineClassifier {
  public:
    /// GrammarOnly turns off the hand-tuned readers of the common lines and prefix
    /// (common_line.hpp), so tests and the differential fuzzer can compare them with the grammar.
    enum class Paths { CommonLineFirst, GrammarOnly };

    explicit LineClassifier(size_t max_line_bytes, Paths paths = Paths::CommonLineFirst)
        : max_line_bytes_(max_line_bytes), paths_(paths) {}

    /// Classifies every '\n'-terminated line of `text` (the last line may lack its '\n').
    void classifyLines(std::string_view text, ClassifiedChunk& out) const;
    /// Classifies one line (no '\n' inside) as line number `index` of the chunk.
    void classifyLine(std::string_view line, uint32_t index, ClassifiedChunk& out) const;

  private:
    size_t max_line_bytes_;
    Paths paths_;
};

}  // namespace gcscope::parser
