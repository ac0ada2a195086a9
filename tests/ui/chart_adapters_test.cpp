// The chart adapters on hand-made timelines: what the charts draw (sawtooth, pauses per collector
// family, frequency), the decimation bound, and what hovering or clicking finds.
#include "charts/chart_adapters.hpp"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <cmath>
#include <map>
#include <string>

#include "charts/series_summary.hpp"
#include "gcscope/model/derived_series.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/timeline.hpp"
#include "gcscope/parser/stream_parser.hpp"

namespace gcscope::ui::charts {
namespace {

void feed(model::Timeline& timeline, const std::string& text,
          const std::string& name = "test.log") {
    const uint32_t source = timeline.addSource(name);
    parser::StreamParser parser(timeline);
    parser.feed(text);
    parser.finish();
    timeline.setSourceStats(source, parser.stats());
}

std::string gcLine(int pid, const char* iso, double t_ms, const char* collector, double before,
                   double committed_before, double after, double committed_after, double pause,
                   const char* reason = "allocation failure;") {
    char buf[512];
    std::snprintf(
        buf, sizeof buf,
        "[%d:%s] %8.0f ms: %s %.1f (%.1f) -> %.1f (%.1f) MB, %.2f / 0.00 ms  (average mu = 1.000, "
        "current mu = 1.000) %s\n",
        pid, iso, t_ms, collector, before, committed_before, after, committed_after, pause, reason);
    return buf;
}

/// Three GCs of one isolate: a Scavenge, a Mark-Compact, a Scavenge.
std::string threeGcs() {
    return gcLine(100, "0xa", 10, "Scavenge", 5.0, 6.0, 4.0, 7.0, 0.5) +
           gcLine(100, "0xa", 20, "Mark-Compact", 8.0, 9.0, 3.0, 8.5, 12.25,
                  "allocation failure; scavenge might not succeed") +
           gcLine(100, "0xa", 30, "Scavenge", 6.0, 8.5, 5.0, 8.5, 1.5);
}

TEST(ChartAdapters, HeapSawtoothIsBeforeThenAfterForEachGc) {
    model::Timeline timeline;
    feed(timeline, threeGcs());
    ASSERT_EQ(timeline.seriesCount(), 1u);
    const QList<QPointF> points = heapSawtooth(timeline.series(0), model::TimeRange::all(), 1000);
    const QList<QPointF> expected{{0.010, 5.0}, {0.010, 4.0}, {0.020, 8.0},
                                  {0.020, 3.0}, {0.030, 6.0}, {0.030, 5.0}};
    ASSERT_EQ(points.size(), expected.size());
    for (int i = 0; i < points.size(); ++i) {
        EXPECT_DOUBLE_EQ(points[i].x(), expected[i].x()) << i;
        EXPECT_NEAR(points[i].y(), expected[i].y(), 1e-6) << i;
    }
    const QList<QPointF> committed =
        heapCommitted(timeline.series(0), model::TimeRange::all(), 1000);
    ASSERT_EQ(committed.size(), 6);
    EXPECT_NEAR(committed[0].y(), 6.0, 1e-6);
    EXPECT_NEAR(committed[1].y(), 7.0, 1e-6);
}

TEST(ChartAdapters, ZoomedSawtoothReachesBothEdges) {
    model::Timeline timeline;
    feed(timeline, threeGcs());
    std::vector<size_t> events;
    const QList<QPointF> points = heapSawtooth(timeline.series(0), {15, 25}, 500, &events);
    // The GC before the range (its used-after), the one inside, the one after (its used-before).
    ASSERT_EQ(points.size(), 4);
    EXPECT_EQ(points[0], QPointF(0.010, 4.0));
    EXPECT_EQ(points[1], QPointF(0.020, 8.0));
    EXPECT_EQ(points[2], QPointF(0.020, 3.0));
    EXPECT_EQ(points[3], QPointF(0.030, 6.0));
    EXPECT_EQ(events, (std::vector<size_t>{0, 1, 1, 2}));
}

TEST(ChartAdapters, PausesAreSplitByCollectorFamily) {
    model::Timeline timeline;
    feed(timeline, threeGcs() + gcLine(100, "0xa", 40, "Mark-sweep", 6, 9, 2, 9, 7) +
                       gcLine(100, "0xa", 50, "Minor Mark-Sweep", 6, 9, 5, 9, 0.75));
    const auto by_family = pausePointsByFamily(timeline.series(0), model::TimeRange::all(), 1000);
    EXPECT_EQ(by_family[size_t(CollectorFamily::Scavenge)],
              (QList<QPointF>{{0.010, 0.5}, {0.030, 1.5}}));
    EXPECT_EQ(by_family[size_t(CollectorFamily::MarkCompact)],
              (QList<QPointF>{{0.020, 12.25}, {0.040, 7}}));
    EXPECT_EQ(by_family[size_t(CollectorFamily::Minor)], (QList<QPointF>{{0.050, 0.75}}));
    EXPECT_TRUE(by_family[size_t(CollectorFamily::Other)].isEmpty());
    EXPECT_EQ(
        pausePoints(timeline.series(0), CollectorFamily::Scavenge, model::TimeRange::all(), 1000),
        by_family[0]);
}

/// 200,000 Scavenges of 1 ms over 200 s and a single 480 ms Mark-Compact in the middle, with a
/// heap spike at the same GC.
std::string manyGcs() {
    std::string text;
    text.reserve(200000 * 140);
    for (int i = 0; i < 200000; ++i) {
        if (i == 123457) {
            text += gcLine(7, "0x1", i, "Mark-Compact", 900, 950, 40, 950, 480);
        } else {
            text += gcLine(7, "0x1", i, "Scavenge", 50 + (i % 10), 64, 40 + (i % 7), 64,
                           1 + (i % 3) * 0.25);
        }
    }
    return text;
}

/// The 200,000-GC timeline, parsed once for the tests that share it.
const model::Timeline& manyGcsTimeline() {
    static const auto* timeline = [] {
        auto* t = new model::Timeline;
        feed(*t, manyGcs());
        return t;
    }();
    return *timeline;
}

TEST(ChartAdapters, DecimationKeepsAtMostFourPointsPerPixelColumnAndTheSpike) {
    const model::Timeline& timeline = manyGcsTimeline();
    const model::Series& s = timeline.series(0);
    ASSERT_EQ(s.size(), 200000u);
    const model::TimeRange full{0, 199999};
    const int width = 400;
    auto column = [&](double x_s) {
        return std::min(width - 1,
                        int((fromAxisX(x_s) - full.from_ms) / (full.to_ms - full.from_ms) * width));
    };
    auto per_column_max = [&](const QList<QPointF>& points) {
        std::map<int, int> count;
        for (const QPointF& p : points) ++count[column(p.x())];
        int most = 0;
        for (const auto& [c, n] : count) most = std::max(most, n);
        return most;
    };
    const QList<QPointF> heap = heapSawtooth(s, full, width);
    EXPECT_LE(heap.size(), 4 * width);
    EXPECT_LE(per_column_max(heap), 4);
    double heap_max = 0;
    for (const QPointF& p : heap) heap_max = std::max(heap_max, p.y());
    EXPECT_NEAR(heap_max, 900, 1e-3);  // the spike survives

    const auto pauses = pausePointsByFamily(s, full, width);
    EXPECT_LE(pauses[0].size(), 2 * width);  // min and max per column
    EXPECT_LE(per_column_max(pauses[0]), 2);
    ASSERT_EQ(pauses[size_t(CollectorFamily::MarkCompact)].size(), 1);
    EXPECT_EQ(pauses[size_t(CollectorFamily::MarkCompact)][0], QPointF(123.457, 480));
    double scavenge_max = 0, scavenge_min = 1e9;
    for (const QPointF& p : pauses[0]) {
        scavenge_max = std::max(scavenge_max, p.y());
        scavenge_min = std::min(scavenge_min, p.y());
    }
    EXPECT_EQ(scavenge_max, 1.5);
    EXPECT_EQ(scavenge_min, 1.0);

    // Zoomed in to 50 ms, nothing needs dropping: every GC's two points are there, plus the edges.
    const QList<QPointF> zoomed = heapSawtooth(s, {1000, 1049}, 1000);
    EXPECT_EQ(zoomed.size(), 2 * 50 + 2);
}

TEST(ChartAdapters, BlockSummariesGiveExactlyTheScanResult) {
    const model::Timeline& timeline = manyGcsTimeline();
    const model::Series& s = timeline.series(0);
    SeriesSummary summary;
    summary.update(s);
    ASSERT_EQ(summary.blockCount(), s.size() / SeriesSummary::kBlock);
    const std::vector<model::TimeRange> ranges{
        {0, 199999}, {1000, 1049}, {123.5, 150000}, {77, 77777}, {5, 6}};
    for (const model::TimeRange& r : ranges) {
        for (int width : {1, 7, 400, 1600, 100000}) {
            std::vector<size_t> scan_events, block_events;
            const HeapLines scan = heapLines(s, r, width, &scan_events);
            const HeapLines blocks = heapLines(s, r, width, &block_events, &summary);
            EXPECT_EQ(blocks.used, scan.used) << r.from_ms << "-" << r.to_ms << " @" << width;
            EXPECT_EQ(blocks.committed, scan.committed)
                << r.from_ms << "-" << r.to_ms << " @" << width;
            EXPECT_EQ(block_events, scan_events);
            EXPECT_EQ(pausePointsByFamily(s, r, width, &summary), pausePointsByFamily(s, r, width))
                << r.from_ms << "-" << r.to_ms << " @" << width;
        }
        for (double interval : {1.0, 50.0, 1000.0, 20000.0}) {
            const auto model_buckets = model::gcPerInterval(s, r, interval);
            const auto block_buckets = intervalBuckets(s, r, interval, &summary);
            ASSERT_EQ(block_buckets.size(), model_buckets.size());
            for (size_t b = 0; b < model_buckets.size(); ++b) {
                EXPECT_EQ(block_buckets[b].start_ms, model_buckets[b].start_ms);
                EXPECT_EQ(block_buckets[b].young, model_buckets[b].young);
                EXPECT_EQ(block_buckets[b].old, model_buckets[b].old);
                EXPECT_NEAR(block_buckets[b].young_pause_ms, model_buckets[b].young_pause_ms, 1e-6);
                EXPECT_NEAR(block_buckets[b].old_pause_ms, model_buckets[b].old_pause_ms, 1e-6);
                EXPECT_EQ(block_buckets[b].covered_ms, model_buckets[b].covered_ms);
            }
        }
    }
}

TEST(ChartAdapters, NearestEventMeasuresInPixels) {
    model::Timeline timeline;
    feed(timeline, threeGcs() + gcLine(100, "0xb", 20, "Scavenge", 2, 3, 1, 3, 0.25));
    ASSERT_EQ(timeline.seriesCount(), 2u);
    const std::vector<size_t> both{0, 1};
    HitQuery q;
    q.ms_per_px = 0.1;      // 10 px per ms
    q.value_per_px = 0.05;  // 20 px per ms of pause
    q.max_px = 10;
    // At t = 20 ms two GCs: the Mark-Compact (12.25 ms) and the other isolate's Scavenge (0.25).
    q.t_ms = 20.05;
    q.value = 12.0;
    EXPECT_EQ(nearestEvent(timeline, both, HitMetric::Pause, q), (EventRef{0, 1}));
    q.value = 0.3;
    EXPECT_EQ(nearestEvent(timeline, both, HitMetric::Pause, q), (EventRef{1, 0}));
    // Too far in time (3 ms = 30 px) or in value: nothing.
    q.t_ms = 23;
    EXPECT_FALSE(nearestEvent(timeline, both, HitMetric::Pause, q).valid());
    q.t_ms = 20;
    q.value = 6;
    EXPECT_FALSE(nearestEvent(timeline, both, HitMetric::Pause, q).valid());
    // Heap: anywhere on the GC's vertical stroke (3 … 8 MB) hits it.
    q.value_per_px = 0.1;
    q.value = 6;
    EXPECT_EQ(nearestEvent(timeline, {{size_t(0)}}, HitMetric::Heap, q), (EventRef{0, 1}));
    q.value = 8.5;  // 5 px above its top
    EXPECT_EQ(nearestEvent(timeline, {{size_t(0)}}, HitMetric::Heap, q), (EventRef{0, 1}));
    q.value = 10;  // 20 px above
    EXPECT_FALSE(nearestEvent(timeline, {{size_t(0)}}, HitMetric::Heap, q).valid());
}

TEST(ChartAdapters, HoverTextNamesCollectorPauseHeapAndReason) {
    model::Timeline timeline;
    feed(timeline, threeGcs());
    const QString text = eventDescription(timeline, {0, 1});
    EXPECT_TRUE(text.contains(QStringLiteral("Mark-Compact"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("100:0xa"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("pause: 12.25 ms"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("8.0 → 3.0 MB"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("allocation failure; scavenge might not succeed")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("0.020 s"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("line 2 of test.log"))) << text.toStdString();
    EXPECT_TRUE(eventDescription(timeline, {0, 7}).isEmpty());
    EXPECT_TRUE(eventDescription(timeline, {}).isEmpty());
}

TEST(ChartAdapters, FrequencySumsIsolatesPerAlignedInterval) {
    model::Timeline timeline;
    feed(timeline, gcLine(1, "0x1", 100, "Scavenge", 5, 6, 4, 6, 10) +
                       gcLine(1, "0x1", 150, "Mark-Compact", 5, 6, 4, 6, 20) +
                       gcLine(1, "0x1", 350, "Scavenge", 5, 6, 4, 6, 5) +
                       gcLine(1, "0x2", 120, "Scavenge", 5, 6, 4, 6, 1) +
                       gcLine(1, "0x2", 390, "Scavenge", 5, 6, 4, 6, 1));
    ASSERT_EQ(timeline.seriesCount(), 2u);
    const std::vector<size_t> both{0, 1};
    const FrequencySteps f = gcFrequency(timeline, both, model::TimeRange::all(), 100);
    ASSERT_EQ(f.buckets.size(), 3u);  // [100, 200) [200, 300) [300, 400)
    EXPECT_EQ(f.buckets[0].start_ms, 100);
    EXPECT_EQ(f.buckets[0].young, 2u);
    EXPECT_EQ(f.buckets[0].old, 1u);
    EXPECT_EQ(f.buckets[1].young + f.buckets[1].old, 0u);
    EXPECT_EQ(f.buckets[2].young, 2u);
    // Interval 1: isolate 1 covers 100 ms, isolate 2 covers 80 ms; 31 ms paused.
    EXPECT_NEAR(f.buckets[0].overhead_pct, 100.0 * 31 / 180, 1e-9);
    EXPECT_EQ(f.max_count, 3);
    // Steps: two points per interval.
    ASSERT_EQ(f.total.size(), 6);
    EXPECT_EQ(f.total[0], QPointF(0.1, 3));
    EXPECT_EQ(f.total[1], QPointF(0.2, 3));
    EXPECT_EQ(f.young[0], QPointF(0.1, 2));
}

TEST(ChartAdapters, PauseHistogramSplitsGenerations) {
    model::Timeline timeline;
    feed(timeline, threeGcs());
    const std::vector<size_t> one{0};
    const SplitHistogram h = pauseHistogram(timeline, one, model::TimeRange::all());
    uint64_t young = 0, old = 0;
    for (uint64_t c : h.young.counts) young += c;
    for (uint64_t c : h.old.counts) old += c;
    EXPECT_EQ(young, 2u);
    EXPECT_EQ(old, 1u);
    EXPECT_EQ(histogramBinLabel(0), QStringLiteral("0–0.1"));
    EXPECT_TRUE(histogramBinLabel(model::PauseHistogram::upperEdgesMs().size() - 1)
                    .startsWith(QStringLiteral("≥")));
}

TEST(ChartAdapters, NiceAxisRanges) {
    const NiceRange r = niceRange(0, 93.2, 5);
    EXPECT_EQ(r.min, 0);
    EXPECT_EQ(r.max, 100);
    EXPECT_EQ(r.step, 50);
    EXPECT_EQ(r.ticks, 3);
    EXPECT_EQ(niceStep(10, 5), 2);
    EXPECT_EQ(niceStep(1, 4), 0.5);
    EXPECT_EQ(decimalsFor(0.5), 1);
    EXPECT_EQ(decimalsFor(0.05), 2);
    EXPECT_EQ(decimalsFor(20), 0);
    const NiceRange tiny = niceRange(0, 0.37, 4);
    EXPECT_GE(tiny.max, 0.37);
    EXPECT_EQ(tiny.decimals, 1);
}

TEST(ChartAdapters, OomTimesOfTheShownIsolates) {
    model::Timeline timeline;
    feed(timeline, threeGcs() + "\n<--- Last few GCs --->\n\n" +
                       gcLine(100, "0xa", 30, "Scavenge", 6.0, 8.5, 5.0, 8.5, 1.5) +
                       "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - "
                       "JavaScript heap out of memory\n");
    ASSERT_GE(timeline.oomCount(), 1u);
    const std::vector<size_t> one{0};
    const QList<double> times = oomTimes(timeline, one, model::TimeRange::all());
    ASSERT_EQ(times.size(), 1);  // the report and the FATAL ERROR line: one marker
    EXPECT_DOUBLE_EQ(times[0], 0.030);
    EXPECT_TRUE(oomTimes(timeline, one, {0, 20}).isEmpty());
    EXPECT_TRUE(oomTimes(timeline, {}, model::TimeRange::all()).isEmpty());
}

}  // namespace
}  // namespace gcscope::ui::charts
