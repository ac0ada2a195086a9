#include "charts/extra_charts.hpp"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "charts/chart_colours.hpp"
#include "gcscope/model/decimate.hpp"

namespace gcscope::ui::charts {

namespace {
/// Isolates drawn at most by the per-isolate line charts; legend entries at most.
constexpr size_t kMaxIsolateLines = 24;
constexpr int kMaxLegendLines = 10;
}  // namespace

// ---- PauseHistogramChart
// --------------------------------------------------------------------------

PauseHistogramChart::PauseHistogramChart(LogSession& session, QWidget* parent)
    : ChartView(session, parent) {
    young_ = new QBarSet(QStringLiteral("young generation"), this);
    old_ = new QBarSet(QStringLiteral("old generation"), this);
    bars_ = new QStackedBarSeries(this);
    bars_->append(young_);
    bars_->append(old_);
    bars_->setBarWidth(0.9);
    chart()->addSeries(bars_);
    bins_axis_ = new QBarCategoryAxis(this);
    bins_axis_->setTitleText(QStringLiteral("pause (ms)"));
    count_axis_ = makeValueAxis(QStringLiteral("GCs"));
    chart()->addAxis(bins_axis_, Qt::AlignBottom);
    chart()->addAxis(count_axis_, Qt::AlignLeft);
    bars_->attachAxis(bins_axis_);
    bars_->attachAxis(count_axis_);
    finishSetup();
}

void PauseHistogramChart::applyStyle() {
    auto style = [&](QBarSet* set, CollectorFamily f) {
        const QColor c = familyColor(f, isDark());
        set->setColor(c);
        set->setBorderColor(c.darker(isDark() ? 100 : 120));
    };
    style(young_, CollectorFamily::Scavenge);
    style(old_, CollectorFamily::MarkCompact);
}

void PauseHistogramChart::rebuild(int) {
    const model::Timeline& timeline = session().timeline();
    const std::vector<size_t> series = session().visibleSeries();
    histogram_ = pauseHistogram(timeline, series, session().visibleRange());
    const size_t n = histogram_.young.counts.size();
    first_ = n;
    last_ = 0;
    for (size_t b = 0; b < n; ++b) {
        if (histogram_.young.counts[b] + histogram_.old.counts[b] == 0) continue;
        first_ = std::min(first_, b);
        last_ = b + 1;
    }
    if (first_ >= last_) first_ = last_ = 0;
    QStringList labels;
    QList<qreal> young, old;
    double max = 0;
    for (size_t b = first_; b < last_; ++b) {
        labels << histogramBinLabel(b);
        young << qreal(histogram_.young.counts[b]);
        old << qreal(histogram_.old.counts[b]);
        max = std::max(max, double(histogram_.young.counts[b] + histogram_.old.counts[b]));
    }
    young_->remove(0, young_->count());
    old_->remove(0, old_->count());
    young_->append(young);
    old_->append(old);
    bins_axis_->clear();
    bins_axis_->append(labels);
    const int ticks = std::clamp(int(chart()->plotArea().height() / 45), 2, 8);
    setNiceRange(count_axis_, 0, std::max(1.0, max * 1.05), ticks);
    if (timeline.seriesCount() == 0) {
        setMessage(QStringLiteral("No GC log open"));
    } else {
        setMessage(labels.isEmpty() ? QStringLiteral("No timed GC in the visible range")
                                    : QString());
    }
}

QString PauseHistogramChart::hoverTextAt(QPointF view_pos) const {
    const QRectF area = chart()->plotArea();
    const QPointF p = chart()->mapFromScene(mapToScene(view_pos.toPoint()));
    if (!area.contains(p) || last_ <= first_ || area.width() <= 0) return {};
    const size_t bins = last_ - first_;
    const size_t b =
        first_ + std::min(bins - 1, size_t((p.x() - area.left()) / area.width() * double(bins)));
    return QStringLiteral("%1 ms: %2 young + %3 old GCs")
        .arg(histogramBinLabel(b))
        .arg(histogram_.young.counts[b])
        .arg(histogram_.old.counts[b]);
}

// ---- LinesChart ---------------------------------------------------------------------------------

void LinesChart::applyStyle() {
    TimeChartView::applyStyle();
    scheduleRedraw();  // line colours come with the data
}

void LinesChart::rebuild(int width) {
    const model::TimeRange visible = session().visibleRange();
    const double span = visible.to_ms - visible.from_ms;
    // A little past both edges so lines run to the borders (Qt clips them to the plot).
    const model::TimeRange wide{visible.from_ms - span * 0.02, visible.to_ms + span * 0.02};
    const int wide_width = int(std::ceil(width * 1.04));
    drawn_ = collect(wide);
    double max = 0;
    for (Line& l : drawn_) {
        l.points = model::decimate(l.points, wide, wide_width);
        for (const model::Point& p : l.points)
            if (visible.contains(p.t_ms) && std::isfinite(p.value)) max = std::max(max, p.value);
    }
    // Axes on emptied series, then one replace() per series (see HeapChart::rebuild).
    clearSeries();
    applyTimeRange();
    const auto [lo, hi] = valueRange(max);
    setNiceRange(valueAxis(), lo, hi, valueTicks());
    for (size_t k = 0; k < drawn_.size(); ++k) {
        const Line& l = drawn_[k];
        QLineSeries* s = line(int(k));
        if (s->pen().color() != l.color || s->pen().widthF() != 1.5) s->setPen(QPen(l.color, 1.5));
        s->setName(l.name);
        s->replace(toChartPoints(l.points));
        setInLegend(s, !l.name.isEmpty() && int(k) < kMaxLegendLines);
    }
    finishLines(int(drawn_.size()));
    bool any = false;
    for (const Line& l : drawn_) any = any || !l.points.empty();
    // emptyText() only when nothing is drawn: the heap-space chart's looks at every shown isolate.
    setEmptyMessage(any, any ? QString() : emptyText());
}

LinesChart::Nearest LinesChart::nearestPoint(QPointF view_pos) const {
    Nearest best;
    const QRectF area = chart()->plotArea();
    const QPointF p = chart()->mapFromScene(mapToScene(view_pos.toPoint()));
    if (!area.adjusted(-4, -4, 4, 4).contains(p) || area.width() <= 0 || area.height() <= 0)
        return best;
    const QPointF d = toData(view_pos);
    const double ms_per_px = fromAxisX(timeAxis()->max() - timeAxis()->min()) / area.width();
    const double value_per_px = (valueAxis()->max() - valueAxis()->min()) / area.height();
    if (!(ms_per_px > 0) || !(value_per_px > 0)) return best;
    double best_d2 = 10.0 * 10.0;
    for (size_t k = 0; k < drawn_.size(); ++k) {
        for (const model::Point& q : drawn_[k].points) {
            const double dx = (q.t_ms - d.x()) / ms_per_px, dy = (q.value - d.y()) / value_per_px;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best_d2) {
                best_d2 = d2;
                best = {int(k), q};
            }
        }
    }
    return best;
}

