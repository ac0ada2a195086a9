// The chart widgets and the dashboard, offscreen: series built from sample logs, linked zoom and
// pan, hover and selection, coalesced redraws, redraws computed off the GUI thread.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>

#include "chart_test_support.hpp"
#include "charts/chart_colours.hpp"
#include "charts/dashboard.hpp"
#include "charts/extra_charts.hpp"
#include "charts/frequency_chart.hpp"
#include "charts/heap_chart.hpp"
#include "charts/pause_chart.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/parser/stream_parser.hpp"

namespace gcscope::ui::charts {
namespace {

using test::load;
using test::makeChart;

/// A point of the view a real click would use.
QPoint viewPoint(const TimeChartView& view, double t_ms, double value) {
    return view.toView(t_ms, value).toPoint();
}

TEST(ChartViews, WorkersLogBuildsEverySeriesPointUnzoomed) {
    LogSession session;
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    ASSERT_EQ(session.timeline().eventCount(), 101u);
    ASSERT_EQ(session.visibleSeries().size(), 3u);

    auto heap = makeChart<HeapChart>(session);
    ASSERT_EQ(heap->isolatesDrawn(), 3);
    qsizetype used = 0, committed = 0;
    for (int k = 0; k < 3; ++k) {
        const size_t events = session.timeline().series(session.visibleSeries()[size_t(k)]).size();
        // A small log is not decimated: two points per GC, before and after.
        EXPECT_EQ(heap->usedSeries(k)->count(), qsizetype(2 * events)) << k;
        used += heap->usedSeries(k)->count();
        committed += heap->committedSeries(k)->count();
    }
    EXPECT_EQ(used, 202);
    EXPECT_EQ(committed, 202);
    EXPECT_TRUE(heap->message().isEmpty());
    EXPECT_GT(heap->valueAxis()->max(), 0);

    auto pause = makeChart<PauseChart>(session);
    qsizetype pauses = 0;
    for (int f = 0; f < kCollectorFamilies; ++f)
        pauses += pause->familySeries(CollectorFamily(f))->count();
    EXPECT_EQ(pauses, 101);
    EXPECT_GT(pause->familySeries(CollectorFamily::Scavenge)->count(), 0);

    auto frequency = makeChart<FrequencyChart>(session);
    uint64_t counted = 0;
    for (const model::IntervalBucket& b : frequency->steps().buckets) counted += b.young + b.old;
    EXPECT_EQ(counted, 101u);
    // Axis titles short enough for the chart's height; the legend names the interval.
    EXPECT_EQ(frequency->valueAxis()->titleText(), QStringLiteral("GCs"));
    EXPECT_EQ(frequency->overheadAxis()->titleText(), QStringLiteral("GC %"));
    QStringList legend;
    for (QAbstractSeries* s : frequency->chart()->series()) legend << s->name();
    EXPECT_TRUE(legend.contains(QStringLiteral("young-generation GCs per ") +
                                FrequencyChart::intervalText(frequency->steps().interval_ms)))
        << legend.join(QLatin1Char('|')).toStdString();
}

TEST(ChartViews, AnEmptyPlotSaysWhyItIsEmpty) {
    LogSession session;
    auto heap = makeChart<HeapChart>(session);
    EXPECT_EQ(heap->message(), QStringLiteral("No GC log open"));
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    const std::vector<size_t> all = session.visibleSeries();
    auto pause = makeChart<PauseChart>(session);
    auto frequency = makeChart<FrequencyChart>(session);
    session.setSeriesVisible(all, false);
    for (ChartView* chart :
         {static_cast<ChartView*>(heap.get()), static_cast<ChartView*>(pause.get()),
          static_cast<ChartView*>(frequency.get())}) {
        chart->redrawNow();
        EXPECT_EQ(chart->message(),
                  QStringLiteral("Every isolate is hidden: check one under Logs"));
    }
    session.setSeriesVisible(all, true);
    const model::TimeRange full = session.fullRange();
    session.setVisibleRange({full.to_ms + 1000, full.to_ms + 2000});
    pause->redrawNow();
    EXPECT_EQ(pause->message(), QStringLiteral("No GC in the visible range"));
    session.resetZoom();
    pause->redrawNow();
    EXPECT_TRUE(pause->message().isEmpty());
}

/// Appends two GCs of a new isolate (pid `pid`) to the session's only log.
void addIsolate(LogSession& session, int pid) {
    std::string text;
    for (int t : {10, 20})
        text += "[" + std::to_string(pid) + ":0x1000] " + std::to_string(t) +
                " ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.5 / 0.0 ms  (average mu = 1.000, "
                "current mu = 1.000) allocation failure; \n";
    parser::StreamParser parser(session.timeline());
    parser.feed(text);
    parser.finish();
}

TEST(ChartViews, ALegendEntryOfTheSameWidthKeepsThePlotAreasAligned) {
    LogSession session;
    session.timeline().addSource("many.log");
    for (int pid = 1; pid <= HeapChart::kMaxLegendIsolates + 6; ++pid) addIsolate(session, pid);
    auto heap = makeChart<HeapChart>(session);
    const QString six_more = heap->insetSignature();
    // "+6 more isolates" becomes "+7 more isolates": the legend is laid out the same, so the
    // dashboard need not measure and realign the charts again (it did at every update of a
    // loading log of thousands of isolates).
    addIsolate(session, 100);
    heap->redrawNow();
    heap->layoutNow();
    const QFontMetricsF metrics(heap->chart()->legend()->font());
    ASSERT_EQ(metrics.horizontalAdvance(QStringLiteral("+6 more isolates")),
              metrics.horizontalAdvance(QStringLiteral("+7 more isolates")))
        << "the test font's digits are not all of one width";
    EXPECT_EQ(heap->insetSignature().toStdString(), six_more.toStdString());
    // A wider entry may wrap the legend: measured again.
    for (int pid = 101; pid <= 103; ++pid) addIsolate(session, pid);
    heap->redrawNow();
    heap->layoutNow();
    EXPECT_NE(heap->insetSignature(), six_more);  // "+10 more isolates"
}

TEST(ChartViews, TimeAxisIsInSecondsAndFollowsTheSession) {
    LogSession session;
    load(session, QStringLiteral("node22-leak-trace-gc.log"));
    auto heap = makeChart<HeapChart>(session);
    const model::TimeRange full = session.fullRange();
    EXPECT_DOUBLE_EQ(heap->timeAxis()->min(), full.from_ms / 1000);
    EXPECT_DOUBLE_EQ(heap->timeAxis()->max(), full.to_ms / 1000);
    EXPECT_EQ(heap->timeAxis()->titleText(), QStringLiteral("time since isolate start (s)"));
    EXPECT_EQ(heap->valueAxis()->titleText(), QStringLiteral("heap (MB)"));
}

TEST(ChartViews, ZoomThroughOneViewMovesEveryChartAndChangesTheStatistics) {
    LogSession session;
    load(session, QStringLiteral("node22-leak-trace-gc.log"));
    Dashboard dashboard(session);
    dashboard.resize(1200, 900);
    dashboard.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dashboard));
    dashboard.redrawNow();
    auto* heap = qobject_cast<TimeChartView*>(dashboard.charts()[0]);
    ASSERT_NE(heap, nullptr);
    const model::TimeRange full = session.fullRange();
    const model::RangeStats before =
        model::combinedStats(session.timeline(), session.visibleRange());

