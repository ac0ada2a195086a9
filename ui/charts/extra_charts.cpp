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
/// Legend entries at most.
constexpr int kMaxLegendLines = 10;

/// Aggregates, not spaces: the heap chart already shows the total.
bool isSpace(std::string_view name) {
    return !name.empty() && name != "All spaces" && name != "Memory allocator";
}
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

LinesChart::LinesChart(LogSession& session, LinePer per, QString single_name, DerivePoints derive,
                       QWidget* parent)
    : TimeChartView(session, parent),
      per_(per),
      single_name_(std::move(single_name)),
      derive_(derive),
      worker_(this, [this] { return backgroundWork(); }) {}

LinesChart::Plot LinesChart::computeLines(const model::Timeline& timeline, const Job& job) {
    Plot plot;
    auto add = [&](size_t isolate, uint32_t space) {
        Line l;
        l.series = job.series[isolate];
        l.isolate = isolate;
        l.space = space;
        l.points = job.derive(timeline.series(l.series), space, job.wide);
        // An isolate keeps its line (and colour) when empty; a space without samples has none.
        if (job.per == LinePer::Space && l.points.empty()) return;
        l.points = model::decimate(l.points, job.wide, job.wide_width);
        for (const model::Point& p : l.points)
            if (job.visible.contains(p.t_ms) && std::isfinite(p.value))
                plot.max = std::max(plot.max, p.value);
        plot.lines.push_back(std::move(l));
    };
    for (size_t i = 0; i < job.series.size() && plot.lines.size() < kMaxLines; ++i) {
        if (job.per == LinePer::Isolate) {
            add(i, 0);
            continue;
        }
        for (size_t s = 0; s < job.spaces.size() && plot.lines.size() < kMaxLines; ++s)
            add(i, job.spaces[s]);
    }
    return plot;
}

LinesChart::Job LinesChart::makeJob(int width) const {
    Job job;
    job.visible = session().visibleRange();
    const double span = job.visible.to_ms - job.visible.from_ms;
    // A little past both edges so lines run to the borders (Qt clips them to the plot).
    job.wide = {job.visible.from_ms - span * 0.02, job.visible.to_ms + span * 0.02};
    job.wide_width = int(std::ceil(width * 1.04));
    job.per = per_;
    job.derive = derive_;
    const model::Timeline& timeline = session().timeline();
    if (per_ == LinePer::Isolate) {
        job.series = session().visibleSeries();
        if (job.series.size() > kMaxLines) job.series.resize(kMaxLines);
        return job;
    }
    // Every isolate with samples: which have some in the range is the worker's to find.
    for (size_t k : session().visibleSeries())
        if (timeline.series(k).heapSpaceCount() > 0) job.series.push_back(k);
    for (uint32_t space = 0; space < timeline.spaces().size(); ++space)
        if (isSpace(timeline.spaces().at(space))) job.spaces.push_back(space);
    return job;
}

void LinesChart::rebuild(int width) {
    worker_.cancel();
    const Job job = makeJob(width);
    apply(job, computeLines(session().timeline(), job));
}

bool LinesChart::rebuildInBackground(int width) {
    background_width_ = width;
    worker_.request();
    return true;
}

ChartWorker::Work LinesChart::backgroundWork() {
    return timedWork(
        makeJob(background_width_),
        [&timeline = session().timeline()](const Job& job) { return computeLines(timeline, job); },
        [this](const Job& job, Plot&& plot, qint64 ms) {
            apply(job, std::move(plot));
            backgroundRebuildDone(ms);
        });
}

void LinesChart::label(const Job& job, std::vector<Line>& lines) const {
    const model::Timeline& timeline = session().timeline();
    const bool several = job.series.size() > 1;
    const bool with_source = several && needsSourceInLabels(timeline, job.series);
    for (Line& l : lines) {
        const QString isolate = several ? seriesLabel(timeline, l.series, with_source) : QString();
        if (job.per == LinePer::Isolate) {
            l.name = several ? isolate : single_name_;
            l.color = isolateColor(l.isolate, isDark());
            continue;
        }
        const std::string_view space = timeline.spaces().at(l.space);
        l.name = QString::fromUtf8(space.data(), qsizetype(space.size()));
        if (several) l.name += QStringLiteral(" · ") + isolate;
        l.color = isolateColor(l.space, isDark());
    }
}

void LinesChart::apply(const Job& job, Plot&& plot) {
    label(job, plot.lines);
    drawn_ = std::move(plot.lines);
    // Axes on emptied series, then one replace() per series (see HeapChart::rebuild).
    clearSeries();
    applyTimeRange(job.visible);
    const auto [lo, hi] = valueRange(plot.max);
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

// ---- MutatorUtilisationChart
// ------------------------------------------------------------------------

namespace {
std::vector<model::Point> mutatorUtilisationPercent(const model::Series& s, uint32_t,
                                                    const model::TimeRange& range) {
    std::vector<model::Point> points = model::mutatorUtilisation(s, range);
    for (model::Point& p : points) p.value *= 100;
    return points;
}
}  // namespace

MutatorUtilisationChart::MutatorUtilisationChart(LogSession& session, QWidget* parent)
    : LinesChart(session, LinePer::Isolate, QStringLiteral("mutator utilisation"),
                 mutatorUtilisationPercent, parent) {
    valueAxis()->setTitleText(QStringLiteral("mutator util. (%)"));
    finishSetup();
}

// ---- AllocationRateChart
// ----------------------------------------------------------------------------

namespace {
std::vector<model::Point> allocationRate(const model::Series& s, uint32_t,
                                         const model::TimeRange& range) {
    return model::allocationRate(s, range);
}
}  // namespace

AllocationRateChart::AllocationRateChart(LogSession& session, QWidget* parent)
    : LinesChart(session, LinePer::Isolate, QStringLiteral("allocation rate"), allocationRate,
                 parent) {
    valueAxis()->setTitleText(QStringLiteral("alloc. rate (MB/s)"));
    finishSetup();
}

// ---- HeapSpaceChart
// ---------------------------------------------------------------------------------

namespace {
std::vector<model::Point> spaceUsed(const model::Series& s, uint32_t space,
                                    const model::TimeRange& range) {
    std::vector<model::Point> points;
    for (const model::SpacePoint& p : model::heapSpace(s, space, range))
        if (!std::isnan(p.used_mb) && !std::isnan(p.t_ms))
            points.push_back({p.t_ms, p.used_mb, p.sample});
    return points;
}
}  // namespace

HeapSpaceChart::HeapSpaceChart(LogSession& session, QWidget* parent)
    : LinesChart(session, LinePer::Space, QString(), spaceUsed, parent) {
    valueAxis()->setTitleText(QStringLiteral("space used (MB)"));
    finishSetup();
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
