#include "gcscope/model/range_stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include "gcscope/model/linear_fit.hpp"
#include "gcscope/model/percentiles.hpp"
#include "gcscope/model/timeline.hpp"
#include "parallel.hpp"

namespace gcscope::model {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::array<double, 5> kPercents = {50, 90, 95, 99, 99.9};
constexpr std::array<double, 17> kHistogramUpper = {0.1, 0.2, 0.5, 1,    2,    5,    10,   20,  50,
                                                    100, 200, 500, 1000, 2000, 5000, 10000, kInf};

void maxInto(double& m, double v) {
    if (!std::isnan(v) && (std::isnan(m) || v > m)) m = v;
}

struct PauseAcc {
    uint64_t count = 0, timed = 0;
    double total = 0, max = parser::kAbsent;
    void add(double pause) {
        ++count;
        if (std::isnan(pause)) return;
        ++timed;
        total += pause;
        maxInto(max, pause);
    }
    void merge(const PauseAcc& o) {
        count += o.count;
        timed += o.timed;
        total += o.total;
        maxInto(max, o.max);
    }
    PauseStats stats(std::span<double> pauses) const {
        PauseStats s;
        s.count = count;
        s.timed = timed;
        s.total_ms = total;
        s.max_ms = max;
        if (timed) s.mean_ms = total / double(timed);
        const std::vector<double> p = nearestRankPercentiles(pauses, kPercents);
        s.p50_ms = p[0];
        s.p90_ms = p[1];
        s.p95_ms = p[2];
        s.p99_ms = p[3];
        s.p999_ms = p[4];
        return s;
    }
};

/// Statistics of one or several series in one pass over their events. The pauses are kept per
/// collector while scanning; finish() lays them out young collectors first, so percentiles of
/// each collector, each generation and all GCs are nth_element on sub-ranges of one array.
/// A series' builder can be merged into a combined one before it finishes (summaries need both
/// and the events are read once).
class StatsBuilder {
public:
    StatsBuilder(const Timeline& timeline, const TimeRange& range) : t_(timeline), range_(range) {}

    void addSeries(size_t index) {
        const Series& s = t_.series(index);
        const IndexRange r = s.locate(range_);
        if (r.empty()) return;
        ++out_.isolates;
        out_.events += r.size();
        out_.first_ms = s.sortTimeMs(r.begin);
        out_.last_ms = s.sortTimeMs(r.end - 1);
        // The range, clipped to the part of the isolate's life the log shows (first to last GC
        // of the whole series): a zoomed window [1000, 2000] is 1000 ms of run time even if its
        // first GC came at 1010, but not beyond the isolate's last GC.
        const double span = std::max(0.0, std::min(range_.to_ms, s.sortTimeMs(s.size() - 1)) -
                                              std::max(range_.from_ms, s.sortTimeMs(0)));
        out_.isolate_time_ms += span;
        maxInto(out_.span_ms, span);

        fitter_ = LinearFitter();
        live_ = LiveSetTrend();
        double previous = parser::kAbsent;
        s.forEachSpan(r.begin, r.end, [&](const EventSpan& e) {
            for (size_t k = 0; k < e.count; ++k) {
                const double t = e.time[k];
                const double pause = e.pause[k];
                const CollectorKey key = collectorKey(parser::GcType(e.type[k]), e.flags[k]);
                Slot& slot = slotFor(key);
                slot.acc.add(pause);
                const uint32_t reason = e.reason[k];
                if (reason >= reasons_.size()) reasons_.resize(reason + 1);
                reasons_[reason].add(pause);
                if (!std::isnan(pause)) {
                    slot.values.push_back(pause);
                    out_.histogram.add(pause);
                }
                if (!std::isnan(previous)) gaps_.push_back(t - previous);
                previous = t;

                const float cb = e.committed_before[k], ca = e.committed_after[k];
                const float committed = std::isnan(ca) || cb > ca ? cb : ca;
                if (committed > max_committed_ || (std::isnan(max_committed_) && !std::isnan(committed))) {
                    max_committed_ = committed;
                    max_committed_at_ = t;
                }
                const float used = e.used_before[k];
                if (used > max_used_ || (std::isnan(max_used_) && !std::isnan(used))) max_used_ = used;
                if (slot.young || std::isnan(e.used_after[k])) continue;
                if (fitter_.size() == 0) {
                    live_.first_mb = e.used_after[k];
                    live_.first_ms = t;
                }
                live_.last_mb = e.used_after[k];
                live_.last_ms = t;
                fitter_.add(t, double(e.used_after[k]));
            }
        });
    }

