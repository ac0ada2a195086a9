#include "charts/dashboard.hpp"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <memory>

#include "charts/extra_charts.hpp"
#include "charts/frequency_chart.hpp"
#include "charts/heap_chart.hpp"
#include "charts/pause_chart.hpp"

namespace gcscope::ui::charts {

namespace {
constexpr int kHeaderHeight = 24;

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c), base(0x1d, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

QString rangeText(const model::TimeRange& r) {
    const double span_s = (r.to_ms - r.from_ms) / 1000.0;
    const int d = std::max(decimalsFor(niceStep(span_s, 10)), 1);
    return QString::number(r.from_ms / 1000.0, 'f', d) + QStringLiteral("–") +
           QString::number(r.to_ms / 1000.0, 'f', d) + QStringLiteral(" s");
}
}  // namespace

QString Dashboard::chartName(ChartKind kind) {
    switch (kind) {
        case ChartKind::Heap:
            return QStringLiteral("Heap");
        case ChartKind::Pause:
            return QStringLiteral("GC pauses");
        case ChartKind::Frequency:
            return QStringLiteral("GC frequency and overhead");
        case ChartKind::PauseHistogram:
            return QStringLiteral("Pause histogram");
        case ChartKind::MutatorUtilisation:
            return QStringLiteral("Mutator utilisation");
        case ChartKind::AllocationRate:
            return QStringLiteral("Allocation rate");
        case ChartKind::HeapSpaces:
            return QStringLiteral("Heap by space (verbose logs)");
    }
    return {};
}

ChartView* Dashboard::createChart(ChartKind kind, LogSession& session, QWidget* parent) {
    switch (kind) {
        case ChartKind::Heap:
            return new HeapChart(session, parent);
        case ChartKind::Pause:
            return new PauseChart(session, parent);
        case ChartKind::Frequency:
            return new FrequencyChart(session, parent);
        case ChartKind::PauseHistogram:
            return new PauseHistogramChart(session, parent);
        case ChartKind::MutatorUtilisation:
            return new MutatorUtilisationChart(session, parent);
        case ChartKind::AllocationRate:
            return new AllocationRateChart(session, parent);
        case ChartKind::HeapSpaces:
            return new HeapSpaceChart(session, parent);
    }
    return nullptr;
}

Dashboard::Dashboard(LogSession& session, QWidget* parent) : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    range_label_ = new QLabel(this);
    range_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reset_button_ = new QToolButton(this);
    reset_button_->setText(QStringLiteral("Reset zoom"));
    reset_button_->setToolTip(
        QStringLiteral("Show the whole log (Ctrl+0, Home or double-click a chart)"));
    reset_button_->setAutoRaise(true);
    connect(reset_button_, &QToolButton::clicked, &session_, &LogSession::resetZoom);
    extra_box_ = new QComboBox(this);
    extra_box_->addItem(QStringLiteral("no extra chart"));
    for (int k = int(ChartKind::PauseHistogram); k < kChartKinds; ++k)
        extra_box_->addItem(chartName(ChartKind(k)), k);
    extra_box_->setToolTip(QStringLiteral("A fourth chart below the main three"));
    connect(extra_box_, &QComboBox::currentIndexChanged, this, [this](int i) {
        const QVariant v = extra_box_->itemData(i);
        setExtraChart(v.isValid() ? std::optional<ChartKind>(ChartKind(v.toInt())) : std::nullopt);
    });
    auto* hint = new QLabel(
        QStringLiteral("wheel: zoom · drag: zoom to range · Shift+drag: pan · click: select"),
        this);
    hint->setEnabled(false);
    bar->addWidget(range_label_);
    bar->addWidget(reset_button_);
    bar->addStretch(1);
    bar->addWidget(hint);
    bar->addSpacing(12);
    bar->addWidget(extra_box_);
    layout->addLayout(bar);

    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->setChildrenCollapsible(false);
    splitter_->setHandleWidth(3);
    layout->addWidget(splitter_, 1);
    for (ChartKind k : {ChartKind::Heap, ChartKind::Pause, ChartKind::Frequency}) {
        ChartView* v = createChart(k, session_, splitter_);
        charts_[size_t(k)] = v;
        splitter_->addWidget(v);
        splitter_->setStretchFactor(splitter_->indexOf(v), stretchOf(k));
        connect(v, &ChartView::redrawn, this, &Dashboard::alignSoon);
    }
    updateAxisTitles();

