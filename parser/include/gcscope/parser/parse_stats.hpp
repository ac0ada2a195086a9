#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gcscope::parser {

/// Where every input line went. lines == record_lines + known_lines + unrecognised_lines.
struct ParseStats {
    uint64_t lines = 0;
    uint64_t record_lines = 0;  ///< lines holding at least one GC record or heap-space sample
    uint64_t known_lines = 0;   ///< V8 text that is not a record (markers, stack traces, blanks…)
    uint64_t unrecognised_lines = 0;  ///< anything else (application output, garbage)
    uint64_t gc_records = 0;          ///< GC records delivered (after dropping repeats)
    uint64_t duplicate_records = 0;   ///< exact repeats dropped (OOM report re-prints)
    uint64_t heap_space_samples = 0;
    uint64_t oom_markers = 0;
    uint64_t overlong_lines = 0;  ///< lines longer than the limit, counted as unrecognised
    uint64_t bytes = 0;

    struct Unrecognised {
        uint64_t line;
        std::string text;  ///< clipped to kMaxKeptTextBytes
    };
    static constexpr size_t kMaxKeptUnrecognised = 1000;
    static constexpr size_t kMaxKeptTextBytes = 512;
    std::vector<Unrecognised> first_unrecognised;  ///< the first kMaxKeptUnrecognised, in order
};

}  // namespace gcscope::parser
