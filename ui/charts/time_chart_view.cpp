#include "charts/time_chart_view.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "session/slow_turn.hpp"

namespace gcscope::ui::charts {

namespace {
QFont scaledFont(const QFont& base, double factor, bool bold = false) {
    QFont f = base;
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}
}  // namespace

// ---- ChartView ----------------------------------------------------------------------------------

ChartView::ChartView(LogSession& session, QWidget* parent) : QChartView(parent), session_(session) {
    setRenderHint(QPainter::Antialiasing, true);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(140);

    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setBackgroundRoundness(0);
    c->setMargins(QMargins(4, 2, 8, 2));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->legend()->setAlignment(Qt::AlignTop);
    c->legend()->setShowToolTips(true);

    message_item_ = new QGraphicsSimpleTextItem(c);
    message_item_->setZValue(1000);
    message_item_->hide();
    connect(c, &QChart::plotAreaChanged, this, [this] { placeMessage(); });

    redraw_timer_.setSingleShot(true);
    connect(&redraw_timer_, &QTimer::timeout, this, &ChartView::onRedrawTimer);
    connect(&session_, &LogSession::dataAppended, this, &ChartView::scheduleDataRedraw);
    connect(&session_, &LogSession::seriesVisibilityChanged, this, &ChartView::scheduleRedraw);
    connect(&session_, &LogSession::visibleRangeChanged, this, [this] {
        // A view that tracks arriving data moves with it: that is a data redraw, not the user's.
        if (session_.isAnnouncingData())
            scheduleDataRedraw();
        else
            scheduleRedraw();
    });
    connect(&session_, &LogSession::selectionChanged, this, [this] { updateHighlight(); });

    dark_ = palette().color(QPalette::Window).lightness() < 128;
}

ChartView::~ChartView() = default;

void ChartView::finishSetup() {
    redraw_timer_.setObjectName(QStringLiteral("redraw: ") + title());
    applyTheme();
    scheduleRedraw();
}

void ChartView::scheduleRedraw() {
    if (!redraw_timer_.isActive() || redraw_timer_.remainingTime() > kRedrawDelayMs)
        redraw_timer_.start(kRedrawDelayMs);
}

void ChartView::scheduleDataRedraw() {
    if (redraw_timer_.isActive()) return;
    redraw_timer_.start(int(std::clamp<qint64>(kDataRedrawCostFactor * last_redraw_ms_,
                                               kRedrawDelayMs, kMaxDataRedrawDelayMs)));
}

void ChartView::onRedrawTimer() {
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    // Charts (and panels) whose timers fall due together would redraw back to back in one turn
    // of the event loop: after a slow one, the others wait for a later turn, so input is
    // handled in between.
    if (slow_turn::taken()) {
        redraw_timer_.start(0);
        return;
    }
    // A chart not drawn yet does not know its cost: one opened on a log of millions of GCs took
    // 250 ms of the GUI thread for its first redraw.
    const bool slow = redraws_ == 0 || last_redraw_ms_ >= background_from_ms_;
    if (slow && rebuildInBackground(plotWidth())) return;
    redrawNow();
    slow_turn::note(last_redraw_ms_);
}

void ChartView::showEvent(QShowEvent* event) {
    QChartView::showEvent(event);
    if (stale_) scheduleRedraw();
}

void ChartView::redrawNow() {
    redraw_timer_.stop();
    stale_ = false;
    QElapsedTimer took;
    took.start();
    rebuild(plotWidth());
    updateHighlight();
    antialiasDenseLines();
    last_redraw_ms_ = took.elapsed();
    ++redraws_;
    emit redrawn();
}

void ChartView::backgroundRebuildDone(qint64 compute_ms) {
    updateHighlight();
    antialiasDenseLines();
    last_redraw_ms_ = compute_ms;
    ++redraws_;
    ++background_redraws_;
    emit redrawn();
}

void ChartView::antialiasDenseLines() {
    int densest = 0;
    for (QAbstractSeries* s : chart()->series())
        if (auto* xy = qobject_cast<QXYSeries*>(s)) densest = std::max(densest, xy->count());
    const bool dense = densest > kDensePointsPerColumn * plotWidth();
    if (antialiased() == dense) setRenderHint(QPainter::Antialiasing, !dense);
}

int ChartView::plotWidth() const {
    const int w = int(std::lround(chart()->plotArea().width()));
    if (w >= 16) return w;
    return std::max(16, width() - 100);  // not laid out yet: a fair guess
}

void ChartView::layoutNow() {
    // QChartView resizes its chart in resizeEvent, which a hidden widget only gets when shown or
    // rendered: do it here. Then run the chart's layout at once instead of on the next turn.
    if (chart()->size() != QSizeF(size())) {
        chart()->resize(size());
        setSceneRect(chart()->geometry());
    }
    // The legend lays its markers out on a posted LayoutRequest (new series, hidden markers):
    // deliver those first, then lay the chart out.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (QGraphicsLayout* l = chart()->layout()) {
        l->invalidate();
        l->activate();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

EventRef ChartView::eventAt(QPointF) const {
    return {};
}

QString ChartView::hoverTextAt(QPointF view_pos) const {
    const EventRef e = eventAt(view_pos);
    return e.valid() ? eventDescription(session_.timeline(), e) : QString();
}

void ChartView::setMessage(const QString& text) {
    message_ = text;
    message_item_->setText(text);
    message_item_->setVisible(!text.isEmpty());
    placeMessage();
}

void ChartView::setEmptyMessage(bool drawn, const QString& nothing_shown) {
    if (drawn) {
        setMessage({});
    } else if (session_.timeline().seriesCount() == 0) {
        setMessage(QStringLiteral("No GC log open"));
    } else if (session_.visibleSeries().empty()) {
        setMessage(QStringLiteral("Every isolate is hidden: check one under Logs"));
    } else {
        setMessage(nothing_shown);
    }
}

void ChartView::placeMessage() {
    if (message_.isEmpty()) return;
    const QRectF area = chart()->plotArea();
    const QRectF box = message_item_->boundingRect();
    message_item_->setPos(area.center() - box.center());
}

void ChartView::setInLegend(QAbstractSeries* series, bool shown) {
    // Always set: isVisible() is false while the legend itself is hidden (before the first
    // layout), and an item not explicitly hidden shows again with its parent.
    for (QLegendMarker* m : chart()->legend()->markers(series)) m->setVisible(shown);
}

QColor ChartView::textColor(int alpha) const {
    QColor c = palette().color(QPalette::WindowText);
    c.setAlpha(alpha);
    return c;
}

void ChartView::setNiceRange(QValueAxis* axis, double min, double max, int ticks) {
    setAxisRange(axis, niceRange(min, max, ticks));
}

void ChartView::setAxisRange(QValueAxis* axis, const NiceRange& r) {
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setRange(r.min, r.max);
    axis->setTickCount(r.ticks);
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(r.decimals) + QStringLiteral("f"));
}

QValueAxis* ChartView::makeValueAxis(const QString& title) {
    auto* axis = new QValueAxis(this);
    axis->setTitleText(title);
    return axis;
}

void ChartView::applyTheme() {
    dark_ = palette().color(QPalette::Window).lightness() < 128;
    QChart* c = chart();
    c->setTheme(dark_ ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets fonts and colours: blend into the window and keep text compact.
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    c->setBackgroundBrush(window);
    c->setBackgroundPen(Qt::NoPen);
    c->setPlotAreaBackgroundVisible(false);
    const QFont base = QApplication::font();
    c->setTitleFont(scaledFont(base, 1.0, true));
    c->setTitleBrush(text);
    c->legend()->setFont(scaledFont(base, 0.9));
    c->legend()->setLabelColor(text);
    QColor grid = text;
    grid.setAlpha(dark_ ? 45 : 35);
    QColor minor_grid = text;
    minor_grid.setAlpha(dark_ ? 20 : 15);
    QColor line = text;
    line.setAlpha(120);
    for (QAbstractAxis* axis : c->axes()) {
        axis->setLabelsFont(scaledFont(base, 0.85));
        axis->setLabelsColor(text);
        axis->setTitleFont(scaledFont(base, 0.85));
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(minor_grid);
        axis->setLinePenColor(line);
    }
    message_item_->setBrush(text);
    message_item_->setFont(scaledFont(base, 1.0));
    applyStyle();
    updateHighlight();
    placeMessage();
    scheduleRedraw();  // the theme reset legend markers; a redraw sets them again
}

void ChartView::resizeEvent(QResizeEvent* event) {
    chart()->setPlotArea(QRectF());  // a plot area aligned for the old size: automatic again
    QChartView::resizeEvent(event);
    scheduleRedraw();  // the decimation follows the plot width
}

void ChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyTheme();
}

// QTBUG-118669: QChartView::mousePressEvent (Qt 6.4) dereferences the item under the cursor
// without checking it for null. The charts need no scene interaction (no legend clicks, no item
// dragging), so the mouse handlers never call QChartView's: every press, move and release is
// handled here, and none reaches the buggy code whatever lies under the cursor.
void ChartView::mousePressEvent(QMouseEvent* event) {
    event->accept();
}
void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    event->accept();
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    event->accept();
    if (event->buttons() != Qt::NoButton) return;
    const QString text = hoverTextAt(event->position());
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
}

