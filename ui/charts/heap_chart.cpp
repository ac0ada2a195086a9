#include "charts/heap_chart.hpp"

#include <QLineSeries>
#include <QValueAxis>
#include <cmath>

#include "charts/chart_colours.hpp"
#include "charts/series_summary.hpp"

namespace gcscope::ui::charts {

HeapChart::HeapChart(LogSession& session, QWidget* parent) : TimeChartView(session, parent) {
    valueAxis()->setTitleText(QStringLiteral("heap (MB)"));
    committed_key_ = new QLineSeries(this);
    committed_key_->setName(QStringLiteral("committed (faint)"));
    more_key_ = new QLineSeries(this);
    attach(committed_key_);
    attach(more_key_);
    finishSetup();
}

QLineSeries* HeapChart::usedSeries(int k) const {
    return 2 * k < lineCount() && k < drawn_ ? const_cast<HeapChart*>(this)->line(2 * k) : nullptr;
}
QLineSeries* HeapChart::committedSeries(int k) const {
    return 2 * k + 1 < lineCount() && k < drawn_ ? const_cast<HeapChart*>(this)->line(2 * k + 1)
                                                 : nullptr;
}

std::optional<double> HeapChart::highlightValue(const model::Series& s, size_t i) const {
    const double before = s.usedBeforeMb(i);
    return std::isnan(before) ? s.usedAfterMb(i) : before;
}

void HeapChart::styleLine(int j) {
    const int k = j / 2;
    const bool committed = j % 2 == 1;
    // Committed: thin and translucent. Not dashed: Qt Charts strokes a dashed series as one path,
    // and the dash pattern over thousands of segments costs hundreds of ms per paint.
    QColor color = isolateColor(size_t(k), isDark());
    if (committed) color.setAlpha(isDark() ? 120 : 110);
    line(j)->setPen(QPen(color, committed ? 1.0 : 1.5));
}

void HeapChart::applyStyle() {
    TimeChartView::applyStyle();
    for (int j = 0; j < lineCount(); ++j) styleLine(j);
    committed_key_->setPen(QPen(textColor(110), 1.0));
    more_key_->setPen(QPen(Qt::transparent));
}

void HeapChart::rebuild(int width) {
    const model::Timeline& timeline = session().timeline();
    const model::TimeRange visible = session().visibleRange();
    std::vector<size_t> series = session().visibleSeries();
    const int total = int(series.size());
    if (total > kMaxIsolates) series.resize(kMaxIsolates);
    const bool several = series.size() > 1;
    const bool with_source = several && needsSourceInLabels(timeline, series);

    // Data first, then the axes on emptied series, then one replace() per series: each series'
    // geometry (path and hover shape) is computed once per redraw.
    std::vector<HeapLines> lines(series.size());
    double max_mb = 0;
    bool any = false;
    SummaryCache& summaries = SummaryCache::of(session());
    for (size_t k = 0; k < series.size(); ++k) {
        lines[k] = heapLines(timeline.series(series[k]), visible, width, nullptr,
                             &summaries.get(series[k]));
        for (const QPointF& p : lines[k].used) max_mb = std::max(max_mb, p.y());
        for (const QPointF& p : lines[k].committed) max_mb = std::max(max_mb, p.y());
        any = any || !lines[k].used.isEmpty() || !lines[k].committed.isEmpty();
    }
    clearSeries();
    applyTimeRange();
    setNiceRange(valueAxis(), 0, std::max(1.0, max_mb * 1.03), valueTicks());

    bool created = false;
    for (size_t k = 0; k < series.size(); ++k) {
        const int j = int(2 * k);
        const bool fresh = j + 1 >= lineCount();
        created = created || fresh;
        QLineSeries* used = line(j);
        QLineSeries* committed = line(j + 1);
        if (fresh) {
            styleLine(j);
            styleLine(j + 1);
        }
        used->replace(lines[k].used);
        committed->replace(lines[k].committed);
        used->setName(several ? seriesLabel(timeline, series[k], with_source)
                              : QStringLiteral("heap used"));
        committed->setName(several ? QString() : QStringLiteral("heap committed"));
        setInLegend(used, !several || int(k) < kMaxLegendIsolates);
        setInLegend(committed, !several);
    }
    finishLines(int(2 * series.size()));
    drawn_ = int(series.size());
    if (created) {
        // Legend entries follow the order series were added: keep the keys after the isolates.
        for (QLineSeries* key : {committed_key_, more_key_}) {
            chart()->removeSeries(key);
            attach(key);
        }
        applyStyle();
    }
    setInLegend(committed_key_, several);
    const int more = total - std::min(total, kMaxLegendIsolates);
    more_key_->setName(more > 0 ? QStringLiteral("+%1 more isolates").arg(more) : QString());
    setInLegend(more_key_, several && more > 0);

    setEmptyMessage(any);
}

}  // namespace gcscope::ui::charts
