// M4 decimation: at most 4 points per pixel column, and every column keeps its extremes.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "gcscope/model/decimate.hpp"
#include "gcscope/model/timeline.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

long columnOf(double x, const TimeRange& r, int width) {
    return std::min<long>(width - 1, long((x - r.from_ms) * width / (r.to_ms - r.from_ms)));
}

TEST(Decimate, AtMostFourPointsPerColumnAndEveryColumnKeepsItsExtremes) {
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(5, 2);
    std::vector<Point> points;
    for (size_t i = 0; i < 200000; ++i) points.push_back({double(i) * 0.5, noise(rng), i});
    const TimeRange visible{1000, 90000};
    const int width = 640;
    const auto out = decimate(points, visible, width);

    std::map<long, std::vector<const Point*>> out_cols;
    for (const Point& p : out) {
        ASSERT_TRUE(visible.contains(p.t_ms));
        out_cols[columnOf(p.t_ms, visible, width)].push_back(&p);
    }
    for (const auto& [c, ps] : out_cols) EXPECT_LE(ps.size(), 4u) << "column " << c;
    EXPECT_LE(out.size(), size_t(4 * width));

    // Per column of the input: min, max, first and last are all in the output.
    struct Col {
        double min = INFINITY, max = -INFINITY;
        size_t first = SIZE_MAX, last = 0;
    };
    std::map<long, Col> in_cols;
    for (const Point& p : points) {
        if (!visible.contains(p.t_ms)) continue;
        Col& k = in_cols[columnOf(p.t_ms, visible, width)];
        k.min = std::min(k.min, p.value);
        k.max = std::max(k.max, p.value);
        k.first = std::min(k.first, p.event);
        k.last = std::max(k.last, p.event);
    }
    ASSERT_EQ(in_cols.size(), out_cols.size());
    for (const auto& [c, k] : in_cols) {
        double mn = INFINITY, mx = -INFINITY;
        bool first = false, last = false;
        for (const Point* p : out_cols[c]) {
            mn = std::min(mn, p->value);
            mx = std::max(mx, p->value);
            first |= p->event == k.first;
            last |= p->event == k.last;
        }
        EXPECT_EQ(mn, k.min) << "column " << c;
        EXPECT_EQ(mx, k.max) << "column " << c;
        EXPECT_TRUE(first && last) << "column " << c;
    }
    // Output in time order.
    for (size_t i = 1; i < out.size(); ++i) EXPECT_LE(out[i - 1].event, out[i].event);
}

TEST(Decimate, EveryLocalExtremeSurvivesWhenColumnsOutnumberTurns) {
    // A sawtooth with 50 teeth drawn 400 pixels wide: every peak and every trough (each the
    // extreme of its column) is in the output, so the chart shows all 50 teeth.
    std::vector<Point> points;
    for (size_t i = 0; i < 100000; ++i) points.push_back({double(i), double(i % 2000), i});
    const auto out = decimate(points, {0, 99999}, 400);
    size_t peaks = 0, troughs = 0;
    for (const Point& p : out) {
        peaks += p.value == 1999;
        troughs += p.value == 0;
    }
    EXPECT_EQ(peaks, 50u);
    EXPECT_EQ(troughs, 50u);
}

TEST(Decimate, ASinglePauseSpikeAmongMillionsIsNeverLost) {
    Timeline t;
    t.addSource("big.log");
    for (int i = 0; i < 2'000'000; ++i) t.onGc(young(i, i == 1'234'567 ? 900 : 0.5).record());
    const auto out = decimate(t.series(0), Metric::Pause, {0, 1999999}, 800);
    EXPECT_LE(out.size(), 3200u);
    bool spike = false;
    for (const Point& p : out) spike |= p.value == 900 && p.event == 1'234'567;
    EXPECT_TRUE(spike);
}

TEST(Decimate, SmallSeriesComeBackWholeAndAbsentValuesAreSkipped) {
    Timeline t;
    Gc a = young(10, 1), b = young(20, parser::kAbsent), c = young(30, 3);
    a.used_after = 5;
    c.used_after = 7;
    fill(t, {a, b, c});
    const auto pauses = decimate(t.series(0), Metric::Pause, {0, 100}, 1000);
    ASSERT_EQ(pauses.size(), 2u);
    EXPECT_EQ(pauses[0].value, 1);
    EXPECT_EQ(pauses[1].value, 3);
    EXPECT_EQ(pauses[1].event, 2u);
    const auto used = decimate(t.series(0), Metric::UsedAfter, {15, 100}, 1000);
    ASSERT_EQ(used.size(), 1u);
    EXPECT_EQ(used[0].value, 7);
    EXPECT_TRUE(decimate(t.series(0), Metric::Pause, {0, 100}, 0).empty());
}

TEST(Decimate, AnOpenRangeSpreadsPointsOverEveryColumn) {
    // TimeRange::all() has infinite ends: columns must still cover the points, not collapse
    // them all into column 0 (which kept only 4 of them).
    std::vector<double> xs, ys;
    for (int i = 0; i < 1000; ++i) {
        xs.push_back(i);
        ys.push_back(i % 7);
    }
    const auto out = decimateM4(
        0, xs.size(), [&](size_t i) { return xs[i]; }, [&](size_t i) { return ys[i]; }, TimeRange::all(), 100);
    EXPECT_GT(out.size(), 100u);
    EXPECT_LE(out.size(), 400u);
    EXPECT_EQ(out.front().t_ms, 0);
    EXPECT_EQ(out.back().t_ms, 999);
}

}  // namespace
}  // namespace gcscope::model::test
