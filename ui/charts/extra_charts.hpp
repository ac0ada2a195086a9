// The charts shown on demand below the main three: pause histogram, mutator utilisation,
// allocation rate and per-space heap (--trace-gc-verbose logs).
#pragma once

#include <functional>

#include "charts/time_chart_view.hpp"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

/// Pauses of the visible range in fixed 1-2-5 bins, young stacked under old.
class PauseHistogramChart : public ChartView {
    Q_OBJECT
  public:
    explicit PauseHistogramChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Pause histogram"); }

    /// The histogram drawn (bins of model::PauseHistogram).
    const SplitHistogram& histogram() const { return histogram_; }
    /// Bins shown: [first, last) — from the first to the last non-empty bin.
    size_t firstBin() const { return first_; }
    size_t lastBin() const { return last_; }
    QString hoverTextAt(QPointF view_pos) const override;

  protected:
    void rebuild(int width) override;
    void applyStyle() override;

  private:
    QStackedBarSeries* bars_ = nullptr;
    QBarSet* young_ = nullptr;
    QBarSet* old_ = nullptr;
    QBarCategoryAxis* bins_axis_ = nullptr;
    QValueAxis* count_axis_ = nullptr;
    SplitHistogram histogram_;
    size_t first_ = 0, last_ = 0;
};

/// A time chart of lines, one per isolate (or per isolate and heap space), computed by the
/// subclass from the model and decimated here. Hovering finds the nearest drawn point.
class LinesChart : public TimeChartView {
    Q_OBJECT
  public:
    using TimeChartView::TimeChartView;

    struct Line {
        QString name;
        QColor color;
        size_t series = 0;
        std::vector<model::Point> points;  ///< sorted by time; `event` as the subclass defines
    };

    EventRef eventAt(QPointF view_pos) const override;
    QString hoverTextAt(QPointF view_pos) const override;
    /// Lines drawn at the last redraw (names, colours, decimated points in ms).
    int linesDrawn() const { return int(drawn_.size()); }
    QLineSeries* drawnLine(int k) { return k < linesDrawn() ? line(k) : nullptr; }

  protected:
    /// The lines over `range` (already widened a little past the visible range).
    virtual std::vector<Line> collect(const model::TimeRange& range) const = 0;
    /// Whether Point::event is a GC event index (else a heap-space sample index).
    virtual bool pointsAreGcs() const { return true; }
    /// Unit shown after values in the hover text.
    virtual QString unit() const = 0;
    /// The left axis range for the drawn maximum.
    virtual std::pair<double, double> valueRange(double max) const {
        return {0, std::max(max * 1.05, 1e-9)};
    }
    /// Shown when there is nothing to draw (the log has no such data).
    virtual QString emptyText() const { return QStringLiteral("No data in the visible range"); }
    /// Hover text of drawn point `p` of `line`.
    virtual QString pointText(const Line& line, const model::Point& p) const;
    /// One line per visible isolate (at most kMaxIsolateLines) of what `points` derives from its
    /// series; named `single_name` when there is only one, else after the isolate.
    std::vector<Line> isolateLines(
        const QString& single_name,
        const std::function<std::vector<model::Point>(const model::Series&)>& points) const;

    void rebuild(int width) override;
    void applyStyle() override;

    struct Nearest {
        int line = -1;
        model::Point point;
    };
    Nearest nearestPoint(QPointF view_pos) const;

    std::vector<Line> drawn_;  ///< points decimated, as drawn
};

/// Share of time the application ran between old-generation GCs (V8's "current mu" where printed).
class MutatorUtilisationChart : public LinesChart {
    Q_OBJECT
  public:
    explicit MutatorUtilisationChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Mutator utilisation"); }

  protected:
    std::vector<Line> collect(const model::TimeRange& range) const override;
    QString unit() const override { return QStringLiteral("%"); }
    std::pair<double, double> valueRange(double) const override { return {0, 100}; }
    QString emptyText() const override {
        return QStringLiteral("No old-generation GC in the visible range");
    }
};

/// MB allocated per second between GCs.
class AllocationRateChart : public LinesChart {
    Q_OBJECT
  public:
    explicit AllocationRateChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Allocation rate"); }

  protected:
    std::vector<Line> collect(const model::TimeRange& range) const override;
    QString unit() const override { return QStringLiteral("MB/s"); }
};

/// Heap used per space (--trace-gc-verbose), one line per space.
class HeapSpaceChart : public LinesChart {
    Q_OBJECT
  public:
    explicit HeapSpaceChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Heap by space"); }

    /// Spaces drawn at most (isolates × spaces).
    static constexpr int kMaxLines = 24;

  protected:
    std::vector<Line> collect(const model::TimeRange& range) const override;
    bool pointsAreGcs() const override { return false; }
    QString unit() const override { return QStringLiteral("MB"); }
    QString emptyText() const override;
    QString pointText(const Line& line, const model::Point& p) const override;
};

}  // namespace gcscope::ui::charts
