#include <algorithm>
#include <cmath>

#include "log_source.hpp"
#include "summary_report.hpp"
#include "text_format.hpp"
#include "text_table.hpp"

namespace gcscope::cli {
namespace {

using Align = TextTable::Align;
constexpr const char* kNone = "-";

std::string grouped(uint64_t v) {
    std::string s;
    appendGrouped(s, v);
    return s;
}

/// Pauses in ms with two decimals (V8 prints at most two), "-" when there is none.
std::string ms(double v) {
    if (parser::isAbsent(v)) return kNone;
    std::string s;
    appendFixed(s, v, 2);
    return s;
}

/// Timestamps as V8 printed them (whole ms), "-" when absent.
std::string time(double v) {
    if (parser::isAbsent(v)) return kNone;
    std::string s;
    appendNumber(s, v);
    return s;
}

std::string pidText(const parser::IsolateKey& k) {
    return k.known() ? std::to_string(k.pid) : std::string("?");
}

/// "0x5dad670", "0x155c9000:0" (V8 >= 14 isolate id), or "-" for a bare "[pid]" prefix.
std::string isolateText(const std::string& text, int32_t id) {
    std::string s = text.empty() ? std::string(kNone) : text;
    if (id >= 0) s += ":" + std::to_string(id);
    return s;
}

void appendCounts(std::string& out, const SourceSummary& s) {
    const parser::ParseStats& st = s.stats;
    TextTable t({Align::Left, Align::Right, Align::Left});
    t.addRow({"lines", grouped(st.lines),
              "(" + grouped(st.record_lines) + " record lines, " + grouped(st.known_lines) +
                  " known, " + grouped(st.unrecognised_lines) + " unrecognised)"});
    t.addRow({"GC records", grouped(st.gc_records),
              "(" + grouped(st.duplicate_records) +
                  (st.duplicate_records == 1 ? " duplicate" : " duplicates") + " dropped)"});
    t.addRow({"heap-space samples", grouped(st.heap_space_samples)});
    t.addRow({"OOM markers", grouped(st.oom_markers)});
    t.append(out, "  ");
}

void appendOoms(std::string& out, const SourceSummary& s) {
    for (const auto& o : s.ooms) {
        out += "    line ";
        appendUint(out, o.line);
        out += ": ";
        out += parser::oomKindName(o.kind);
        out += " (pid ";
        out += pidText(o.key);
        out += ", isolate ";
        out += isolateText(o.isolate_text, o.key.isolate_id);
        if (!parser::isAbsent(o.time_ms)) {
            out += ", after ";
            out += time(o.time_ms);
            out += " ms";
        }
        out += ")";
        if (!o.message.empty()) {
            out += " ";
            appendPrintable(out, o.message, kUnrecognisedClip);
        }
        out += '\n';
    }
    if (s.stats.oom_markers > s.ooms.size()) {
        out += "    … and " + grouped(s.stats.oom_markers - s.ooms.size()) + " more\n";
    }
}

/// Total pause of a group, "-" when it had no GC.
std::string total(const model::PauseStats& p) { return ms(p.count ? p.total_ms : parser::kAbsent); }

std::string percent(double v) {
    if (parser::isAbsent(v)) return kNone;
    std::string s;
    appendFixed(s, v, 1);
    return s;
}

void writeIsolates(Output& out, const SourceSummary& s) {
    if (s.isolates.empty()) return;
    TextTable t({Align::Right, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right,
                 Align::Right, Align::Right, Align::Right, Align::Right, Align::Right});
    t.addRow({"pid", "isolate", "young", "pause ms", "max ms", "old", "pause ms", "max ms", "GC %",
              "first..last ms", "span ms"});
    for (const auto& i : s.isolates) {
        const model::RangeStats& st = i.stats;
        t.addRow({pidText(i.key), isolateText(i.isolate_text, i.key.isolate_id),
                  grouped(st.young.count), total(st.young), ms(st.young.max_ms), grouped(st.old.count),
                  total(st.old), ms(st.old.max_ms), percent(st.gc_overhead_pct),
                  time(st.first_ms) + ".." + time(st.last_ms), time(st.span_ms)});
    }
    out.buffer() += '\n';
    t.write(out, "  ");
}

void appendUnrecognised(std::string& out, const SourceSummary& s) {
    const auto& kept = s.stats.first_unrecognised;
    if (kept.empty()) return;
    const size_t shown = std::min(kShownUnrecognised, kept.size());
    out += "\n  unrecognised lines (first " + std::to_string(shown) + " of " +
           grouped(s.stats.unrecognised_lines) + "):\n";
    // Line numbers right-aligned so the texts start in one column.
    const size_t digits = std::to_string(kept[shown - 1].line).size();
    for (size_t i = 0; i < shown; ++i) {
        std::string number = std::to_string(kept[i].line);
        out += "    line ";
        out.append(digits - std::min(digits, number.size()), ' ');
        out += number;
        out += ": ";
        appendPrintable(out, kept[i].text, kUnrecognisedClip);
        out += '\n';
    }
}

void appendPauseTable(std::string& out, const model::RangeStats& st) {
    TextTable t({Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right,
                 Align::Right, Align::Right, Align::Right});
    t.addRow({"", "GCs", "pause total ms", "mean ms", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"});
    auto row = [&](const std::string& name, const model::PauseStats& p) {
        t.addRow({name, grouped(p.count), total(p), ms(p.mean_ms), ms(p.p50_ms), ms(p.p95_ms),
                  ms(p.p99_ms), ms(p.p999_ms), ms(p.max_ms)});
    };
    row("all", st.all);
    row("young", st.young);
    row("old", st.old);
    for (const auto& c : st.collectors) row("  " + c.name, c.pauses);
    t.append(out, "  ");
}

void appendReasons(std::string& out, const model::RangeStats& st) {
    if (st.reasons.empty()) return;
    constexpr size_t kShown = 8;
    out += "  causes:\n";
    TextTable t({Align::Left, Align::Right, Align::Right, Align::Right});
    t.addRow({"", "GCs", "pause total ms", "max ms"});
    for (size_t i = 0; i < st.reasons.size() && i < kShown; ++i) {
        const auto& r = st.reasons[i];
        std::string name;
        appendPrintable(name, r.reason.empty() ? std::string_view("(none printed)") : std::string_view(r.reason), 60);
        t.addRow({name, grouped(r.count), ms(r.total_ms), ms(r.max_ms)});
    }
    t.append(out, "    ");
    if (st.reasons.size() > kShown) out += "    … and " + std::to_string(st.reasons.size() - kShown) + " more\n";
}

std::string where(const parser::IsolateKey& key, const std::string& isolate_text) {
    return "pid " + pidText(key) + ", isolate " + isolateText(isolate_text, key.isolate_id);
}

void writeLiveSets(Output& out, const Summary& summary) {
    bool any = false;
    for (const auto& s : summary.sources)
        for (const auto& i : s.isolates) {
            const model::LiveSetTrend& t = i.stats.live_set;
            if (t.full_gcs < 2 || parser::isAbsent(t.slope_mb_per_min)) continue;
            if (!any) out.buffer() += "  live set (heap used after old-generation GCs):\n";
            any = true;
            std::string line = "    " + where(i.key, i.isolate_text) + ": ";
            if (t.slope_mb_per_min >= 0) line += '+';
            appendFixed(line, t.slope_mb_per_min, 2);
            line += " MB/min over " + std::to_string(t.full_gcs) + " full GCs (R² ";
            appendFixed(line, t.r2, 2);
            line += "), ";
            appendFixed(line, t.first_mb, 1);
            line += " → ";
            appendFixed(line, t.last_mb, 1);
            line += " MB\n";
            out.buffer() += line;
            out.maybeFlush();
        }
}

void appendOverall(std::string& out, const Summary& summary) {
    const size_t logs = summary.sources.size();
    const model::RangeStats& st = summary.overall;
    out += "overall: " + grouped(summary.gcRecords()) + " GC records in " +
           std::to_string(logs) + (logs == 1 ? " log, " : " logs, ") +
           std::to_string(summary.isolateCount()) +
           (summary.isolateCount() == 1 ? " isolate\n" : " isolates\n");
    if (!summary.range.isAll()) {
        out += "  range: ";
        out += std::isinf(summary.range.from_ms) ? std::string("start") : time(summary.range.from_ms) + " ms";
        out += " .. ";
        out += std::isinf(summary.range.to_ms) ? std::string("end") : time(summary.range.to_ms) + " ms";
        out += " (on each isolate's own clock)\n";
    }
    appendPauseTable(out, st);
    out += "  span: " + time(st.span_ms) + " ms (longest isolate; isolates have separate clocks)\n";
    out += "  GC overhead: " + percent(st.gc_overhead_pct) + "% of isolate time (" + ms(st.all.total_ms) +
           " ms paused in " + time(st.isolate_time_ms) + " ms)\n";
    if (st.between.count) {
        out += "  time between GCs: mean " + ms(st.between.mean_ms) + " ms, median " +
               time(st.between.p50_ms) + " ms, min " + time(st.between.min_ms) + " ms, max " +
               time(st.between.max_ms) + " ms\n";
    }
    if (!parser::isAbsent(st.footprint.max_committed_mb)) {
        std::string line = "  footprint: at most ";
        appendNumber(line, st.footprint.max_committed_mb);
        line += " MB committed, ";
        appendNumber(line, st.footprint.max_used_mb);
        line += " MB used\n";
        out += line;
    }
    appendReasons(out, st);
}

void writeDiagnosis(Output& out, const Summary& summary) {
    std::string& text = out.buffer();
    text += "\ndiagnosis:";
    if (summary.diagnosis.empty()) {
        text += " no sign of a leak, of GC pressure or of the heap limit\n";
        return;
    }
    text += '\n';
    for (const auto& f : summary.diagnosis) {
        text += "  ";
        text += model::severityName(f.finding.severity);
        text += ' ';
        text += model::findingKindName(f.finding.kind);
        text += " (";
        text += f.has_isolate ? where(f.key, f.isolate_text) + ", " : std::string();
        appendPrintable(text, displayName(f.source));
        text += "): ";
        appendPrintable(text, f.finding.message);
        text += '\n';
        out.maybeFlush();
    }
}

}  // namespace

void writeSummaryText(Output& out, const Summary& summary) {
    std::string& text = out.buffer();  // the same string throughout: flushing only empties it
    for (const auto& s : summary.sources) {
        appendPrintable(text, displayName(s.path));
        text += '\n';
        appendCounts(text, s);
        appendOoms(text, s);
        if (!s.error.empty()) {
            text += "  incomplete: ";
            appendPrintable(text, s.error);
            text += '\n';
        }
        writeIsolates(out, s);
        appendUnrecognised(text, s);
        text += '\n';
    }
    appendOverall(text, summary);
    writeLiveSets(out, summary);
    writeDiagnosis(out, summary);
}

}  // namespace gcscope::cli