    // A wheel notch up over the middle of the heap chart zooms in around the cursor.
    const QPoint middle = heap->chart()->plotArea().center().toPoint();
    QWheelEvent wheel(middle, heap->mapToGlobal(middle), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(heap->viewport(), &wheel);
    EXPECT_TRUE(session.isZoomed());
    const model::TimeRange zoomed = session.visibleRange();
    EXPECT_NEAR(zoomed.to_ms - zoomed.from_ms, 0.8 * (full.to_ms - full.from_ms), 1.0);
    // Every chart follows on its coalesced redraw.
    QTest::qWait(3 * ChartView::kRedrawDelayMs);
    for (ChartView* v : dashboard.charts()) {
        auto* t = qobject_cast<TimeChartView*>(v);
        ASSERT_NE(t, nullptr);
        EXPECT_DOUBLE_EQ(t->timeAxis()->min(), zoomed.from_ms / 1000) << t->title().toStdString();
        EXPECT_DOUBLE_EQ(t->timeAxis()->max(), zoomed.to_ms / 1000) << t->title().toStdString();
    }
    const model::RangeStats after =
        model::combinedStats(session.timeline(), session.visibleRange());
    EXPECT_LT(after.events, before.events);

    // A rubber band over the left half of the pause chart zooms to it.
    QCoreApplication::processEvents();  // the relayout the new axis labels asked for
    dashboard.redrawNow();
    auto* pause = qobject_cast<TimeChartView*>(dashboard.charts()[1]);
    const QRectF area = pause->chart()->plotArea();
    const QPoint from(int(area.left() + area.width() * 0.25), int(area.center().y()));
    const QPoint to(int(area.left() + area.width() * 0.5), int(area.center().y()));
    const double expect_from = pause->toData(from).x(), expect_to = pause->toData(to).x();
    QTest::mousePress(pause->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(pause->viewport(), QPoint(from.x() + 30, from.y()));
    QTest::mouseMove(pause->viewport(), to);
    QTest::mouseRelease(pause->viewport(), Qt::LeftButton, {}, to);
    EXPECT_NEAR(session.visibleRange().from_ms, expect_from, (expect_to - expect_from) * 0.02);
    EXPECT_NEAR(session.visibleRange().to_ms, expect_to, (expect_to - expect_from) * 0.02);
    const model::RangeStats band = model::combinedStats(session.timeline(), session.visibleRange());
    EXPECT_LT(band.events, after.events);

    // Keys pan; Ctrl+0 resets everything.
    const model::TimeRange before_pan = session.visibleRange();
    QTest::keyClick(pause, Qt::Key_Right);
    EXPECT_GT(session.visibleRange().from_ms, before_pan.from_ms);
    QTest::keyClick(pause, Qt::Key_0, Qt::ControlModifier);
    EXPECT_FALSE(session.isZoomed());
    EXPECT_EQ(session.visibleRange().from_ms, full.from_ms);
    EXPECT_EQ(session.visibleRange().to_ms, full.to_ms);
}

TEST(ChartViews, PanDragMovesTheRangeWithoutChangingItsSpan) {
    LogSession session;
    load(session, QStringLiteral("node22-leak-trace-gc.log"));
    auto pause = makeChart<PauseChart>(session);
    const model::TimeRange full = session.fullRange();
    const double mid = (full.from_ms + full.to_ms) / 2, span = (full.to_ms - full.from_ms) / 4;
    session.setVisibleRange({mid - span / 2, mid + span / 2});
    pause->redrawNow();
    const QRectF area = pause->chart()->plotArea();
    const QPoint a = area.center().toPoint(), b = a + QPoint(int(area.width() / 10), 0);
    QTest::mousePress(pause->viewport(), Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(pause->viewport(), b);
    QTest::mouseRelease(pause->viewport(), Qt::LeftButton, Qt::ShiftModifier, b);
    const model::TimeRange r = session.visibleRange();
    EXPECT_NEAR(r.to_ms - r.from_ms, span, 1e-6);
    EXPECT_NEAR(r.from_ms, mid - span / 2 - span / 10, span * 0.02);  // dragged right: earlier
}

TEST(ChartViews, HoverAndClickFindTheEventUnderTheMouse) {
    LogSession session;
    load(session, QStringLiteral("node26-oom-trace-gc.log"));
    auto pause = makeChart<PauseChart>(session);
    const model::Series& s = session.timeline().series(0);
    // The longest pause: drawn alone at the top of the chart.
    size_t longest = 0;
    for (size_t i = 0; i < s.size(); ++i)
        if (s.pauseMs(i) > s.pauseMs(longest)) longest = i;
    const QPoint at = viewPoint(*pause, s.sortTimeMs(longest), s.pauseMs(longest));
    EXPECT_EQ(pause->eventAt(at), (EventRef{0, int64_t(longest)}));
    const QString text = pause->hoverTextAt(at);
    EXPECT_TRUE(text.contains(QString::fromStdString(model::collectorName(s.collector(longest)))))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("pause: ") +
                              QString::number(s.pauseMs(longest), 'g', 8) + QStringLiteral(" ms")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("→"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("reason: "))) << text.toStdString();
    EXPECT_TRUE(pause->hoverTextAt(QPointF(2, 2)).isEmpty());  // outside the plot

    // Clicking selects it (a synthetic click: nothing reaches QChartView::mousePressEvent).
    QSignalSpy selected(&session, &LogSession::selectionChanged);
    QTest::mouseClick(pause->viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(session.selectedEvent(), (EventRef{0, int64_t(longest)}));
    EXPECT_EQ(selected.count(), 1);
    // A click on empty chart space, or off the plot, selects nothing else.
    QTest::mouseClick(pause->viewport(), Qt::LeftButton, {}, QPoint(1, 1));
    EXPECT_EQ(session.selectedEvent(), (EventRef{0, int64_t(longest)}));

    // The heap chart hits the sawtooth's vertical stroke of a GC.
    auto heap = makeChart<HeapChart>(session);
    const double middle_mb = (s.usedBeforeMb(longest) + s.usedAfterMb(longest)) / 2;
    const EventRef hit = heap->eventAt(viewPoint(*heap, s.sortTimeMs(longest), middle_mb));
    ASSERT_TRUE(hit.valid());
    EXPECT_NEAR(s.sortTimeMs(size_t(hit.index)), s.sortTimeMs(longest), 30);
}

TEST(ChartViews, SelectionPutsTheHighlightOnTheEvent) {
    LogSession session;
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    auto pause = makeChart<PauseChart>(session);
    auto heap = makeChart<HeapChart>(session);
    auto frequency = makeChart<FrequencyChart>(session);
    EXPECT_FALSE(pause->highlightPosition());
    const EventRef e{1, 3};
    const model::Series& s = session.timeline().series(1);
    session.selectEvent(e);
    ASSERT_TRUE(pause->highlightPosition());
    EXPECT_EQ(*pause->highlightPosition(), QPointF(s.sortTimeMs(3) / 1000, s.pauseMs(3)));
    ASSERT_TRUE(heap->highlightPosition());
    EXPECT_EQ(*heap->highlightPosition(), QPointF(s.sortTimeMs(3) / 1000, s.usedBeforeMb(3)));
    EXPECT_FALSE(frequency->highlightPosition());  // no per-event point: only the time cursor
    // Hiding the isolate hides its highlight.
    session.setSeriesVisible(1, false);
    pause->redrawNow();
    EXPECT_FALSE(pause->highlightPosition());
    session.setSeriesVisible(1, true);
    session.selectEvent({});
    pause->redrawNow();
    EXPECT_FALSE(pause->highlightPosition());
}

TEST(ChartViews, ABurstOfRangeChangesRedrawsOnce) {
    LogSession session;
    load(session, QStringLiteral("node22-leak-trace-gc.log"));
    PauseChart pause(session);
    pause.resize(800, 300);
    pause.show();
    QTest::qWait(2 * ChartView::kRedrawDelayMs + 20);  // the first redraw
    const int before = pause.redrawCount();
    const model::TimeRange full = session.fullRange();
    for (int k = 1; k <= 10; ++k) session.setVisibleRange({full.from_ms + k, full.to_ms - k});
    EXPECT_TRUE(pause.redrawPending());
    EXPECT_EQ(pause.redrawCount(), before);
    QTest::qWait(3 * ChartView::kRedrawDelayMs);
    EXPECT_EQ(pause.redrawCount(), before + 1);
    EXPECT_DOUBLE_EQ(pause.timeAxis()->min(), (full.from_ms + 10) / 1000);
}

/// The points of every line series of `view`, in order.
QList<QList<QPointF>> seriesPoints(const ChartView& view) {
    QList<QList<QPointF>> out;
    for (QAbstractSeries* s : view.chart()->series())
        if (auto* xy = qobject_cast<QXYSeries*>(s)) out << xy->points();
    return out;
}

/// The names of every series of `view` shown in its legend, in order.
QStringList legendNames(const ChartView& view) {
    QStringList out;
    for (QAbstractSeries* s : view.chart()->series())
        if (!view.chart()->legend()->markers(s).isEmpty() &&
            view.chart()->legend()->markers(s).front()->isVisible())
            out << s->name();
    return out;
}

/// A timed redraw of `view` forced onto the worker (threshold 0) draws what redrawNow() drew.
void expectBackgroundRedrawDrawsTheSame(TimeChartView& view, const model::TimeRange& visible) {
    SCOPED_TRACE(view.title().toStdString());
    view.redrawNow();
    const QList<QList<QPointF>> foreground = seriesPoints(view);
    const QStringList names = legendNames(view);
    const double axis_max = view.valueAxis()->max();
    ASSERT_FALSE(foreground.isEmpty());
    view.setBackgroundRedrawFromMs(0);
    view.show();
    view.scheduleRedraw();
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.backgroundRedrawCount() == 1; }, 5000));
    EXPECT_EQ(seriesPoints(view), foreground);
    EXPECT_EQ(legendNames(view), names);
    EXPECT_EQ(view.valueAxis()->max(), axis_max);
    EXPECT_DOUBLE_EQ(view.timeAxis()->min(), visible.from_ms / 1000);
    // A redraw on the GUI thread still rebuilds at once (tests, export).
    const int before = view.redrawCount();
    view.redrawNow();
    EXPECT_EQ(view.redrawCount(), before + 1);
    EXPECT_EQ(view.backgroundRedrawCount(), 1);
}