void ChartView::leaveEvent(QEvent* event) {
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

// ---- TimeChartView
// -------------------------------------------------------------------------------

TimeChartView::TimeChartView(LogSession& session, QWidget* parent) : ChartView(session, parent) {
    time_axis_ = makeValueAxis(timeAxisTitle());
    time_axis_->setTickType(QValueAxis::TicksDynamic);
    time_axis_->setTickAnchor(0);
    value_axis_ = makeValueAxis(QString());
    chart()->addAxis(time_axis_, Qt::AlignBottom);
    chart()->addAxis(value_axis_, Qt::AlignLeft);

    // The selection: a vertical cursor across the plot and a ring on the event's point.
    cursor_ = new QLineSeries(this);
    highlight_ = new QScatterSeries(this);
    highlight_->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    highlight_->setMarkerSize(15);
    cursor_->setName(QStringLiteral("selected"));
    highlight_->setName(QStringLiteral("selected"));

    // The time axis follows the session on the (coalesced) redraw, with the data: setting it at
    // once would recompute every series' geometry for the old points, then again for the new.
    // Tick spacing follows the plot width (which settles after the labels are laid out).
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (std::abs(area.width() - ticks_width_) > 1) applyTimeRange();
    });
}

void TimeChartView::attach(QAbstractSeries* series, QAbstractAxis* y) {
    // The selection stays on top: re-add it after every data series.
    const bool had = chart()->series().contains(highlight_);
    if (had) {
        chart()->removeSeries(cursor_);
        chart()->removeSeries(highlight_);
    }
    chart()->addSeries(series);
    series->attachAxis(time_axis_);
    series->attachAxis(y ? y : value_axis_);
    chart()->addSeries(cursor_);
    chart()->addSeries(highlight_);
    for (QXYSeries* s : {static_cast<QXYSeries*>(cursor_), static_cast<QXYSeries*>(highlight_)}) {
        s->attachAxis(time_axis_);
        s->attachAxis(value_axis_);
        hideFromLegend(s);
    }
}

