// The charts of a session stacked on one time axis: heap, pauses, GC frequency/overhead, and one
// extra chart chosen by the user. Renders itself or any chart to an image, offscreen included.
#pragma once

#include <QImage>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <array>
#include <optional>

#include "charts/time_chart_view.hpp"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QSplitter;
class QToolButton;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

class Dashboard : public QWidget {
    Q_OBJECT
  public:
    enum class ChartKind {
        Heap,
        Pause,
        Frequency,
        // Extra charts: at most one of them is shown, below the main three.
        PauseHistogram,
        MutatorUtilisation,
        AllocationRate,
        HeapSpaces,
    };
    static constexpr int kChartKinds = 7;
    static QString chartName(ChartKind kind);
    /// A new chart of that kind following `session` (the dashboard's own and the offscreen copies
    /// it renders are made here).
    static ChartView* createChart(ChartKind kind, LogSession& session, QWidget* parent = nullptr);

    explicit Dashboard(LogSession& session, QWidget* parent = nullptr);
    ~Dashboard() override;

    LogSession& session() const { return session_; }

    /// The charts shown, top to bottom (the three main ones, then the extra chart if any).
    /// Indexes of renderChart() and copyChartToClipboard() are indexes in this list.
    QList<ChartView*> charts() const;
    QList<ChartKind> chartKinds() const;
    /// The chart of that kind if it was created (extra charts are created when first shown).
    ChartView* chart(ChartKind kind) const { return charts_[size_t(kind)]; }

    /// The extra chart below the main three, or none.
    std::optional<ChartKind> extraChart() const { return extra_; }
    void setExtraChart(std::optional<ChartKind> kind);

    /// Chart `index` of charts() drawn at `size` (with its time axis title), offscreen: a hidden
    /// copy is laid out at that size and its scene rendered, so the result does not depend on the
    /// window and works with QT_QPA_PLATFORM=offscreen. Null image for a bad index or empty size.
    QImage renderChart(int index, QSize size) const;
    /// Every shown chart stacked at `size` (their plot areas aligned, one time axis title at the
    /// bottom) under a one-line header naming the logs and the visible range.
    QImage renderDashboard(QSize size) const;
    /// Puts chart `index` on the clipboard at its on-screen size (or `size` when given).
    void copyChartToClipboard(int index, QSize size = QSize());

    /// Forces a dark (true) or light (false) palette on the dashboard; followPalette() goes back
    /// to following the application's palette (the default).
    void setDarkPalette(bool dark);
    void followPalette();

    /// Redraws every shown chart now (tests, benchmarks); normally a 40 ms timer does it.
    void redrawNow();

  signals:
    void extraChartChanged();

  private:
    void alignSoon();
    /// Aligns the shown time charts' plot areas unless nothing they depend on changed.
    void alignIfNeeded();
    void updateRangeLabel();
    void updateAxisTitles();
    int stretchOf(ChartKind kind) const;

    LogSession& session_;
    std::array<QPointer<ChartView>, kChartKinds> charts_{};
    std::optional<ChartKind> extra_;
    QSplitter* splitter_ = nullptr;
    QComboBox* extra_box_ = nullptr;
    QLabel* range_label_ = nullptr;
    QToolButton* reset_button_ = nullptr;
    QTimer align_timer_;
    QList<TimeChartView*> aligned_views_;
    QStringList aligned_signatures_;
};

/// Aligns the plot areas of charts of equal width (their time axes line up): all get the largest
/// automatic left inset and the smallest automatic right edge. `now`: lay them out at once (an
/// offscreen render paints next), else on the next event loop turn.
void alignPlotAreas(const QList<TimeChartView*>& views, bool now = false);

}  // namespace gcscope::ui::charts
