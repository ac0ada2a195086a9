#include "gcscope/model/linear_fit.hpp"

namespace gcscope::model {

void LinearFitter::add(double x, double y) {
    ++n_;
    const double dx = x - mean_x_;
    const double dy = y - mean_y_;
    mean_x_ += dx / double(n_);
    mean_y_ += dy / double(n_);
    // Co-moments with one old and one new deviation: the exact online update.
    sxx_ += dx * (x - mean_x_);
    syy_ += dy * (y - mean_y_);
    sxy_ += dx * (y - mean_y_);
}

LinearFit LinearFitter::fit() const {
    LinearFit f;
    f.n = n_;
    if (n_ < 2 || !(sxx_ > 0)) return f;
    f.slope = sxy_ / sxx_;
    f.intercept = mean_y_ - f.slope * mean_x_;
    f.r2 = syy_ > 0 ? (sxy_ * sxy_) / (sxx_ * syy_) : 1.0;
    return f;
}

}  // namespace gcscope::model
