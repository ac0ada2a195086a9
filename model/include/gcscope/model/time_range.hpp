// A span of time on one isolate's clock, and the events of a series that fall in it.
#pragma once

#include <cstddef>
#include <limits>

namespace gcscope::model {

/// Closed range [from_ms, to_ms] in ms on an isolate's own clock (V8 prints ms since *that
/// isolate* started). The default is everything. Applied to several isolates at once, each
/// isolate's events are selected on its own clock: workers started later are not shifted.
struct TimeRange {
    double from_ms = -std::numeric_limits<double>::infinity();
    double to_ms = std::numeric_limits<double>::infinity();

    static TimeRange all() { return {}; }
    bool isAll() const { return from_ms == -std::numeric_limits<double>::infinity() &&
                                to_ms == std::numeric_limits<double>::infinity(); }
    bool contains(double t) const { return t >= from_ms && t <= to_ms; }
};

/// Events [begin, end) of one series.
struct IndexRange {
    size_t begin = 0;
    size_t end = 0;
    size_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
};

}  // namespace gcscope::model
