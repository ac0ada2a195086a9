#include "charts/pause_chart.hpp"

#include <QGraphicsSimpleTextItem>
#include <cmath>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include "charts/chart_colours.hpp"
#include "charts/scatter_grid.hpp"
#include "charts/series_summary.hpp"

namespace gcscope::ui::charts {

PauseChart::PauseChart(LogSession& session, QWidget* parent)
    : TimeChartView(session, parent), worker_(this, [this] { return backgroundWork(); }) {
    valueAxis()->setTitleText(QStringLiteral("pause (ms)"));
    for (int f = 0; f < kCollectorFamilies; ++f) {
        auto* s = new QLineSeries(this);
        s->setName(familyName(CollectorFamily(f)));
        family_[size_t(f)] = s;
        attach(s);
    }
    connect(chart(), &QChart::plotAreaChanged, this, &PauseChart::placeMarkerLabels);
    finishSetup();
}

QList<double> PauseChart::markerTimes(Marker::Kind kind) const {
    QList<double> out;
    for (const Marker& m : markers_)
        if (m.kind == kind) out << m.x;
    return out;
}

QColor PauseChart::markerColor(Marker::Kind kind) const {
    return kind == Marker::Oom ? oomColor(isDark()) : textColor(170);
}

void PauseChart::collectMarkers(const PauseJob& job) {
    const model::Timeline& timeline = session().timeline();
    const model::TimeRange& visible = job.visible;
    const std::vector<size_t>& series = job.series;
    markers_.clear();
    QList<double> ooms = oomTimes(timeline, series, visible);
    if (ooms.size() > kMaxOomMarkers) ooms.resize(kMaxOomMarkers);
    for (double x : ooms) markers_.append({Marker::Oom, x, QStringLiteral("OOM")});
    int restarts = 0;
    for (const RestartMark& r : session().restarts()) {
        if (restarts == kMaxRestartMarkers) break;
        if (!visible.contains(r.time_ms) ||
            std::find(series.begin(), series.end(), size_t(r.series)) == series.end())
            continue;
        markers_.append({Marker::Restart, toAxisX(r.time_ms), r.kind});
        ++restarts;
    }
    std::stable_sort(markers_.begin(), markers_.end(),
                     [](const Marker& a, const Marker& b) { return a.x < b.x; });
}

void PauseChart::drawMarkers() {
    bool named[2] = {false, false};
    for (int k = 0; k < markers_.size(); ++k) {
        const Marker& m = markers_[k];
        QLineSeries* l = line(k);
        l->setPen(QPen(markerColor(m.kind), 2, m.kind == Marker::Oom ? Qt::DashLine : Qt::DashDotLine));
        // The first of each kind is named in the legend.
        const bool first = !named[m.kind];
        named[m.kind] = true;
        l->setName(!first ? QString()
                   : m.kind == Marker::Oom ? QStringLiteral("out of memory")
                                           : QStringLiteral("log restarted"));
        l->replace({QPointF(m.x, valueAxis()->min()), QPointF(m.x, valueAxis()->max())});
        setInLegend(l, first);
    }
    finishLines(int(markers_.size()));
    placeMarkerLabels();
}

void PauseChart::placeMarkerLabels() {
    while (marker_labels_.size() < markers_.size()) {
        auto* label = new QGraphicsSimpleTextItem(chart());
        label->setZValue(900);
        marker_labels_ << label;
    }
    const QRectF area = chart()->plotArea();
    const double min = timeAxis()->min(), max = timeAxis()->max();
    QFont font = chart()->legend()->font();
    font.setBold(true);
    // Markers are sorted by time within each kind; a label that would cover the previous one of
    // its row is left out (the dashed lines still show every marker).
    double row_right[2] = {-INFINITY, -INFINITY};
    for (int k = 0; k < marker_labels_.size(); ++k) {
        QGraphicsSimpleTextItem* label = marker_labels_[k];
        label->setVisible(k < markers_.size() && max > min);
        if (!label->isVisible()) continue;
        const Marker& m = markers_[k];
        label->setText(m.label);
        label->setFont(font);
        label->setBrush(markerColor(m.kind));
        const double x = area.left() + (m.x - min) / (max - min) * area.width();
        const double w = label->boundingRect().width();
        // Beside the line, inside the plot: to its left when it stands near the right edge.
        // Restart labels sit one line lower, so an OOM and the restart after it stay readable.
        const double left = x + 4 + w > area.right() ? x - 4 - w : x + 4;
        if (left < row_right[m.kind] + 4) {
            label->setVisible(false);
            continue;
        }
        row_right[m.kind] = left + w;
        const double top =
            area.top() + 2 + (m.kind == Marker::Restart ? label->boundingRect().height() : 0);
        label->setPos(left, top);
    }
}

QImage PauseChart::dot(const QColor& color, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(125), 0.8));
    p.setBrush(color);
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    return image;
}