void TimeChartView::clearSeries() {
    for (QAbstractSeries* s : chart()->series())
        if (auto* xy = qobject_cast<QXYSeries*>(s); xy && xy->count() > 0)
            xy->replace(QList<QPointF>());  // not clear(): it removes point by point, by value
}

QLineSeries* TimeChartView::line(int k) {
    while (lines_.size() <= k) {
        auto* s = new QLineSeries(this);
        attach(s);
        lines_.append(s);
    }
    return lines_[k];
}

void TimeChartView::finishLines(int used) {
    for (int k = used; k < lines_.size(); ++k) {
        if (lines_[k]->count() > 0) lines_[k]->replace(QList<QPointF>());
        hideFromLegend(lines_[k]);
    }
}

int TimeChartView::valueTicks() const {
    return std::clamp(int(chart()->plotArea().height() / 45), 2, 8);
}

void TimeChartView::setTimeAxisTitleVisible(bool visible) {
    time_axis_->setTitleVisible(visible);
}

namespace {
/// Width of the widest tick label of a fixed-tick value axis.
int widestLabel(const QValueAxis* axis) {
    const QFontMetrics fm(axis->labelsFont());
    const QByteArray format = axis->labelFormat().toLatin1();
    const int ticks = std::max(2, axis->tickCount());
    int widest = 0;
    for (int k = 0; k < ticks; ++k) {
        const double v = axis->min() + (axis->max() - axis->min()) * k / (ticks - 1);
        widest = std::max(widest, fm.horizontalAdvance(QString::asprintf(format.constData(), v)));
    }
    return widest;
}
}  // namespace

