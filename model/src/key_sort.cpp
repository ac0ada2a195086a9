#include "gcscope/model/key_sort.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <utility>

namespace gcscope::model {

namespace {

/// Below this many rows a comparison sort is as fast as the radix sort's fixed cost.
constexpr size_t kRadixMin = size_t(1) << 12;
/// Digits of 11 bits: six passes over 64-bit keys, and 2048 buckets, whose write positions stay
/// in cache while the rows are scattered.
constexpr unsigned kDigitBits = 11;
constexpr unsigned kPasses = (64 + kDigitBits - 1) / kDigitBits;
constexpr size_t kBuckets = size_t(1) << kDigitBits;

/// An unsigned integer that orders like the key in the requested order, NaN above everything.
uint64_t sortable(double v, bool ascending) {
    if (std::isnan(v)) return UINT64_MAX;
    if (v == 0) v = 0.0;  // -0 and 0 compare equal: one bit pattern for both
    const uint64_t bits = std::bit_cast<uint64_t>(v);
    // Positives: the sign bit set puts them above the negatives; negatives: every bit flipped
    // reverses their order. Only a NaN's bits would map to UINT64_MAX (or, flipped, to 0).
    const uint64_t key = bits >> 63 ? ~bits : bits | (uint64_t(1) << 63);
    return ascending ? key : ~key;
}

unsigned digit(uint64_t key, unsigned pass) {
    return unsigned(key >> (pass * kDigitBits)) & unsigned(kBuckets - 1);
}

/// The sortable key a radix pass reads, kept in the row's own `key` (its bits, not a number):
/// a copy of every row for the converted keys was a third of the fresh memory of a sort, and
/// fresh pages cost the kernel more to clear than the sort costs.
uint64_t bitsOf(const KeyedRow& row) { return std::bit_cast<uint64_t>(row.key); }

/// Least significant digit first: every pass is stable, so after the last one the rows are
/// ordered by the whole key and equal keys keep their input order.
std::vector<uint64_t> radixOrder(std::vector<KeyedRow> rows, bool ascending) {
    const size_t n = rows.size();
    std::vector<std::array<size_t, kBuckets>> counts(kPasses);
    for (auto& c : counts) c.fill(0);
    for (KeyedRow& row : rows) {
        const uint64_t key = sortable(row.key, ascending);
        row.key = std::bit_cast<double>(key);
        for (unsigned p = 0; p < kPasses; ++p) ++counts[p][digit(key, p)];
    }
    // Not value-initialised: every element is written by the pass before it is read. Its pages
    // are touched once, in order, first: the scatter would fault them in at random, which took
    // longer than the sort.
    const auto spare = std::make_unique_for_overwrite<KeyedRow[]>(n);
    constexpr size_t kPerPage = 4096 / sizeof(KeyedRow);
    for (size_t i = 0; i < n; i += kPerPage) spare[i] = KeyedRow{0, 0};
    KeyedRow* from = rows.data();
    KeyedRow* to = spare.get();
    for (unsigned p = 0; p < kPasses; ++p) {
        std::array<size_t, kBuckets>& at = counts[p];
        // The same digit in every key (the high digits of numbers of one magnitude): no move.
        if (at[digit(bitsOf(from[0]), p)] == n) continue;
        size_t sum = 0;
        for (size_t& c : at) sum += std::exchange(c, sum);
        for (size_t i = 0; i < n; ++i) to[at[digit(bitsOf(from[i]), p)]++] = from[i];
        std::swap(from, to);
    }
    std::vector<uint64_t> order;
    order.reserve(n);
    for (size_t i = 0; i < n; ++i) order.push_back(from[i].row);
    return order;
}

}  // namespace

std::vector<uint64_t> orderByKey(std::vector<KeyedRow> rows, bool ascending) {
    if (rows.size() >= kRadixMin) return radixOrder(std::move(rows), ascending);
    std::stable_sort(rows.begin(), rows.end(), [ascending](const KeyedRow& a, const KeyedRow& b) {
        if (std::isnan(a.key) || std::isnan(b.key)) return !std::isnan(a.key) && std::isnan(b.key);
        return ascending ? a.key < b.key : a.key > b.key;
    });
    std::vector<uint64_t> order(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) order[i] = rows[i].row;
    return order;
}

}  // namespace gcscope::model
