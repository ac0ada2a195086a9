#include "gcscope/model/range_stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

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
    /// `same`: statistics already taken over exactly these pauses (a generation with a single
    /// collector, all GCs of a single generation); their percentiles are reused, not selected again.
    PauseStats stats(std::span<double> pauses, const PauseStats* same = nullptr) const {
        PauseStats s;
        s.count = count;
        s.timed = timed;
        s.total_ms = total;
        s.max_ms = max;
        if (timed) s.mean_ms = total / double(timed);
        if (same) {
            s.p50_ms = same->p50_ms;
            s.p90_ms = same->p90_ms;
            s.p95_ms = same->p95_ms;
            s.p99_ms = same->p99_ms;
            s.p999_ms = same->p999_ms;
            return s;
        }
        std::array<double, kPercents.size()> p;
        nearestRankPercentiles(pauses, kPercents, p);
        s.p50_ms = p[0];
        s.p90_ms = p[1];
        s.p95_ms = p[2];
        s.p99_ms = p[3];
        s.p999_ms = p[4];
        return s;
    }
};

/// Where the next pause of a collector goes in the combined layout (combinedStats' second pass).
struct Cursor {
    CollectorKey key = 0;
    size_t at = 0;
};

/// Statistics of one or several series in one pass over their events. Counts, sums, maxima and
/// the histogram are accumulated while scanning; percentiles need the values themselves, laid
/// out by collector, young collectors first, so that percentiles of each collector, each
/// generation and all GCs are nth_element on sub-ranges of one array.
///
/// A builder that keeps values (one series) stores each pause and gap as it scans. A builder of
/// many series does not: combinedStats gathers their values afterwards, in a second pass over the
/// same events, into one array sized from the counts. Keeping them per isolate, copying them into
/// the combined builder and laying them out again held every pause of the log three or four
/// times at once.
class StatsBuilder {
public:
    /// Gaps from which finish() computes their statistics on a thread of their own.
    static constexpr size_t kGapsBesideMin = size_t(1) << 20;

    StatsBuilder(const Timeline& timeline, const TimeRange& range, bool keep_values)
        : t_(timeline), range_(range), keep_values_(keep_values) {}

    /// Empty again, keeping its buffers: one builder serves every isolate a thread summarises.
    void reset() {
        out_ = RangeStats();
        slots_.clear();
        last_slot_ = 0;
        reasons_.clear();
        pause_values_.clear();
        pause_slots_.clear();
        gaps_.clear();
        gap_count_ = 0;
        max_committed_ = max_used_ = std::numeric_limits<float>::quiet_NaN();
        max_committed_at_ = parser::kAbsent;
        fitter_ = LinearFitter();
        live_ = LiveSetTrend();
    }

