// Builders for model tests: GC records made in code (exact values, no parsing) and whole logs
// parsed into a Timeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gcscope/model/timeline.hpp"
#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model::test {

/// A GC record with the fields the statistics read. Sizes MB, times ms.
struct Gc {
    double t = 0;
    parser::GcType type = parser::GcType::Scavenge;
    double pause = 1;
    double used_before = parser::kAbsent, used_after = parser::kAbsent;
    double committed_before = parser::kAbsent, committed_after = parser::kAbsent;
    std::string_view reason = "allocation failure";
    uint16_t flags = 0;
    int64_t pid = 100;
    uint64_t isolate = 0x1;

    parser::GcRecord record() const;
};

inline Gc young(double t, double pause) { return Gc{t, parser::GcType::Scavenge, pause}; }
inline Gc old(double t, double pause) { return Gc{t, parser::GcType::MarkCompact, pause}; }
/// An old-generation GC leaving `live_mb` used (used before: live + 10).
inline Gc full(double t, double live_mb, double pause = 5) {
    Gc g{t, parser::GcType::MarkCompact, pause};
    g.used_before = live_mb + 10;
    g.used_after = live_mb;
    return g;
}

/// Appends the records to `timeline` (a source is added first if it has none).
void append(Timeline& timeline, const std::vector<Gc>& gcs);
/// A fresh timeline holding `gcs`.
void fill(Timeline& timeline, const std::vector<Gc>& gcs);

/// Parses `text` into `timeline` as source `name`, fed in pieces of `chunk` bytes (0 = at once).
void parseInto(Timeline& timeline, std::string_view text, const std::string& name = "log",
               size_t chunk = 0);
std::string readFile(const std::string& path);
std::string sampleLog(const std::string& name);

}  // namespace gcscope::model::test
