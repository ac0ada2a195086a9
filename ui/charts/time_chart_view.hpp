// The base of every chart of the dashboard: a QChartView that follows the LogSession, redraws
// coalesced on a short timer, and — for time charts — zooms and pans through the session so all
// charts stay linked.
#pragma once

#include <QChartView>
#include <QPointer>
#include <QTimer>
#include <optional>

#include "charts/axis_scale.hpp"
#include "charts/chart_adapters.hpp"
#include "session/log_session.hpp"

QT_BEGIN_NAMESPACE
class QGraphicsSimpleTextItem;
class QLineSeries;
class QRubberBand;
class QScatterSeries;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace gcscope::ui::charts {

/// Every chart: animations off, antialiasing on, no OpenGL (offscreen and QGraphicsScene::render
/// do not draw it); light or dark chart theme following the widget palette's Window lightness.
///
/// Redraws are coalesced: range, data and visibility changes only start a 40 ms single-shot timer,
/// so a burst of them redraws once (PlotJuggler). Arriving data (a load, a followed log) waits
/// longer when redraws are slow — kDataRedrawCostFactor times the last redraw's duration — so a
/// log of thousands of isolates leaves the GUI thread mostly idle while it loads; the user's zoom
/// and pan always get the 40 ms delay. redrawNow() redraws synchronously (tests, benchmarks,
/// export). A redraw calls replace() once per QXYSeries.
class ChartView : public QChartView {
    Q_OBJECT
  public:
    static constexpr int kRedrawDelayMs = 40;
    static constexpr int kDataRedrawCostFactor = 4;
    static constexpr int kMaxDataRedrawDelayMs = 2000;
    /// A chart whose last redraw took this long computes the next timed one off the GUI thread,
    /// if it can (rebuildInBackground()); so does its first.
    static constexpr qint64 kBackgroundRedrawMs = 20;
    /// A chart with a series of more points than this many per pixel column of its plot is drawn
    /// without antialiasing (antialiasDenseLines()).
    static constexpr int kDensePointsPerColumn = 2;

    explicit ChartView(LogSession& session, QWidget* parent = nullptr);
    ~ChartView() override;

    LogSession& session() const { return session_; }
    /// The name shown in menus and on the chart: "Heap", "GC pauses", …
    virtual QString title() const = 0;

    /// Recomputes every series for the current size and range, now.
    void redrawNow();
    /// Asks for a redraw in kRedrawDelayMs (sooner than a pending data redraw). A hidden chart
    /// does not redraw on the timer: it redraws when shown.
    void scheduleRedraw();
    /// Asks for a redraw because data arrived: kDataRedrawCostFactor × the last redraw's time
    /// (at least kRedrawDelayMs, at most kMaxDataRedrawDelayMs); no-op when one is pending.
    void scheduleDataRedraw();
    bool redrawPending() const { return redraw_timer_.isActive(); }
    /// Timed redraws compute off the GUI thread once a redraw took `ms` (kBackgroundRedrawMs by
    /// default; 0: always, where the chart can).
    void setBackgroundRedrawFromMs(qint64 ms) { background_from_ms_ = ms; }
    /// Redraws done so far (tests check that bursts are coalesced), and how many of them were
    /// computed off the GUI thread.
    int redrawCount() const { return redraws_; }
    int backgroundRedrawCount() const { return background_redraws_; }

    /// Pixel columns the data is decimated to: the plot area's width.
    int plotWidth() const;
    bool isDark() const { return dark_; }

    /// The event under a position of the view (viewport coordinates), if the chart shows events.
    virtual EventRef eventAt(QPointF view_pos) const;
    /// What hovering at `view_pos` shows (empty: nothing).
    virtual QString hoverTextAt(QPointF view_pos) const;

    /// Whether lines are drawn antialiased: not while a series is dense (a large log).
    bool antialiased() const { return renderHints().testFlag(QPainter::Antialiasing); }

    /// The message drawn over an empty plot ("no GC in this range"), empty when there is data.
    QString message() const { return message_; }

