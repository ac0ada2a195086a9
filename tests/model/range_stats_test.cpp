// Statistics over a range, against values computed by hand.
#include "gcscope/model/range_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "gcscope/model/percentiles.hpp"
#include "gcscope/model/timeline.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

/// t=100 S 1 ms | 200 S 2 | 300 MC 10 (testing, 30 -> 12 MB, committed 40/42) | 400 S 3 |
/// 500 MC (reduce) 20 (testing, 32 -> 14 MB, committed 41/38) | 1100 S 4
void smallLog(Timeline& t) {
    Gc mc1 = old(300, 10), mc2 = old(500, 20);
    mc1.reason = mc2.reason = "testing";
    mc1.used_before = 30, mc1.used_after = 12, mc1.committed_before = 40, mc1.committed_after = 42;
    mc2.used_before = 32, mc2.used_after = 14, mc2.committed_before = 41, mc2.committed_after = 38;
    mc2.flags = parser::kReduce;
    Gc s1 = young(100, 1);
    s1.used_before = 10, s1.used_after = 5, s1.committed_before = 20, s1.committed_after = 20;
    fill(t, {s1, young(200, 2), mc1, young(400, 3), mc2, young(1100, 4)});
}

TEST(RangeStats, WholeLogByHand) {
    Timeline t;
    smallLog(t);
    const RangeStats s = seriesStats(t, 0);
    EXPECT_EQ(s.events, 6u);
    EXPECT_EQ(s.isolates, 1u);
    EXPECT_EQ(s.first_ms, 100);
    EXPECT_EQ(s.last_ms, 1100);
    EXPECT_EQ(s.span_ms, 1000);

    // all: 1 2 3 4 10 20
    EXPECT_EQ(s.all.count, 6u);
    EXPECT_EQ(s.all.total_ms, 40);
    EXPECT_DOUBLE_EQ(s.all.mean_ms, 40.0 / 6);
    EXPECT_EQ(s.all.max_ms, 20);
    EXPECT_EQ(s.all.p50_ms, 3);   // rank ceil(3) = 3
    EXPECT_EQ(s.all.p90_ms, 20);  // rank ceil(5.4) = 6
    EXPECT_EQ(s.all.p99_ms, 20);
    // young: 1 2 3 4
    EXPECT_EQ(s.young.count, 4u);
    EXPECT_EQ(s.young.total_ms, 10);
    EXPECT_EQ(s.young.mean_ms, 2.5);
    EXPECT_EQ(s.young.p50_ms, 2);
    EXPECT_EQ(s.young.p95_ms, 4);
    // old: 10 20
    EXPECT_EQ(s.old.count, 2u);
    EXPECT_EQ(s.old.total_ms, 30);
    EXPECT_EQ(s.old.p50_ms, 10);
    EXPECT_EQ(s.old.p999_ms, 20);

    EXPECT_DOUBLE_EQ(s.gc_overhead_pct, 4.0);  // 40 ms of 1000 ms

    // Collectors by total pause: "Mark-Compact (reduce)" 20, then the ties in key order.
    ASSERT_EQ(s.collectors.size(), 3u);
    EXPECT_EQ(s.collectors[0].name, "Mark-Compact (reduce)");
    EXPECT_EQ(s.collectors[0].pauses.count, 1u);
    EXPECT_EQ(s.collectors[1].name, "Scavenge");
    EXPECT_EQ(s.collectors[1].pauses.total_ms, 10);
    EXPECT_EQ(s.collectors[1].pauses.p90_ms, 4);
    EXPECT_EQ(s.collectors[2].name, "Mark-Compact");
    EXPECT_EQ(s.collectors[2].pauses.max_ms, 10);

    // Cause table.
    ASSERT_EQ(s.reasons.size(), 2u);
    EXPECT_EQ(s.reasons[0].reason, "testing");
    EXPECT_EQ(s.reasons[0].count, 2u);
    EXPECT_EQ(s.reasons[0].total_ms, 30);
    EXPECT_EQ(s.reasons[0].max_ms, 20);
    EXPECT_EQ(s.reasons[1].reason, "allocation failure");
    EXPECT_EQ(s.reasons[1].count, 4u);
    EXPECT_EQ(s.reasons[1].total_ms, 10);

    // Time between GCs: 100 100 100 100 600.
    EXPECT_EQ(s.between.count, 5u);
    EXPECT_EQ(s.between.mean_ms, 200);
    EXPECT_EQ(s.between.min_ms, 100);
    EXPECT_EQ(s.between.p50_ms, 100);
    EXPECT_EQ(s.between.max_ms, 600);

    // Histogram: 1 in [1,2), 2 3 4 in [2,5), 10 in [10,20), 20 in [20,50).
    const auto edges = PauseHistogram::upperEdgesMs();
    ASSERT_EQ(s.histogram.counts.size(), edges.size());
    std::vector<uint64_t> expected(edges.size(), 0);
    expected[4] = 1;
    expected[5] = 3;
    expected[7] = 1;
    expected[8] = 1;
    EXPECT_EQ(s.histogram.counts, expected);
    EXPECT_EQ(edges[3], 1.0);
    EXPECT_EQ(edges[4], 2.0);

    EXPECT_EQ(s.footprint.max_committed_mb, 42);
    EXPECT_EQ(s.footprint.max_committed_at_ms, 300);
    EXPECT_EQ(s.footprint.max_used_mb, 32);

    // Live set 12 MB at 300 ms, 14 MB at 500 ms: 2 MB per 200 ms = 600 MB/min.
    EXPECT_EQ(s.live_set.full_gcs, 2u);
    EXPECT_NEAR(s.live_set.slope_mb_per_min, 600, 1e-9);
    EXPECT_NEAR(s.live_set.r2, 1, 1e-12);
    EXPECT_EQ(s.live_set.first_mb, 12);
    EXPECT_EQ(s.live_set.last_mb, 14);
}

