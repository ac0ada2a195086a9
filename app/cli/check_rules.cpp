#include "check_rules.hpp"

#include <cmath>

#include "text_format.hpp"

namespace gcscope::cli {
namespace {

std::string number(double v) {
    std::string s;
    appendNumber(s, v);
    return s;
}

std::string fixed(double v, int decimals) {
    std::string s;
    appendFixed(s, v, decimals);
    return s;
}

/// "pid 8660, isolate 0x3b1ed000, gc.log" — enough to find the isolate in the summary.
std::string where(const parser::IsolateKey& key, const std::string& isolate_text,
                  const std::string& source) {
    std::string s = "pid " + (key.known() ? std::to_string(key.pid) : std::string("?"));
    if (!isolate_text.empty()) s += ", isolate " + isolate_text;
    if (key.isolate_id >= 0) s += ":" + std::to_string(key.isolate_id);
    return s + ", " + (source == "-" ? std::string("standard input") : source);
}

size_t boundCount(const Options& o) {
    return size_t(!std::isnan(o.max_pause_p99_ms)) + size_t(!std::isnan(o.max_pause_ms)) +
           size_t(!std::isnan(o.max_overhead_pct)) + size_t(o.no_leak);
}

}  // namespace

std::vector<std::string> violatedBounds(const Summary& summary, const Options& o) {
    std::vector<std::string> out;
    for (const SourceSummary& source : summary.sources) {
        for (const IsolateSummary& iso : source.isolates) {
            const std::string at = where(iso.key, iso.isolate_text, source.path);
            for (const auto& [generation, pauses] :
                 {std::pair{"young", &iso.stats.young}, std::pair{"old", &iso.stats.old}}) {
                if (pauses->p99_ms > o.max_pause_p99_ms)  // false when either is NaN
                    out.push_back("pause p99 " + number(pauses->p99_ms) + " ms > " +
                                  number(o.max_pause_p99_ms) + " ms (" + generation + ", " + at + ")");
                if (pauses->max_ms > o.max_pause_ms)
                    out.push_back("pause max " + number(pauses->max_ms) + " ms > " +
                                  number(o.max_pause_ms) + " ms (" + generation + ", " + at + ")");
            }
            if (iso.stats.gc_overhead_pct > o.max_overhead_pct)
                out.push_back("gc overhead " + fixed(iso.stats.gc_overhead_pct, 1) + "% > " +
                              number(o.max_overhead_pct) + "% (" +
                              fixed(iso.stats.all.total_ms, 1) + " ms paused in " +
                              fixed(iso.stats.span_ms, 0) + " ms, " + at + ")");
        }
    }
    if (o.no_leak) {
        for (const FindingSummary& f : summary.diagnosis) {
            if (f.finding.kind != model::FindingKind::Leak) continue;
            out.push_back("leak: " + f.finding.message + " (" +
                          (f.has_isolate ? where(f.key, f.isolate_text, f.source) : f.source) + ")");
        }
    }
    return out;
}

std::string boundsHoldLine(const Summary& summary, const Options& o) {
    const size_t bounds = boundCount(o);
    std::string s = bounds == 1 ? "ok: the bound holds" : "ok: all " + std::to_string(bounds) + " bounds hold";
    s += " for " + std::to_string(summary.gcRecords()) +
         (summary.gcRecords() == 1 ? " GC record in " : " GC records in ") +
         std::to_string(summary.overall.isolates) + (summary.overall.isolates == 1 ? " isolate" : " isolates");
    return s;
}

}  // namespace gcscope::cli