EventRef LinesChart::eventAt(QPointF view_pos) const {
    if (!pointsAreGcs()) return {};
    const Nearest n = nearestPoint(view_pos);
    if (n.line < 0) return {};
    return {int64_t(drawn_[size_t(n.line)].series), int64_t(n.point.event)};
}

QString LinesChart::pointText(const Line& line, const model::Point& p) const {
    const QString name = line.name.isEmpty() ? title() : line.name;
    QString text = QStringLiteral("%1: %2 %3 at %4 s")
                       .arg(name, QString::number(p.value, 'f', 1), unit(),
                            QString::number(p.t_ms / 1000.0, 'f', 3));
    if (pointsAreGcs())
        text += QStringLiteral("\n") +
                eventDescription(session().timeline(), {int64_t(line.series), int64_t(p.event)});
    return text;
}

QString LinesChart::hoverTextAt(QPointF view_pos) const {
    const Nearest n = nearestPoint(view_pos);
    return n.line < 0 ? QString() : pointText(drawn_[size_t(n.line)], n.point);
}

std::vector<LinesChart::Line> LinesChart::isolateLines(
    const QString& single_name,
    const std::function<std::vector<model::Point>(const model::Series&)>& points) const {
    const model::Timeline& timeline = session().timeline();
    std::vector<size_t> series = session().visibleSeries();
    if (series.size() > kMaxIsolateLines) series.resize(kMaxIsolateLines);
    const bool several = series.size() > 1;
    const bool with_source = several && needsSourceInLabels(timeline, series);
    std::vector<Line> out;
    for (size_t k = 0; k < series.size(); ++k) {
        Line l;
        l.series = series[k];
        l.name = several ? seriesLabel(timeline, series[k], with_source) : single_name;
        l.color = isolateColor(k, isDark());
        l.points = points(timeline.series(series[k]));
        out.push_back(std::move(l));
    }
    return out;
}