TEST(RangeStats, RangeBoundsAreInclusive) {
    Timeline t;
    smallLog(t);
    const RangeStats s = seriesStats(t, 0, {200, 500});
    EXPECT_EQ(s.events, 4u);  // 200 300 400 500
    EXPECT_EQ(s.all.total_ms, 35);
    EXPECT_EQ(s.span_ms, 300);
    EXPECT_NEAR(s.gc_overhead_pct, 35.0 / 3, 1e-12);
    EXPECT_EQ(s.young.count, 2u);
    EXPECT_EQ(s.old.count, 2u);
    EXPECT_EQ(s.first_ms, 200);
    EXPECT_EQ(s.last_ms, 500);

    const RangeStats single = seriesStats(t, 0, {100, 100});
    EXPECT_EQ(single.events, 1u);
    EXPECT_EQ(single.span_ms, 0);
    EXPECT_TRUE(std::isnan(single.gc_overhead_pct));  // no time to divide by
}

TEST(RangeStats, RangeBetweenEventsIsTheWindowClippedToTheIsolatesLife) {
    Timeline t;
    smallLog(t);
    // [150, 450] holds 200 300 400; the isolate lived through all 300 ms of it.
    const RangeStats s = seriesStats(t, 0, {150, 450});
    EXPECT_EQ(s.events, 3u);
    EXPECT_EQ(s.all.total_ms, 15);
    EXPECT_EQ(s.span_ms, 300);
    EXPECT_DOUBLE_EQ(s.gc_overhead_pct, 5);
    // Across the last GC: [1000, 5000] is clipped at 1100, the last GC the log shows.
    const RangeStats tail = seriesStats(t, 0, {1000, 5000});
    EXPECT_EQ(tail.events, 1u);
    EXPECT_EQ(tail.span_ms, 100);
    EXPECT_DOUBLE_EQ(tail.gc_overhead_pct, 4);
}