TEST(ChartViews, SlowChartsComputeTimedRedrawsOffTheGuiThreadAndDrawTheSame) {
    // Tens of thousands of isolates make the pause and frequency charts slow, and one isolate of
    // millions of GCs the lines charts: their timed redraws then compute on a worker. Forced here
    // on a log of several isolates, zoomed.
    LogSession session;
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    const model::TimeRange full = session.fullRange();
    const model::TimeRange zoomed{full.from_ms + 100, full.to_ms - 100};
    session.setVisibleRange(zoomed);
    expectBackgroundRedrawDrawsTheSame(*makeChart<PauseChart>(session), zoomed);
    expectBackgroundRedrawDrawsTheSame(*makeChart<FrequencyChart>(session), zoomed);
    auto mu = makeChart<MutatorUtilisationChart>(session);
    EXPECT_GT(mu->linesDrawn(), 1);  // one per isolate, each named after it
    expectBackgroundRedrawDrawsTheSame(*mu, zoomed);
    expectBackgroundRedrawDrawsTheSame(*makeChart<AllocationRateChart>(session), zoomed);

    // Two verbose logs: a line per isolate and space, named after both.
    LogSession verbose;
    load(verbose, QStringLiteral("node18-churn-trace-gc-verbose.log"));
    load(verbose, QStringLiteral("node22-churn-trace-gc-verbose.log"));
    auto spaces = makeChart<HeapSpaceChart>(verbose);
    EXPECT_GT(spaces->linesDrawn(), 8);
    EXPECT_TRUE(legendNames(*spaces).front().contains(QStringLiteral(" · ")));
    expectBackgroundRedrawDrawsTheSame(*spaces, verbose.visibleRange());
}

