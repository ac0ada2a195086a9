#include <algorithm>

#include "json_writer.hpp"
#include "summary_report.hpp"

namespace gcscope::cli {
namespace {

void writePid(JsonWriter& w, const parser::IsolateKey& k) {
    if (k.known()) {
        w.integer(k.pid);
    } else {
        w.null();
    }
}

void writeTotals(JsonWriter& w, const PauseTotals& t) {
    w.beginObject();
    w.key("count").unsignedInteger(t.count);
    w.key("pause_total_ms").number(t.pause_total_ms);
    w.key("pause_max_ms").number(t.pause_max_ms);
    w.endObject();
}

void writeSource(JsonWriter& w, const SourceSummary& s) {
    const parser::ParseStats& st = s.stats;
    w.beginObject();
    w.key("path").string(s.path);
    w.key("bytes").unsignedInteger(st.bytes);
    w.key("lines").unsignedInteger(st.lines);
    w.key("record_lines").unsignedInteger(st.record_lines);
    w.key("known_lines").unsignedInteger(st.known_lines);
    w.key("unrecognised_lines").unsignedInteger(st.unrecognised_lines);
    w.key("overlong_lines").unsignedInteger(st.overlong_lines);
    w.key("gc_records").unsignedInteger(st.gc_records);
    w.key("duplicate_records").unsignedInteger(st.duplicate_records);
    w.key("heap_space_samples").unsignedInteger(st.heap_space_samples);
    w.key("oom_marker_count").unsignedInteger(st.oom_markers);
    w.key("oom_markers").beginArray();
    for (const auto& o : s.ooms) {
        w.beginObject();
        w.key("line").unsignedInteger(o.line);
        w.key("pid");
        writePid(w, o.key);
        w.key("isolate").stringOrNull(o.isolate_text);
        w.key("time_ms").number(o.time_ms);
        w.key("kind").string(parser::oomKindName(o.kind));
        w.key("message").string(o.message);
        w.endObject();
    }
    w.endArray();
    w.key("first_unrecognised").beginArray();
    const size_t shown = std::min(kShownUnrecognised, st.first_unrecognised.size());
    for (size_t i = 0; i < shown; ++i) {
        const auto& u = st.first_unrecognised[i];
        w.beginObject();
        w.key("line").unsignedInteger(u.line);
        w.key("text").string(clipUtf8(u.text, kUnrecognisedClip));
        w.endObject();
    }
    w.endArray();
    w.key("error").stringOrNull(s.error);
    w.endObject();
}

void writeIsolate(JsonWriter& w, const SourceSummary& s, const IsolateSummary& i) {
    w.beginObject();
    w.key("source").string(s.path);
    w.key("pid");
    writePid(w, i.key);
    w.key("isolate").stringOrNull(i.isolate_text);
    w.key("isolate_id");
    if (i.key.isolate_id >= 0) {
        w.integer(i.key.isolate_id);
    } else {
        w.null();
    }
    w.key("young");
    writeTotals(w, i.young);
    w.key("old");
    writeTotals(w, i.old);
    w.key("first_time_ms").number(i.first_time_ms);
    w.key("last_time_ms").number(i.last_time_ms);
    w.key("span_ms").number(i.spanMs());
    w.endObject();
}

}  // namespace

void appendSummaryJson(std::string& out, const Summary& summary) {
    JsonWriter w(out);
    w.beginObject();
    w.key("events").unsignedInteger(summary.gcRecords());
    w.key("sources").beginArray();
    for (const auto& s : summary.sources) writeSource(w, s);
    w.endArray();
    w.key("isolates").beginArray();
    for (const auto& s : summary.sources)
        for (const auto& i : s.isolates) writeIsolate(w, s, i);
    w.endArray();
    w.key("young");
    writeTotals(w, summary.young());
    w.key("old");
    writeTotals(w, summary.old());
    w.key("span_ms").number(summary.spanMs());
    w.endObject();
    out += '\n';
}

}  // namespace gcscope::cli
