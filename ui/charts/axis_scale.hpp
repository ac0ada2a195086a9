// Axis ranges that start and end on "nice" ticks (1, 2 or 5 × 10^k), so charts stacked on one
// another get readable, aligned value axes.
#pragma once

namespace gcscope::ui::charts {

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `target` ticks over `span`.
double niceStep(double span, double target);
/// Decimals to print values that are multiples of `step`.
int decimalsFor(double step);
/// An axis range covering [min, max] that starts and ends on ticks of a nice step.
struct NiceRange {
    double min = 0, max = 1, step = 1;
    int ticks = 2;  ///< tick marks, both ends included
    int decimals = 0;
};
NiceRange niceRange(double min, double max, int target_ticks);

}  // namespace gcscope::ui::charts
