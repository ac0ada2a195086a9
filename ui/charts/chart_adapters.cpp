#include "charts/chart_adapters.hpp"

#include <QFileInfo>
#include <algorithm>
#include <climits>
#include <cmath>
#include <type_traits>

#include "charts/series_summary.hpp"
#include "gcscope/model/collector.hpp"
#include "gcscope/model/decimate.hpp"

namespace gcscope::ui::charts {

using model::Series;
using model::TimeRange;

QString timeAxisTitle() {
    return QStringLiteral("time since isolate start (s)");
}

CollectorFamily familyOf(parser::GcType type) {
    switch (type) {
        case parser::GcType::Scavenge:
            return CollectorFamily::Scavenge;
        case parser::GcType::MarkSweep:
        case parser::GcType::MarkCompact:
        case parser::GcType::IncrementalMarkCompact:
            return CollectorFamily::MarkCompact;
        case parser::GcType::MinorMarkCompact:
        case parser::GcType::MinorMarkSweep:
        case parser::GcType::IncrementalMinorMarkSweep:
            return CollectorFamily::Minor;
        case parser::GcType::Unknown:
            break;
    }
    return CollectorFamily::Other;
}

QString familyName(CollectorFamily family) {
    switch (family) {
        case CollectorFamily::Scavenge:
            return QStringLiteral("Scavenge");
        case CollectorFamily::MarkCompact:
            return QStringLiteral("Mark-Compact / Mark-sweep");
        case CollectorFamily::Minor:
            return QStringLiteral("Minor MS / MC");
        case CollectorFamily::Other:
            break;
    }
    return QStringLiteral("other");
}

// ---- labels -------------------------------------------------------------------------------------

QString seriesLabel(const model::Timeline& timeline, size_t series, bool with_source) {
    const Series& s = timeline.series(series);
    QString label;
    if (!s.key().known()) {
        label = QStringLiteral("(no pid)");
    } else if (s.isolateText().empty()) {
        label = QStringLiteral("pid %1").arg(s.key().pid);
    } else {
        label = QString::number(s.key().pid) + QLatin1Char(':') +
                QString::fromStdString(s.isolateText());
    }
    if (with_source && s.source() < timeline.sourceCount()) {
        const QString name =
            QFileInfo(QString::fromStdString(timeline.source(s.source()).name)).fileName();
        if (!name.isEmpty()) label = name + QStringLiteral(" · ") + label;
    }
    return label;
}

bool needsSourceInLabels(const model::Timeline& timeline, std::span<const size_t> series) {
    for (size_t i : series)
        if (timeline.series(i).source() != timeline.series(series.front()).source()) return true;
    return false;
}

namespace {
QString mb(double v) {
    return std::isnan(v) ? QStringLiteral("?") : QString::number(v, 'f', 1);
}
QString ms(double v) {
    if (std::isnan(v)) return QStringLiteral("?");
    // V8 prints pauses with 1-2 decimals; 'g' keeps what was printed without trailing zeros.
    return QString::number(v, 'g', 8);
}
}  // namespace

QString eventDescription(const model::Timeline& timeline, EventRef event) {
    if (!event.valid() || size_t(event.series) >= timeline.seriesCount()) return {};
    const Series& s = timeline.series(size_t(event.series));
    const auto i = size_t(event.index);
    if (i >= s.size()) return {};
    QStringList lines;
    lines << QString::fromStdString(model::collectorName(s.collector(i))) +
                 QStringLiteral("  —  ") +
                 seriesLabel(timeline, size_t(event.series), timeline.sourceCount() > 1);
    const double t = s.timeMs(i);
    lines << (std::isnan(t) ? QStringLiteral("time: not printed")
                            : QStringLiteral("time: %1 s (%2 ms)")
                                  .arg(QString::number(t / 1000.0, 'f', 3), ms(t)));
    lines << QStringLiteral("pause: %1 ms").arg(ms(s.pauseMs(i)));
    lines << QStringLiteral("heap: %1 → %2 MB used (committed %3 → %4 MB)")
                 .arg(mb(s.usedBeforeMb(i)), mb(s.usedAfterMb(i)), mb(s.committedBeforeMb(i)),
                      mb(s.committedAfterMb(i)));
    QString reason = QString::fromUtf8(timeline.strings().at(s.reason(i)));
    const QString collector_reason = QString::fromUtf8(timeline.strings().at(s.collectorReason(i)));
    if (!collector_reason.isEmpty())
        reason =
            reason.isEmpty() ? collector_reason : reason + QStringLiteral("; ") + collector_reason;
    lines << QStringLiteral("reason: %1")
                 .arg(reason.isEmpty() ? QStringLiteral("(none printed)") : reason);
    QString where = QStringLiteral("line %1").arg(s.line(i));
    if (s.source() < timeline.sourceCount()) {
        const QString name =
            QFileInfo(QString::fromStdString(timeline.source(s.source()).name)).fileName();
        if (!name.isEmpty()) where += QStringLiteral(" of ") + name;
    }
    lines << where;
    return lines.join(QLatin1Char('\n'));
}

// ---- decimated points
// ----------------------------------------------------------------------------

QList<QPointF> toChartPoints(const std::vector<model::Point>& points) {
    QList<QPointF> out;
    out.reserve(qsizetype(points.size()));
    for (const model::Point& p : points) out.append(QPointF(toAxisX(p.t_ms), p.value));
    return out;
}

namespace {

/// Decimation needs a finite range to cut into columns: an open end becomes the series' own.
TimeRange finiteFor(const Series& s, TimeRange r) {
    const size_t n = s.size();
    if (n == 0) return r;
    if (!std::isfinite(r.from_ms)) r.from_ms = std::min(s.sortTimeMs(0), r.to_ms);
    if (!std::isfinite(r.to_ms)) r.to_ms = std::max(s.sortTimeMs(n - 1), r.from_ms);
    return r;
}

/// Streaming decimation into pixel columns: points (or block summaries) arrive in sequence
/// order with their column; each finished column emits its first/lowest/highest/last (Acc =
/// Four, M4) or lowest/highest (Acc = Two) in sequence order, without repeats.
template <class Acc>
class ColumnStream {
  public:
    /// `shift`: the event of sequence index j is j >> shift (1 for the sawtooth's 2 points/GC).
    ColumnStream(QList<QPointF>& out, std::vector<size_t>* events, int shift)
        : out_(out), events_(events), shift_(shift) {}
    void add(long c, const SeqPoint& p) {
        if (c != column_) next(c);
        acc_.add(p);
    }
    void merge(long c, const Acc& a) {
        if (!a.any) return;
        if (c != column_) next(c);
        acc_.merge(a);
    }
    void flush() {
        if (!acc_.any) return;
        SeqPoint p[4];
        int n = 0;
        if constexpr (std::is_same_v<Acc, Four>) {
            p[0] = acc_.first, p[1] = acc_.low, p[2] = acc_.high, p[3] = acc_.last;
            n = 4;
        } else {
            p[0] = acc_.low, p[1] = acc_.high;
            n = 2;
        }
        std::sort(p, p + n, [](const SeqPoint& a, const SeqPoint& b) { return a.j < b.j; });
        for (int k = 0; k < n; ++k) {
            if (k > 0 && p[k].j == p[k - 1].j) continue;
            out_.append(QPointF(toAxisX(p[k].t), p[k].v));
            if (events_) events_->push_back(p[k].j >> shift_);
        }
        acc_ = Acc{};
    }