TEST(RangeStats, EmptyRanges) {
    Timeline t;
    smallLog(t);
    for (TimeRange r : {TimeRange{1101, 2000}, TimeRange{-5, 99.999}, TimeRange{401, 499}}) {
        const RangeStats s = seriesStats(t, 0, r);
        EXPECT_EQ(s.events, 0u);
        EXPECT_EQ(s.isolates, 0u);
        EXPECT_EQ(s.all.count, 0u);
        EXPECT_TRUE(std::isnan(s.all.p50_ms));
        EXPECT_TRUE(std::isnan(s.gc_overhead_pct));
    }
}

TEST(RangeStats, LocateIsBinarySearchAtEveryBoundary) {
    Timeline t;
    std::vector<Gc> gcs;
    for (int i = 0; i < 10000; ++i) gcs.push_back(young(i * 2.0, 1));  // 0, 2, 4, …
    fill(t, gcs);
    const Series& s = t.series(0);
    EXPECT_EQ(s.locate({0, 0}).size(), 1u);
    EXPECT_EQ(s.locate({1, 1}).size(), 0u);
    IndexRange r = s.locate({3, 9});  // 4 6 8
    EXPECT_EQ(r.begin, 2u);
    EXPECT_EQ(r.end, 5u);
    r = s.locate({4, 8});
    EXPECT_EQ(r.begin, 2u);
    EXPECT_EQ(r.end, 5u);
    r = s.locate({19998, 1e9});
    EXPECT_EQ(r.begin, 9999u);
    EXPECT_EQ(r.end, 10000u);
    EXPECT_EQ(s.locate({}).size(), 10000u);
}

TEST(RangeStats, SeveralIsolatesEachOnItsOwnClock) {
    Timeline t;
    Gc w1 = young(10, 6), w2 = young(110, 2);  // a worker: its clock starts at 0 too
    w1.isolate = w2.isolate = 0x2;
    fill(t, {young(1000, 1), w1, young(2000, 3), w2});
    // [0, 1500] on each clock: main's GC at 1000, the worker's at 10 and 110.
    const RangeStats s = combinedStats(t, {0, 1500});
    EXPECT_EQ(s.events, 3u);
    EXPECT_EQ(s.isolates, 2u);
    EXPECT_EQ(s.all.total_ms, 9);
    // Spans: main [1000, 1500] (its last GC is 2000) = 500, worker [10, 110] = 100.
    EXPECT_EQ(s.isolate_time_ms, 600);
    EXPECT_EQ(s.span_ms, 500);
    EXPECT_DOUBLE_EQ(s.gc_overhead_pct, 1.5);  // 9 ms of 600 ms of isolate time
    EXPECT_EQ(s.all.p50_ms, 2);
    EXPECT_EQ(s.live_set.full_gcs, 0u);  // a trend across isolates means nothing
    EXPECT_TRUE(std::isnan(s.first_ms));
}

TEST(RangeStats, PausesMissingFromTheLogAreCountedButNotTimed) {
    Timeline t;
    fill(t, {young(0, 2), young(10, parser::kAbsent), young(20, 4)});
    const RangeStats s = seriesStats(t, 0);
    EXPECT_EQ(s.all.count, 3u);
    EXPECT_EQ(s.all.timed, 2u);
    EXPECT_EQ(s.all.mean_ms, 3);
    EXPECT_EQ(s.all.p50_ms, 2);
}

TEST(RangeStats, RealLogTotalsMatchTheTrace) {
    // node22-leak: the CLI summary printed young 101 GCs / 326.16 ms, old 10 / 319.29 ms.
    Timeline t;
    parseInto(t, sampleLog("node22-leak-trace-gc.log"));
    const RangeStats s = seriesStats(t, 0);
    EXPECT_EQ(s.young.count, 101u);
    EXPECT_NEAR(s.young.total_ms, 326.16, 1e-9);
    EXPECT_EQ(s.old.count, 10u);
    EXPECT_NEAR(s.old.total_ms, 319.29, 1e-9);
    EXPECT_EQ(s.old.max_ms, 68.01);
    EXPECT_EQ(s.live_set.last_mb, 72.0);  // line 101: … -> 72.0 (132.7) MB
    EXPECT_EQ(s.live_set.last_ms, 2212);
}

