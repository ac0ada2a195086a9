// The charts shown on demand below the main three: pause histogram, mutator utilisation,
// allocation rate and per-space heap (--trace-gc-verbose logs).
#pragma once

#include <functional>

#include "charts/chart_worker.hpp"
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

/// A time chart of lines, one per isolate (or per isolate and heap space), derived from the
/// model and decimated here. Hovering finds the nearest drawn point. With one isolate of millions
/// of GCs a redraw takes 50-200 ms, so timed redraws compute on a worker (like the pause chart).
class LinesChart : public TimeChartView {
    Q_OBJECT
  public:
    /// Lines drawn at most (isolates, or isolates × spaces).
    static constexpr size_t kMaxLines = 24;

    /// One line per isolate, or per isolate and heap space (the heap-space chart).
    enum class LinePer { Isolate, Space };

    struct Line {
        QString name;
        QColor color;
        size_t series = 0;
        size_t isolate = 0;                ///< the series' place among the job's
        uint32_t space = 0;                ///< the heap space drawn (LinePer::Space)
        std::vector<model::Point> points;  ///< sorted by time; `event` as the subclass defines
    };
    /// A line's points over a range, from its series (and space). A plain function, not a
    /// virtual: it runs on the worker, which a chart's destructor waits for only after the
    /// subclass part is gone.
    using DerivePoints = std::vector<model::Point> (*)(const model::Series& series, uint32_t space,
                                                       const model::TimeRange& range);
    /// What a redraw takes from the GUI when it starts.
    struct Job {
        model::TimeRange visible;
        model::TimeRange wide;         ///< a little past both edges, so lines run to the borders
        int wide_width = 1;            ///< decimation columns over `wide`
        std::vector<size_t> series;    ///< the isolates, in the order their lines are drawn
        std::vector<uint32_t> spaces;  ///< LinePer::Space: the spaces drawn of each isolate
        LinePer per = LinePer::Isolate;
        DerivePoints derive = nullptr;
    };
    struct Plot {
        /// At most kMaxLines, decimated, not yet named: one per isolate, or one per isolate and
        /// space that has points (the first kMaxLines of them).
        std::vector<Line> lines;
        double max = 0;  ///< the largest finite value in the visible range
    };
    /// The lines of `job`: reads only the Timeline (any thread, under its reading rule).
    static Plot computeLines(const model::Timeline& timeline, const Job& job);

    /// `single_name` names the line of a lone isolate (LinePer::Isolate).
    LinesChart(LogSession& session, LinePer per, QString single_name, DerivePoints derive,
               QWidget* parent = nullptr);

    EventRef eventAt(QPointF view_pos) const override;
    QString hoverTextAt(QPointF view_pos) const override;
    /// Lines drawn at the last redraw (names, colours, decimated points in ms).
    int linesDrawn() const { return int(drawn_.size()); }
    QLineSeries* drawnLine(int k) { return k < linesDrawn() ? line(k) : nullptr; }

  protected:
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
    void rebuild(int width) override;
    bool rebuildInBackground(int width) override;
    void applyStyle() override;

    struct Nearest {
        int line = -1;
        model::Point point;
    };
    Nearest nearestPoint(QPointF view_pos) const;

    std::vector<Line> drawn_;  ///< points decimated, as drawn

  private:
    Job makeJob(int width) const;
    ChartWorker::Work backgroundWork();
    void apply(const Job& job, Plot&& plot);
    /// Names and colours `lines` as drawn for `job`.
    void label(const Job& job, std::vector<Line>& lines) const;

    LinePer per_;
    QString single_name_;
    DerivePoints derive_;
    int background_width_ = 0;
    ChartWorker worker_;  ///< last: destroyed (waiting for its work) before the rest
};

/// Share of time the application ran between old-generation GCs (V8's "current mu" where printed).
class MutatorUtilisationChart : public LinesChart {
    Q_OBJECT
  public:
    explicit MutatorUtilisationChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Mutator utilisation"); }

  protected:
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
    QString unit() const override { return QStringLiteral("MB/s"); }
};

/// Heap used per space (--trace-gc-verbose), one line per space.
class HeapSpaceChart : public LinesChart {
    Q_OBJECT
  public:
    explicit HeapSpaceChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Heap by space"); }

  protected:
    bool pointsAreGcs() const override { return false; }
    QString unit() const override { return QStringLiteral("MB"); }
    QString emptyText() const override;
    QString pointText(const Line& line, const model::Point& p) const override;
};

}  // namespace gcscope::ui::charts
