// GCs per interval (young stacked under old) and GC overhead % per interval on a second axis.
// The interval follows the visible span (model::chooseInterval), so zooming refines it.
#pragma once

#include "charts/chart_worker.hpp"
#include "charts/time_chart_view.hpp"

QT_BEGIN_NAMESPACE
class QAreaSeries;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

/// What a frequency-chart rebuild takes from the GUI when it starts.
struct FrequencyJob {
    model::TimeRange visible;
    std::vector<size_t> series;  ///< the shown isolates
    int width = 1;
    int value_ticks = 2;
    uint64_t events = 0;                    ///< the Timeline's event count then
    double mean_pause_ms = parser::kAbsent;  ///< known for these events and isolates, or not
};
/// The interval counts and overheads, and the two value axes for them.
struct FrequencyPlot {
    FrequencySteps steps;
    double mean_pause_ms = 0;
    NiceRange count_range, overhead_range;
};
/// The frequency chart's data: reads only the Timeline (any thread, under its reading rule) and,
/// if given, the block summaries (GUI thread only).
FrequencyPlot computeFrequencyPlot(const model::Timeline& timeline, const FrequencyJob& job,
                                   const SummaryLookup& summaries);

class FrequencyChart : public TimeChartView {
    Q_OBJECT
  public:
    explicit FrequencyChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("GC frequency and overhead"); }

    const FrequencySteps& steps() const { return steps_; }
    QValueAxis* overheadAxis() const { return overhead_axis_; }
    QLineSeries* overheadSeries() const { return overhead_; }

    /// "12 young + 3 old GCs, GC time 4.2 % in 10.5–11.0 s" for the interval under the cursor.
    QString hoverTextAt(QPointF view_pos) const override;
    EventRef eventAt(QPointF) const override { return {}; }

    /// "1 s", "200 ms": how an interval is named on the axis.
    static QString intervalText(double interval_ms);

  protected:
    void rebuild(int width) override;
    bool rebuildInBackground(int width) override;
    void applyStyle() override;

  private:
    FrequencyJob makeJob(int width) const;
    ChartWorker::Work backgroundWork();
    void apply(const FrequencyJob& job, FrequencyPlot&& plot);

    QValueAxis* overhead_axis_ = nullptr;
    QLineSeries* young_upper_ = nullptr;
    QLineSeries* old_upper_ = nullptr;
    QLineSeries* old_lower_ = nullptr;
    QAreaSeries* young_ = nullptr;
    QAreaSeries* old_ = nullptr;
    QLineSeries* overhead_ = nullptr;
    FrequencySteps steps_;
    double mean_pause_ms_ = 0;
    uint64_t mean_pause_events_ = UINT64_MAX;
    std::vector<size_t> mean_pause_series_;
    int background_width_ = 0;
    ChartWorker worker_;  ///< last: destroyed (waiting for its work) before the rest
};

}  // namespace gcscope::ui::charts
