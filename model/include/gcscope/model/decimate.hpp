// Decimation for charts (M4): per pixel column keep the first, the lowest, the highest and the
// last point, so a 10-million-event series draws like a small one and no spike is ever lost —
// the very thing a pause chart exists to show. Qt Charts draws every point it is given.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

#include "gcscope/model/chunked_column.hpp"
#include "gcscope/model/derived_series.hpp"
#include "gcscope/model/series.hpp"
#include "gcscope/model/time_range.hpp"

namespace gcscope::model {

/// Which value of a series to chart.
enum class Metric {
    Pause,
    UsedBefore,
    UsedAfter,
    CommittedBefore,
    CommittedAfter,
};

/// Points [begin, end) with non-decreasing x(i), decimated over the visible [from, to] into
/// `width` pixel columns: column c = floor((x - from) / (to - from) · width). Each column yields
/// at most 4 points — its first, minimum, maximum and last, in input order, without repeats — so
/// every local extreme that is the extreme of its column survives. Points with a NaN y (absent)
/// are skipped. Points outside [from, to] are not returned: to draw the line to the chart's
/// edges, widen the range by one pixel.
template <class X, class Y>
std::vector<Point> decimateM4(size_t begin, size_t end, X&& x, Y&& y, const TimeRange& visible,
                              int width) {
    std::vector<Point> out;
    if (width <= 0 || begin >= end || !(visible.from_ms <= visible.to_ms)) return out;
    const size_t first = partitionPoint(begin, end, [&](size_t i) { return x(i) < visible.from_ms; });
    const size_t last = partitionPoint(first, end, [&](size_t i) { return x(i) <= visible.to_ms; });
    if (first == last) return out;
    // An open end (TimeRange::all()) is closed at the points: an infinite span would give a zero
    // scale and a NaN column index.
    const double from_ms = std::isfinite(visible.from_ms) ? visible.from_ms : x(first);
    const double to_ms = std::isfinite(visible.to_ms) ? visible.to_ms : x(last - 1);
    const double span = to_ms - from_ms;
    const double scale = span > 0 ? double(width) / span : 0.0;
    out.reserve(std::min<size_t>(last - first, size_t(width) * 4));

    long column = -1;
    size_t f = 0, lo = 0, hi = 0, l = 0;  // indexes of first, min, max, last of `column`
    bool any = false;
    auto flush = [&] {
        if (!any) return;
        size_t idx[4] = {f, lo, hi, l};
        std::sort(idx, idx + 4);
        for (int k = 0; k < 4; ++k)
            if (k == 0 || idx[k] != idx[k - 1]) out.push_back({x(idx[k]), y(idx[k]), idx[k]});
    };
    for (size_t i = first; i < last; ++i) {
        const double v = y(i);
        if (std::isnan(v)) continue;
        const long c = std::min<long>(width - 1, long((x(i) - from_ms) * scale));
        if (c != column || !any) {
            flush();
            column = c;
            f = lo = hi = l = i;
            any = true;
            continue;
        }
        if (v < y(lo)) lo = i;
        if (v > y(hi)) hi = i;
        l = i;
    }
    flush();
    return out;
}

/// One metric of a series (sizes in MB, pauses in ms) over the visible range.
std::vector<Point> decimate(const Series& s, Metric metric, const TimeRange& visible, int width);
/// A derived series (points sorted by time) over the visible range.
std::vector<Point> decimate(std::span<const Point> points, const TimeRange& visible, int width);

}  // namespace gcscope::model
