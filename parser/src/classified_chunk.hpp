// What the classifier (stage 1, stateless, runs on several threads) hands to the resolver
// (stage 2, stateful, runs in input order on the feeding thread).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser {

struct UnrecognisedText {
    std::string_view text;
};
/// "<--- JS stacktrace --->": the OOM report's list of last GCs is over.
struct OomSectionEnd {};

/// V8 formats the OOM report's ring-buffer entries into char[256]: an entry of exactly this many
/// characters was cut.
inline constexpr size_t kRingBufferEntryChars = 255;

struct ClassifiedItem {
    uint32_t line = 0;             ///< 0-based index of the line within its chunk
    bool prefixed = false;         ///< the key comes from a V8 prefix on the line itself
    bool ring_buffer_cut = false;  ///< exactly 255 chars and glued/at an OOM report: V8 cut it
    uint32_t nvp_begin = 0;        ///< GC records: their fields in ClassifiedChunk::nvp
    uint32_t nvp_count = 0;
    std::variant<GcRecord, HeapSpaceSample, OomMarker, OomSectionEnd, UnrecognisedText> payload;
};

/// The classified lines of one slice of input. String views point into the input bytes (alive
/// until the resolver is done with the chunk) or into `scratch` (lines rewritten without ANSI
/// colour codes).
struct ClassifiedChunk {
    std::vector<ClassifiedItem> items;
    std::vector<NvpField> nvp;
    std::deque<std::string> scratch;
    uint64_t lines = 0;
    uint64_t record_lines = 0;
    uint64_t known_lines = 0;
    uint64_t unrecognised_lines = 0;
    uint64_t overlong_lines = 0;

    void clear() {
        items.clear();
        nvp.clear();
        scratch.clear();
        lines = record_lines = known_lines = unrecognised_lines = overlong_lines = 0;
    }
};

}  // namespace gcscope::parser
