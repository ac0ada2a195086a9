// The pause of every GC, one colour per collector family, with the OOM reports and the restarts
// of a followed log (truncated, rotated) marked.
#pragma once

#include <array>

#include "charts/chart_worker.hpp"
#include "charts/time_chart_view.hpp"

QT_BEGIN_NAMESPACE
class QGraphicsSimpleTextItem;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

/// What a pause-chart rebuild takes from the GUI when it starts.
struct PauseJob {
    model::TimeRange visible;
    std::vector<size_t> series;  ///< the shown isolates
    int columns = 1;             ///< decimation columns
    int rows = 1;                ///< rows of the thinning grid
    int value_ticks = 2;
};
/// The dots of each collector family, thinned to the grid, and the value axis for them.
struct PausePlot {
    std::array<QList<QPointF>, kCollectorFamilies> points;
    NiceRange value_range;
    bool any = false;  ///< any dot at all
};
/// The pause chart's data: reads only the Timeline (any thread, under its reading rule) and, if
/// given, the block summaries (GUI thread only).
PausePlot computePausePlot(const model::Timeline& timeline, const PauseJob& job,
                           const SummaryLookup& summaries);

class PauseChart : public TimeChartView {
    Q_OBJECT
  public:
    /// OOM markers drawn at most, and restart markers drawn at most.
    static constexpr int kMaxOomMarkers = 32;
    static constexpr int kMaxRestartMarkers = 32;
    /// Pixel columns per decimation column of the scatter (markers are wider than a pixel).
    static constexpr int kPixelsPerColumn = 3;
    static constexpr int kDotSize = 7;
    /// A dot of `color`, `size` px wide: the marker drawn at each pause.
    static QImage dot(const QColor& color, int size);

    explicit PauseChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("GC pauses"); }

    /// The pauses of one collector family. A line series drawn with no pen and a pre-rendered
    /// dot (a "light marker"): a QScatterSeries makes one QGraphicsItem per point, which costs
    /// ~10 ms per paint and more per update with a few thousand points.
    QLineSeries* familySeries(CollectorFamily family) const { return family_[size_t(family)]; }
    /// Times (s) of the OOM markers drawn.
    QList<double> oomMarkers() const { return markerTimes(Marker::Oom); }
    /// Times (s) of the restart markers drawn.
    QList<double> restartMarkers() const { return markerTimes(Marker::Restart); }

  protected:
    void rebuild(int width) override;
    bool rebuildInBackground(int width) override;
    void applyStyle() override;
    HitMetric hitMetric() const override { return HitMetric::Pause; }
    std::optional<double> highlightValue(const model::Series& s, size_t i) const override;

  private:
    /// A dashed vertical line across the plot with a label at its top.
    struct Marker {
        enum Kind { Oom, Restart } kind;
        double x;  ///< s
        QString label;
    };
    PauseJob makeJob(int width) const;
    ChartWorker::Work backgroundWork();
    void apply(const PauseJob& job, PausePlot&& plot);
    QList<double> markerTimes(Marker::Kind kind) const;
    QColor markerColor(Marker::Kind kind) const;
    void collectMarkers(const PauseJob& job);
    void drawMarkers();
    void placeMarkerLabels();

    std::array<QLineSeries*, kCollectorFamilies> family_{};
    QList<Marker> markers_;
    QList<QGraphicsSimpleTextItem*> marker_labels_;
    int background_width_ = 0;
    ChartWorker worker_;  ///< last: destroyed (waiting for its work) before the rest
};

}  // namespace gcscope::ui::charts
