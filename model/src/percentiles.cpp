#include "gcscope/model/percentiles.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model {

size_t nearestRank(double p, size_t n) {
    if (n == 0) return 0;
    // Computed in integers of 1/1000 percent so that 99.9% of 1000 values is rank 999 exactly,
    // not 999.0000000000001 rounded up to 1000 by floating point.
    const auto milli = static_cast<unsigned long long>(std::llround(std::clamp(p, 0.0, 100.0) * 1000.0));
    const unsigned long long scaled = milli * n;  // rank = ceil(scaled / 100000)
    size_t rank = size_t((scaled + 99999) / 100000);
    return std::clamp<size_t>(rank, 1, n);
}

namespace {

/// Below this many values, successive nth_element is cheaper than two passes and a histogram.
constexpr size_t kBucketSelectMin = size_t(1) << 14;
constexpr unsigned kBucketBits = 16;

/// An unsigned integer in the order of the doubles (NaN aside): the sign bit flipped for
/// positives, every bit for negatives.
uint64_t orderKey(double v) {
    const uint64_t bits = std::bit_cast<uint64_t>(v);
    constexpr uint64_t kSign = uint64_t(1) << 63;
    return bits & kSign ? ~bits : bits | kSign;
}

/// The values of 0-based ranks `ranks` (ascending) among many values — every GC of a large log —
/// in two linear passes: count the values per bucket of their order key's top bits, which tells
/// the bucket of each rank; copy out only those buckets' values, and select within them. One
/// nth_element per percentile over the whole array costs several unpredictable comparisons per
/// value each, which made percentiles most of the time of a summary's statistics.
void bucketSelect(std::span<const double> values, std::span<const size_t> ranks, std::span<double> out) {
    std::vector<uint32_t> counts(size_t(1) << kBucketBits, 0);
    for (double v : values) ++counts[orderKey(v) >> (64 - kBucketBits)];

    // Each rank's bucket and its rank inside it; the buckets wanted, numbered from 1.
    std::vector<uint8_t> wanted(counts.size(), 0);
    std::vector<size_t> bucket_of(ranks.size()), inner(ranks.size());
    std::vector<std::vector<double>> kept;
    size_t bucket = 0, before = 0;
    for (size_t i = 0; i < ranks.size(); ++i) {
        while (before + counts[bucket] <= ranks[i]) before += counts[bucket++];
        if (!wanted[bucket]) {
            kept.emplace_back().reserve(counts[bucket]);
            wanted[bucket] = uint8_t(kept.size());
        }
        bucket_of[i] = wanted[bucket] - 1;
        inner[i] = ranks[i] - before;
    }
    for (double v : values)
        if (const uint8_t w = wanted[orderKey(v) >> (64 - kBucketBits)]) kept[w - 1].push_back(v);

    // Ranks are ascending, so those sharing a bucket come in ascending order too: each
    // nth_element works right of the previous one.
    std::vector<size_t> done(kept.size(), 0);
    for (size_t i = 0; i < ranks.size(); ++i) {
        std::vector<double>& b = kept[bucket_of[i]];
        const auto nth = b.begin() + std::ptrdiff_t(inner[i]);
        const auto first = b.begin() + std::ptrdiff_t(done[bucket_of[i]]);
        if (nth >= first) std::nth_element(first, nth, b.end());
        done[bucket_of[i]] = inner[i];
        out[i] = *nth;
    }
}

}  // namespace

void nearestRankPercentiles(std::span<double> values, std::span<const double> percents, std::span<double> out) {
    std::fill(out.begin(), out.end(), parser::kAbsent);
    const size_t n = values.size();
    if (n == 0) return;
    // Visit the requested ranks in ascending order; each nth_element only works on the part
    // right of the previous one, so the total is O(n) on average.
    std::vector<size_t> order;
    if (!std::is_sorted(percents.begin(), percents.end())) {
        order.resize(percents.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return percents[a] < percents[b]; });
    }
    auto at = [&](size_t i) { return order.empty() ? i : order[i]; };
    if (n >= kBucketSelectMin && n <= UINT32_MAX && percents.size() <= UINT8_MAX) {
        std::vector<size_t> ranks(percents.size());
        std::vector<double> picked(percents.size());
        for (size_t i = 0; i < percents.size(); ++i) ranks[i] = nearestRank(percents[at(i)], n) - 1;
        bucketSelect(values, ranks, picked);
        for (size_t i = 0; i < percents.size(); ++i) out[at(i)] = picked[i];
        return;
    }
    auto first = values.begin();
    for (size_t i = 0; i < percents.size(); ++i) {
        const size_t k = at(i);
        auto nth = values.begin() + std::ptrdiff_t(nearestRank(percents[k], n) - 1);
        if (nth >= first) {
            std::nth_element(first, nth, values.end());
            first = nth;
        }
        out[k] = *nth;
    }
}

std::vector<double> nearestRankPercentiles(std::span<double> values, std::span<const double> percents) {
    std::vector<double> out(percents.size());
    nearestRankPercentiles(values, percents, out);
    return out;
}

}  // namespace gcscope::model