QRectF TimeChartView::automaticPlotArea() {
    const QString sig = insetSignature();
    if (sig != measured_signature_ || auto_area_.isEmpty()) {
        chart()->setPlotArea(QRectF());
        fixed_area_ = QRectF();
        layoutNow();
        auto_area_ = chart()->plotArea();
        measured_signature_ = sig;
    }
    return auto_area_;
}

void TimeChartView::setAlignedPlotArea(const QRectF& area) {
    if (area == fixed_area_) return;
    fixed_area_ = area;
    chart()->setPlotArea(area);
}

void TimeChartView::resizeEvent(QResizeEvent* event) {
    fixed_area_ = QRectF();  // ChartView::resizeEvent makes the plot area automatic again
    ChartView::resizeEvent(event);
}

QString TimeChartView::insetSignature() const {
    QString sig = QString::number(width()) + QLatin1Char('x') + QString::number(height()) +
                  (isDark() ? QStringLiteral("d") : QStringLiteral("l")) +
                  QString::number(chart()->legend()->font().pointSizeF());
    for (QAbstractAxis* axis : chart()->axes(Qt::Vertical)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis))
            sig += QLatin1Char('|') + QString::number(widestLabel(v));
        sig += axis->titleText();
    }
    sig += time_axis_->isTitleVisible() ? QStringLiteral("|t") : QStringLiteral("|-");
    // The legend's labels by width, which is what its layout depends on: "+1824 more isolates"
    // becoming "+2005 more isolates" at every update of a loading log re-measured and realigned
    // every chart (10 ms each) though no label moved.
    for (QLegendMarker* m : chart()->legend()->markers())
        if (m->isVisible())
            sig += QLatin1Char('|') +
                   QString::number(QFontMetricsF(m->font()).horizontalAdvance(m->label()));
    return sig;
}

void TimeChartView::applyStyle() {
    hideFromLegend(cursor_);
    hideFromLegend(highlight_);
    QPen cursor_pen(textColor(150), 1, Qt::DashLine);
    cursor_->setPen(cursor_pen);
    QPen ring(isDark() ? QColor(Qt::white) : QColor(Qt::black), 2.5);
    highlight_->setPen(ring);
    highlight_->setBrush(Qt::NoBrush);
    highlight_->setColor(Qt::transparent);
    highlight_->setBorderColor(ring.color());
}

void TimeChartView::applyTimeRange() {
    applyTimeRange(session().visibleRange());
}

