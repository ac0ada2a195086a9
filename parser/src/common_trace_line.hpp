// A hand-tuned recogniser for the one line shape that makes up most of every --trace-gc log:
//
//   [4711:0x5d3f000]     1234 ms: Scavenge 47.5 (67.9) -> 38.4 (69.9) MB, pooled: 9 MB,
//       1.71 / 0.00 ms  (average mu = 0.997, current mu = 0.997) task; scavenge might not succeed
//
// Why it exists: the X3 path (line_classifier.cpp) finds the prefix with memchr, searches the rest
// of the line for a second, glued prefix, then runs the timestamp, record core, incremental and mu
// rules as separate parses: about 2,000 instructions for such a line, the largest share of a
// `gcscope-cli summary` run. This reads the same line in one pass, with the same number
// conversion, the same type-name table and the same reason splitting.
//
// It takes only what it is sure of: a line that starts with "[pid:0xiso] ", fixed-point numbers
// and no '[' after the prefix. Anything else returns false and the X3 path decides.
// tests/parser/common_trace_line_test.cpp checks on every line of every sample log (and
// ../shared/realworld/) that both paths give the same item.
#pragma once

#include <string_view>

#include "ast.hpp"
#include "classified_chunk.hpp"

namespace gcscope::parser {

/// "[4711:0x5d3f000]" followed by a space, the prefix of every V8 since 4.4 on Linux and macOS:
/// fills `out` as the grammar's v8Prefix rule would and advances p past the ']'. Other prefix
/// forms return false (the grammar reads them). The grammar's rule costs some 280 instructions a
/// line (an x3 alternative of two pointer forms, actions through a context); this is a loop.
bool readCommonPrefix(const char*& p, const char* end, ast::V8Prefix& out);

/// Classifies `line` (no '\n', CR and ANSI codes already removed) as line `index` of `out` if it
/// is a common --trace-gc record, exactly as the X3 path would; returns false, leaving `out`
/// untouched, otherwise.
bool classifyCommonTraceLine(std::string_view line, uint32_t index, ClassifiedChunk& out);

}  // namespace gcscope::parser
