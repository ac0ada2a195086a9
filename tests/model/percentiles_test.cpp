// Nearest-rank percentiles on distributions whose answer is known.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "gcscope/model/percentiles.hpp"

namespace gcscope::model {
namespace {

const std::vector<double> kPercents = {50, 90, 95, 99, 99.9};

TEST(Percentiles, OneToHundredGivesTheRankItself) {
    std::vector<double> v(100);
    std::iota(v.begin(), v.end(), 1.0);
    std::shuffle(v.begin(), v.end(), std::mt19937(1));
    EXPECT_EQ(nearestRankPercentiles(v, kPercents), (std::vector<double>{50, 90, 95, 99, 100}));
}

TEST(Percentiles, UniformThousandAndTenThousand) {
    std::vector<double> v(1000);
    std::iota(v.begin(), v.end(), 1.0);
    std::shuffle(v.begin(), v.end(), std::mt19937(2));
    // ceil(0.999 * 1000) = 999: exactly, not 1000 through floating-point error.
    EXPECT_EQ(nearestRankPercentiles(v, kPercents), (std::vector<double>{500, 900, 950, 990, 999}));

    std::vector<double> w(10000);
    for (size_t i = 0; i < w.size(); ++i) w[i] = double(i + 1) / 10.0;  // 0.1 … 1000.0
    std::shuffle(w.begin(), w.end(), std::mt19937(3));
    EXPECT_EQ(nearestRankPercentiles(w, kPercents), (std::vector<double>{500, 900, 950, 990, 999}));
}

TEST(Percentiles, SmallSamplesRoundTheRankUp) {
    std::vector<double> four = {40, 10, 30, 20};
    // ranks: p50 -> ceil(2) = 2 -> 20; p90 -> ceil(3.6) = 4 -> 40
    EXPECT_EQ(nearestRankPercentiles(four, std::vector<double>{50, 90, 25, 0, 100}),
              (std::vector<double>{20, 40, 10, 10, 40}));
    std::vector<double> one = {7.25};
    EXPECT_EQ(nearestRankPercentiles(one, kPercents), (std::vector<double>(5, 7.25)));
}

TEST(Percentiles, SkewedPauseDistribution) {
    // 990 pauses of 1 ms and 10 of 200 ms: p99 is still 1 ms (rank 990), p99.9 is 200 ms.
    std::vector<double> v(990, 1.0);
    v.insert(v.end(), 10, 200.0);
    std::shuffle(v.begin(), v.end(), std::mt19937(4));
    EXPECT_EQ(nearestRankPercentiles(v, kPercents), (std::vector<double>{1, 1, 1, 1, 200}));
}

TEST(Percentiles, EmptyGivesAbsent) {
    std::vector<double> none;
    for (double p : nearestRankPercentiles(none, kPercents)) EXPECT_TRUE(std::isnan(p));
}

TEST(Percentiles, RankFormula) {
    EXPECT_EQ(nearestRank(0, 10), 1u);
    EXPECT_EQ(nearestRank(10, 10), 1u);
    EXPECT_EQ(nearestRank(10.001, 10), 2u);
    EXPECT_EQ(nearestRank(99.9, 1000), 999u);
    EXPECT_EQ(nearestRank(100, 3), 3u);
}

TEST(Percentiles, LargeInputsGiveTheSortedArraysValues) {
    // From 16384 values on, the ranks are found through a histogram of the values' bits: check
    // it against a sort on skewed, repetitive, negative and constant data, at and above the size.
    std::mt19937 rng(5);
    std::lognormal_distribution<double> skewed(0.0, 1.5);
    std::uniform_int_distribution<int> small(-50, 50);
    const std::vector<double> percents = {99.9, 0, 50, 100, 90, 99, 95, 25, 50};
    for (size_t n : {size_t(16384), size_t(200001)}) {
        std::vector<std::vector<double>> inputs(4, std::vector<double>(n));
        for (size_t i = 0; i < n; ++i) {
            inputs[0][i] = std::round(skewed(rng) * 100) / 100;  // like pauses: two decimals
            inputs[1][i] = small(rng) * 0.5;                     // negatives, few distinct values
            inputs[2][i] = 7.25;
            inputs[3][i] = i % 1000 == 0 ? 1e6 + double(i) : 0.01 * double(i % 7);
        }
        for (std::vector<double>& v : inputs) {
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            const std::vector<double> got = nearestRankPercentiles(v, percents);
            for (size_t k = 0; k < percents.size(); ++k)
                EXPECT_EQ(got[k], sorted[nearestRank(percents[k], n) - 1]) << "n " << n << " p" << percents[k];
        }
    }
}

}  // namespace
}  // namespace gcscope::model
