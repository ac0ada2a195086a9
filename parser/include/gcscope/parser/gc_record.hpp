// Plain value types the parser hands to its consumers. No Boost, no Qt: the model, the CLI and the
// GUI all include this header.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace gcscope::parser {

inline constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();
inline bool isAbsent(double v) {
    return std::isnan(v);
}

/// Which V8 isolate printed a line. Worker threads share a pid and differ by isolate; several
/// processes may share one log. `pid == kUnknownPid` marks records that carry no prefix (V8 4.5-5.4
/// ring-buffer dumps) and could not be attributed to an isolate seen earlier in the same log.
struct IsolateKey {
    static constexpr int64_t kUnknownPid = -1;
    int64_t pid = kUnknownPid;
    uint64_t isolate = 0;       ///< isolate address (0 when V8 printed only "[pid]")
    int32_t isolate_id = -1;    ///< V8 >= 14 prints "[pid:0xiso:id]"; -1 when absent
    bool msvc_pointer = false;  ///< address printed MSVC-style (16 upper-case digits, no "0x")

    friend bool operator==(const IsolateKey& a, const IsolateKey& b) {
        // isolate_id is deliberately not part of identity: V8 24+ prints it on nvp lines but never
        // on the --trace-gc line of the same isolate.
        return a.pid == b.pid && a.isolate == b.isolate;
    }
    bool known() const { return pid != kUnknownPid; }
    std::string isolateText() const;  ///< "0x5dad670", "0000013B784AD000", or "" when absent
};

struct IsolateKeyHash {
    size_t operator()(const IsolateKey& k) const noexcept {
        return std::hash<uint64_t>{}(k.isolate * 0x9E3779B97F4A7C15ull ^ uint64_t(k.pid));
    }
};

enum class GcType : uint8_t {
    Scavenge,
    MarkSweep,               ///< "Mark-sweep" (V8 <= 10.2), nvp gc=ms
    MarkCompact,             ///< "Mark-Compact" (V8 >= 10.3), nvp gc=mc
    IncrementalMarkCompact,  ///< "Incremental Mark-Compact" (V8 14.x/15)
    MinorMarkCompact,        ///< nvp gc=mmc
    MinorMarkSweep,          ///< nvp gc=mms
    IncrementalMinorMarkSweep,
    Unknown,  ///< an nvp record with an unknown gc= code
};

enum class Generation : uint8_t { Young, Old };
Generation generationOf(GcType t);
std::string_view gcTypeName(GcType t);          ///< V8's own spelling, e.g. "Mark-Compact"
std::string_view generationName(Generation g);  ///< "young" / "old"

/// Modifiers V8 prints around the type name, and facts about how the record reached us.
enum RecordFlag : uint16_t {
    kShared = 1 << 0,          ///< "Shared " prefix (V8 ~10-11)
    kReduce = 1 << 1,          ///< " (reduce)" / nvp reduce_memory=1
    kInterleaved = 1 << 2,     ///< " (interleaved)" / nvp interleaved=1
    kDuringSweeping = 1 << 3,  ///< " (during sweeping)" / nvp during_sweeping=1
    kFromOomDump = 1 << 4,     ///< printed inside a "<--- Last few GCs --->" report
    kTruncated = 1 << 5,       ///< cut short (ring buffer's 255-char entries, crash, glued line)
};

enum class RecordForm : uint8_t {
    Trace,    ///< the one-line --trace-gc record
    Nvp,      ///< --trace-gc-nvp key=value
    NvpJson,  ///< --trace-gc-nvp "GC: {...}" (Node 26 / V8 14+)
};
std::string_view recordFormName(RecordForm f);  ///< "trace", "nvp", "nvp-json"

/// One key of an nvp record, exactly as printed. `value` is the number (NaN for text values such
/// as gc=s or JSON strings); `text` the printed value without a trailing '%' or JSON quotes.
struct NvpField {
    std::string_view key;
    std::string_view text;
    double value = kAbsent;
    bool percent = false;
};

/// One garbage collection. Sizes are MiB, times ms; kAbsent (NaN) where the format lacks a value.
/// The string views and `nvp` are valid only during the RecordSink callback that receives it.
struct GcRecord {
    IsolateKey key;
    uint64_t line = 0;         ///< 1-based line number in its source
    double time_ms = kAbsent;  ///< ms since *this isolate* started (V8's own clock)
    GcType type = GcType::Unknown;
    RecordForm form = RecordForm::Trace;
    uint16_t flags = 0;

    double used_before_mb = kAbsent;
    double committed_before_mb = kAbsent;
    double used_after_mb = kAbsent;
    double committed_after_mb = kAbsent;
    double pooled_mb = kAbsent;
    double pause_ms = kAbsent;
    double external_ms = kAbsent;  ///< embedder callbacks time ("P / X ms")

    // "(+ I ms in N steps since start of marking, biggest step S ms, walltime ... W ms)"
    double incremental_ms = kAbsent;
    double incremental_steps = kAbsent;
    double incremental_biggest_step_ms = kAbsent;
    double incremental_walltime_ms = kAbsent;

    double mu_average = kAbsent;  ///< "(average mu = …, current mu = …)", V8 >= ~6.6
    double mu_current = kAbsent;

    std::string_view reason;            ///< e.g. "allocation failure"
    std::string_view collector_reason;  ///< e.g. "scavenge might not succeed"
    std::span<const NvpField> nvp;      ///< every key of an nvp record, in order

    Generation generation() const { return generationOf(type); }
    bool has(RecordFlag f) const { return (flags & f) != 0; }
    /// V8's collector name with its modifiers: "Mark-Compact (reduce)", "Scavenge (interleaved)".
    std::string collectorName() const;
    /// First nvp field with that key, or nullptr.
    const NvpField* nvpField(std::string_view key) const;
};

/// One line of a --trace-gc-verbose block ("Old space, used: 1234 KB, available: …"). V8 prints
/// these without a timestamp right after a GC record; `time_ms` is that record's time.
struct HeapSpaceSample {
    IsolateKey key;
    uint64_t line = 0;
    double time_ms = kAbsent;
    std::string_view space;  ///< "Old space", "Memory allocator", "All spaces", …
    double used_kb = kAbsent;
    double available_kb = kAbsent;
    double committed_kb = kAbsent;
};

/// An out-of-memory report. `time_ms` is the time of the last record of the isolate it is
/// attributed to (V8 prints no time with it).
struct OomMarker {
    enum class Kind : uint8_t {
        LastFewGcs,          ///< "<--- Last few GCs --->"
        FatalError,          ///< Node: "FATAL ERROR: … JavaScript heap out of memory"
        FatalJavaScriptOom,  ///< V8/Deno: "# Fatal JavaScript out of memory: …" / "# Fatal
                             ///< javascript OOM in …"
    };
    IsolateKey key;
    uint64_t line = 0;
    double time_ms = kAbsent;
    Kind kind = Kind::LastFewGcs;
    std::string_view
        message;  ///< the text after the marker, e.g. "Reached heap limit Allocation failed - …"
};
std::string_view oomKindName(OomMarker::Kind k);

}  // namespace gcscope::parser