// ---- MutatorUtilisationChart
// ------------------------------------------------------------------------

MutatorUtilisationChart::MutatorUtilisationChart(LogSession& session, QWidget* parent)
    : LinesChart(session, parent) {
    valueAxis()->setTitleText(QStringLiteral("mutator util. (%)"));
    finishSetup();
}

std::vector<LinesChart::Line> MutatorUtilisationChart::collect(
    const model::TimeRange& range) const {
    return isolateLines(QStringLiteral("mutator utilisation"), [&](const model::Series& s) {
        std::vector<model::Point> points = model::mutatorUtilisation(s, range);
        for (model::Point& p : points) p.value *= 100;
        return points;
    });
}

// ---- AllocationRateChart
// ----------------------------------------------------------------------------

AllocationRateChart::AllocationRateChart(LogSession& session, QWidget* parent)
    : LinesChart(session, parent) {
    valueAxis()->setTitleText(QStringLiteral("alloc. rate (MB/s)"));
    finishSetup();
}

std::vector<LinesChart::Line> AllocationRateChart::collect(const model::TimeRange& range) const {
    return isolateLines(QStringLiteral("allocation rate"), [&](const model::Series& s) {
        return model::allocationRate(s, range);
    });
}

// ---- HeapSpaceChart
// ---------------------------------------------------------------------------------

HeapSpaceChart::HeapSpaceChart(LogSession& session, QWidget* parent) : LinesChart(session, parent) {
    valueAxis()->setTitleText(QStringLiteral("space used (MB)"));
    finishSetup();
}

namespace {
/// Aggregates, not spaces: the heap chart already shows the total.
bool isSpace(std::string_view name) {
    return !name.empty() && name != "All spaces" && name != "Memory allocator";
}
}  // namespace

std::vector<LinesChart::Line> HeapSpaceChart::collect(const model::TimeRange& range) const {
    const model::Timeline& timeline = session().timeline();
    std::vector<size_t> series;
    for (size_t k : session().visibleSeries())
        if (timeline.series(k).heapSpaceCount() > 0) series.push_back(k);
    const bool several = series.size() > 1;
    const bool with_source = several && needsSourceInLabels(timeline, series);
    std::vector<Line> out;
    const size_t spaces = timeline.spaces().size();
    for (size_t k : series) {
        const model::Series& s = timeline.series(k);
        for (uint32_t space = 0; space < spaces && out.size() < size_t(kMaxLines); ++space) {
            const std::string_view name = timeline.spaces().at(space);
            if (!isSpace(name)) continue;
            Line l;
            l.series = k;
            for (const model::SpacePoint& p : model::heapSpace(s, space, range))
                if (!std::isnan(p.used_mb) && !std::isnan(p.t_ms))
                    l.points.push_back({p.t_ms, p.used_mb, p.sample});
            if (l.points.empty()) continue;
            l.name = QString::fromUtf8(name.data(), qsizetype(name.size()));
            if (several) l.name += QStringLiteral(" · ") + seriesLabel(timeline, k, with_source);
            l.color = isolateColor(space, isDark());
            out.push_back(std::move(l));
        }
    }
    return out;
}

QString HeapSpaceChart::emptyText() const {
    const model::Timeline& timeline = session().timeline();
    for (size_t k : session().visibleSeries())
        if (timeline.series(k).heapSpaceCount() > 0)
            return QStringLiteral("No heap-space sample in the visible range");
    return QStringLiteral("No per-space samples: the log was not written with --trace-gc-verbose");
}

QString HeapSpaceChart::pointText(const Line& line, const model::Point& p) const {
    const model::Series& s = session().timeline().series(line.series);
    if (p.event >= s.heapSpaceCount()) return {};
    const model::HeapSpacePoint& h = s.heapSpace(p.event);
    auto mb = [](double kb) {
        return std::isnan(kb) ? QStringLiteral("?") : QString::number(kb / 1024.0, 'f', 1);
    };
    return QStringLiteral("%1 at %2 s\n%3 MB used, %4 MB available, %5 MB committed\nline %6")
        .arg(line.name, QString::number(h.time_ms / 1000.0, 'f', 3), mb(h.used_kb),
             mb(h.available_kb), mb(h.committed_kb))
        .arg(h.line);
}

}  // namespace gcscope::ui::charts
