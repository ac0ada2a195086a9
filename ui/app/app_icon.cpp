#include "app/app_icon.hpp"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace gcscope::ui {

namespace {

/// gcscope.svg, on its 64 × 64 grid.
QPixmap paintIcon(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 64.0, size / 64.0);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f, 0x3a, 0x5f));
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
    QPainterPath saw;
    const QPointF points[] = {{10, 42}, {22, 24}, {22, 38}, {34, 20},
                              {34, 34}, {46, 16}, {46, 30}, {54, 22}};
    saw.moveTo(points[0]);
    for (const QPointF& pt : points) saw.lineTo(pt);
    p.setPen(QPen(QColor(0x8f, 0xd3, 0xff), 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(saw);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xb3, 0x47));
    p.drawRoundedRect(QRectF(20, 47, 4, 7), 1, 1);
    p.drawRoundedRect(QRectF(32, 44, 4, 10), 1, 1);
    p.drawRoundedRect(QRectF(44, 49, 4, 5), 1, 1);
    return pixmap;
}

}  // namespace

QIcon appIcon() {
    QIcon painted;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) painted.addPixmap(paintIcon(size));
    return QIcon::fromTheme(QStringLiteral("gcscope"), painted);
}

}  // namespace gcscope::ui
