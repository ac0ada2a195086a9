// Plain structs the X3 grammar fills. Internal to the parser library; no Boost here so the
// classifier can include it without pulling Spirit into every translation unit.
#pragma once

#include <cstdint>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser::ast {

/// The largest pid and isolate id a prefix may hold: larger numbers are something else (Chrome's
/// "[pid:tid:…]" log prefix, a timestamp).
inline constexpr uint64_t kMaxPid = 0xFFFFFFFFull;
inline constexpr uint64_t kMaxIsolateId = 0x7FFFFFFFull;

/// "[pid]", "[pid:0xiso]", "[pid:ISO]" (MSVC) or "[pid:0xiso:id]".
struct V8Prefix {
    uint64_t pid = 0;
    bool has_isolate = false;
    uint64_t isolate = 0;
    bool msvc_pointer = false;
    int64_t isolate_id = -1;
};

/// "A (B) -> C (D) MB, "
struct HeapSizes {
    double used_before = 0;
    double committed_before = 0;
    double used_after = 0;
    double committed_after = 0;
};

/// Everything of a --trace-gc line up to " ms": type and modifiers, sizes, pooled, times.
struct TraceCore {
    GcType type = GcType::Unknown;
    uint16_t flags = 0;  // RecordFlag bits
    HeapSizes sizes;
    double pooled = kAbsent;
    double first_time = 0;         // "P" (or, in V8 <= 4.3 with two numbers, the external time)
    double second_time = kAbsent;  // "X" after " / ", when printed
};

/// " (+ I ms in N steps since …[, biggest step S ms][, walltime since start of marking W ms])"
struct Incremental {
    double ms = kAbsent;
    double steps = kAbsent;
    double biggest_step = kAbsent;
    double walltime = kAbsent;
};

/// " (average mu = M, current mu = N)"
struct MutatorUtilization {
    double average = kAbsent;
    double current = kAbsent;
};

/// "Old space,          used:  62965 KB, available:   6373 KB, committed:  70612 KB"
struct HeapSpaceLine {
    const char* name_begin = nullptr;
    const char* name_end = nullptr;
    double used = kAbsent;
    double available = kAbsent;
    double committed = kAbsent;
};

}  // namespace gcscope::parser::ast
