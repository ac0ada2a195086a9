// Hand-tuned readers for the line shapes that make up most of every log:
//
//   [4711:0x5d3f000]     1234 ms: Scavenge 47.5 (67.9) -> 38.4 (69.9) MB, pooled: 9 MB,
//       1.71 / 0.00 ms  (average mu = 0.997, current mu = 0.997) task; scavenge might not succeed
//   [4711:0x5d3f000:0]     1234 ms: pause=0.4 mutator=14.2 gc=s reduce_memory=0 …
//   [4711:0x5d3f000:0]     1234 ms: GC: {"pause":18.512,"mutator":6.445,"gc":"mc",…}
//
// Why they exist: the X3 path (line_classifier.cpp) finds the prefix with memchr, searches the
// rest of the line for a second, glued prefix, then runs the timestamp and record rules as
// separate parses, the nvp pairs through x3's list, alternative and action machinery: most of a
// `gcscope-cli summary` run. These read the same lines in one pass, with the same number
// conversion (number.hpp), the same type-name table, the same reason splitting and the same nvp
// field mapping (nvp_record.hpp).
//
// They take only what they are sure of: the "[pid:0xiso]" or "[pid:0xiso:id]" prefix at the
// start of the line, well-formed records that end the line, nothing that could be a second glued
// record. Anything else returns false and the X3 path decides.
// tests/parser/common_line_test.cpp checks on every line of every sample log (and
// ../shared/realworld/) that both paths give the same items.
#pragma once

#include <string_view>

#include "ast.hpp"
#include "classified_chunk.hpp"

namespace gcscope::parser {

/// "[4711:0x5d3f000]" or "[4711:0x5d3f000:0]" followed by a space, the prefix of every V8 since
/// 4.4 on Linux and macOS: fills `out` as the grammar's v8Prefix rule would and advances p past
/// the ']'. Other prefix forms return false (the grammar reads them). The grammar's rule costs
/// some 280 instructions a line (an x3 alternative of two pointer forms, actions through a
/// context); this is a loop.
bool readCommonPrefix(const char*& p, const char* end, ast::V8Prefix& out);

/// The isolate a prefix names.
IsolateKey isolateKeyOf(const ast::V8Prefix& prefix);

/// Classifies `line` (no '\n', CR and ANSI codes already removed) as line `index` of `out` if it
/// is one of the common records above, exactly as the X3 path would; returns false, leaving
/// `out` untouched, otherwise.
bool classifyCommonLine(std::string_view line, uint32_t index, ClassifiedChunk& out);

}  // namespace gcscope::parser
