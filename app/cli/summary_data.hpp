// What `summary` reports: plain aggregates filled by SummarySink, printed by summary_text /
// summary_json. New statistics go here first, then into the two printers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gcscope/parser/gc_record.hpp"
#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::cli {

struct PauseTotals {
    uint64_t count = 0;           ///< GC records
    double pause_total_ms = 0;    ///< sum of the pauses that were printed
    double pause_max_ms = parser::kAbsent;  ///< absent when no record had a pause

    void add(double pause_ms) {
        ++count;
        if (parser::isAbsent(pause_ms)) return;
        pause_total_ms += pause_ms;
        if (parser::isAbsent(pause_max_ms) || pause_ms > pause_max_ms) pause_max_ms = pause_ms;
    }
    void merge(const PauseTotals& o) {
        count += o.count;
        pause_total_ms += o.pause_total_ms;
        if (!parser::isAbsent(o.pause_max_ms) &&
            (parser::isAbsent(pause_max_ms) || o.pause_max_ms > pause_max_ms)) {
            pause_max_ms = o.pause_max_ms;
        }
    }
};

struct IsolateSummary {
    parser::IsolateKey key;  ///< isolate_id: the first one printed for this isolate, else -1
    std::string isolate_text;
    PauseTotals young;
    PauseTotals old;
    /// Earliest and latest time_ms. V8 gives every isolate its own clock, so a span only
    /// makes sense within one isolate.
    double first_time_ms = parser::kAbsent;
    double last_time_ms = parser::kAbsent;

    double spanMs() const {
        return parser::isAbsent(first_time_ms) ? parser::kAbsent : last_time_ms - first_time_ms;
    }
};

struct OomSummary {
    uint64_t line = 0;
    parser::IsolateKey key;
    std::string isolate_text;
    double time_ms = parser::kAbsent;
    parser::OomMarker::Kind kind = parser::OomMarker::Kind::LastFewGcs;
    std::string message;
};

struct SourceSummary {
    static constexpr size_t kMaxKeptOoms = 100;  ///< a pathological log cannot grow memory

    std::string path;  ///< as given; "-" = standard input
    parser::ParseStats stats;
    std::string error;                     ///< read error, if the log ended early
    std::vector<IsolateSummary> isolates;  ///< in order of first appearance
    std::vector<OomSummary> ooms;          ///< the first kMaxKeptOoms; stats has the count
};

struct Summary {
    std::vector<SourceSummary> sources;

    uint64_t gcRecords() const;
    PauseTotals young() const;
    PauseTotals old() const;
    size_t isolateCount() const;
    /// The longest per-isolate span: spans of different isolates cannot be added or joined.
    double spanMs() const;
};

/// Lines of the text summary show this many unrecognised lines, clipped to kUnrecognisedClip.
inline constexpr size_t kShownUnrecognised = 10;
inline constexpr size_t kUnrecognisedClip = 120;

}  // namespace gcscope::cli
