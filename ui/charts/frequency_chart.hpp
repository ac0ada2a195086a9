// GCs per interval (young stacked under old) and GC overhead % per interval on a second axis.
// The interval follows the visible span (model::chooseInterval), so zooming refines it.
#pragma once

#include "charts/time_chart_view.hpp"

QT_BEGIN_NAMESPACE
class QAreaSeries;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

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
    void applyStyle() override;

  private:
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
};

}  // namespace gcscope::ui::charts