TEST(ChartViews, AChartsFirstTimedRedrawIsComputedOffTheGuiThread) {
    // Its cost is unknown until it has drawn once: the allocation-rate chart chosen on a log of
    // six million GCs held the GUI thread 250 ms for its first redraw.
    LogSession session;
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    AllocationRateChart rate(session);
    rate.resize(1200, 400);
    rate.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rate.redrawCount() == 1; }, 5000));
    EXPECT_EQ(rate.backgroundRedrawCount(), 1);
    EXPECT_GT(rate.linesDrawn(), 1);
    // Then by its measured cost: under the threshold, the next one is on the GUI thread.
    rate.setBackgroundRedrawFromMs(60'000);
    rate.scheduleRedraw();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rate.redrawCount() == 2; }, 5000));
    EXPECT_EQ(rate.backgroundRedrawCount(), 1);
}

TEST(ChartViews, DenseLinesAreDrawnWithoutAntialiasingAndSparseOnesWithIt) {
    // Antialiasing a line of several points per pixel column shows no difference and made every
    // repaint of a large log several times slower.
    LogSession session;
    load(session, QStringLiteral("node22-churn-heavy-trace-gc.log"));  // 773 GCs
    auto wide = makeChart<HeapChart>(session, QSize(1600, 400));
    EXPECT_LE(wide->usedSeries(0)->count(), ChartView::kDensePointsPerColumn * wide->plotWidth());
    EXPECT_TRUE(wide->antialiased());

    auto narrow = makeChart<HeapChart>(session, QSize(300, 200));
    EXPECT_GT(narrow->usedSeries(0)->count(), ChartView::kDensePointsPerColumn * narrow->plotWidth());
    EXPECT_FALSE(narrow->antialiased());
    // Zoomed in to a few of its GCs, the same chart is sparse again.
    const model::TimeRange full = session.fullRange();
    session.setVisibleRange({full.from_ms, full.from_ms + (full.to_ms - full.from_ms) / 50});
    narrow->redrawNow();
    EXPECT_TRUE(narrow->antialiased());
}