  private:
    void next(long c) {
        flush();
        column_ = c;
    }
    QList<QPointF>& out_;
    std::vector<size_t>* events_;
    int shift_;
    long column_ = -1;
    Acc acc_;
};

/// Maps a time in the visible range to its pixel column.
struct Columns {
    double from, scale;
    int width;
    Columns(const TimeRange& visible, int w) : from(visible.from_ms), width(w) {
        const double span = visible.to_ms - visible.from_ms;
        scale = span > 0 ? double(w) / span : 0.0;
    }
    long operator()(double t) const { return std::min<long>(width - 1, long((t - from) * scale)); }
};

/// Walks events [begin, end): blocks of `summary` that fall in one column go to on_block(c,
/// block), every other event to the span scan on_span(span) — the blocks straddling a column
/// boundary and the incomplete last block. Without a summary, one scan of everything.
template <class Column, class OnBlock, class OnSpan>
void walk(const Series& s, size_t begin, size_t end, const Column& col,
          const SeriesSummary* summary, OnBlock&& on_block, OnSpan&& on_span) {
    if (!summary) {
        s.forEachSpan(begin, end, on_span);
        return;
    }
    constexpr size_t B = SeriesSummary::kBlock;
    size_t i = begin;
    while (i < end) {
        const size_t b = i / B;
        if (i % B == 0 && i + B <= end && b < summary->blockCount()) {
            const SeriesSummary::Block& blk = summary->block(b);
            const long c = col(blk.t_first);
            if (c == col(blk.t_last)) {
                on_block(c, blk);
                i += B;
                continue;
            }
        }
        // Raw events up to the next block boundary; runs of blocks that need scanning (zoomed
        // in: every block spans columns) are scanned in one go.
        size_t stop = std::min(end, (b + 1) * B);
        while (stop < end && stop % B == 0 && stop / B < summary->blockCount()) {
            const SeriesSummary::Block& next = summary->block(stop / B);
            if (col(next.t_first) == col(next.t_last) && stop + B <= end) break;
            stop = std::min(end, stop + B);
        }
        s.forEachSpan(i, stop, on_span);
        i = stop;
    }
}

}  // namespace

HeapLines heapLines(const Series& s, const TimeRange& range, int width, std::vector<size_t>* events,
                    const SeriesSummary* summary) {
    HeapLines out;
    if (events) events->clear();
    const size_t n = s.size();
    const TimeRange visible = finiteFor(s, range);
    if (width <= 0 || n == 0 || !(visible.from_ms <= visible.to_ms)) return out;
    const model::IndexRange r = s.locate(visible);
    out.used.reserve(qsizetype(std::min<size_t>(2 * r.size(), size_t(width) * 4)) + 2);
    out.committed.reserve(out.used.capacity());

    // The GC just before the range (its after) and just after it (its before), so the lines run
    // to the chart's edges.
    const auto ub = s.usedBeforeColumn(), ua = s.usedAfterColumn();
    const auto cb = s.committedBeforeColumn(), ca = s.committedAfterColumn();
    if (r.begin > 0) {
        const size_t k = r.begin - 1;
        const double x = toAxisX(s.sortTimeMs(k));
        if (!std::isnan(ua[k])) {
            out.used.append(QPointF(x, double(ua[k])));
            if (events) events->push_back(k);
        }
        if (!std::isnan(ca[k])) out.committed.append(QPointF(x, double(ca[k])));
    }
    // The sawtooth: each GC is two points, (t, before) then (t, after) — sequence index 2i, 2i + 1.
    ColumnStream<Four> used(out.used, events, 1), committed(out.committed, nullptr, 1);
    const Columns col(visible, width);
    walk(
        s, r.begin, r.end, col, summary,
        [&](long c, const SeriesSummary::Block& b) {
            used.merge(c, b.used);
            committed.merge(c, b.committed);
        },
        [&](const model::EventSpan& e) {
            for (size_t k = 0; k < e.count; ++k) {
                const double t = e.time[k];
                const long c = col(t);
                const size_t j = 2 * (e.first + k);
                if (const double v = e.used_before[k]; !std::isnan(v)) used.add(c, {t, v, j});
                if (const double v = e.used_after[k]; !std::isnan(v)) used.add(c, {t, v, j + 1});
                if (const double v = e.committed_before[k]; !std::isnan(v))
                    committed.add(c, {t, v, j});
                if (const double v = e.committed_after[k]; !std::isnan(v))
                    committed.add(c, {t, v, j + 1});
            }
        });
    used.flush();
    committed.flush();
    if (r.end < n) {
        const size_t k = r.end;
        const double x = toAxisX(s.sortTimeMs(k));
        if (!std::isnan(ub[k])) {
            out.used.append(QPointF(x, double(ub[k])));
            if (events) events->push_back(k);
        }
        if (!std::isnan(cb[k])) out.committed.append(QPointF(x, double(cb[k])));
    }
    return out;
}

QList<QPointF> heapSawtooth(const Series& s, const TimeRange& visible, int width,
                            std::vector<size_t>* events) {
    return heapLines(s, visible, width, events).used;
}

QList<QPointF> heapCommitted(const Series& s, const TimeRange& visible, int width) {
    return heapLines(s, visible, width).committed;
}

void appendPausePointsByFamily(const Series& s, const TimeRange& range, int width,
                               const SeriesSummary* summary,
                               std::array<QList<QPointF>, kCollectorFamilies>& out) {
    const TimeRange visible = finiteFor(s, range);
    if (width <= 0 || !(visible.from_ms <= visible.to_ms)) return;
    const model::IndexRange r = s.locate(visible);
    if (r.empty()) return;
    static_assert(kCollectorFamilies == 4);
    // On the stack: a redraw calls this once per isolate, thousands of times.
    std::array<ColumnStream<Two>, kCollectorFamilies> family{
        ColumnStream<Two>(out[0], nullptr, 0), ColumnStream<Two>(out[1], nullptr, 0),
        ColumnStream<Two>(out[2], nullptr, 0), ColumnStream<Two>(out[3], nullptr, 0)};
    const Columns col(visible, width);
    walk(
        s, r.begin, r.end, col, summary,
        [&](long c, const SeriesSummary::Block& b) {
            for (int f = 0; f < kCollectorFamilies; ++f)
                family[size_t(f)].merge(c, b.pause[size_t(f)]);
        },
        [&](const model::EventSpan& e) {
            for (size_t k = 0; k < e.count; ++k) {
                const double p = e.pause[k];
                if (std::isnan(p)) continue;
                const double t = e.time[k];
                family[size_t(familyOf(parser::GcType(e.type[k])))].add(col(t),
                                                                        {t, p, e.first + k});
            }
        });
    for (auto& f : family) f.flush();
}

std::array<QList<QPointF>, kCollectorFamilies> pausePointsByFamily(const Series& s,
                                                                   const TimeRange& range,
                                                                   int width,
                                                                   const SeriesSummary* summary) {
    std::array<QList<QPointF>, kCollectorFamilies> out;
    appendPausePointsByFamily(s, range, width, summary, out);
    return out;
}

QList<QPointF> pausePoints(const Series& s, CollectorFamily family, const TimeRange& visible,
                           int width) {
    return pausePointsByFamily(s, visible, width)[size_t(family)];
}

QList<double> oomTimes(const model::Timeline& timeline, std::span<const size_t> series,
                       const TimeRange& visible) {
    // Linear in markers and series: a log of thousands of crashed processes has thousands of each.
    std::vector<char> shown(timeline.seriesCount(), 0);
    for (size_t k : series)
        if (k < shown.size()) shown[k] = 1;
    QList<double> out;
    for (size_t k = 0; k < timeline.oomCount(); ++k) {
        const model::OomEntry& e = timeline.oom(k);
        if (std::isnan(e.time_ms) || !visible.contains(e.time_ms)) continue;
        const int64_t owner = timeline.seriesOf(e);
        if (owner < 0 || size_t(owner) >= shown.size() || !shown[size_t(owner)]) continue;
        out.append(toAxisX(e.time_ms));
    }
    // A report and its FATAL ERROR line, or isolates that died at the same time: one marker.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<model::IntervalBucket> intervalBuckets(const Series& s, const TimeRange& range,
                                                   double interval_ms,
                                                   const SeriesSummary* summary) {
    if (!summary) return model::gcPerInterval(s, range, interval_ms);
    // As model::gcPerInterval, with whole blocks added at once.
    std::vector<model::IntervalBucket> out = model::emptyIntervals(s, range, interval_ms);
    if (out.empty()) return out;
    const model::IndexRange r = s.locate(range);
    auto bucket = [&](double t) { return long(model::intervalOf(out, interval_ms, t)); };
    // Buckets play the part of pixel columns: a block inside one bucket is added whole.
    walk(
        s, r.begin, r.end, bucket, summary,
        [&](long c, const SeriesSummary::Block& b) {
            model::IntervalBucket& k = out[size_t(c)];
            k.young += b.young;
            k.old += b.old;
            k.young_pause_ms += b.young_pause_ms;
            k.old_pause_ms += b.old_pause_ms;
        },
        [&](const model::EventSpan& e) {
            for (size_t j = 0; j < e.count; ++j)
                out[size_t(bucket(e.time[j]))].add(parser::GcType(e.type[j]), e.pause[j]);
        });
    for (model::IntervalBucket& k : out) k.computeOverhead();
    return out;
}

FrequencySteps gcFrequency(const model::Timeline& timeline, std::span<const size_t> series,
                           const TimeRange& visible, double interval_ms,
                           const SummaryLookup& summaries) {
    FrequencySteps out;
    out.interval_ms = interval_ms;
    if (!(interval_ms > 0)) return out;
    // Summed by interval number in a vector over the visible intervals (a std::map cost a tree
    // insertion per isolate and interval: 45,000 isolates made it a third of a redraw).
    double from = INFINITY, to = -INFINITY;  // the visible part of the isolates' spans
    for (size_t i : series) {
        const Series& s = timeline.series(i);
        if (s.size() == 0) continue;
        from = std::min(from, std::max(visible.from_ms, s.sortTimeMs(0)));
        to = std::max(to, std::min(visible.to_ms, s.sortTimeMs(s.size() - 1)));
    }
    if (!(from <= to) || (to - from) / interval_ms > 1e7) return out;
    const long long first_n = std::llround(std::floor(from / interval_ms));
    std::vector<model::IntervalBucket> sum(
        size_t(std::llround(std::floor(to / interval_ms)) - first_n + 1));
    long long lowest = LLONG_MAX, highest = LLONG_MIN;  // interval numbers any isolate covered
    for (size_t i : series) {
        const SeriesSummary* summary = summaries ? summaries(i) : nullptr;
        for (const model::IntervalBucket& b :
             intervalBuckets(timeline.series(i), visible, interval_ms, summary)) {
            const long long n = std::llround(b.start_ms / interval_ms);
            if (n < first_n || n - first_n >= (long long)sum.size()) continue;
            lowest = std::min(lowest, n);
            highest = std::max(highest, n);
            model::IntervalBucket& k = sum[size_t(n - first_n)];
            k.young += b.young;
            k.old += b.old;
            k.young_pause_ms += b.young_pause_ms;
            k.old_pause_ms += b.old_pause_ms;
            k.covered_ms += b.covered_ms;
        }
    }
    if (lowest > highest) return out;
    // Intervals no isolate covered (between two logs' clocks) count as 0, so the steps do not
    // bridge them.
    out.buckets.reserve(size_t(highest - lowest + 1));
    for (long long n = lowest; n <= highest; ++n) {
        model::IntervalBucket k = sum[size_t(n - first_n)];
        k.start_ms = double(n) * interval_ms;
        k.end_ms = k.start_ms + interval_ms;
        k.computeOverhead();
        out.buckets.push_back(k);
    }
    for (const model::IntervalBucket& k : out.buckets) {
        const double x0 = toAxisX(k.start_ms), x1 = toAxisX(k.end_ms);
        const double total = double(k.young + k.old);
        out.young << QPointF(x0, k.young) << QPointF(x1, k.young);
        out.total << QPointF(x0, total) << QPointF(x1, total);
        out.max_count = std::max(out.max_count, total);
        // An interval the isolates cover only a sliver of (the first and last) would show one
        // pause over almost no time as a huge percentage: not drawn.
        if (std::isnan(k.overhead_pct) ||
            k.covered_ms < FrequencySteps::kMinCoveredShare * interval_ms)
            continue;
        out.overhead << QPointF(x0, k.overhead_pct) << QPointF(x1, k.overhead_pct);
        out.max_overhead_pct = std::max(out.max_overhead_pct, k.overhead_pct);
    }
    return out;
}

SplitHistogram pauseHistogram(const model::Timeline& timeline, std::span<const size_t> series,
                              const TimeRange& visible) {
    SplitHistogram out;
    for (size_t k : series) {
        const Series& s = timeline.series(k);
        const model::IndexRange r = s.locate(visible);
        s.forEachSpan(r.begin, r.end, [&](const model::EventSpan& span) {
            for (size_t j = 0; j < span.count; ++j) {
                const double p = span.pause[j];
                if (std::isnan(p)) continue;
                if (parser::generationOf(parser::GcType(span.type[j])) == parser::Generation::Young)
                    out.young.add(p);
                else
                    out.old.add(p);
            }
        });
    }
    return out;
}

QString histogramBinLabel(size_t bin) {
    const auto edges = model::PauseHistogram::upperEdgesMs();
    if (bin >= edges.size()) return {};
    auto num = [](double v) { return QString::number(v, 'g', 6); };
    if (std::isinf(edges[bin])) return QStringLiteral("≥ ") + num(bin > 0 ? edges[bin - 1] : 0);
    return num(bin > 0 ? edges[bin - 1] : 0) + QStringLiteral("–") + num(edges[bin]);
}

// ---- hit testing
// -----------------------------------------------------------------------------------

EventRef nearestEvent(const model::Timeline& timeline, std::span<const size_t> series,
                      HitMetric metric, const HitQuery& q) {
    EventRef best;
    if (!(q.ms_per_px > 0) || !(q.value_per_px > 0) || !(q.max_px > 0)) return best;
    double best_d2 = q.max_px * q.max_px;
    const double reach_ms = q.max_px * q.ms_per_px;
    for (size_t k : series) {
        if (k >= timeline.seriesCount()) continue;
        const Series& s = timeline.series(k);
        const model::IndexRange r = s.locate({q.t_ms - reach_ms, q.t_ms + reach_ms});
        for (size_t i = r.begin; i < r.end; ++i) {
            const double dx = (s.sortTimeMs(i) - q.t_ms) / q.ms_per_px;
            double dy = 0;
            if (metric == HitMetric::Pause) {
                const double p = s.pauseMs(i);
                if (std::isnan(p)) continue;
                dy = (p - q.value) / q.value_per_px;
            } else if (metric == HitMetric::Heap) {
                double lo = double(s.usedAfterColumn()[i]), hi = double(s.usedBeforeColumn()[i]);
                if (std::isnan(lo)) lo = hi;
                if (std::isnan(hi)) hi = lo;
                if (std::isnan(lo)) continue;
                if (lo > hi) std::swap(lo, hi);
                const double v = std::clamp(q.value, lo, hi);
                dy = (v - q.value) / q.value_per_px;
            }
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best_d2) {
                // Ties go to the later event (drawn on top).
                best_d2 = d2;
                best = {int64_t(k), int64_t(i)};
            }
        }
    }
    return best;
}

// ---- axes
// ------------------------------------------------------------------------------------------

double meanPauseMs(const model::Timeline& timeline, std::span<const size_t> series,
                   const TimeRange& range) {
    double sum = 0;
    uint64_t n = 0;
    for (size_t k : series) {
        const Series& s = timeline.series(k);
        const model::IndexRange r = s.locate(range);
        s.forEachSpan(r.begin, r.end, [&](const model::EventSpan& span) {
            for (size_t j = 0; j < span.count; ++j)
                if (!std::isnan(span.pause[j])) {
                    sum += span.pause[j];
                    ++n;
                }
        });
    }
    return n ? sum / double(n) : parser::kAbsent;
}

double frequencyInterval(double span_ms, int width, double mean_pause_ms) {
    double target = std::clamp(width / 14.0, 8.0, 150.0);
    if (mean_pause_ms > 0) target = std::min(target, std::max(8.0, span_ms / (10 * mean_pause_ms)));
    return model::chooseInterval(span_ms, target);
}

}  // namespace gcscope::ui::charts
