// Percentiles of pause times, by the nearest-rank method.
#pragma once

#include <span>
#include <vector>

namespace gcscope::model {

/// Nearest rank: the p-th percentile of n values is the value of rank ceil(p/100 · n) in ascending
/// order (rank 1 for p = 0). It is always one of the values (a pause that happened, never an
/// interpolation between two), p100 is the maximum, and "p99 = 41 ms" reads as "99% of the
/// pauses took at most 41 ms".
///
/// Returns one value per entry of `percents` (each in [0, 100]), NaN for no values. Reorders
/// `values`; runs in O(n) on average (successive nth_element on the shrinking tail), so
/// statistics stay linear in the range.
std::vector<double> nearestRankPercentiles(std::span<double> values, std::span<const double> percents);
/// The same into out[k] (out.size() == percents.size()), allocating nothing when `percents` is
/// ascending: statistics of tens of thousands of isolates call it for every collector of each.
void nearestRankPercentiles(std::span<double> values, std::span<const double> percents, std::span<double> out);

/// The 1-based rank nearest-rank picks for percentile p of n values.
size_t nearestRank(double p, size_t n);

}  // namespace gcscope::model
