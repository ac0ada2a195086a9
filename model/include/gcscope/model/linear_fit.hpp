// Least-squares line through points, for the live-set trend and the leak rule.
#pragma once

#include <cstddef>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model {

/// y = intercept + slope · x, fitted by ordinary least squares. slope and r2 are NaN with fewer
/// than two points or when all x are equal; r2 is 1 when all y are equal (a flat line fits).
struct LinearFit {
    size_t n = 0;
    double slope = parser::kAbsent;
    double intercept = parser::kAbsent;
    double r2 = parser::kAbsent;
};

/// Accumulates points; centred sums (Welford-style updates) keep precision when x is a large
/// timestamp and the spread is small.
class LinearFitter {
public:
    void add(double x, double y);
    LinearFit fit() const;
    size_t size() const { return n_; }

private:
    size_t n_ = 0;
    double mean_x_ = 0, mean_y_ = 0;
    double sxx_ = 0, syy_ = 0, sxy_ = 0;
};

}  // namespace gcscope::model