void TimeChartView::applyTimeRange(const model::TimeRange& r) {
    const double from = toAxisX(r.from_ms), to = toAxisX(r.to_ms);
    ticks_width_ = plotWidth();
    const double step = niceStep(to - from, std::max(2.0, ticks_width_ / 85.0));
    time_axis_->setTickInterval(step);
    time_axis_->setLabelFormat(QStringLiteral("%.") + QString::number(decimalsFor(step)) +
                               QStringLiteral("f"));
    time_axis_->setRange(from, to);
}

void TimeChartView::setValueRange(double min, double max) {
    if (!(max > min)) max = min + 1;
    value_axis_->setRange(min, max);
}

std::optional<double> TimeChartView::highlightValue(const model::Series&, size_t) const {
    return std::nullopt;
}

std::optional<QPointF> TimeChartView::highlightPosition() const {
    if (highlight_->count() == 0) return std::nullopt;
    return highlight_->at(0);
}

void TimeChartView::updateHighlight() {
    const EventRef e = session().selectedEvent();
    const model::Timeline& timeline = session().timeline();
    QList<QPointF> ring, cursor;
    if (e.valid() && size_t(e.series) < timeline.seriesCount() &&
        session().isSeriesVisible(size_t(e.series))) {
        const model::Series& s = timeline.series(size_t(e.series));
        if (size_t(e.index) < s.size()) {
            const double x = toAxisX(s.sortTimeMs(size_t(e.index)));
            cursor << QPointF(x, value_axis_->min()) << QPointF(x, value_axis_->max());
            if (const std::optional<double> v = highlightValue(s, size_t(e.index));
                v && !std::isnan(*v))
                ring << QPointF(x, *v);
        }
    }
    cursor_->replace(cursor);
    highlight_->replace(ring);
}

QPointF TimeChartView::toData(QPointF view_pos) const {
    const QPointF p = chart()->mapFromScene(mapToScene(view_pos.toPoint()));
    const QRectF area = chart()->plotArea();
    if (area.width() <= 0 || area.height() <= 0) return {};
    const double fx = (p.x() - area.left()) / area.width();
    const double fy = (area.bottom() - p.y()) / area.height();
    const double x = time_axis_->min() + fx * (time_axis_->max() - time_axis_->min());
    const double y = value_axis_->min() + fy * (value_axis_->max() - value_axis_->min());
    return {fromAxisX(x), y};
}

QPointF TimeChartView::toView(double t_ms, double value) const {
    const QRectF area = chart()->plotArea();
    const double xs = time_axis_->max() - time_axis_->min(),
                 ys = value_axis_->max() - value_axis_->min();
    if (!(xs > 0) || !(ys > 0)) return {};
    const double px = area.left() + (toAxisX(t_ms) - time_axis_->min()) / xs * area.width();
    const double py = area.bottom() - (value - value_axis_->min()) / ys * area.height();
    return QPointF(mapFromScene(chart()->mapToScene(QPointF(px, py))));
}

EventRef TimeChartView::eventAt(QPointF view_pos) const {
    const QRectF area = chart()->plotArea();
    const QPointF p = chart()->mapFromScene(mapToScene(view_pos.toPoint()));
    if (!area.adjusted(-4, -4, 4, 4).contains(p) || area.width() <= 0 || area.height() <= 0)
        return {};
    const QPointF d = toData(view_pos);
    HitQuery q;
    q.t_ms = d.x();
    q.value = d.y();
    q.ms_per_px = fromAxisX(time_axis_->max() - time_axis_->min()) / area.width();
    q.value_per_px = (value_axis_->max() - value_axis_->min()) / area.height();
    q.max_px = 10;
    const std::vector<size_t> series = session().visibleSeries();
    return nearestEvent(session().timeline(), series, hitMetric(), q);
}

QString TimeChartView::hoverTextAt(QPointF view_pos) const {
    return ChartView::hoverTextAt(view_pos);
}

}  // namespace gcscope::ui::charts