    /// Events r (s.locate(range)) of series `index`.
    void addSeries(size_t index, const IndexRange& r) {
        if (r.empty()) return;
        const Series& s = t_.series(index);
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
        if (keep_values_) {
            // Sized once: growing them by doubling copied and page-faulted a one-process log's
            // millions of values several times over.
            pause_values_.reserve(pause_values_.size() + r.size());
            pause_slots_.reserve(pause_slots_.size() + r.size());
            gaps_.reserve(gaps_.size() + r.size());
        }
        double previous = parser::kAbsent;
        s.forEachSpan(r.begin, r.end, [&](const EventSpan& e) {
            for (size_t k = 0; k < e.count; ++k) {
                const double t = e.time[k];
                const double pause = e.pause[k];
                const CollectorKey key = collectorKey(parser::GcType(e.type[k]), e.flags[k]);
                const size_t slot_index = slotFor(key);
                Slot& slot = slots_[slot_index];
                slot.acc.add(pause);
                const uint32_t reason = e.reason[k];
                if (reason >= reasons_.size()) reasons_.resize(reason + 1);
                reasons_[reason].add(pause);
                if (!std::isnan(pause)) {
                    if (keep_values_) {
                        pause_values_.push_back(pause);
                        pause_slots_.push_back(uint8_t(slot_index));
                    }
                    out_.histogram.add(pause);
                }
                if (!std::isnan(previous)) {
                    ++gap_count_;
                    if (keep_values_) gaps_.push_back(t - previous);
                }
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

    /// Adds what `o` has counted (not its values; not finished yet) to this builder.
    void merge(const StatsBuilder& o) {
        if (o.out_.isolates == 0) return;
        out_.isolates += o.out_.isolates;
        out_.events += o.out_.events;
        out_.isolate_time_ms += o.out_.isolate_time_ms;
        maxInto(out_.span_ms, o.out_.span_ms);
        out_.first_ms = o.out_.first_ms;
        out_.last_ms = o.out_.last_ms;
        for (const Slot& os : o.slots_) slots_[slotFor(os.key)].acc.merge(os.acc);
        if (o.reasons_.size() > reasons_.size()) reasons_.resize(o.reasons_.size());
        for (size_t i = 0; i < o.reasons_.size(); ++i) reasons_[i].merge(o.reasons_[i]);
        for (size_t i = 0; i < out_.histogram.counts.size(); ++i) out_.histogram.counts[i] += o.out_.histogram.counts[i];
        gap_count_ += o.gap_count_;
        if (o.max_committed_ > max_committed_ || (std::isnan(max_committed_) && !std::isnan(o.max_committed_))) {
            max_committed_ = o.max_committed_;
            max_committed_at_ = o.max_committed_at_;
        }
        if (o.max_used_ > max_used_ || (std::isnan(max_used_) && !std::isnan(o.max_used_))) max_used_ = o.max_used_;
        fitter_ = o.fitter_;
        live_ = o.live_;
    }

    /// The timed pauses counted so far per collector (the count in `at`).
    std::vector<Cursor> timedByCollector() const {
        std::vector<Cursor> out;
        for (const Slot& slot : slots_) out.push_back({slot.key, slot.acc.timed});
        return out;
    }
    uint64_t gapCount() const { return gap_count_; }
    uint64_t timedCount() const {
        uint64_t n = 0;
        for (const Slot& slot : slots_) n += slot.acc.timed;
        return n;
    }

    /// Orders the collectors young first, then by key: the layout finishPauses() expects.
    void layOut() {
        std::sort(slots_.begin(), slots_.end(), [](const Slot& a, const Slot& b) {
            return a.young != b.young ? a.young : a.key < b.key;
        });
        last_slot_ = 0;
    }
    /// After layOut(): each collector's first position in the layout.
    std::vector<Cursor> firstPositions() const {
        std::vector<Cursor> first;
        size_t at = 0;
        for (const Slot& slot : slots_) {
            first.push_back({slot.key, at});
            at += slot.acc.timed;
        }
        return first;
    }

    /// Finishes a builder that kept its values. One that did not calls layOut(), then
    /// finishPauses(), finishGaps() and finishRest() with the values gathered for it.
    RangeStats finish() {
        // The gaps' statistics are as much work as the pauses' and write only out_.between: for
        // a long series (a one-process log of millions of GCs) they run beside the pauses.
        std::jthread gaps_beside;
        if (gaps_.size() >= kGapsBesideMin) gaps_beside = std::jthread([this] { finishGaps(gaps_); });
        layOut();
        cursor_.assign(slots_.size(), 0);
        size_t at = 0;
        for (const Slot& slot : slots_) {
            cursor_[slot.id] = at;
            at += slot.acc.timed;
        }
        laid_out_.resize(pause_values_.size());
        for (size_t i = 0; i < pause_values_.size(); ++i)
            laid_out_[cursor_[pause_slots_[i]]++] = pause_values_[i];
        finishPauses(laid_out_);
        if (gaps_beside.joinable()) {
            gaps_beside.join();
        } else {
            finishGaps(gaps_);
        }
        return finishRest();
    }

    /// `pauses`: the timed pauses laid out as layOut() ordered the collectors. Reorders them.
    void finishPauses(std::span<double> pauses) {
        PauseAcc all, young, old;
        size_t young_end = 0, at = 0, young_slots = 0;
        out_.collectors.reserve(slots_.size());
        for (const Slot& slot : slots_) {
            std::span<double> part(pauses.data() + at, slot.acc.timed);
            out_.collectors.push_back({slot.key, collectorName(slot.key), slot.acc.stats(part)});
            at += slot.acc.timed;
            all.merge(slot.acc);
            (slot.young ? young : old).merge(slot.acc);
            if (slot.young) {
                young_end = at;
                ++young_slots;
            }
        }
        // Most isolates have one young and one old collector: their generations' pauses are
        // those of the collector (collectors are in slot order, young first, until sorted below).
        const size_t old_slots = slots_.size() - young_slots;
        const auto& c = out_.collectors;
        out_.young = young.stats(pauses.first(young_end), young_slots == 1 ? &c.front().pauses : nullptr);
        out_.old = old.stats(pauses.subspan(young_end), old_slots == 1 ? &c.back().pauses : nullptr);
        out_.all = all.stats(pauses, old_slots == 0 ? &out_.young : young_slots == 0 ? &out_.old : nullptr);
        std::stable_sort(out_.collectors.begin(), out_.collectors.end(),
                         [](const CollectorStats& a, const CollectorStats& b) {
                             return a.pauses.total_ms > b.pauses.total_ms;
                         });
        if (out_.isolate_time_ms > 0) out_.gc_overhead_pct = 100.0 * all.total / out_.isolate_time_ms;
    }

    /// `gaps`: every gap, series by series in the order they were added. Reorders them.
    void finishGaps(std::span<double> gaps) {
        if (gaps.empty()) return;
        GapStats& g = out_.between;
        g.count = gaps.size();
        g.mean_ms = std::accumulate(gaps.begin(), gaps.end(), 0.0) / double(gaps.size());
        g.min_ms = *std::min_element(gaps.begin(), gaps.end());
        g.max_ms = *std::max_element(gaps.begin(), gaps.end());
        const double half[] = {50};
        nearestRankPercentiles(gaps, half, std::span<double>(&g.p50_ms, 1));
    }

    /// Everything else; the last call.
    RangeStats finishRest() {
        size_t reasons = 0;
        for (const PauseAcc& a : reasons_) reasons += a.count != 0;
        out_.reasons.reserve(reasons);
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
        uint8_t id = 0;  ///< index in slots_ before sorting (pause_slots_ holds it)
        bool young = false;
        PauseAcc acc;
    };
    size_t slotFor(CollectorKey key) {
        if (last_slot_ < slots_.size() && slots_[last_slot_].key == key) return last_slot_;
        for (size_t k = 0; k < slots_.size(); ++k)
            if (slots_[k].key == key) return last_slot_ = k;
        Slot& slot = slots_.emplace_back();
        slot.key = key;
        slot.id = uint8_t(slots_.size() - 1);  // < 128: 8 types × 16 modifier sets
        slot.young = collectorGeneration(key) == parser::Generation::Young;
        return last_slot_ = slots_.size() - 1;
    }

    const Timeline& t_;
    const TimeRange range_;
    const bool keep_values_;
    RangeStats out_;
    std::vector<Slot> slots_;
    size_t last_slot_ = 0;
    std::vector<PauseAcc> reasons_;
    std::vector<double> pause_values_;   ///< keep_values_: timed pauses in event order
    std::vector<uint8_t> pause_slots_;   ///< keep_values_: the slot of each
    std::vector<double> laid_out_;       ///< keep_values_: pause_values_ laid out by slot
    std::vector<size_t> cursor_;         ///< keep_values_: next position of each slot id
    std::vector<double> gaps_;           ///< keep_values_
    uint64_t gap_count_ = 0;
    float max_committed_ = std::numeric_limits<float>::quiet_NaN();
    float max_used_ = std::numeric_limits<float>::quiet_NaN();
    double max_committed_at_ = parser::kAbsent;
    LinearFitter fitter_;
    LiveSetTrend live_;
};

}  // namespace

std::span<const double> PauseHistogram::upperEdgesMs() { return kHistogramUpper; }

void PauseHistogram::add(double pause_ms) {
    // The bin is the number of finite upper edges at or below the pause. The edges come in
    // decades of three (1, 2, 5): skip whole decades, then count within one — three or four
    // well-predicted comparisons for the usual pauses of 0.1-10 ms, not sixteen per GC.
    constexpr size_t kFinite = kHistogramUpper.size() - 1;
    if (!(pause_ms >= kHistogramUpper[0])) {  // also NaN
        ++counts[0];
        return;
    }
    size_t bin = 0;  // kHistogramUpper[bin] <= pause_ms
    while (bin + 3 < kFinite && pause_ms >= kHistogramUpper[bin + 3]) bin += 3;
    ++bin;
    while (bin < kFinite && pause_ms >= kHistogramUpper[bin]) ++bin;
    ++counts[bin];
}

RangeStats seriesStats(const Timeline& timeline, size_t series, const TimeRange& range) {
    StatsBuilder b(timeline, range, true);
    b.addSeries(series, timeline.series(series).locate(range));
    return b.finish();
}

RangeStats combinedStats(const Timeline& timeline, std::span<const size_t> series, const TimeRange& range,
                         std::vector<RangeStats>* per_series, unsigned threads) {
    using OnSeries = std::function<void(size_t, RangeStats&&)>;
    if (!per_series) return combinedStats(timeline, series, range, OnSeries(), threads);
    per_series->clear();
    per_series->resize(series.size());
    return combinedStats(
        timeline, series, range, [&](size_t k, RangeStats&& stats) { (*per_series)[k] = std::move(stats); },
        threads);
}

RangeStats combinedStats(const Timeline& timeline, std::span<const size_t> series, const TimeRange& range,
                         const std::function<void(size_t k, RangeStats&& stats)>& on_series, unsigned threads) {
    // One isolate: the combined statistics are its own, from the same values in the same order.
    // Computing them a second time was a quarter of `summary` on a 1 GB log of one process.
    if (series.size() == 1) {
        StatsBuilder one(timeline, range, true);
        one.addSeries(series[0], timeline.series(series[0]).locate(range));
        RangeStats stats = one.finish();
        if (on_series) on_series(0, RangeStats(stats));
        return stats;
    }
    // Pass 1: counts and sums, per chunk of series; each series' own statistics on the way.
    std::vector<IndexRange> ranges(series.size());
    const unsigned n = detail::threadsFor(series.size(), threads);
    std::vector<StatsBuilder> partial;
    partial.reserve(n);
    for (unsigned c = 0; c < n; ++c) partial.emplace_back(timeline, range, false);
    detail::forChunks(series.size(), n, [&](size_t chunk, size_t begin, size_t end) {
        StatsBuilder& part = partial[chunk];
        StatsBuilder one(timeline, range, true);
        for (size_t k = begin; k < end; ++k) {
            ranges[k] = timeline.series(series[k]).locate(range);
            if (!on_series) {
                part.addSeries(series[k], ranges[k]);
                continue;
            }
            one.reset();
            one.addSeries(series[k], ranges[k]);
            part.merge(one);
            on_series(k, one.finish());
        }
    });

    // Where each chunk's values go in the combined layout: after the same collector's pauses of
    // the chunks before it, and after all gaps of the chunks before it.
    std::vector<std::vector<Cursor>> cursors(n);
    std::vector<size_t> gap_at(n, 0);
    for (unsigned c = 0; c < n; ++c) {
        cursors[c] = partial[c].timedByCollector();
        if (c + 1 < n) gap_at[c + 1] = gap_at[c] + partial[c].gapCount();
    }
    // Chunks in order: the union is the same whatever the number of threads.
    for (unsigned c = 1; c < n; ++c) partial[0].merge(partial[c]);
    StatsBuilder& all = partial[0];
    all.layOut();
    for (const Cursor& first : all.firstPositions()) {
        size_t at = first.at;
        for (std::vector<Cursor>& chunk : cursors)
            for (Cursor& cursor : chunk)
                if (cursor.key == first.key) {
                    const size_t count = cursor.at;
                    cursor.at = at;
                    at += count;
                }
    }

    // Pass 2: the values themselves, into one array — the pauses, then (reusing it) the gaps —
    // from the same event ranges as pass 1 (a writer may have appended since). Every collector
    // an event has was counted by its chunk in pass 1, so it has a cursor there.
    const size_t timed = all.timedCount(), gaps = all.gapCount();
    std::vector<double> values(std::max(timed, gaps));
    detail::forChunks(series.size(), n, [&](size_t chunk, size_t begin, size_t end) {
        std::vector<Cursor>& mine = cursors[chunk];
        size_t last = 0;  // GCs come in runs of one collector
        for (size_t k = begin; k < end; ++k)
            timeline.series(series[k]).forEachSpan(ranges[k].begin, ranges[k].end, [&](const EventSpan& e) {
                for (size_t i = 0; i < e.count; ++i) {
                    if (std::isnan(e.pause[i])) continue;
                    const CollectorKey key = collectorKey(parser::GcType(e.type[i]), e.flags[i]);
                    while (mine[last].key != key) last = (last + 1) % mine.size();
                    values[mine[last].at++] = e.pause[i];
                }
            });
    });
    all.finishPauses(std::span<double>(values.data(), timed));
    detail::forChunks(series.size(), n, [&](size_t chunk, size_t begin, size_t end) {
        size_t at = gap_at[chunk];
        for (size_t k = begin; k < end; ++k) {
            double previous = parser::kAbsent;
            timeline.series(series[k]).forEachSpan(ranges[k].begin, ranges[k].end, [&](const EventSpan& e) {
                for (size_t i = 0; i < e.count; ++i) {
                    if (!std::isnan(previous)) values[at++] = e.time[i] - previous;
                    previous = e.time[i];
                }
            });
        }
    });
    all.finishGaps(std::span<double>(values.data(), gaps));
    return all.finishRest();
}

RangeStats combinedStats(const Timeline& timeline, const TimeRange& range) {
    std::vector<size_t> all(timeline.seriesCount());
    std::iota(all.begin(), all.end(), size_t(0));
    return combinedStats(timeline, all, range);
}

}  // namespace gcscope::model
