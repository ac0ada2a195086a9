// orderByKey: the order std::stable_sort gives (NaN last, ties in input order), at every size.
#include "gcscope/model/key_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <iterator>
#include <random>

namespace gcscope::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<uint64_t> reference(std::vector<KeyedRow> rows, bool ascending) {
    std::stable_sort(rows.begin(), rows.end(), [ascending](const KeyedRow& a, const KeyedRow& b) {
        if (std::isnan(a.key) || std::isnan(b.key)) return !std::isnan(a.key) && std::isnan(b.key);
        return ascending ? a.key < b.key : a.key > b.key;
    });
    std::vector<uint64_t> order;
    for (const KeyedRow& r : rows) order.push_back(r.row);
    return order;
}

/// Keys like a table's columns: pauses with many repeats, sizes, negative and huge numbers,
/// infinities, both zeros, and absent values.
std::vector<KeyedRow> tableLike(size_t n, unsigned seed) {
    std::mt19937_64 random(seed);
    const double specials[] = {kNaN, kInf, -kInf, 0.0, -0.0, -1.5, 1e308, -1e308, 5e-324};
    std::vector<KeyedRow> rows(n);
    for (size_t i = 0; i < n; ++i) {
        double key;
        switch (random() % 4) {
            case 0:
                key = double(random() % 50) / 100.0;  // ties
                break;
            case 1:
                key = std::ldexp(double(random() % 1000000), int(random() % 40) - 20);
                break;
            case 2:
                key = specials[random() % std::size(specials)];
                break;
            default:
                key = -double(random() % 1000);
        }
        rows[i] = {key, i * 7 + 3};
    }
    return rows;
}

TEST(KeySort, OrdersLikeAStableSortAtEverySize) {
    for (size_t n : {size_t(0), size_t(1), size_t(2), size_t(100), size_t(4095), size_t(4096),
                     size_t(50000), size_t(300000)})
        for (bool ascending : {true, false}) {
            const std::vector<KeyedRow> rows = tableLike(n, unsigned(n));
            ASSERT_EQ(orderByKey(rows, ascending), reference(rows, ascending))
                << n << " rows, " << (ascending ? "ascending" : "descending");
        }
}

TEST(KeySort, AbsentValuesComeLastAndTiesKeepTheirOrderInBothDirections) {
    std::vector<KeyedRow> rows;
    // Enough rows for the radix sort; the first ten tell the story.
    const double keys[] = {2, kNaN, -0.0, 1, 0.0, kNaN, 2, -3, 0.0, 1};
    for (uint64_t i = 0; i < 10000; ++i) rows.push_back({keys[i % 10], i});
    const std::vector<uint64_t> up = orderByKey(rows, true);
    const std::vector<uint64_t> down = orderByKey(rows, false);
    // Ascending: -3, the zeros (-0 and 0 equal, in input order), 1s, 2s, then NaN.
    EXPECT_EQ(std::vector<uint64_t>(up.begin(), up.begin() + 4),
              (std::vector<uint64_t>{7, 17, 27, 37}));
    EXPECT_EQ(up[1000], 2u);
    EXPECT_EQ(up[1001], 4u);
    EXPECT_EQ(up[1002], 8u);
    EXPECT_EQ(up[1003], 12u);
    EXPECT_EQ(up[9999], 9995u);
    EXPECT_EQ(up[8000], 1u);
    // Descending: 2s first, NaN still last.
    EXPECT_EQ(down[0], 0u);
    EXPECT_EQ(down[1], 6u);
    EXPECT_EQ(down[8000], 1u);
    EXPECT_EQ(down[9999], 9995u);
}

}  // namespace
}  // namespace gcscope::model
