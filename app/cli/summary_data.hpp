// What `summary` and `check` report: the model's statistics and diagnosis per isolate and overall,
// with the parse counts of each log. Built by summary_builder from a model::Timeline, printed by
// summary_text / summary_json, checked by check_rules. New figures go into the model first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gcscope/model/diagnosis.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/time_range.hpp"
#include "gcscope/parser/gc_record.hpp"
#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::cli {

struct IsolateSummary {
    size_t series = 0;       ///< index in the timeline
    parser::IsolateKey key;  ///< isolate_id: the first one printed for this isolate, else -1
    std::string isolate_text;
    /// Over the range. first_ms/last_ms/span_ms are on this isolate's own clock.
    model::RangeStats stats;
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
    static constexpr size_t kMaxKeptOoms = 100;  ///< shown; stats has the count

    std::string path;  ///< as given; "-" = standard input
    parser::ParseStats stats;
    std::string error;                     ///< read error, if the log ended early
    std::vector<IsolateSummary> isolates;  ///< every isolate with a GC record, in order of appearance
    std::vector<OomSummary> ooms;          ///< the first kMaxKeptOoms
};

/// A diagnosis finding with the names of what it is about.
struct FindingSummary {
    model::Finding finding;
    std::string source;  ///< the log's path
    bool has_isolate = false;  ///< false: about a log (an OOM report of an isolate without records)
    parser::IsolateKey key;
    std::string isolate_text;
};

struct Summary {
    model::TimeRange range;  ///< --from/--to (all when not given)
    std::vector<SourceSummary> sources;
    /// All isolates of all logs together, each on its own clock (model::combinedStats).
    model::RangeStats overall;
    std::vector<FindingSummary> diagnosis;

    /// GC records in the range, all logs.
    uint64_t gcRecords() const { return overall.events; }
    size_t isolateCount() const;
};

/// Lines of the text summary show this many unrecognised lines, clipped to kUnrecognisedClip.
inline constexpr size_t kShownUnrecognised = 10;
inline constexpr size_t kUnrecognisedClip = 120;

}  // namespace gcscope::cli
