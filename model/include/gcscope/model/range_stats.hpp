// Statistics of the GCs in a time range — the whole log or what the user zoomed to. Locating the
// range is two binary searches per isolate; the work is linear in the events inside it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "gcscope/model/collector.hpp"
#include "gcscope/model/time_range.hpp"
#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model {

class Timeline;

/// Pauses of a group of GCs. Percentiles are nearest-rank (percentiles.hpp) over the GCs that
/// printed a pause; NaN when there is none.
struct PauseStats {
    uint64_t count = 0;  ///< GC events
    uint64_t timed = 0;  ///< of which printed a pause
    double total_ms = 0;
    double mean_ms = parser::kAbsent;
    double max_ms = parser::kAbsent;
    double p50_ms = parser::kAbsent;
    double p90_ms = parser::kAbsent;
    double p95_ms = parser::kAbsent;
    double p99_ms = parser::kAbsent;
    double p999_ms = parser::kAbsent;
};

struct CollectorStats {
    CollectorKey collector = 0;
    std::string name;  ///< "Mark-Compact (reduce)"
    PauseStats pauses;
};

/// One row of the cause table.
struct ReasonStats {
    std::string reason;  ///< "allocation failure"; "" when the record printed none
    uint64_t count = 0;
    double total_ms = 0;
    double max_ms = parser::kAbsent;
};

/// Time between consecutive GCs of one isolate (both in the range).
struct GapStats {
    uint64_t count = 0;
    double mean_ms = parser::kAbsent;
    double min_ms = parser::kAbsent;
    double p50_ms = parser::kAbsent;
    double max_ms = parser::kAbsent;
};

/// Pause histogram with fixed 1-2-5 bins, so histograms of isolates and ranges can be compared
/// and added: bin i counts pauses in [upper_ms[i-1], upper_ms[i]) (from 0; the last bin is open).
struct PauseHistogram {
    static std::span<const double> upperEdgesMs();  ///< 0.1, 0.2, 0.5, 1, …, 5000, +inf
    std::vector<uint64_t> counts = std::vector<uint64_t>(upperEdgesMs().size(), 0);
    void add(double pause_ms);
};

struct Footprint {
    double max_committed_mb = parser::kAbsent;  ///< largest heap committed, before or after a GC
    double max_committed_at_ms = parser::kAbsent;
    double max_used_mb = parser::kAbsent;  ///< largest heap used (before a GC)
};

/// Least-squares line through the used-after-GC of the old-generation GCs.
struct LiveSetTrend {
    size_t full_gcs = 0;
    double slope_mb_per_min = parser::kAbsent;
    double r2 = parser::kAbsent;
    double first_mb = parser::kAbsent, last_mb = parser::kAbsent;
    double first_ms = parser::kAbsent, last_ms = parser::kAbsent;
};

struct RangeStats {
    uint64_t events = 0;
    uint64_t isolates = 0;  ///< isolates with at least one GC in the range
    /// The range clipped to what the log shows of each isolate: [max(from, its first GC),
    /// min(to, its last GC)] — the whole log: last GC - first GC. For one isolate its length;
    /// for several the longest (their clocks differ, spans cannot be joined).
    double span_ms = parser::kAbsent;
    /// First and last GC in the range (one isolate only).
    double first_ms = parser::kAbsent, last_ms = parser::kAbsent;
    /// Sum of the isolates' spans: the isolate-time GC overhead is measured against.
    double isolate_time_ms = 0;

    PauseStats all, young, old;
    std::vector<CollectorStats> collectors;  ///< by total pause, largest first
    std::vector<ReasonStats> reasons;        ///< by total pause, largest first
    /// Total pause / isolate time × 100: the share of the isolates' time their main thread was
    /// stopped by GC. NaN when the span is 0 (a single GC).
    double gc_overhead_pct = parser::kAbsent;
    GapStats between;
    PauseHistogram histogram;
    Footprint footprint;  ///< for several isolates: the largest single isolate
    LiveSetTrend live_set;  ///< one isolate only (full_gcs = 0 for several)
};

/// Statistics of one series over `range` (on its own clock).
RangeStats seriesStats(const Timeline& timeline, size_t series, const TimeRange& range = {});
/// Statistics of several series together (e.g. all isolates of all logs, or one log's), each
/// selected over `range` on its own clock; percentiles are over the union of their pauses. With
/// `per_series`, also each series' own statistics (per_series[k] for series[k]) from the same
/// single pass over the events. `threads` (0 = the hardware's) share the series when there are
/// hundreds; the result does not depend on it (sums up to rounding: they add in another order).
/// Reads only (see Timeline's threading rule).
RangeStats combinedStats(const Timeline& timeline, std::span<const size_t> series,
                         const TimeRange& range = {}, std::vector<RangeStats>* per_series = nullptr,
                         unsigned threads = 1);
/// As above, handing each series' own statistics to on_series(k, stats) for series[k] instead of
/// storing them all: a caller that keeps them elsewhere (the CLI's summary of tens of thousands
/// of isolates) holds them once. Called from the worker threads, once per k, in any order.
RangeStats combinedStats(const Timeline& timeline, std::span<const size_t> series, const TimeRange& range,
                         const std::function<void(size_t k, RangeStats&& stats)>& on_series, unsigned threads);
/// All series of the timeline.
RangeStats combinedStats(const Timeline& timeline, const TimeRange& range = {});

}  // namespace gcscope::model