TEST(RangeStats, HistogramBinsAreTheEdgesAtOrBelowThePause) {
    // The decade search must give what counting every edge gives, at and around each edge.
    const std::span<const double> upper = PauseHistogram::upperEdgesMs();
    auto expected = [&](double p) {
        size_t bin = 0;
        for (size_t i = 0; i + 1 < upper.size(); ++i) bin += p >= upper[i];
        return bin;
    };
    std::vector<double> pauses = {
        0, -1, 0.05, 1e9, std::numeric_limits<double>::infinity(), parser::kAbsent};
    for (size_t i = 0; i + 1 < upper.size(); ++i)
        for (double p : {upper[i], std::nextafter(upper[i], 0.0), std::nextafter(upper[i], 1e300),
                         upper[i] * 1.5})
            pauses.push_back(p);
    for (double p : pauses) {
        PauseHistogram h;
        h.add(p);
        const size_t bin =
            size_t(std::find(h.counts.begin(), h.counts.end(), 1u) - h.counts.begin());
        EXPECT_EQ(bin, expected(p)) << p;
    }
}

TEST(RangeStats, PerSeriesCallbackGetsWhatTheVectorGets) {
    Timeline t;
    std::vector<Gc> gcs;
    for (int iso = 0; iso < 600; ++iso)
        for (int i = 0; i < 12; ++i) {
            Gc g =
                i % 4 == 3 ? full(i * 100.0, 10 + iso % 5) : young(i * 100.0, 0.2 * (iso % 11) + i);
            g.isolate = 0x1000 + uint64_t(iso);
            gcs.push_back(g);
        }
    fill(t, gcs);
    std::vector<size_t> all(t.seriesCount());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::vector<RangeStats> per;
    const RangeStats a = combinedStats(t, all, {}, &per, 2);
    std::vector<RangeStats> got(all.size());
    std::vector<int> calls(all.size(), 0);
    const RangeStats b = combinedStats(
        t, all, {},
        [&](size_t k, RangeStats&& s) {
            got[k] = std::move(s);
            ++calls[k];
        },
        2);
    EXPECT_EQ(b.all.total_ms, a.all.total_ms);
    EXPECT_EQ(b.all.p99_ms, a.all.p99_ms);
    for (size_t k = 0; k < all.size(); ++k) {
        ASSERT_EQ(calls[k], 1) << k;
        EXPECT_EQ(got[k].events, per[k].events);
        EXPECT_EQ(got[k].young.p90_ms, per[k].young.p90_ms);
        EXPECT_EQ(got[k].old.p50_ms, per[k].old.p50_ms);
        EXPECT_EQ(got[k].between.p50_ms, per[k].between.p50_ms);
    }
}

TEST(RangeStats, GenerationPercentilesMatchTheirSingleCollector) {
    // One young and one old collector: the generations reuse the collectors' percentiles, which
    // must be those of a sort of the same pauses.
    Timeline t;
    std::vector<Gc> gcs;
    std::vector<double> young_pauses, all_pauses;
    for (int i = 0; i < 500; ++i) {
        const double pause = double((i * 7919) % 1000) / 10.0;
        gcs.push_back(i % 5 == 4 ? old(i * 10.0, pause + 100) : young(i * 10.0, pause));
        (i % 5 == 4 ? all_pauses : young_pauses).push_back(i % 5 == 4 ? pause + 100 : pause);
    }
    all_pauses.insert(all_pauses.end(), young_pauses.begin(), young_pauses.end());
    fill(t, gcs);
    const RangeStats s = seriesStats(t, 0);
    auto rank = [](std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v[nearestRank(p, v.size()) - 1];
    };
    EXPECT_EQ(s.young.p50_ms, rank(young_pauses, 50));
    EXPECT_EQ(s.young.p999_ms, rank(young_pauses, 99.9));
    EXPECT_EQ(s.all.p90_ms, rank(all_pauses, 90));
    EXPECT_EQ(s.all.p99_ms, rank(all_pauses, 99));
}