    align_timer_.setObjectName(QStringLiteral("align plot areas"));
    align_timer_.setSingleShot(true);
    align_timer_.setInterval(0);
    connect(&align_timer_, &QTimer::timeout, this, &Dashboard::alignIfNeeded);
    connect(&session_, &LogSession::visibleRangeChanged, this, &Dashboard::updateRangeLabel);
    connect(&session_, &LogSession::dataAppended, this, &Dashboard::updateRangeLabel);
    updateRangeLabel();
}

Dashboard::~Dashboard() = default;

int Dashboard::stretchOf(ChartKind kind) const {
    switch (kind) {
        case ChartKind::Heap:
        case ChartKind::Pause:
            return 3;
        default:
            return 2;
    }
}

QList<ChartView*> Dashboard::charts() const {
    QList<ChartView*> out;
    for (ChartKind k : chartKinds()) out << charts_[size_t(k)].data();
    return out;
}

QList<Dashboard::ChartKind> Dashboard::chartKinds() const {
    QList<ChartKind> out{ChartKind::Heap, ChartKind::Pause, ChartKind::Frequency};
    if (extra_) out << *extra_;
    return out;
}

void Dashboard::setExtraChart(std::optional<ChartKind> kind) {
    if (kind && int(*kind) < int(ChartKind::PauseHistogram))
        return;  // a main chart is always shown
    if (kind == extra_) return;
    if (extra_) charts_[size_t(*extra_)]->hide();
    extra_ = kind;
    if (kind) {
        QPointer<ChartView>& v = charts_[size_t(*kind)];
        if (!v) {
            v = createChart(*kind, session_, splitter_);
            splitter_->addWidget(v);
            splitter_->setStretchFactor(splitter_->indexOf(v), stretchOf(*kind));
            connect(v, &ChartView::redrawn, this, &Dashboard::alignSoon);
        }
        v->show();
        v->scheduleRedraw();
    }
    const int index = kind ? extra_box_->findData(int(*kind)) : 0;
    if (extra_box_->currentIndex() != index) {
        const QSignalBlocker block(extra_box_);
        extra_box_->setCurrentIndex(index);
    }
    updateAxisTitles();
    alignSoon();
    emit extraChartChanged();
}

void Dashboard::updateAxisTitles() {
    // One time axis title, on the lowest time chart: the others share it.
    TimeChartView* last = nullptr;
    for (ChartView* v : charts())
        if (auto* t = qobject_cast<TimeChartView*>(v)) last = t;
    for (ChartView* v : charts())
        if (auto* t = qobject_cast<TimeChartView*>(v)) t->setTimeAxisTitleVisible(t == last);
}

void Dashboard::updateRangeLabel() {
    const model::TimeRange r = session_.visibleRange();
    if (session_.timeline().seriesCount() == 0) {
        range_label_->setText(QStringLiteral("No GC log open"));
    } else if (session_.isZoomed()) {
        range_label_->setText(QStringLiteral("Showing ") + rangeText(r) + QStringLiteral(" of ") +
                              rangeText(session_.fullRange()));
    } else {
        range_label_->setText(QStringLiteral("Showing everything: ") + rangeText(r));
    }
    reset_button_->setEnabled(session_.isZoomed());
}

void Dashboard::alignSoon() {
    align_timer_.start();
}

void Dashboard::redrawNow() {
    for (ChartView* v : charts()) v->redrawNow();
    alignIfNeeded();
}

void Dashboard::alignIfNeeded() {
    align_timer_.stop();
    QList<TimeChartView*> views;
    QStringList signatures;
    for (ChartView* v : charts())
        if (auto* t = qobject_cast<TimeChartView*>(v)) {
            views << t;
            signatures << t->insetSignature();
        }
    if (views == aligned_views_ && signatures == aligned_signatures_) return;
    alignPlotAreas(views);
    aligned_views_ = views;
    aligned_signatures_ = signatures;
}

void Dashboard::setDarkPalette(bool dark) {
    setPalette(dark ? darkPalette() : QApplication::palette());
}

void Dashboard::followPalette() {
    setPalette(QPalette());
    setAttribute(Qt::WA_SetPalette, false);
}

// ---- rendering
// -------------------------------------------------------------------------------------

void alignPlotAreas(const QList<TimeChartView*>& views, bool now) {
    if (views.isEmpty()) return;
    QList<QRectF> areas;
    for (TimeChartView* v : views) areas << v->automaticPlotArea();
    double left = 0, right = 1e9;
    for (const QRectF& a : areas) {
        left = std::max(left, a.left());
        right = std::min(right, a.right());
    }
    const bool fits = right - left > 16;
    for (int k = 0; k < views.size(); ++k) {
        const QRectF a = areas[k];
        const bool aligned = std::abs(a.left() - left) < 0.5 && std::abs(a.right() - right) < 0.5;
        views[k]->setAlignedPlotArea(
            aligned || !fits ? QRectF() : QRectF(left, a.top(), right - left, a.height()));
        if (now) views[k]->layoutNow();
    }
}

