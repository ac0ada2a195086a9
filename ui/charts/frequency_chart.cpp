#include "charts/frequency_chart.hpp"

#include <QAreaSeries>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "charts/chart_colours.hpp"
#include "charts/series_summary.hpp"

namespace gcscope::ui::charts {

FrequencyChart::FrequencyChart(LogSession& session, QWidget* parent)
    : TimeChartView(session, parent), worker_(this, [this] { return backgroundWork(); }) {
    // Short axis titles: this chart is the lowest of the three, and a longer title is cut at its
    // height. The interval is in the legend ("… GCs per 50 ms").
    valueAxis()->setTitleText(QStringLiteral("GCs"));
    overhead_axis_ = makeValueAxis(QStringLiteral("GC %"));
    overhead_axis_->setGridLineVisible(false);
    chart()->addAxis(overhead_axis_, Qt::AlignRight);

    young_upper_ = new QLineSeries(this);
    old_upper_ = new QLineSeries(this);
    old_lower_ = new QLineSeries(this);
    young_ = new QAreaSeries(young_upper_);
    young_->setParent(this);
    young_->setName(QStringLiteral("young-generation GCs"));
    old_ = new QAreaSeries(old_upper_, old_lower_);
    old_->setParent(this);
    old_->setName(QStringLiteral("old-generation GCs"));
    overhead_ = new QLineSeries(this);
    overhead_->setName(QStringLiteral("GC time (%)"));
    attach(young_);
    attach(old_);
    attach(overhead_, overhead_axis_);
    finishSetup();
}

QString FrequencyChart::intervalText(double interval_ms) {
    if (interval_ms >= 60000 && std::fmod(interval_ms, 60000) == 0)
        return QString::number(interval_ms / 60000) + QStringLiteral(" min");
    if (interval_ms >= 1000)
        return QString::number(interval_ms / 1000, 'g', 6) + QStringLiteral(" s");
    return QString::number(interval_ms, 'g', 6) + QStringLiteral(" ms");
}

void FrequencyChart::applyStyle() {
    TimeChartView::applyStyle();
    auto area = [&](QAreaSeries* s, CollectorFamily f) {
        QColor c = familyColor(f, isDark());
        s->setPen(QPen(c, 1));
        c.setAlpha(isDark() ? 140 : 110);
        s->setBrush(c);
    };
    area(young_, CollectorFamily::Scavenge);
    area(old_, CollectorFamily::MarkCompact);
    overhead_->setPen(QPen(isDark() ? QColor(0xf0, 0xd0, 0x50) : QColor(0x6a, 0x1b, 0x9a), 2));
    overhead_axis_->setGridLineVisible(false);
}

FrequencyPlot computeFrequencyPlot(const model::Timeline& timeline, const FrequencyJob& job,
                                   const SummaryLookup& summaries) {
    FrequencyPlot plot;
    plot.mean_pause_ms = std::isnan(job.mean_pause_ms)
                             ? meanPauseMs(timeline, job.series, model::TimeRange::all())
                             : job.mean_pause_ms;
    const double interval = frequencyInterval(job.visible.to_ms - job.visible.from_ms, job.width,
                                              plot.mean_pause_ms);
    plot.steps = gcFrequency(timeline, job.series, job.visible, interval, summaries);
    plot.count_range = niceRange(0, std::max(1.0, plot.steps.max_count * 1.05), job.value_ticks);
    plot.overhead_range = niceRange(0, std::clamp(plot.steps.max_overhead_pct * 1.05, 1.0, 100.0),
                                    job.value_ticks);
    return plot;
}

FrequencyJob FrequencyChart::makeJob(int width) const {
    FrequencyJob job;
    job.visible = session().visibleRange();
    job.series = session().visibleSeries();
    job.width = width;
    job.value_ticks = valueTicks();
    job.events = session().timeline().eventCount();
    // The interval follows the whole log's mean pause (not the visible range's): it stays put
    // while panning, and costs a pass over the events only when the data or the isolates change.
    if (job.events == mean_pause_events_ && job.series == mean_pause_series_)
        job.mean_pause_ms = mean_pause_ms_;
    return job;
}

void FrequencyChart::rebuild(int width) {
    worker_.cancel();
    const FrequencyJob job = makeJob(width);
    SummaryCache& summaries = SummaryCache::of(session());
    apply(job, computeFrequencyPlot(session().timeline(), job,
                                    [&](size_t k) { return &summaries.get(k); }));
}

bool FrequencyChart::rebuildInBackground(int width) {
    background_width_ = width;
    worker_.request();
    return true;
}

ChartWorker::Work FrequencyChart::backgroundWork() {
    // Without the block summaries: they are the GUI thread's cache.
    return timedWork(
        makeJob(background_width_),
        [&timeline = session().timeline()](const FrequencyJob& job) {
            return computeFrequencyPlot(timeline, job, {});
        },
        [this](const FrequencyJob& job, FrequencyPlot&& plot, qint64 ms) {
            apply(job, std::move(plot));
            backgroundRebuildDone(ms);
        });
}

void FrequencyChart::apply(const FrequencyJob& job, FrequencyPlot&& plot) {
    mean_pause_ms_ = plot.mean_pause_ms;
    mean_pause_events_ = job.events;
    mean_pause_series_ = job.series;
    steps_ = std::move(plot.steps);
    // Axes on emptied series, then one replace() per series (see HeapChart::rebuild).
    clearSeries();
    for (QLineSeries* l : {young_upper_, old_lower_, old_upper_})
        if (l->count() > 0) l->replace(QList<QPointF>());
    applyTimeRange(job.visible);
    const QString per = QStringLiteral(" GCs per ") + intervalText(steps_.interval_ms);
    young_->setName(QStringLiteral("young-generation") + per);
    old_->setName(QStringLiteral("old-generation") + per);
    setAxisRange(valueAxis(), plot.count_range);
    setAxisRange(overhead_axis_, plot.overhead_range);
    young_upper_->replace(steps_.young);
    old_lower_->replace(steps_.young);
    old_upper_->replace(steps_.total);
    overhead_->replace(steps_.overhead);
    setEmptyMessage(!steps_.buckets.empty());
}

QString FrequencyChart::hoverTextAt(QPointF view_pos) const {
    const QRectF area = chart()->plotArea();
    const QPointF p = chart()->mapFromScene(mapToScene(view_pos.toPoint()));
    if (!area.contains(p) || steps_.buckets.empty()) return {};
    const double t = toData(view_pos).x();
    const auto it =
        std::upper_bound(steps_.buckets.begin(), steps_.buckets.end(), t,
                         [](double v, const model::IntervalBucket& b) { return v < b.start_ms; });
    if (it == steps_.buckets.begin()) return {};
    const model::IntervalBucket& b = *(it - 1);
    if (t >= b.end_ms) return {};
    const int d = decimalsFor(steps_.interval_ms / 1000.0);
    QString text = QStringLiteral("%1–%2 s: %3 young + %4 old GCs")
                       .arg(QString::number(b.start_ms / 1000.0, 'f', d),
                            QString::number(b.end_ms / 1000.0, 'f', d))
                       .arg(b.young)
                       .arg(b.old);
    if (!std::isnan(b.overhead_pct))
        text += QStringLiteral("\nGC time %1 % (%2 ms paused)")
                    .arg(QString::number(b.overhead_pct, 'f', 1),
                         QString::number(b.young_pause_ms + b.old_pause_ms, 'f', 1));
    return text;
}

}  // namespace gcscope::ui::charts
