#include "panels/summary_rows.hpp"

#include <cmath>

#include "panels/display_format.hpp"

namespace gcscope::ui {

QStringList summaryRowLabels() {
    return {QStringLiteral("Span"),
            QStringLiteral("GC events"),
            QStringLiteral("Isolates"),
            QStringLiteral("Young GCs"),
            QStringLiteral("  their pauses"),
            QStringLiteral("Old GCs"),
            QStringLiteral("  their pauses"),
            QStringLiteral("Pause total"),
            QStringLiteral("Pause mean"),
            QStringLiteral("Pause max"),
            QStringLiteral("Pause p50"),
            QStringLiteral("Pause p95"),
            QStringLiteral("Pause p99"),
            QStringLiteral("Pause p99.9"),
            QStringLiteral("GC overhead"),
            QStringLiteral("Between GCs, median"),
            QStringLiteral("Between GCs, min"),
            QStringLiteral("Heap committed, max"),
            QStringLiteral("Heap used, max"),
            QStringLiteral("Live set trend"),
            QStringLiteral("Live set fit (R²)")};
}

QStringList summaryRowToolTips() {
    return {
        QStringLiteral("Time covered by the GCs (the longest isolate's, when there are several)"),
        QStringLiteral("GC events of the shown isolates"),
        QStringLiteral("Isolates with at least one GC"),
        QStringLiteral("Scavenges and minor GCs"),
        QStringLiteral("Total pause of the young-generation GCs"),
        QStringLiteral("Mark-sweep / Mark-Compact (full GCs)"),
        QStringLiteral("Total pause of the old-generation GCs"),
        QStringLiteral("Sum of main-thread pauses"),
        QStringLiteral("Mean main-thread pause"),
        QStringLiteral("Longest main-thread pause"),
        QStringLiteral("Median pause (nearest rank)"),
        QStringLiteral("95th percentile pause"),
        QStringLiteral("99th percentile pause"),
        QStringLiteral("99.9th percentile pause"),
        QStringLiteral("Share of the isolates' time their main thread was paused by GC"),
        QStringLiteral("Median time from one GC to the next of the same isolate"),
        QStringLiteral("Shortest time from one GC to the next of the same isolate"),
        QStringLiteral("Largest heap committed by one isolate, before or after a GC"),
        QStringLiteral("Largest heap used by one isolate, before a GC"),
        QStringLiteral("Least-squares slope of the heap used after old-generation GCs (one "
                       "isolate only): a steady rise is a leak"),
        QStringLiteral("How well a straight line fits the live set (1 = perfectly): a leak "
                       "grows steadily, a cache fills then stays flat")};
}

namespace {

QString trend(const model::LiveSetTrend& t, uint64_t isolates) {
    if (isolates > 1) return QStringLiteral("per isolate only");
    if (t.full_gcs < 2 || !std::isfinite(t.slope_mb_per_min)) return kAbsentText;
    const double a = std::abs(t.slope_mb_per_min);
    QString slope = formatFixed(t.slope_mb_per_min,
                                a >= 100 ? 0
                                : a >= 1 ? 1
                                         : 2,
                                QStringLiteral("MB/min"));
    if (t.slope_mb_per_min > 0) slope.prepend(QLatin1Char('+'));
    return slope;
}

}  // namespace

QString summaryCell(const model::RangeStats& s, SummaryRow row) {
    switch (row) {
        case SummaryRow::Span:
            return formatDuration(s.span_ms);
        case SummaryRow::Events:
            return formatCount(s.events);
        case SummaryRow::Isolates:
            return formatCount(s.isolates);
        case SummaryRow::YoungGcs:
            return formatCount(s.young.count);
        case SummaryRow::YoungPause:
            return s.young.count ? formatDuration(s.young.total_ms) : kAbsentText;
        case SummaryRow::OldGcs:
            return formatCount(s.old.count);
        case SummaryRow::OldPause:
            return s.old.count ? formatDuration(s.old.total_ms) : kAbsentText;
        case SummaryRow::PauseTotal:
            return s.events ? formatDuration(s.all.total_ms) : kAbsentText;
        case SummaryRow::PauseMean:
            return formatPause(s.all.mean_ms);
        case SummaryRow::PauseMax:
            return formatPause(s.all.max_ms);
        case SummaryRow::PauseP50:
            return formatPause(s.all.p50_ms);
        case SummaryRow::PauseP95:
            return formatPause(s.all.p95_ms);
        case SummaryRow::PauseP99:
            return formatPause(s.all.p99_ms);
        case SummaryRow::PauseP999:
            return formatPause(s.all.p999_ms);
        case SummaryRow::GcOverhead:
            return formatPercent(s.gc_overhead_pct);
        case SummaryRow::BetweenMedian:
            return formatDuration(s.between.p50_ms);
        case SummaryRow::BetweenMin:
            return formatDuration(s.between.min_ms);
        case SummaryRow::MaxCommitted:
            return formatMb(s.footprint.max_committed_mb);
        case SummaryRow::MaxUsed:
            return formatMb(s.footprint.max_used_mb);
        case SummaryRow::LiveSetTrend:
            return trend(s.live_set, s.isolates);
        case SummaryRow::LiveSetFit:
            if (s.isolates > 1 || s.live_set.full_gcs < 3) return kAbsentText;
            return formatFixed(s.live_set.r2, 2) +
                   QStringLiteral(" (%1 old GCs)").arg(s.live_set.full_gcs);
        case SummaryRow::Count:
            break;
    }
    return {};
}

}  // namespace gcscope::ui