    /// Lays the chart out now (Qt does it on the next event loop turn otherwise), so plotArea()
    /// is right at once — offscreen rendering and plot-area alignment need it.
    void layoutNow();

  signals:
    /// After every redraw (the dashboard aligns plot areas then).
    void redrawn();

  protected:
    /// Concrete charts call this at the end of their constructor: applies the theme and styles,
    /// and schedules the first redraw.
    void finishSetup();
    /// Applies the chart theme (light or dark, from the palette), fonts, then applyStyle().
    void applyTheme();

    /// Fills the series for `width` pixel columns. Called by redrawNow().
    virtual void rebuild(int width) = 0;
    /// A chart whose data can be costly (one walk over the events of every isolate) may compute
    /// it off the GUI thread when a redraw falls due on the timer: it starts that and returns
    /// true, then calls backgroundRebuildDone() once it has applied the result. redrawNow()
    /// (tests, export) always calls rebuild().
    virtual bool rebuildInBackground(int width) {
        Q_UNUSED(width);
        return false;
    }
    /// After a background rebuild was applied: what redrawNow() does after rebuild().
    /// `compute_ms`, the worker's time, paces the next data redraw.
    void backgroundRebuildDone(qint64 compute_ms);
    /// Colours of series and axes after a theme change (the theme resets them).
    virtual void applyStyle() {}
    /// The selection changed (or the data under it): move the highlight.
    virtual void updateHighlight() {}

    void setMessage(const QString& text);
    /// No message when `drawn`; else why the plot is empty: no log, every isolate hidden, or
    /// `nothing_shown` (no GC in the visible range, unless the chart says more).
    void setEmptyMessage(
        bool drawn, const QString& nothing_shown = QStringLiteral("No GC in the visible range"));
    /// Shows or hides `series` in the legend.
    void setInLegend(QAbstractSeries* series, bool shown);
    void hideFromLegend(QAbstractSeries* series) { setInLegend(series, false); }
    /// A QValueAxis styled like every other (labels, grid, title font).
    QValueAxis* makeValueAxis(const QString& title);
    /// The palette's text colour with some transparency, for grid-like decorations.
    QColor textColor(int alpha = 255) const;
    /// Sets `axis` to a nice range covering [min, max] with about `ticks` ticks.
    static void setNiceRange(QValueAxis* axis, double min, double max, int ticks);
    /// Sets `axis` to `range` (what niceRange() chose, maybe on a worker).
    static void setAxisRange(QValueAxis* axis, const NiceRange& range);

    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    void placeMessage();
    void onRedrawTimer();
    /// After a redraw. Antialiasing smooths a line of a few points per pixel column; over denser
    /// ones (a large log decimated to up to four points per column) it shows no difference but
    /// makes each repaint several times slower: it was most of the GUI's stalls loading 1 GB.
    void antialiasDenseLines();

    LogSession& session_;
    QTimer redraw_timer_;
    int redraws_ = 0;
    int background_redraws_ = 0;
    qint64 last_redraw_ms_ = 0;
    qint64 background_from_ms_ = kBackgroundRedrawMs;
    bool stale_ = false;  ///< a timed redraw was skipped while hidden
    bool dark_ = false;
    QString message_;
    QGraphicsSimpleTextItem* message_item_ = nullptr;
};

/// A chart over time: the x axis is the session's visible range, in seconds.
///
/// Mouse and keys (every zoom and pan goes through LogSession::setVisibleRange, so the charts
/// stay linked): wheel zooms around the cursor, horizontal wheel pans; left-drag draws a
/// horizontal rubber band and zooms to it; Shift+left-drag or middle-drag pans; a left click
/// selects the nearest event; double-click, Ctrl+0 or Home resets; ←/→ pan, +/−/↑/↓ zoom.
/// Hovering shows the nearest event's details in a tooltip.
class TimeChartView : public ChartView {
    Q_OBJECT
  public:
    explicit TimeChartView(LogSession& session, QWidget* parent = nullptr);