    /// Adds what `o` has seen (not finished yet) to this builder.
    void merge(const StatsBuilder& o) {
        if (o.out_.isolates == 0) return;
        out_.isolates += o.out_.isolates;
        out_.events += o.out_.events;
        out_.isolate_time_ms += o.out_.isolate_time_ms;
        maxInto(out_.span_ms, o.out_.span_ms);
        out_.first_ms = o.out_.first_ms;
        out_.last_ms = o.out_.last_ms;
        for (const Slot& os : o.slots_) {
            Slot& slot = slotFor(os.key);
            slot.acc.merge(os.acc);
            slot.values.insert(slot.values.end(), os.values.begin(), os.values.end());
        }
        if (o.reasons_.size() > reasons_.size()) reasons_.resize(o.reasons_.size());
        for (size_t i = 0; i < o.reasons_.size(); ++i) reasons_[i].merge(o.reasons_[i]);
        for (size_t i = 0; i < out_.histogram.counts.size(); ++i) out_.histogram.counts[i] += o.out_.histogram.counts[i];
        gaps_.insert(gaps_.end(), o.gaps_.begin(), o.gaps_.end());
        if (o.max_committed_ > max_committed_ || (std::isnan(max_committed_) && !std::isnan(o.max_committed_))) {
            max_committed_ = o.max_committed_;
            max_committed_at_ = o.max_committed_at_;
        }
        if (o.max_used_ > max_used_ || (std::isnan(max_used_) && !std::isnan(o.max_used_))) max_used_ = o.max_used_;
        fitter_ = o.fitter_;
        live_ = o.live_;
    }

    RangeStats finish() {
        // Young collectors first, then old: each generation is one contiguous run.
        std::sort(slots_.begin(), slots_.end(), [](const Slot& a, const Slot& b) {
            return a.young != b.young ? a.young : a.key < b.key;
        });
        size_t total = 0;
        for (const Slot& slot : slots_) total += slot.values.size();
        std::vector<double> pauses;
        pauses.reserve(total);
        PauseAcc all, young, old;
        size_t young_end = 0;
        std::vector<std::pair<size_t, size_t>> parts;  // per slot: begin, size
        for (const Slot& slot : slots_) {
            parts.push_back({pauses.size(), slot.values.size()});
            pauses.insert(pauses.end(), slot.values.begin(), slot.values.end());
            all.merge(slot.acc);
            (slot.young ? young : old).merge(slot.acc);
            if (slot.young) young_end = pauses.size();
        }
        for (size_t k = 0; k < slots_.size(); ++k) {
            std::span<double> part(pauses.data() + parts[k].first, parts[k].second);
            out_.collectors.push_back({slots_[k].key, collectorName(slots_[k].key), slots_[k].acc.stats(part)});
        }
        out_.young = young.stats(std::span<double>(pauses.data(), young_end));
        out_.old = old.stats(std::span<double>(pauses.data() + young_end, pauses.size() - young_end));
        out_.all = all.stats(pauses);
        std::stable_sort(out_.collectors.begin(), out_.collectors.end(),
                         [](const CollectorStats& a, const CollectorStats& b) {
                             return a.pauses.total_ms > b.pauses.total_ms;
                         });

        for (size_t id = 0; id < reasons_.size(); ++id) {
            const PauseAcc& a = reasons_[id];
            if (a.count == 0) continue;
            out_.reasons.push_back({std::string(t_.strings().at(uint32_t(id))), a.count, a.total, a.max});
        }
        std::sort(out_.reasons.begin(), out_.reasons.end(), [](const ReasonStats& a, const ReasonStats& b) {
            if (a.total_ms != b.total_ms) return a.total_ms > b.total_ms;
            if (a.count != b.count) return a.count > b.count;
            return a.reason < b.reason;
        });

        if (out_.isolate_time_ms > 0) out_.gc_overhead_pct = 100.0 * all.total / out_.isolate_time_ms;

        if (!gaps_.empty()) {
            GapStats& g = out_.between;
            g.count = gaps_.size();
            g.mean_ms = std::accumulate(gaps_.begin(), gaps_.end(), 0.0) / double(gaps_.size());
            g.min_ms = *std::min_element(gaps_.begin(), gaps_.end());
            g.max_ms = *std::max_element(gaps_.begin(), gaps_.end());
            const double half[] = {50};
            g.p50_ms = nearestRankPercentiles(gaps_, half)[0];
        }

        if (!std::isnan(max_committed_)) {
            out_.footprint.max_committed_mb = Series::decimal(max_committed_);
            out_.footprint.max_committed_at_ms = max_committed_at_;
        }
        if (!std::isnan(max_used_)) out_.footprint.max_used_mb = Series::decimal(max_used_);

        if (out_.isolates == 1) {
            const LinearFit fit = fitter_.fit();
            live_.full_gcs = fit.n;
            live_.slope_mb_per_min = fit.slope * 60000.0;
            live_.r2 = fit.r2;
            if (fit.n) {
                live_.first_mb = Series::decimal(float(live_.first_mb));
                live_.last_mb = Series::decimal(float(live_.last_mb));
            }
            out_.live_set = live_;
        } else {
            out_.first_ms = out_.last_ms = parser::kAbsent;
        }
        return std::move(out_);
    }

private:
    struct Slot {
        CollectorKey key = 0;
        bool young = false;
        PauseAcc acc;
        std::vector<double> values;
    };
    Slot& slotFor(CollectorKey key) {
        if (last_slot_ < slots_.size() && slots_[last_slot_].key == key) return slots_[last_slot_];
        for (size_t k = 0; k < slots_.size(); ++k)
            if (slots_[k].key == key) return slots_[last_slot_ = k];
        Slot& slot = slots_.emplace_back();
        slot.key = key;
        slot.young = collectorGeneration(key) == parser::Generation::Young;
        last_slot_ = slots_.size() - 1;
        return slot;
    }

