#include "gcscope/model/diagnosis.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "gcscope/model/timeline.hpp"
#include "parallel.hpp"

namespace gcscope::model {

using namespace thresholds;

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    // to_chars, not snprintf: the leak rule explains every isolate, and snprintf is slow.
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "?";
    std::string out(buf, end);
    // "-0.0" would read as a sign that is not there.
    if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

/// Rates span orders of magnitude (0.02 MB/min over a day, 1500 MB/min in a test): keep about
/// three significant digits, at most one decimal above 10.
std::string rate(double v) {
    const double a = std::fabs(v);
    return fixed(v, a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

std::string ms(double v) { return fixed(v, std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1); }

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- leak ----------------------------------------------------------------------------------

std::optional<Finding> leakFinding(const Timeline& t, size_t series, const TimeRange& range) {
    const std::vector<Point> live = liveSet(t.series(series), range);
    const LeakAssessment a = assessLiveSet(live);
    if (!a.leak) return std::nullopt;
    Finding f;
    f.kind = FindingKind::Leak;
    f.severity = a.critical ? Severity::Critical : Severity::Warning;
    f.message = "live set grows " + rate(a.all.slope * 60000.0) + " MB/min over " +
                std::to_string(live.size()) + " full GCs (R² " + fixed(a.all.r2, 2) + "): " +
                fixed(live.front().value, 1) + " → " + fixed(live.back().value, 1) +
                " MB between " + ms(live.front().t_ms) + " and " + ms(live.back().t_ms) + " ms";
    return f;
}

// ---- gc-pressure ---------------------------------------------------------------------------

struct BackToBack {
    size_t gcs = 0;
    double from_ms = 0, to_ms = 0;
    double pause_ms = 0, mutator_ms = 0;
};

/// The longest-pausing run where, over every kBackToBackMinGcs consecutive GCs, the application
/// ran for less time between them than they paused it. A GC's time is when it ended, so the
/// application ran t[i] - t[i-1] - pause[i] before GC i.
std::optional<BackToBack> backToBack(const Series& s, const IndexRange& r) {
    constexpr size_t k = kBackToBackMinGcs;
    if (r.size() < k + 1) return std::nullopt;
    // One pass with the last k GCs in a ring: a window of k GCs qualifies when the application
    // ran less than they paused it; overlapping or touching windows form one run.
    struct Gc {
        double mutator, pause, ended;  // ended: when the GC before it ended (the run's start)
    };
    std::array<Gc, k> ring{};
    double sum_mut = 0, sum_gc = 0;
    size_t seen = 0;  // GCs after the first of the range
    std::optional<BackToBack> best;
    BackToBack run;
    size_t run_last = 0;  // seen-index of the run's last GC + 1 (0: no open run)
    auto close = [&] {
        if (run_last && (!best || run.pause_ms > best->pause_ms)) best = run;
        run_last = 0;
    };
    double previous = s.sortTimeMs(r.begin);
    s.forEachSpan(r.begin + 1, r.end, [&](const EventSpan& e) {
        for (size_t j = 0; j < e.count; ++j) {
            const double p = std::isnan(e.pause[j]) ? 0.0 : e.pause[j];
            const Gc gc{std::max(0.0, e.time[j] - previous - p), p, previous};
            previous = e.time[j];
            Gc& slot = ring[seen % k];
            if (seen >= k) {
                sum_mut -= slot.mutator;
                sum_gc -= slot.pause;
            }
            slot = gc;
            sum_mut += gc.mutator;
            sum_gc += gc.pause;
            ++seen;
            if (seen < k || !(sum_mut < sum_gc)) continue;
            const size_t window_first = seen - k;  // seen-index of the window's first GC
            if (run_last && window_first <= run_last) {
                // Extend the open run by the GCs of this window it does not hold yet.
                for (size_t m = run_last; m < seen; ++m) {
                    const Gc& g = ring[m % k];
                    ++run.gcs;
                    run.pause_ms += g.pause;
                    run.mutator_ms += g.mutator;
                }
            } else {
                close();
                run = BackToBack();
                run.from_ms = ring[window_first % k].ended;
                for (size_t m = window_first; m < seen; ++m) {
                    const Gc& g = ring[m % k];
                    ++run.gcs;
                    run.pause_ms += g.pause;
                    run.mutator_ms += g.mutator;
                }
            }
            run_last = seen;
            run.to_ms = e.time[j];
        }
    });
    close();
    if (best && best->pause_ms < kBackToBackMinPauseMs) return std::nullopt;
    return best;
}

std::optional<Finding> pressureFinding(const Timeline& t, size_t series, const TimeRange& range) {
    const Series& s = t.series(series);
    const IndexRange r = s.locate(range);
    if (r.size() < kPressureMinGcs) return std::nullopt;
    // The range's span as RangeStats::span_ms defines it, and its total pause.
    const double span = std::max(0.0, std::min(range.to_ms, s.sortTimeMs(s.size() - 1)) -
                                          std::max(range.from_ms, s.sortTimeMs(0)));
    double paused = 0;
    s.forEachSpan(r.begin, r.end, [&](const EventSpan& e) {
        for (size_t k = 0; k < e.count; ++k)
            if (!std::isnan(e.pause[k])) paused += e.pause[k];
    });
    // Built only for a finding: most isolates have none.
    auto overall = [&] {
        return fixed(paused, 1) + " ms paused in " + plural(r.size(), "GC", "GCs") + " over " + ms(span) +
               " ms (" + (span > 0 ? fixed(100.0 * paused / span, 1) : std::string("-")) + "%)";
    };

    if (auto run = backToBack(s, r)) {
        Finding f;
        f.kind = FindingKind::GcPressure;
        f.severity = Severity::Critical;
        f.message = "GC runs back to back: " + std::to_string(run->gcs) + " GCs in a row between " +
                    ms(run->from_ms) + " and " + ms(run->to_ms) + " ms paused " +
                    fixed(run->pause_ms, 1) + " ms and let the application run " +
                    fixed(run->mutator_ms, 1) +
                    " ms (time between GCs shorter than the GC time); overall " + overall();
        return f;
    }

    // Shorter logs are not judged: a burst of GCs in the first second is start-up, not pressure.
    if (!(span >= kPressureMinWindowMs)) return std::nullopt;
    const double window = std::clamp(chooseInterval(span, 20), kPressureMinWindowMs, kPressureMaxWindowMs);
    size_t stretches = 0, above = 0;
    double worst = -1, worst_from = 0, worst_to = 0;
    uint32_t worst_gcs = 0;
    for (const IntervalBucket& b : gcPerInterval(s, range, window)) {
        // Edge intervals mostly outside the isolate's observed life would over- or understate.
        if (b.covered_ms < window / 2 || b.young + b.old < kPressureMinGcs) continue;
        ++stretches;
        if (!(b.overhead_pct > kPressureOverheadPct)) continue;
        ++above;
        if (b.overhead_pct > worst) {
            worst = b.overhead_pct;
            worst_from = b.start_ms;
            worst_to = b.end_ms;
            worst_gcs = b.young + b.old;
        }
    }
    if (above == 0) return std::nullopt;
    Finding f;
    f.kind = FindingKind::GcPressure;
    f.severity = Severity::Warning;
    f.message = "GC takes more than " + fixed(kPressureOverheadPct, 0) + "% of the time in " +
                std::to_string(above) + " of " + plural(stretches, "stretch", "stretches") +
                " of " + ms(window) + " ms (worst " + fixed(worst, 1) +
                "% at " + ms(worst_from) + "–" + ms(worst_to) + " ms, " +
                plural(worst_gcs, "GC", "GCs") + "); overall " + overall();
    return f;
}

// ---- near-heap-limit -----------------------------------------------------------------------

/// The last full GCs of a range: what they reclaimed and the mutator utilisation around them.
struct LastFullGcs {
    size_t count = 0;
    double before_mb = 0, after_mb = 0;
    double mean_mu = parser::kAbsent;
    double newest_after_mb = 0;   ///< what the newest of them left
    double highest_after_mb = 0;  ///< the most any full GC of the range left

    double reclaimed() const { return before_mb > 0 ? (before_mb - after_mb) / before_mb : 0; }
    /// The heap stays high: the newest full GC left about the most any did (a heap that shrank
    /// from a higher level has room again).
    bool heapStaysHigh() const { return newest_after_mb >= kHighHeapRatio * highest_after_mb; }
    /// V8's ineffective-GC sign, before V8 gives up.
    bool ineffective() const {
        return reclaimed() < kIneffectiveReclaimRatio && !std::isnan(mean_mu) &&
               mean_mu < kIneffectiveMaxMu && heapStaysHigh();
    }
    /// "the last 3 full GCs reclaimed 4.1% (90.9 → 87.2 MB together), mutator utilisation 0.05"
    std::string text() const {
        std::string t = "the last " + std::to_string(count) + " full GCs reclaimed " +
                        fixed(100.0 * reclaimed(), 1) + "% (" + fixed(before_mb, 1) + " → " +
                        fixed(after_mb, 1) + " MB together)";
        if (!std::isnan(mean_mu)) t += ", mutator utilisation " + fixed(mean_mu, 2);
        return t;
    }
};

std::optional<LastFullGcs> lastFullGcs(const Series& s, const TimeRange& range) {
    const IndexRange r = s.locate(range);
    std::vector<size_t> last;  // newest first
    for (size_t i = r.end; i > r.begin && last.size() < kIneffectiveGcs; --i) {
        const size_t e = i - 1;
        if (s.generation(e) == parser::Generation::Old && !std::isnan(s.usedBeforeMb(e)) &&
            !std::isnan(s.usedAfterMb(e)))
            last.push_back(e);
    }
    if (last.size() < kIneffectiveGcs) return std::nullopt;
    double highest = 0;
    for (size_t e = r.begin; e < r.end; ++e)
        if (s.generation(e) == parser::Generation::Old && s.usedAfterMb(e) > highest)
            highest = s.usedAfterMb(e);
    double before = 0, after = 0;
    for (size_t e : last) {
        before += s.usedBeforeMb(e);
        after += s.usedAfterMb(e);
    }
    // Mutator utilisation of those GCs (V8's own when printed, else computed).
    const TimeRange since{s.sortTimeMs(last.back()), range.to_ms};
    const std::vector<Point> mu = mutatorUtilisation(s, since);
    double mu_sum = 0;
    size_t mu_n = 0;
    for (const Point& p : mu)
        for (size_t e : last)
            if (p.event == e) {
                mu_sum += p.value;
                ++mu_n;
            }
    LastFullGcs out;
    out.count = last.size();
    out.before_mb = before;
    out.after_mb = after;
    out.mean_mu = mu_n ? mu_sum / double(mu_n) : parser::kAbsent;
    out.newest_after_mb = s.usedAfterMb(last.front());
    out.highest_after_mb = highest;
    return out;
}

/// The fatal-error line says why; "<--- Last few GCs --->" only that a report began.
bool stronger(const OomEntry& candidate, const OomEntry* current) {
    return !current || (current->kind == parser::OomMarker::Kind::LastFewGcs &&
                        candidate.kind != parser::OomMarker::Kind::LastFewGcs);
}

/// The strongest OOM marker in the range of each series, and of each log for markers of
/// isolates without a GC record: one pass over the markers.
struct OomIndex {
    std::vector<const OomEntry*> by_series;
    std::vector<const OomEntry*> unattributed_by_source;

    OomIndex(const Timeline& t, const TimeRange& range)
        : by_series(t.seriesCount(), nullptr), unattributed_by_source(t.sourceCount(), nullptr) {
        const size_t n = t.oomCount();
        for (size_t i = 0; i < n; ++i) {
            const OomEntry& e = t.oom(i);
            if (!range.isAll() && !range.contains(e.time_ms)) continue;
            const int64_t series = t.seriesOf(e);
            const OomEntry*& slot = series >= 0 && size_t(series) < by_series.size()
                                        ? by_series[size_t(series)]
                                        : unattributed_by_source[e.source];
            if (stronger(e, slot)) slot = &e;
        }
    }
};

std::string oomText(const OomEntry& e) {
    std::string text = "out of memory (line " + std::to_string(e.line) + ")";
    if (e.kind == parser::OomMarker::Kind::LastFewGcs) return text + ": V8 printed its last-GCs report";
    if (!e.message.empty()) text += ": " + e.message;
    return text;
}

std::optional<Finding> heapLimitFinding(const Timeline& t, size_t series, const TimeRange& range,
                                        const OomEntry* oom) {
    const Series& s = t.series(series);
    const std::optional<LastFullGcs> last = lastFullGcs(s, range);
    if (oom) {
        Finding f;
        f.kind = FindingKind::NearHeapLimit;
        f.severity = Severity::Critical;
        f.message = oomText(*oom);
        if (last) f.message += "; " + last->text();
        return f;
    }
    if (!last || !last->ineffective()) return std::nullopt;
    Finding f;
    f.kind = FindingKind::NearHeapLimit;
    f.severity = Severity::Warning;
    f.message = last->text() + ", the heap stays at its highest (" +
                fixed(last->newest_after_mb, 1) +
                " MB after the last one): it is at its limit and GC no longer frees memory";
    return f;
}

}  // namespace

std::string_view findingKindName(FindingKind k) {
    switch (k) {
        case FindingKind::Leak: return "leak";
        case FindingKind::GcPressure: return "gc-pressure";
        case FindingKind::NearHeapLimit: return "near-heap-limit";
    }
    return "leak";
}

std::string_view severityName(Severity s) {
    switch (s) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        case Severity::Critical: return "critical";
    }
    return "info";
}

LeakAssessment assessLiveSet(std::span<const Point> live) {
    LeakAssessment a;
    if (live.size() < kLeakMinFullGcs) {
        a.reason = "only " + std::to_string(live.size()) + " full GCs (" +
                   std::to_string(kLeakMinFullGcs) + " needed)";
        return a;
    }
    LinearFitter all;
    for (const Point& p : live) all.add(p.t_ms, p.value);
    a.all = all.fit();
    if (std::isnan(a.all.slope) || a.all.slope <= 0) {
        a.reason = "the live set does not grow";
        return a;
    }
    const double covered = live.back().t_ms - live.front().t_ms;
    a.growth_mb = a.all.slope * covered;
    const double start = std::max(a.all.intercept + a.all.slope * live.front().t_ms, 0.0);
    const double needed = std::max(kLeakMinGrowthMb, kLeakMinGrowthRatio * start);
    if (a.growth_mb < needed) {
        a.reason = "grows " + fixed(a.growth_mb, 2) + " MB, under the " + fixed(needed, 2) + " MB that counts";
        return a;
    }
    LinearFitter later;
    const size_t half = std::max<size_t>(3, (live.size() + 1) / 2);
    for (size_t i = live.size() - half; i < live.size(); ++i) later.add(live[i].t_ms, live[i].value);
    a.later = later.fit();
    if (std::isnan(a.later.slope) || a.later.slope < kLeakLaterHalfMinShare * a.all.slope) {
        a.reason = "flattens: the later half grows at " +
                   (std::isnan(a.later.slope) ? std::string("?") : fixed(100.0 * a.later.slope / a.all.slope, 0)) +
                   "% of the overall rate (a cache filling up, or a heap at its limit)";
        return a;
    }
    if (a.all.r2 < kLeakMinR2) {
        a.reason = "no steady trend (R² " + fixed(a.all.r2, 2) + ")";
        return a;
    }
    a.leak = true;
    a.critical = start > 0 && a.growth_mb >= kLeakCriticalRatio * start;
    a.reason = "steady growth";
    return a;
}

namespace {

std::vector<Finding> diagnoseOne(const Timeline& timeline, size_t series, const TimeRange& range,
                                 const OomEntry* oom) {
    std::vector<Finding> out;
    const uint32_t source = timeline.series(series).source();
    std::optional<Finding> findings[] = {leakFinding(timeline, series, range),
                                         pressureFinding(timeline, series, range),
                                         heapLimitFinding(timeline, series, range, oom)};
    for (std::optional<Finding>& f : findings) {
        if (!f) continue;
        f->series = int64_t(series);
        f->source = source;
        out.push_back(std::move(*f));
    }
    return out;
}

}  // namespace

std::vector<Finding> diagnoseSeries(const Timeline& timeline, size_t series, const TimeRange& range) {
    const OomIndex ooms(timeline, range);
    return diagnoseOne(timeline, series, range, ooms.by_series[series]);
}

std::vector<Finding> diagnose(const Timeline& timeline, const TimeRange& range, unsigned threads) {
    const OomIndex ooms(timeline, range);
    const size_t n = ooms.by_series.size();
    const unsigned t = detail::threadsFor(n, threads);
    std::vector<std::vector<Finding>> parts(t);
    detail::forChunks(n, t, [&](size_t chunk, size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            std::vector<Finding> f = diagnoseOne(timeline, i, range, ooms.by_series[i]);
            parts[chunk].insert(parts[chunk].end(), std::make_move_iterator(f.begin()),
                                std::make_move_iterator(f.end()));
        }
    });
    std::vector<Finding> out;
    for (auto& part : parts) out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    // OOM reports of isolates that printed no GC record (e.g. a log without --trace-gc).
    for (uint32_t source = 0; source < ooms.unattributed_by_source.size(); ++source) {
        if (const OomEntry* oom = ooms.unattributed_by_source[source]) {
            Finding f;
            f.kind = FindingKind::NearHeapLimit;
            f.severity = Severity::Critical;
            f.message = oomText(*oom);
            f.source = source;
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace gcscope::model
