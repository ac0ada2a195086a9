// Derived series against hand-computed values.
#include <gtest/gtest.h>

#include <cmath>

#include "gcscope/model/derived_series.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/timeline.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

TEST(DerivedSeries, ChooseIntervalIsNiceAndFollowsTheSpan) {
    EXPECT_EQ(chooseInterval(60000, 60), 1000);
    EXPECT_EQ(chooseInterval(61000, 60), 2000);  // 1016.7 -> 2000
    EXPECT_EQ(chooseInterval(250000, 60), 5000);  // 4166.7 -> 5000
    EXPECT_EQ(chooseInterval(3.6e6, 60), 100000);  // 60000 -> 100000
    EXPECT_EQ(chooseInterval(10, 60), 1);  // never below 1 ms
    EXPECT_EQ(chooseInterval(0, 60), 1);
}

TEST(DerivedSeries, GcCountAndOverheadPerInterval) {
    Timeline t;
    // Intervals of 100 ms aligned on the clock: [0,100) [100,200) [200,300).
    fill(t, {young(50, 1), young(60, 2), old(150, 10), young(199, 3), young(250, 4)});
    const auto b = gcPerInterval(t.series(0), {}, 100);
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].start_ms, 0);
    EXPECT_EQ(b[0].young, 2u);
    EXPECT_EQ(b[0].old, 0u);
    EXPECT_EQ(b[0].young_pause_ms, 3);
    EXPECT_EQ(b[0].covered_ms, 50);  // the log starts at 50
    EXPECT_DOUBLE_EQ(b[0].overhead_pct, 6);
    EXPECT_EQ(b[1].young, 1u);
    EXPECT_EQ(b[1].old, 1u);
    EXPECT_EQ(b[1].old_pause_ms, 10);
    EXPECT_EQ(b[1].covered_ms, 100);
    EXPECT_DOUBLE_EQ(b[1].overhead_pct, 13);
    EXPECT_EQ(b[2].covered_ms, 50);  // ends at 250
    EXPECT_DOUBLE_EQ(b[2].overhead_pct, 8);
    // Total over the intervals equals the range's overhead.
    const RangeStats s = seriesStats(t, 0);
    EXPECT_DOUBLE_EQ(s.gc_overhead_pct, 100.0 * 20 / 200);
}

TEST(DerivedSeries, AllocationRateFromUsedBeforeMinusPreviousUsedAfter) {
    Timeline t;
    Gc a = young(1000, 1), b = young(1500, 1), c = young(1500, 1), d = young(2500, 1);
    a.used_before = 20, a.used_after = 10;
    b.used_before = 30, b.used_after = 12;  // 20 MB in 500 ms = 40 MB/s
    c.used_before = 14, c.used_after = 11;  // same ms: 2 MB folded into the next point
    d.used_before = 41, d.used_after = 10;  // (2 + 30) MB in 1000 ms = 32 MB/s
    fill(t, {a, b, c, d});
    const auto r = allocationRate(t.series(0), {});
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].t_ms, 1500);
    EXPECT_DOUBLE_EQ(r[0].value, 40);
    EXPECT_EQ(r[0].event, 1u);
    EXPECT_EQ(r[1].t_ms, 2500);
    EXPECT_DOUBLE_EQ(r[1].value, 32);
    // A range starting inside still gets a rate for its first GC (from the one before).
    const auto tail = allocationRate(t.series(0), {2000, 3000});
    ASSERT_EQ(tail.size(), 1u);
    EXPECT_DOUBLE_EQ(tail[0].value, 30);  // 41 - 11 MB (c, before the range) in 1000 ms
}

TEST(DerivedSeries, LiveSetIsUsedAfterOfOldGenerationGcs) {
    Timeline t;
    Gc s = young(5, 1);
    s.used_after = 99;
    fill(t, {full(10, 20), s, full(30, 25), full(50, 22)});
    const auto live = liveSet(t.series(0), {});
    ASSERT_EQ(live.size(), 3u);
    EXPECT_EQ(live[0].value, 20);
    EXPECT_EQ(live[1].t_ms, 30);
    EXPECT_EQ(live[1].value, 25);
    EXPECT_EQ(live[2].event, 3u);
    EXPECT_EQ(liveSet(t.series(0), {20, 40}).size(), 1u);
}

TEST(DerivedSeries, MutatorUtilisationPrintedOrComputed) {
    Timeline t;
    // Old GCs at 100 and 300; between them young pauses 10 + 30 and the old pause 20:
    // mu = 1 - 60 / 200 = 0.7.
    fill(t, {old(100, 5), young(150, 10), young(250, 30), old(300, 20)});
    const auto mu = mutatorUtilisation(t.series(0), {});
    ASSERT_EQ(mu.size(), 1u);  // the first old GC has nothing before it
    EXPECT_EQ(mu[0].t_ms, 300);
    EXPECT_DOUBLE_EQ(mu[0].value, 0.7);

    Timeline printed;
    parseInto(printed,
              "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 "
              "(2085.7) MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation "
              "failure; GC in old space requested\n");
    const auto v8 = mutatorUtilisation(printed.series(0), {});
    ASSERT_EQ(v8.size(), 1u);
    EXPECT_EQ(v8[0].value, 0.122);
}

TEST(DerivedSeries, PromotionFromNvp) {
    Timeline t;
    parseInto(t, sampleLog("node20-churn-trace-gc-nvp.log"));
    const Series& s = t.series(0);
    const auto p = promotion(t, s, {});
    ASSERT_FALSE(p.empty());
    const uint32_t key = t.nvpKeys().find("promoted");
    for (const Point& q : p) EXPECT_EQ(q.value, s.nvpValue(q.event, key) / 1048576.0);
    EXPECT_EQ(p.size(), s.nvpColumnFor(key)->size());
}

TEST(DerivedSeries, HeapSpaceInMb) {
    Timeline t;
    parseInto(t, sampleLog("node22-churn-trace-gc-verbose.log"));
    const Series& s = t.series(0);
    const uint32_t old_space = t.spaces().find("Old space");
    const auto old = heapSpace(s, old_space, {});
    ASSERT_EQ(old.size(), 20u);  // one per GC record of the log
    const HeapSpacePoint& raw = s.heapSpace(old[0].sample);
    EXPECT_EQ(old[0].used_mb, raw.used_kb / 1024.0);
    EXPECT_EQ(old[0].t_ms, raw.time_ms);
    EXPECT_EQ(old[0].t_ms, s.timeMs(0));  // timed by the record it follows
}

}  // namespace
}  // namespace gcscope::model::test