    const Timeline& t_;
    const TimeRange range_;
    RangeStats out_;
    std::vector<Slot> slots_;
    size_t last_slot_ = 0;
    std::vector<PauseAcc> reasons_;
    std::vector<double> gaps_;
    float max_committed_ = std::numeric_limits<float>::quiet_NaN();
    float max_used_ = std::numeric_limits<float>::quiet_NaN();
    double max_committed_at_ = parser::kAbsent;
    LinearFitter fitter_;
    LiveSetTrend live_;
};

}  // namespace

std::span<const double> PauseHistogram::upperEdgesMs() { return kHistogramUpper; }

void PauseHistogram::add(double pause_ms) {
    // The bin is the number of upper edges at or below the pause: 16 comparisons without a
    // branch, cheaper than a binary search's mispredictions on a per-GC path.
    size_t bin = 0;
    for (size_t i = 0; i + 1 < kHistogramUpper.size(); ++i) bin += pause_ms >= kHistogramUpper[i];
    ++counts[bin];
}

RangeStats seriesStats(const Timeline& timeline, size_t series, const TimeRange& range) {
    StatsBuilder b(timeline, range);
    b.addSeries(series);
    return b.finish();
}

RangeStats combinedStats(const Timeline& timeline, std::span<const size_t> series, const TimeRange& range,
                         std::vector<RangeStats>* per_series, unsigned threads) {
    if (per_series) {
        per_series->clear();
        per_series->resize(series.size());
    }
    const unsigned n = detail::threadsFor(series.size(), threads);
    std::vector<StatsBuilder> partial;
    partial.reserve(n);
    for (unsigned c = 0; c < n; ++c) partial.emplace_back(timeline, range);
    detail::forChunks(series.size(), n, [&](size_t chunk, size_t begin, size_t end) {
        StatsBuilder& part = partial[chunk];
        for (size_t k = begin; k < end; ++k) {
            if (!per_series) {
                part.addSeries(series[k]);
                continue;
            }
            StatsBuilder one(timeline, range);
            one.addSeries(series[k]);
            part.merge(one);
            (*per_series)[k] = one.finish();
        }
    });
    // Chunks in order: the union is the same whatever the number of threads.
    for (unsigned c = 1; c < n; ++c) partial[0].merge(partial[c]);
    return partial[0].finish();
}

RangeStats combinedStats(const Timeline& timeline, const TimeRange& range) {
    std::vector<size_t> all(timeline.seriesCount());
    std::iota(all.begin(), all.end(), size_t(0));
    return combinedStats(timeline, all, range);
}

}  // namespace gcscope::model