namespace {
/// Offscreen copies of charts, laid out at their sizes and redrawn, ready to paint.
struct Copies {
    std::vector<std::unique_ptr<ChartView>> views;
};

void paintChart(QPainter& painter, ChartView* v, const QRect& target) {
    QGraphicsScene* scene = v->scene();
    scene->render(&painter, QRectF(target), QRectF(QPointF(0, 0), QSizeF(target.size())),
                  Qt::IgnoreAspectRatio);
}
}  // namespace

QImage Dashboard::renderChart(int index, QSize size) const {
    const QList<ChartKind> kinds = chartKinds();
    if (index < 0 || index >= kinds.size() || size.isEmpty()) return {};
    std::unique_ptr<ChartView> v(createChart(kinds[index], session_));
    v->setAttribute(Qt::WA_DontShowOnScreen);
    v->setPalette(palette());
    v->resize(size);
    v->layoutNow();
    v->redrawNow();
    v->layoutNow();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintChart(painter, v.get(), QRect(QPoint(0, 0), size));
    return image;
}

QImage Dashboard::renderDashboard(QSize size) const {
    if (size.isEmpty()) return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    // Header: the logs and the range shown.
    const int header = std::min(kHeaderHeight, size.height() / 8);
    QStringList names;
    for (size_t s = 0; s < session_.timeline().sourceCount() && names.size() < 4; ++s)
        names << QFileInfo(QString::fromStdString(session_.timeline().source(s).name)).fileName();
    if (session_.timeline().sourceCount() > 4)
        names << QStringLiteral("+%1 more").arg(session_.timeline().sourceCount() - 4);
    QString title = names.isEmpty()
                        ? QStringLiteral("gcscope")
                        : QStringLiteral("gcscope — ") + names.join(QStringLiteral(", "));
    if (session_.timeline().seriesCount() > 0) {
        title += QStringLiteral("   ·   ") + QString::number(session_.timeline().eventCount()) +
                 QStringLiteral(" GCs, ") + QString::number(session_.visibleSeries().size()) +
                 QStringLiteral(" isolates   ·   ") + rangeText(session_.visibleRange());
        if (session_.isZoomed()) title += QStringLiteral(" (zoomed)");
    }
    QFont font = QApplication::font();
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(8, 0, size.width() - 16, header), Qt::AlignVCenter | Qt::AlignLeft,
                     QFontMetrics(font).elidedText(title, Qt::ElideMiddle, size.width() - 16));

    // Charts: heights by the same stretch factors as on screen.
    const QList<ChartKind> kinds = chartKinds();
    int total_stretch = 0;
    for (ChartKind k : kinds) total_stretch += stretchOf(k);
    const int available = size.height() - header;
    std::vector<std::unique_ptr<ChartView>> views;
    QList<QRect> rects;
    QList<TimeChartView*> time_views;
    int y = header;
    for (int i = 0; i < kinds.size(); ++i) {
        const int h = i + 1 == kinds.size() ? size.height() - y
                                            : available * stretchOf(kinds[i]) / total_stretch;
        std::unique_ptr<ChartView> v(createChart(kinds[i], session_));
        v->setAttribute(Qt::WA_DontShowOnScreen);
        v->setPalette(palette());
        v->resize(size.width(), h);
        v->layoutNow();
        rects << QRect(0, y, size.width(), h);
        y += h;
        if (auto* t = qobject_cast<TimeChartView*>(v.get())) time_views << t;
        views.push_back(std::move(v));
    }
    for (TimeChartView* t : time_views) t->setTimeAxisTitleVisible(t == time_views.back());
    for (auto& v : views) {
        v->redrawNow();
        v->layoutNow();
    }
    alignPlotAreas(time_views, true);
    for (size_t i = 0; i < views.size(); ++i) paintChart(painter, views[i].get(), rects[int(i)]);
    return image;
}

void Dashboard::copyChartToClipboard(int index, QSize size) {
    const QList<ChartView*> shown = charts();
    if (index < 0 || index >= shown.size()) return;
    if (size.isEmpty()) size = shown[index]->isVisible() ? shown[index]->size() : QSize(1200, 400);
    const QImage image = renderChart(index, size);
    if (!image.isNull()) QGuiApplication::clipboard()->setImage(image);
}

}  // namespace gcscope::ui::charts
