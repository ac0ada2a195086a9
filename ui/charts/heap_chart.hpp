// Heap used before/after each GC drawn as the GC sawtooth, and heap committed, per isolate.
#pragma once

#include "charts/time_chart_view.hpp"

namespace gcscope::ui::charts {

class HeapChart : public TimeChartView {
    Q_OBJECT
  public:
    /// Isolates drawn at most (the first ones by order of appearance); legend entries at most.
    static constexpr int kMaxIsolates = 48;
    static constexpr int kMaxLegendIsolates = 6;

    explicit HeapChart(LogSession& session, QWidget* parent = nullptr);
    QString title() const override { return QStringLiteral("Heap"); }

    /// The used sawtooth and the committed line of the k-th drawn isolate (k-th visible series).
    QLineSeries* usedSeries(int k) const;
    QLineSeries* committedSeries(int k) const;
    int isolatesDrawn() const { return drawn_; }

  protected:
    void rebuild(int width) override;
    void applyStyle() override;
    HitMetric hitMetric() const override { return HitMetric::Heap; }
    std::optional<double> highlightValue(const model::Series& s, size_t i) const override;

  private:
    void styleLine(int j);

    QLineSeries* committed_key_ =
        nullptr;                       ///< legend only: "committed (faint)" with several isolates
    QLineSeries* more_key_ = nullptr;  ///< legend only: "+N more isolates"
    int drawn_ = 0;
};

}  // namespace gcscope::ui::charts
