// Answers to the Node.js memory guide's questions, with the numbers that support them: is it
// leaking, is GC eating the time, is the heap at its limit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gcscope/model/derived_series.hpp"
#include "gcscope/model/linear_fit.hpp"
#include "gcscope/model/time_range.hpp"

namespace gcscope::model {

class Timeline;

enum class FindingKind : uint8_t { Leak, GcPressure, NearHeapLimit };
enum class Severity : uint8_t { Info, Warning, Critical };
std::string_view findingKindName(FindingKind k);  ///< "leak", "gc-pressure", "near-heap-limit"
std::string_view severityName(Severity s);        ///< "info", "warning", "critical"

struct Finding {
    FindingKind kind = FindingKind::Leak;
    Severity severity = Severity::Warning;
    std::string message;  ///< the evidence, with numbers: "live set grows 12.3 MB/min over …"
    uint32_t source = 0;
    int64_t series = -1;  ///< -1: an OOM report of an isolate that printed no GC record
};

/// The rules' thresholds, with the reason for each value.
namespace thresholds {
/// Fewer full GCs cannot tell a trend from the start-up GCs and the first fill of caches.
inline constexpr size_t kLeakMinFullGcs = 6;
/// Steady growth fits a line; noise or a sawtooth of the live set (floating garbage) does not.
inline constexpr double kLeakMinR2 = 0.8;
/// A trend must add up to something: at least 1 MB and 10% of the starting live set over the
/// range, else a few KB of slow warm-up (JIT code, inline caches) would count as a leak.
inline constexpr double kLeakMinGrowthMb = 1.0;
inline constexpr double kLeakMinGrowthRatio = 0.10;
/// A cache that fills then stays flat has a steep first half and a flat later half; a leak keeps
/// growing. The later half of the full GCs must grow at least at 30% of the overall rate.
inline constexpr double kLeakLaterHalfMinShare = 0.3;
/// A live set that at least doubled over the range is critical, not just a warning.
inline constexpr double kLeakCriticalRatio = 1.0;

/// The bound: more than 10% of the time in GC pauses over some stretch.
inline constexpr double kPressureOverheadPct = 10.0;
/// Stretches are 1 to 60 s (about a twentieth of the span): long enough that one long pause is
/// not "pressure", short enough that a one-minute GC storm in a day-long log is not diluted. An
/// isolate observed for less than 1 s is not judged: its GCs are start-up.
inline constexpr double kPressureMinWindowMs = 1000;
inline constexpr double kPressureMaxWindowMs = 60000;
/// A stretch with fewer GCs shows a long pause, not frequent GC.
inline constexpr uint32_t kPressureMinGcs = 3;
/// The Node.js guide's sign of GC thrashing: the time between GCs is shorter than the time in
/// GC. Judged over runs of at least this many consecutive GCs (timestamps are whole ms)…
inline constexpr size_t kBackToBackMinGcs = 4;
/// …that stopped the application for at least this long in total (shorter runs go unnoticed).
inline constexpr double kBackToBackMinPauseMs = 20;

/// V8 gives up with "Ineffective mark-compacts near heap limit" after 4 consecutive full GCs
/// with mutator utilisation under 0.4 near the limit (Heap::CheckIneffectiveMarkCompact). We
/// warn earlier: the last 3 full GCs reclaimed under 5% together, with utilisation under 0.4,
/// while the heap stays high — the newest left at least 90% of the most any full GC of the
/// range left (a trace does not print the limit itself).
inline constexpr size_t kIneffectiveGcs = 3;
inline constexpr double kIneffectiveReclaimRatio = 0.05;
inline constexpr double kIneffectiveMaxMu = 0.4;
inline constexpr double kHighHeapRatio = 0.9;
}  // namespace thresholds

/// The leak rule on a live-set series (liveSet()), exposed for tests.
struct LeakAssessment {
    bool leak = false;
    bool critical = false;
    LinearFit all;    ///< over every full GC (slope in MB/ms)
    LinearFit later;  ///< over the later half
    double growth_mb = 0;  ///< slope × time covered
    std::string reason;    ///< why it is (not) a leak, for tests and --verbose output
};
LeakAssessment assessLiveSet(std::span<const Point> live_set);

/// Findings of one isolate over `range` (on its clock): at most one per kind.
std::vector<Finding> diagnoseSeries(const Timeline& timeline, size_t series, const TimeRange& range = {});
/// Every isolate of every log, plus OOM reports of isolates without a GC record, in series
/// order. `threads` (0 = the hardware's) share the isolates when there are hundreds.
std::vector<Finding> diagnose(const Timeline& timeline, const TimeRange& range = {}, unsigned threads = 1);

}  // namespace gcscope::model
