// Model → chart points: pure functions, no widget, so what the charts draw and what hovering or
// clicking finds is tested without a window or a mouse.
//
// Every time chart shares one x axis: seconds since the isolate started (V8's clock, each isolate
// on its own). Points are decimated to at most 4 per pixel column of the visible range (M4, see
// model/decimate.hpp), so a chart of 10 million GCs hands Qt Charts a few thousand points.
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <array>
#include <functional>
#include <span>
#include <vector>

#include "gcscope/model/derived_series.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/time_range.hpp"
#include "gcscope/model/timeline.hpp"
#include "charts/axis_scale.hpp"
#include "session/event_ref.hpp"

namespace gcscope::ui::charts {

class SeriesSummary;
/// Finds the block summaries of a series (series_summary.hpp), or nullptr: the adapters then
/// scan every event. Results are the same either way; summaries make wide ranges fast.
using SummaryLookup = std::function<const SeriesSummary*(size_t series)>;

// ---- the time axis ------------------------------------------------------------------------------

/// Charts plot time in seconds; the model and the session work in ms.
inline double toAxisX(double t_ms) {
    return t_ms / 1000.0;
}
inline double fromAxisX(double x_s) {
    return x_s * 1000.0;
}
QString timeAxisTitle();  ///< "time since isolate start (s)"

// ---- collector families (one colour each, in every chart) --------------------------------------

enum class CollectorFamily { Scavenge, MarkCompact, Minor, Other };
inline constexpr int kCollectorFamilies = 4;
CollectorFamily familyOf(parser::GcType type);
QString familyName(CollectorFamily family);  ///< "Scavenge", "Mark-Compact / Mark-sweep", …

// ---- labels
// ---------------------------------------------------------------------------------------

/// "8889:0x7b03000" (pid and isolate), prefixed with the log's file name when `with_source`.
QString seriesLabel(const model::Timeline& timeline, size_t series, bool with_source = false);
/// Whether labels need the source to be told apart (several logs are open).
bool needsSourceInLabels(const model::Timeline& timeline, std::span<const size_t> series);

/// The text shown when hovering an event: collector, isolate, time, pause, heap before → after,
/// reason, log line. Empty for an invalid ref.
QString eventDescription(const model::Timeline& timeline, EventRef event);

// ---- decimated points
// -----------------------------------------------------------------------------

/// Model points (ms) → chart points (s).
QList<QPointF> toChartPoints(const std::vector<model::Point>& points);

/// Heap used (the sawtooth) and committed of one series, decimated in one pass over the events.
struct HeapLines {
    QList<QPointF> used, committed;
};
HeapLines heapLines(const model::Series& s, const model::TimeRange& visible, int width,
                    std::vector<size_t>* events = nullptr, const SeriesSummary* summary = nullptr);
/// The heap sawtooth of one series: for each GC (t, used before) then (t, used after), M4-decimated
/// over `visible` into `width` columns, plus the GC just outside each edge so the line reaches the
/// chart's borders. `events`, when given, receives the event index of each point.
QList<QPointF> heapSawtooth(const model::Series& s, const model::TimeRange& visible, int width,
                            std::vector<size_t>* events = nullptr);
/// Heap committed: (t, committed before) then (t, committed after) per GC, decimated the same way.
QList<QPointF> heapCommitted(const model::Series& s, const model::TimeRange& visible, int width);

/// Pauses of one collector family, for a scatter plot: per pixel column the lowest and highest
/// pause (a scatter connects nothing, so the first and last of M4 add nothing) — spikes are kept.
QList<QPointF> pausePoints(const model::Series& s, CollectorFamily family,
                           const model::TimeRange& visible, int width);
/// The same for every family at once, in one pass over the visible events (what PauseChart draws).
std::array<QList<QPointF>, kCollectorFamilies> pausePointsByFamily(
    const model::Series& s, const model::TimeRange& visible, int width,
    const SeriesSummary* summary = nullptr);
/// The same, appended to `out` (a chart of many isolates collects them all in one list each).
void appendPausePointsByFamily(const model::Series& s, const model::TimeRange& visible, int width,
                               const SeriesSummary* summary,
                               std::array<QList<QPointF>, kCollectorFamilies>& out);

/// Times (s) of the OOM reports attributed to `series` that fall in `visible`.
QList<double> oomTimes(const model::Timeline& timeline, std::span<const size_t> series,
                       const model::TimeRange& visible);

/// GC frequency and overhead of several series summed per interval (intervals are aligned to
/// multiples of interval_ms on each isolate's clock, so they line up and do not shift on pan).
struct FrequencySteps {
    /// Intervals covered less than this share by any isolate get no overhead point.
    static constexpr double kMinCoveredShare = 0.25;
    double interval_ms = 0;
    QList<QPointF> young;     ///< step line: young-generation GCs per interval
    QList<QPointF> total;     ///< step line: young + old GCs per interval (stacked on young)
    QList<QPointF> overhead;  ///< step line: GC time / covered time × 100 per interval
    double max_count = 0;
    double max_overhead_pct = 0;
    std::vector<model::IntervalBucket> buckets;  ///< the summed buckets, by start time
};
FrequencySteps gcFrequency(const model::Timeline& timeline, std::span<const size_t> series,
                           const model::TimeRange& visible, double interval_ms,
                           const SummaryLookup& summaries = {});
/// model::gcPerInterval, reading block summaries where a block falls in one interval (same
/// counts; pause sums equal up to floating-point rounding).
std::vector<model::IntervalBucket> intervalBuckets(const model::Series& s,
                                                   const model::TimeRange& range,
                                                   double interval_ms,
                                                   const SeriesSummary* summary);
/// Mean pause (ms) of the GCs of `series` in `range`, NaN when none printed one.
double meanPauseMs(const model::Timeline& timeline, std::span<const size_t> series,
                   const model::TimeRange& range);
/// The frequency chart's interval: about one per 14 px of `width`, but at least 10 mean pauses
/// long — shorter intervals alias (one pause fills an interval: 100 %, the next 0 %) — and
/// never fewer than 8 intervals over the span.
double frequencyInterval(double span_ms, int width, double mean_pause_ms);

/// Pause histogram of the visible range, split by generation (same 1-2-5 bins as the model's).
struct SplitHistogram {
    model::PauseHistogram young, old;
};
SplitHistogram pauseHistogram(const model::Timeline& timeline, std::span<const size_t> series,
                              const model::TimeRange& visible);
/// "0.5–1" for bin i of model::PauseHistogram (ms), "≥ 5000" for the open last bin.
QString histogramBinLabel(size_t bin);

// ---- hit testing
// ----------------------------------------------------------------------------------

/// What a chart plots per event, so hit testing measures the distance to what the user sees.
enum class HitMetric {
    Pause,  ///< the point (t, pause)
    Heap,   ///< the vertical stroke of the sawtooth, (t, used after) … (t, used before)
    Time,   ///< time only
};

/// A position in data space (ms, value) and the chart's scale, to measure distances in pixels.
struct HitQuery {
    double t_ms = 0;
    double value = 0;
    double ms_per_px = 1;
    double value_per_px = 1;
    double max_px = 10;  ///< farther events are not hit
};

/// The event nearest (in pixels) to `q` among `series`, or an invalid ref.
EventRef nearestEvent(const model::Timeline& timeline, std::span<const size_t> series,
                      HitMetric metric, const HitQuery& q);

}  // namespace gcscope::ui::charts