TEST(RangeStats, ThreadsAndPerSeriesGiveTheSameNumbers) {
    // 1200 isolates (enough to be split over threads) with different pauses.
    Timeline t;
    std::vector<Gc> gcs;
    for (int iso = 0; iso < 1200; ++iso)
        for (int i = 0; i < 20; ++i) {
            Gc g =
                i % 5 == 4 ? full(i * 100.0, 10 + iso % 7) : young(i * 100.0, 0.1 * (iso % 13) + i);
            g.isolate = 0x1000 + uint64_t(iso);
            gcs.push_back(g);
        }
    fill(t, gcs);
    std::vector<size_t> all(t.seriesCount());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    const RangeStats one = combinedStats(t, all, {150, 1700});
    std::vector<RangeStats> per;
    const RangeStats four = combinedStats(t, all, {150, 1700}, &per, 4);
    EXPECT_EQ(four.events, one.events);
    EXPECT_NEAR(four.all.total_ms, one.all.total_ms, 1e-6);  // the same sum in another order
    EXPECT_EQ(four.all.p50_ms, one.all.p50_ms);
    EXPECT_EQ(four.all.p999_ms, one.all.p999_ms);
    EXPECT_EQ(four.old.p90_ms, one.old.p90_ms);
    EXPECT_EQ(four.between.p50_ms, one.between.p50_ms);
    EXPECT_EQ(four.histogram.counts, one.histogram.counts);
    EXPECT_NEAR(four.isolate_time_ms, one.isolate_time_ms, 1e-6);
    ASSERT_EQ(per.size(), all.size());
    for (size_t k : {size_t(0), size_t(599), size_t(1199)}) {
        const RangeStats alone = seriesStats(t, k, {150, 1700});
        EXPECT_EQ(per[k].events, alone.events);
        EXPECT_NEAR(per[k].all.total_ms, alone.all.total_ms, 1e-9);
        EXPECT_EQ(per[k].all.p95_ms, alone.all.p95_ms);
        EXPECT_EQ(per[k].live_set.slope_mb_per_min, alone.live_set.slope_mb_per_min);
    }
}

TEST(RangeStats, LongSeriesGapsByHand) {
    // Over a million GCs in one isolate: the gap statistics are computed beside the pauses' (a
    // thread of their own); they must be what the gaps are. Gaps alternate 1 and 3 ms.
    constexpr size_t kGaps = size_t(1) << 20;
    std::vector<Gc> gcs;
    gcs.reserve(kGaps + 1);
    double t = 0;
    for (size_t i = 0; i <= kGaps; ++i) {
        gcs.push_back(young(t, double(i % 10)));
        t += i % 2 ? 3 : 1;
    }
    Timeline timeline;
    fill(timeline, gcs);
    const RangeStats s = seriesStats(timeline, 0);
    EXPECT_EQ(s.between.count, kGaps);
    EXPECT_EQ(s.between.mean_ms, 2.0);
    EXPECT_EQ(s.between.min_ms, 1.0);
    EXPECT_EQ(s.between.max_ms, 3.0);
    EXPECT_EQ(s.between.p50_ms, 1.0);  // rank 2^19 of 2^20, half of them 1 ms
    EXPECT_EQ(s.all.count, kGaps + 1);
    EXPECT_EQ(s.all.max_ms, 9.0);
    EXPECT_EQ(s.all.p50_ms, 4.0);
}

}  // namespace
}  // namespace gcscope::model::test
