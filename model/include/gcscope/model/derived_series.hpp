// Series computed from one isolate's events, for charts and the diagnosis: GC counts and overhead
// per interval, allocation rate, promotion, live set, per-space heap, mutator utilisation.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "gcscope/model/series.hpp"
#include "gcscope/model/time_range.hpp"

namespace gcscope::model {

class Timeline;

/// A value at a time (ms on the isolate's clock). `event` is the index of the GC (or of the
/// heap-space sample) it comes from, so a chart can point back at the log line.
struct Point {
    double t_ms = 0;
    double value = 0;
    size_t event = 0;
};

/// One interval of a GC-count / GC-overhead chart.
struct IntervalBucket {
    double start_ms = 0, end_ms = 0;  ///< [start, end)
    uint32_t young = 0, old = 0;      ///< GCs whose time falls in the interval
    double young_pause_ms = 0, old_pause_ms = 0;
    /// Part of the interval inside the range and the isolate's observed life (first to last GC):
    /// the first and last intervals are partly outside it.
    double covered_ms = 0;
    /// (young + old pause) / covered × 100, at most 100; NaN when nothing is covered.
    double overhead_pct = parser::kAbsent;

    /// Counts one GC (its whole pause; a missing pause counts the GC only).
    void add(parser::GcType type, double pause_ms);
    /// Sets overhead_pct from the counts and covered_ms.
    void computeOverhead();
};

/// The intervals gcPerInterval() fills, empty but with their bounds and covered_ms: `range`
/// clipped to the isolate's first..last GC, cut at multiples of `interval_ms`. Empty when no GC of
/// `s` is in `range`. Shared by every count per interval (the charts add block summaries).
std::vector<IntervalBucket> emptyIntervals(const Series& s, const TimeRange& range, double interval_ms);
/// Index in `intervals` (from emptyIntervals) of the interval holding time `t_ms`.
inline size_t intervalOf(const std::vector<IntervalBucket>& intervals, double interval_ms, double t_ms) {
    const double k = std::floor((t_ms - intervals.front().start_ms) / interval_ms);
    return std::min(intervals.size() - 1, size_t(k));
}

/// A "nice" interval (1, 2 or 5 × 10^k ms, at least 1 ms) that cuts `span_ms` into about
/// `target` intervals: the interval follows the visible span as the user zooms.
double chooseInterval(double span_ms, double target = 60);

/// GC count by generation and GC overhead per interval over `range` (clipped to the isolate's
/// first..last GC). Intervals are aligned to multiples of `interval_ms` on the isolate's clock,
/// so they do not shift while the user pans. A GC's whole pause counts in the interval of its
/// timestamp.
std::vector<IntervalBucket> gcPerInterval(const Series& s, const TimeRange& range, double interval_ms);

/// Allocation rate in MB/s at each GC: heap used before this GC minus used after the previous
/// one, over the time between them. GCs printed in the same millisecond are folded into the next
/// point (their time difference is 0); a negative difference (sweeping that finished after the
/// previous report) counts as 0.
std::vector<Point> allocationRate(const Series& s, const TimeRange& range);

/// MB promoted to the old generation by each GC, where --trace-gc-nvp printed `promoted`.
std::vector<Point> promotion(const Timeline& timeline, const Series& s, const TimeRange& range);

/// Live set: heap used after each old-generation GC, MB.
std::vector<Point> liveSet(const Series& s, const TimeRange& range);

/// One heap space's samples (--trace-gc-verbose), sizes in MB (V8 prints KB).
struct SpacePoint {
    double t_ms = 0;
    double used_mb = parser::kAbsent, available_mb = parser::kAbsent, committed_mb = parser::kAbsent;
    size_t sample = 0;  ///< index for Series::heapSpace
};
std::vector<SpacePoint> heapSpace(const Series& s, uint32_t space, const TimeRange& range);

/// Mutator utilisation at each old-generation GC: the share of time since the previous one that
/// the application ran. V8's own "current mu" where printed (V8 >= 6.6); otherwise computed as
/// 1 - (pauses of all GCs since the previous old-generation GC) / (time since it).
std::vector<Point> mutatorUtilisation(const Series& s, const TimeRange& range);

}  // namespace gcscope::model