std::optional<double> PauseChart::highlightValue(const model::Series& s, size_t i) const {
    return s.pauseMs(i);
}

void PauseChart::applyStyle() {
    TimeChartView::applyStyle();
    for (int f = 0; f < kCollectorFamilies; ++f) {
        QLineSeries* s = family_[size_t(f)];
        const QColor c = familyColor(CollectorFamily(f), isDark());
        s->setPen(QPen(QBrush(c), 1, Qt::NoPen));  // points only: no line between them
        s->setMarkerSize(kDotSize);  // the light marker is drawn in a square of this size
        s->setLightMarker(dot(c, kDotSize));
        for (QLegendMarker* m : chart()->legend()->markers(s)) {
            m->setShape(QLegend::MarkerShapeCircle);
            m->setBrush(c);
            m->setPen(QPen(c));
        }
    }
    drawMarkers();
}

PausePlot computePausePlot(const model::Timeline& timeline, const PauseJob& job,
                           const SummaryLookup& summaries) {
    PausePlot plot;
    for (size_t k : job.series)
        appendPausePointsByFamily(timeline.series(k), job.visible, job.columns,
                                  summaries ? summaries(k) : nullptr, plot.points);
    double max_ms = 0;
    for (const QList<QPointF>& family : plot.points) {
        for (const QPointF& p : family) max_ms = std::max(max_ms, p.y());
        plot.any = plot.any || !family.isEmpty();
    }
    plot.value_range = niceRange(0, std::max(0.1, max_ms * 1.05), job.value_ticks);
    // More points than one isolate can give (two per column): many isolates share the pixels.
    const ScatterGrid grid{toAxisX(job.visible.from_ms), toAxisX(job.visible.to_ms),
                           plot.value_range.min,         plot.value_range.max,
                           job.columns,                  job.rows};
    for (QList<QPointF>& family : plot.points)
        if (family.size() > 2 * job.columns) thinToGrid(family, grid);
    return plot;
}

PauseJob PauseChart::makeJob(int width) const {
    PauseJob job;
    job.visible = session().visibleRange();
    job.series = session().visibleSeries();
    // Markers are 6 px wide: one lowest and one highest pause per 3 px keeps every spike and
    // draws the same picture as per pixel, with a third of the marker items.
    job.columns = std::max(1, width / kPixelsPerColumn);
    job.value_ticks = valueTicks();
    const double plot_height = chart()->plotArea().height();
    job.rows = std::max(1, int(plot_height > 0 ? plot_height : 300) / kPixelsPerColumn);
    return job;
}

void PauseChart::rebuild(int width) {
    worker_.cancel();
    const PauseJob job = makeJob(width);
    SummaryCache& summaries = SummaryCache::of(session());
    apply(job, computePausePlot(session().timeline(), job,
                                [&](size_t k) { return &summaries.get(k); }));
}

bool PauseChart::rebuildInBackground(int width) {
    background_width_ = width;
    worker_.request();
    return true;
}

ChartWorker::Work PauseChart::backgroundWork() {
    // Without the block summaries: they are the GUI thread's cache.
    return timedWork(
        makeJob(background_width_),
        [&timeline = session().timeline()](const PauseJob& job) {
            return computePausePlot(timeline, job, {});
        },
        [this](const PauseJob& job, PausePlot&& plot, qint64 ms) {
            apply(job, std::move(plot));
            backgroundRebuildDone(ms);
        });
}

void PauseChart::apply(const PauseJob& job, PausePlot&& plot) {
    // Axes on emptied series, then one replace() per series (see HeapChart::rebuild).
    clearSeries();
    applyTimeRange(job.visible);
    setAxisRange(valueAxis(), plot.value_range);
    for (int f = 0; f < kCollectorFamilies; ++f) {
        setInLegend(family_[size_t(f)], !plot.points[size_t(f)].isEmpty());
        family_[size_t(f)]->replace(std::move(plot.points[size_t(f)]));
    }

    // OOM and restarts: dashed vertical lines from the axis to the top.
    collectMarkers(job);
    drawMarkers();

    setEmptyMessage(plot.any || !markers_.isEmpty());
}

}  // namespace gcscope::ui::charts
