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
    : TimeChartView(session, parent) {
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

void FrequencyChart::rebuild(int width) {
    const model::Timeline& timeline = session().timeline();
    const model::TimeRange visible = session().visibleRange();
    const std::vector<size_t> series = session().visibleSeries();
    // The interval follows the whole log's mean pause (not the visible range's): it stays put
    // while panning, and costs a pass over the events only when the data or the isolates change.
    const uint64_t events = timeline.eventCount();
    if (events != mean_pause_events_ || series != mean_pause_series_) {
        mean_pause_ms_ = meanPauseMs(timeline, series, model::TimeRange::all());
        mean_pause_events_ = events;
        mean_pause_series_ = series;
    }
    const double interval =
        frequencyInterval(visible.to_ms - visible.from_ms, width, mean_pause_ms_);
    SummaryCache& summaries = SummaryCache::of(session());
    steps_ = gcFrequency(timeline, series, visible, interval,
                         [&](size_t k) { return &summaries.get(k); });
    // Axes on emptied series, then one replace() per series (see HeapChart::rebuild).
    clearSeries();
    for (QLineSeries* l : {young_upper_, old_lower_, old_upper_})
        if (l->count() > 0) l->replace(QList<QPointF>());
    applyTimeRange();
    const QString per = QStringLiteral(" GCs per ") + intervalText(interval);
    young_->setName(QStringLiteral("young-generation") + per);
    old_->setName(QStringLiteral("old-generation") + per);
    setNiceRange(valueAxis(), 0, std::max(1.0, steps_.max_count * 1.05), valueTicks());
    setNiceRange(overhead_axis_, 0, std::clamp(steps_.max_overhead_pct * 1.05, 1.0, 100.0),
                 valueTicks());
    young_upper_->replace(steps_.young);
    old_lower_->replace(steps_.young);
    old_upper_->replace(steps_.total);
    overhead_->replace(steps_.overhead);
    if (timeline.seriesCount() == 0) {
        setMessage(QStringLiteral("No GC log open"));
    } else {
        setMessage(steps_.buckets.empty() ? QStringLiteral("No GC in the visible range")
                                          : QString());
    }
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