    QValueAxis* timeAxis() const { return time_axis_; }
    /// The left value axis (what hit-testing measures against).
    QValueAxis* valueAxis() const { return value_axis_; }
    /// Shows or hides the time axis title (the dashboard keeps it on the bottom chart only).
    void setTimeAxisTitleVisible(bool visible);

    /// What the automatic plot area depends on besides the time range: size, the widest label
    /// of each value axis, the widths of the legend's entries, the time axis title. Plot areas
    /// aligned for one signature stay right while it does not change (a pan changes only the
    /// time labels), so the dashboard skips the costly re-layout then.
    QString insetSignature() const;
    /// The plot area Qt's layout gives this chart now, measured (a synchronous layout) only when
    /// insetSignature() changed since the last measure.
    QRectF automaticPlotArea();
    /// Fixes the plot area (an empty rect: automatic again), unless it already is that.
    void setAlignedPlotArea(const QRectF& area);

    /// View position → (time ms, value) on the left axis, and back.
    QPointF toData(QPointF view_pos) const;
    QPointF toView(double t_ms, double value) const;

    /// Zooms by `factor` (< 1 zooms in) around `center_ms`, through the session.
    void zoomBy(double factor, double center_ms);
    /// Pans by `fraction` of the visible span (negative: earlier).
    void panBy(double fraction);
    /// Zooms to [from_ms, to_ms] (e.g. what a rubber band covered).
    void zoomTo(double from_ms, double to_ms);

    EventRef eventAt(QPointF view_pos) const override;
    QString hoverTextAt(QPointF view_pos) const override;

    /// Where the highlight ring stands (s, value), when the selected event is visible here.
    std::optional<QPointF> highlightPosition() const;

  protected:
    /// How this chart's events are hit (HitMetric::Time when it has no per-event point).
    virtual HitMetric hitMetric() const { return HitMetric::Time; }
    /// The value the highlight ring sits at for event i of s (none: no ring, only the cursor).
    virtual std::optional<double> highlightValue(const model::Series& s, size_t i) const;
    /// The value range of the left axis after a redraw, for the selection cursor.
    void setValueRange(double min, double max);

    void updateHighlight() override;
    void applyStyle() override;
    /// Sets the time axis to the session's visible range and ticks for the plot width.
    void applyTimeRange();
    /// The same for `range` (the range a background rebuild computed for).
    void applyTimeRange(const model::TimeRange& range);

    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    /// Adds a series attached to the time axis and `y` (the left value axis by default), below
    /// the selection highlight.
    void attach(QAbstractSeries* series, QAbstractAxis* y = nullptr);
    /// Empties every XY series of the chart, so that changing the axes next costs nothing: the
    /// rebuilds compute their data, clear, set the axes, then replace() each series once.
    void clearSeries();
    /// Ticks for the left axis: about one per 45 px of plot height.
    int valueTicks() const;

    /// Pooled line series for charts with one line per isolate (or per space): line(k) creates
    /// and attaches lines on demand; finishLines(n) empties lines n.. and hides them from the
    /// legend.
    QLineSeries* line(int k);
    void finishLines(int used);
    int lineCount() const { return int(lines_.size()); }

  private:
    QList<QLineSeries*> lines_;

    QValueAxis* time_axis_ = nullptr;
    QValueAxis* value_axis_ = nullptr;
    QScatterSeries* highlight_ = nullptr;  ///< a ring on the selected event
    QLineSeries* cursor_ = nullptr;        ///< a vertical line at the selected event's time
    double ticks_width_ = 0;               ///< plot width the time ticks were chosen for
    QString measured_signature_;           ///< insetSignature() when auto_area_ was measured
    QRectF auto_area_;
    QRectF fixed_area_;  ///< the plot area set by alignment; empty: automatic

    enum class Drag { None, Pending, RubberBand, Pan };
    Drag drag_ = Drag::None;
    QPoint press_pos_;
    model::TimeRange press_range_;
    QRubberBand* rubber_band_ = nullptr;
};

}  // namespace gcscope::ui::charts
