#include "gcscope/model/decimate.hpp"

namespace gcscope::model {

namespace {
template <class Column>
std::vector<Point> decimateColumn(const Series& s, const Column& c, const TimeRange& visible, int width) {
    // Charts need no exact decimals: the float is widened as is (Series::decimal is for printing).
    return decimateM4(
        0, s.size(), [&](size_t i) { return s.sortTimeMs(i); },
        [&](size_t i) { return double(c[i]); }, visible, width);
}
}  // namespace

std::vector<Point> decimate(const Series& s, Metric metric, const TimeRange& visible, int width) {
    switch (metric) {
        case Metric::Pause: return decimateColumn(s, s.pauseColumn(), visible, width);
        case Metric::UsedBefore: return decimateColumn(s, s.usedBeforeColumn(), visible, width);
        case Metric::UsedAfter: return decimateColumn(s, s.usedAfterColumn(), visible, width);
        case Metric::CommittedBefore: return decimateColumn(s, s.committedBeforeColumn(), visible, width);
        case Metric::CommittedAfter: return decimateColumn(s, s.committedAfterColumn(), visible, width);
    }
    return {};
}

std::vector<Point> decimate(std::span<const Point> points, const TimeRange& visible, int width) {
    std::vector<Point> out = decimateM4(
        0, points.size(), [&](size_t i) { return points[i].t_ms; },
        [&](size_t i) { return points[i].value; }, visible, width);
    // Keep pointing at the original event, not at the index in `points`.
    for (Point& p : out) p.event = points[p.event].event;
    return out;
}

}  // namespace gcscope::model