TEST(ChartViews, OomIsMarkedOnThePauseChart) {
    LogSession session;
    load(session, QStringLiteral("node26-oom-trace-gc.log"));
    auto pause = makeChart<PauseChart>(session);
    ASSERT_EQ(pause->oomMarkers().size(), 1);
    const model::Series& s = session.timeline().series(0);
    EXPECT_DOUBLE_EQ(pause->oomMarkers()[0], s.sortTimeMs(s.size() - 1) / 1000);
}

TEST(ChartViews, ExtraChartsWithEveryIsolateHiddenSaySo) {
    LogSession session;
    load(session, QStringLiteral("node18-churn-trace-gc-verbose.log"));
    auto spaces = makeChart<HeapSpaceChart>(session);
    auto rate = makeChart<AllocationRateChart>(session);
    session.setSeriesVisible(session.visibleSeries(), false);
    // Not "the log was not written with --trace-gc-verbose": it was, and nothing is shown.
    for (ChartView* chart :
         {static_cast<ChartView*>(spaces.get()), static_cast<ChartView*>(rate.get())}) {
        chart->redrawNow();
        EXPECT_EQ(chart->message(),
                  QStringLiteral("Every isolate is hidden: check one under Logs"));
    }
}

TEST(ChartViews, ExtraChartsHaveData) {
    LogSession session;
    load(session, QStringLiteral("node18-churn-trace-gc-verbose.log"));
    auto spaces = makeChart<HeapSpaceChart>(session);
    EXPECT_GE(spaces->linesDrawn(), 4);  // new, old, code, map, large object…
    EXPECT_TRUE(spaces->message().isEmpty());
    auto histogram = makeChart<PauseHistogramChart>(session);
    uint64_t counted = 0;
    for (size_t b = 0; b < histogram->histogram().young.counts.size(); ++b)
        counted += histogram->histogram().young.counts[b] + histogram->histogram().old.counts[b];
    EXPECT_EQ(counted, session.timeline().eventCount());
    auto mu = makeChart<MutatorUtilisationChart>(session);
    ASSERT_EQ(mu->linesDrawn(), 1);
    EXPECT_GT(mu->drawnLine(0)->count(), 0);
    EXPECT_EQ(mu->valueAxis()->max(), 100);
    auto rate = makeChart<AllocationRateChart>(session);
    ASSERT_EQ(rate->linesDrawn(), 1);
    EXPECT_GT(rate->drawnLine(0)->count(), 10);

    LogSession plain;
    load(plain, QStringLiteral("node22-leak-trace-gc.log"));
    auto none = makeChart<HeapSpaceChart>(plain);
    EXPECT_TRUE(none->message().contains(QStringLiteral("--trace-gc-verbose")));
}

}  // namespace
}  // namespace gcscope::ui::charts
