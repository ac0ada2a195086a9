#include "gcscope/model/percentiles.hpp"

#include <algorithm>
#include <cmath>
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

std::vector<double> nearestRankPercentiles(std::span<double> values, std::span<const double> percents) {
    std::vector<double> out(percents.size(), parser::kAbsent);
    const size_t n = values.size();
    if (n == 0) return out;
    // Visit the requested ranks in ascending order; each nth_element only works on the part
    // right of the previous one, so the total is O(n) on average.
    std::vector<size_t> order;
    if (!std::is_sorted(percents.begin(), percents.end())) {
        order.resize(percents.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return percents[a] < percents[b]; });
    }
    auto first = values.begin();
    for (size_t i = 0; i < percents.size(); ++i) {
        const size_t k = order.empty() ? i : order[i];
        auto nth = values.begin() + std::ptrdiff_t(nearestRank(percents[k], n) - 1);
        if (nth >= first) {
            std::nth_element(first, nth, values.end());
            first = nth;
        }
        out[k] = *nth;
    }
    return out;
}

}  // namespace gcscope::model
