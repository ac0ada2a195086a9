#include "gcscope/model/derived_series.hpp"

#include <algorithm>
#include <cmath>

#include "gcscope/model/timeline.hpp"

namespace gcscope::model {

double chooseInterval(double span_ms, double target) {
    if (!(span_ms > 0) || !(target >= 1)) return 1.0;
    const double raw = span_ms / target;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * decade >= raw) return std::max(1.0, m * decade);
    return std::max(1.0, 10 * decade);
}

void IntervalBucket::add(parser::GcType type, double pause_ms) {
    if (parser::generationOf(type) == parser::Generation::Young) {
        ++young;
        if (!std::isnan(pause_ms)) young_pause_ms += pause_ms;
    } else {
        ++old;
        if (!std::isnan(pause_ms)) old_pause_ms += pause_ms;
    }
}

void IntervalBucket::computeOverhead() {
    if (covered_ms > 0) overhead_pct = std::min(100.0, 100.0 * (young_pause_ms + old_pause_ms) / covered_ms);
}

std::vector<IntervalBucket> emptyIntervals(const Series& s, const TimeRange& range, double interval_ms) {
    std::vector<IntervalBucket> out;
    if (s.locate(range).empty() || !(interval_ms > 0)) return out;
    // Clipped like RangeStats::span_ms, so the intervals' overheads add up to the range's.
    const double from = std::max(range.from_ms, s.sortTimeMs(0));
    const double to = std::min(range.to_ms, s.sortTimeMs(s.size() - 1));
    const double first_start = std::floor(from / interval_ms) * interval_ms;
    const auto buckets = size_t(std::floor((to - first_start) / interval_ms)) + 1;
    out.resize(buckets);
    for (size_t b = 0; b < buckets; ++b) {
        IntervalBucket& k = out[b];
        k.start_ms = first_start + double(b) * interval_ms;
        k.end_ms = k.start_ms + interval_ms;
        // [from, to] is closed: a bucket that only touches `to` covers 0 ms.
        k.covered_ms = std::max(0.0, std::min(k.end_ms, to) - std::max(k.start_ms, from));
    }
    return out;
}

std::vector<IntervalBucket> gcPerInterval(const Series& s, const TimeRange& range, double interval_ms) {
    std::vector<IntervalBucket> out = emptyIntervals(s, range, interval_ms);
    if (out.empty()) return out;
    const IndexRange r = s.locate(range);
    s.forEachSpan(r.begin, r.end, [&](const EventSpan& e) {
        for (size_t j = 0; j < e.count; ++j)
            out[intervalOf(out, interval_ms, e.time[j])].add(parser::GcType(e.type[j]), e.pause[j]);
    });
    for (IntervalBucket& k : out) k.computeOverhead();
    return out;
}

std::vector<Point> allocationRate(const Series& s, const TimeRange& range) {
    std::vector<Point> out;
    const IndexRange r = s.locate(range);
    if (r.empty()) return out;
    // Start from the GC before the range, if any, so the first point in the range has a rate.
    size_t prev = r.begin > 0 ? r.begin - 1 : r.begin;
    // About a point per GC: grown by doubling, six million points were copied over and over,
    // most of a quarter of a second on the GUI thread.
    out.reserve(r.size());
    double carried_mb = 0;
    for (size_t i = prev + 1; i < r.end; ++i) {
        const double before = s.usedBeforeColumn()[i];
        const double after_prev = s.usedAfterColumn()[prev];
        if (!std::isnan(before) && !std::isnan(after_prev)) carried_mb += std::max(0.0, before - after_prev);
        const double dt = s.sortTimeMs(i) - s.sortTimeMs(prev);
        if (dt <= 0 && i + 1 < r.end) {
            // Same millisecond: fold into the next point. Allocation since `prev` continues from
            // this GC's used-after.
            prev = i;
            continue;
        }
        if (i >= r.begin && dt > 0) out.push_back({s.sortTimeMs(i), carried_mb / (dt / 1000.0), i});
        carried_mb = 0;
        prev = i;
    }
    return out;
}

std::vector<Point> promotion(const Timeline& timeline, const Series& s, const TimeRange& range) {
    std::vector<Point> out;
    const uint32_t key = timeline.nvpKeys().find("promoted");
    const NvpColumn* c = key == UINT32_MAX ? nullptr : s.nvpColumnFor(key);
    if (!c) return out;
    const IndexRange r = s.locate(range);
    const size_t n = c->size();
    size_t j = partitionPoint(0, n, [&](size_t k) { return c->event[k] < r.begin; });
    for (; j < n && c->event[j] < r.end; ++j)
        out.push_back({s.sortTimeMs(c->event[j]), c->value[j] / (1024.0 * 1024.0), c->event[j]});
    return out;
}

std::vector<Point> liveSet(const Series& s, const TimeRange& range) {
    std::vector<Point> out;
    const IndexRange r = s.locate(range);
    s.forEachSpan(r.begin, r.end, [&](const EventSpan& e) {
        for (size_t j = 0; j < e.count; ++j) {
            if (parser::generationOf(parser::GcType(e.type[j])) != parser::Generation::Old ||
                std::isnan(e.used_after[j]))
                continue;
            out.push_back({e.time[j], Series::decimal(e.used_after[j]), e.first + j});
        }
    });
    return out;
}

std::vector<SpacePoint> heapSpace(const Series& s, uint32_t space, const TimeRange& range) {
    // Heap-space samples are few (one block per verbose GC) and may lack a time: a plain scan.
    std::vector<SpacePoint> out;
    const size_t n = s.heapSpaceCount();
    for (size_t j = 0; j < n; ++j) {
        const HeapSpacePoint& p = s.heapSpace(j);
        if (p.space != space || !range.contains(p.time_ms)) continue;
        out.push_back({p.time_ms, p.used_kb / 1024.0, p.available_kb / 1024.0, p.committed_kb / 1024.0, j});
    }
    return out;
}

std::vector<Point> mutatorUtilisation(const Series& s, const TimeRange& range) {
    std::vector<Point> out;
    const IndexRange r = s.locate(range);
    // Pauses since the last old-generation GC; start at the last one before the range.
    size_t start = r.begin;
    while (start > 0 && s.generation(start - 1) != parser::Generation::Old) --start;
    if (start > 0) --start;
    double paused = 0;
    double last_old = parser::kAbsent;
    for (size_t i = start; i < r.end; ++i) {
        const double pause = s.pauseMs(i);
        if (!std::isnan(pause)) paused += pause;
        if (s.generation(i) != parser::Generation::Old) continue;
        const double t = s.sortTimeMs(i);
        if (i >= r.begin) {
            double mu = s.muCurrent(i);
            if (std::isnan(mu) && !std::isnan(last_old) && t > last_old)
                mu = std::clamp(1.0 - paused / (t - last_old), 0.0, 1.0);
            if (!std::isnan(mu)) out.push_back({t, mu, i});
        }
        last_old = t;
        paused = 0;
    }
    return out;
}

}  // namespace gcscope::model
