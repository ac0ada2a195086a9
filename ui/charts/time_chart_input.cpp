// TimeChartView's zoom and pan (wheel, rubber band, Shift-drag, keys), kept apart from its
// drawing in time_chart_view.cpp. Every change goes through LogSession::setVisibleRange, so all
// charts stay linked.
#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "charts/time_chart_view.hpp"

namespace gcscope::ui::charts {

// ---- zoom and pan, always through the session
// -------------------------------------------------------

namespace {
/// Keeps [from, to] inside the full range and at least 1 ms wide; nullopt: show everything.
std::optional<model::TimeRange> clampRange(double from, double to, const model::TimeRange& full) {
    const double full_span = full.to_ms - full.from_ms;
    double span = to - from;
    if (!(span > 0) || !std::isfinite(span)) return std::nullopt;
    if (span >= full_span) return std::nullopt;
    const double min_span = std::min(1.0, full_span);
    if (span < min_span) {
        const double c = (from + to) / 2;
        from = c - min_span / 2;
        to = c + min_span / 2;
        span = min_span;
    }
    if (from < full.from_ms) {
        from = full.from_ms;
        to = from + span;
    }
    if (to > full.to_ms) {
        to = full.to_ms;
        from = to - span;
    }
    return model::TimeRange{from, to};
}
}  // namespace

void TimeChartView::zoomTo(double from_ms, double to_ms) {
    if (from_ms > to_ms) std::swap(from_ms, to_ms);
    if (auto r = clampRange(from_ms, to_ms, session().fullRange())) {
        session().setVisibleRange(*r);
    } else {
        session().resetZoom();
    }
}

void TimeChartView::zoomBy(double factor, double center_ms) {
    const model::TimeRange r = session().visibleRange();
    if (!std::isfinite(center_ms) || center_ms < r.from_ms || center_ms > r.to_ms)
        center_ms = (r.from_ms + r.to_ms) / 2;
    zoomTo(center_ms - (center_ms - r.from_ms) * factor,
           center_ms + (r.to_ms - center_ms) * factor);
}

void TimeChartView::panBy(double fraction) {
    const model::TimeRange r = session().visibleRange();
    if (!session().isZoomed()) return;  // everything is shown: nowhere to pan
    const double shift = fraction * (r.to_ms - r.from_ms);
    zoomTo(r.from_ms + shift, r.to_ms + shift);
}

void TimeChartView::wheelEvent(QWheelEvent* event) {
    event->accept();
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0 && !(event->modifiers() & Qt::ShiftModifier)) {
        const double notches = delta.y() / 120.0;
        zoomBy(std::pow(0.8, notches), toData(event->position()).x());
    } else {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        panBy(-d / 120.0 * 0.1);
    }
}

void TimeChartView::mousePressEvent(QMouseEvent* event) {
    event->accept();
    setFocus(Qt::MouseFocusReason);
    QToolTip::hideText();
    press_pos_ = event->position().toPoint();
    press_range_ = session().visibleRange();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        drag_ = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    } else if (event->button() == Qt::LeftButton) {
        drag_ = Drag::Pending;
    } else {
        drag_ = Drag::None;
    }
}

void TimeChartView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const QRectF area = chart()->plotArea();
    if (drag_ == Drag::Pending && std::abs(pos.x() - press_pos_.x()) >= 4) {
        drag_ = Drag::RubberBand;
        if (!rubber_band_) rubber_band_ = new QRubberBand(QRubberBand::Rectangle, viewport());
        rubber_band_->show();
    }
    if (drag_ == Drag::RubberBand) {
        const QRect plot = mapFromScene(chart()->mapToScene(area)).boundingRect();
        const int x0 = std::clamp(std::min(press_pos_.x(), pos.x()), plot.left(), plot.right());
        const int x1 = std::clamp(std::max(press_pos_.x(), pos.x()), plot.left(), plot.right());
        rubber_band_->setGeometry(QRect(QPoint(x0, plot.top()), QPoint(x1, plot.bottom())));
        event->accept();
        return;
    }
    if (drag_ == Drag::Pan) {
        if (area.width() > 0) {
            const double ms_per_px = (press_range_.to_ms - press_range_.from_ms) / area.width();
            const double shift = -(pos.x() - press_pos_.x()) * ms_per_px;
            if (session().isZoomed())
                zoomTo(press_range_.from_ms + shift, press_range_.to_ms + shift);
        }
        event->accept();
        return;
    }
    ChartView::mouseMoveEvent(event);
}

void TimeChartView::mouseReleaseEvent(QMouseEvent* event) {
    event->accept();
    const Drag drag = drag_;
    drag_ = Drag::None;
    unsetCursor();
    if (drag == Drag::RubberBand) {
        rubber_band_->hide();
        const QRect band = rubber_band_->geometry();
        if (band.width() >= 4) {
            const double a = toData(QPointF(band.left(), band.center().y())).x();
            const double b = toData(QPointF(band.right() + 1, band.center().y())).x();
            zoomTo(a, b);
        }
    } else if (drag == Drag::Pending && event->button() == Qt::LeftButton) {
        const EventRef e = eventAt(event->position());
        if (e.valid()) session().selectEvent(e);
    }
}

void TimeChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    event->accept();
    drag_ = Drag::None;
    if (event->button() == Qt::LeftButton) session().resetZoom();
}

void TimeChartView::keyPressEvent(QKeyEvent* event) {
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
        case Qt::Key_Left:
            panBy(-0.1);
            break;
        case Qt::Key_Right:
            panBy(0.1);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Up:
            zoomBy(0.8, NAN);
            break;
        case Qt::Key_Minus:
        case Qt::Key_Down:
            zoomBy(1.25, NAN);
            break;
        case Qt::Key_Home:
            session().resetZoom();
            break;
        case Qt::Key_0:
            if (!ctrl) return ChartView::keyPressEvent(event);
            session().resetZoom();
            break;
        case Qt::Key_Escape:
            if (drag_ == Drag::RubberBand && rubber_band_) rubber_band_->hide();
            drag_ = Drag::None;
            break;
        default:
            return ChartView::keyPressEvent(event);
    }
    event->accept();
}

}  // namespace gcscope::ui::charts
