#include "charts/axis_scale.hpp"

#include <algorithm>
#include <cmath>

namespace gcscope::ui::charts {

double niceStep(double span, double target) {
    if (!(span > 0) || !(target > 0) || !std::isfinite(span)) return 1.0;
    const double raw = span / target;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * decade >= raw * 0.999) return m * decade;
    return 10 * decade;
}

int decimalsFor(double step) {
    if (!(step > 0) || !std::isfinite(step)) return 0;
    return std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 9);
}

NiceRange niceRange(double min, double max, int target_ticks) {
    NiceRange r;
    if (!std::isfinite(min) || !std::isfinite(max)) return r;
    if (!(max > min)) max = min + (min == 0 ? 1.0 : std::abs(min) * 0.1);
    const int intervals = std::max(1, target_ticks - 1);
    r.step = niceStep(max - min, intervals);
    r.min = std::floor(min / r.step + 1e-9) * r.step;
    r.max = std::ceil(max / r.step - 1e-9) * r.step;
    if (!(r.max > r.min)) r.max = r.min + r.step;
    r.ticks = int(std::lround((r.max - r.min) / r.step)) + 1;
    r.decimals = decimalsFor(r.step);
    return r;
}

}  // namespace gcscope::ui::charts
