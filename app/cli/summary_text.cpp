#include <algorithm>

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

void appendIsolates(std::string& out, const SourceSummary& s) {
    if (s.isolates.empty()) return;
    TextTable t({Align::Right, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right,
                 Align::Right, Align::Right, Align::Right, Align::Right});
    t.addRow({"pid", "isolate", "young", "pause ms", "max ms", "old", "pause ms", "max ms",
              "first..last ms", "span ms"});
    for (const auto& i : s.isolates) {
        t.addRow({pidText(i.key), isolateText(i.isolate_text, i.key.isolate_id),
                  grouped(i.young.count), ms(i.young.count ? i.young.pause_total_ms : parser::kAbsent),
                  ms(i.young.pause_max_ms), grouped(i.old.count),
                  ms(i.old.count ? i.old.pause_total_ms : parser::kAbsent), ms(i.old.pause_max_ms),
                  time(i.first_time_ms) + ".." + time(i.last_time_ms), time(i.spanMs())});
    }
    out += '\n';
    t.append(out, "  ");
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

void appendOverall(std::string& out, const Summary& summary) {
    const size_t logs = summary.sources.size();
    out += "overall: " + grouped(summary.gcRecords()) + " GC records in " +
           std::to_string(logs) + (logs == 1 ? " log, " : " logs, ") +
           std::to_string(summary.isolateCount()) +
           (summary.isolateCount() == 1 ? " isolate\n" : " isolates\n");
    const PauseTotals young = summary.young(), old = summary.old();
    TextTable t({Align::Left, Align::Right, Align::Right, Align::Right});
    t.addRow({"", "GCs", "pause total ms", "max ms"});
    t.addRow({"young", grouped(young.count), ms(young.count ? young.pause_total_ms : parser::kAbsent),
              ms(young.pause_max_ms)});
    t.addRow({"old", grouped(old.count), ms(old.count ? old.pause_total_ms : parser::kAbsent),
              ms(old.pause_max_ms)});
    t.append(out, "  ");
    out += "  span: " + time(summary.spanMs()) + " ms (longest isolate; isolates have separate clocks)\n";
}

}  // namespace

void appendSummaryText(std::string& out, const Summary& summary) {
    for (const auto& s : summary.sources) {
        appendPrintable(out, displayName(s.path));
        out += '\n';
        appendCounts(out, s);
        appendOoms(out, s);
        if (!s.error.empty()) {
            out += "  incomplete: ";
            appendPrintable(out, s.error);
            out += '\n';
        }
        appendIsolates(out, s);
        appendUnrecognised(out, s);
        out += '\n';
    }
    appendOverall(out, summary);
}

}  // namespace gcscope::cli
