#include <algorithm>
#include <cmath>

#include "gcscope/model/range_stats.hpp"
#include "json_writer.hpp"
#include "summary_report.hpp"

namespace gcscope::cli {
namespace {

/// Computed figures (sums, means, rates) to 3 decimals: V8 prints pauses with at most 3, so a sum
/// of printed pauses is exact there, and 645.4499999999999 would only be float noise.
double r3(double v) { return std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : v; }

void writePid(JsonWriter& w, const parser::IsolateKey& k) {
    if (k.known()) {
        w.integer(k.pid);
    } else {
        w.null();
    }
}

void writeIsolateId(JsonWriter& w, int32_t id) {
    if (id >= 0) {
        w.integer(id);
    } else {
        w.null();
    }
}

void writePauses(JsonWriter& w, const model::PauseStats& p) {
    w.beginObject();
    w.key("count").unsignedInteger(p.count);
    w.key("pause_total_ms").number(r3(p.total_ms));
    w.key("pause_max_ms").number(p.max_ms);
    w.key("pause_mean_ms").number(r3(p.mean_ms));
    w.key("pause_p50_ms").number(p.p50_ms);
    w.key("pause_p90_ms").number(p.p90_ms);
    w.key("pause_p95_ms").number(p.p95_ms);
    w.key("pause_p99_ms").number(p.p99_ms);
    w.key("pause_p999_ms").number(p.p999_ms);
    w.endObject();
}

void writeGaps(JsonWriter& w, const model::GapStats& g) {
    w.beginObject();
    w.key("count").unsignedInteger(g.count);
    w.key("mean_ms").number(r3(g.mean_ms));
    w.key("min_ms").number(g.min_ms);
    w.key("p50_ms").number(g.p50_ms);
    w.key("max_ms").number(g.max_ms);
    w.endObject();
}

void writeCollectors(JsonWriter& w, const std::vector<model::CollectorStats>& collectors) {
    w.beginArray();
    for (const auto& c : collectors) {
        w.beginObject();
        w.key("collector").string(c.name);
        w.key("generation").string(parser::generationName(model::collectorGeneration(c.collector)));
        w.key("pauses");
        writePauses(w, c.pauses);
        w.endObject();
    }
    w.endArray();
}

void writeReasons(JsonWriter& w, const std::vector<model::ReasonStats>& reasons) {
    w.beginArray();
    for (const auto& r : reasons) {
        w.beginObject();
        w.key("reason").stringOrNull(r.reason);
        w.key("count").unsignedInteger(r.count);
        w.key("pause_total_ms").number(r3(r.total_ms));
        w.key("pause_max_ms").number(r.max_ms);
        w.endObject();
    }
    w.endArray();
}

void writeHistogram(JsonWriter& w, const model::PauseHistogram& h) {
    const auto upper = model::PauseHistogram::upperEdgesMs();
    w.beginArray();
    double lower = 0;
    for (size_t i = 0; i < upper.size(); ++i) {
        w.beginObject();
        w.key("from_ms").number(lower);
        w.key("to_ms").number(upper[i]);  // null for the open last bin
        w.key("count").unsignedInteger(h.counts[i]);
        w.endObject();
        lower = upper[i];
    }
    w.endArray();
}

void writeFootprint(JsonWriter& w, const model::Footprint& f) {
    w.beginObject();
    w.key("max_committed_mb").number(f.max_committed_mb);
    w.key("max_committed_at_ms").number(f.max_committed_at_ms);
    w.key("max_used_mb").number(f.max_used_mb);
    w.endObject();
}

void writeTrend(JsonWriter& w, const model::LiveSetTrend& t) {
    w.beginObject();
    w.key("full_gcs").unsignedInteger(t.full_gcs);
    w.key("slope_mb_per_min").number(r3(t.slope_mb_per_min));
    w.key("r2").number(r3(t.r2));
    w.key("first_mb").number(t.first_mb);
    w.key("last_mb").number(t.last_mb);
    w.key("first_ms").number(t.first_ms);
    w.key("last_ms").number(t.last_ms);
    w.endObject();
}

/// The statistics both an isolate and the whole summary have.
void writeStats(JsonWriter& w, const model::RangeStats& s) {
    w.key("all");
    writePauses(w, s.all);
    w.key("young");
    writePauses(w, s.young);
    w.key("old");
    writePauses(w, s.old);
    w.key("gc_overhead_pct").number(r3(s.gc_overhead_pct));
    w.key("time_between_gcs");
    writeGaps(w, s.between);
    w.key("collectors");
    writeCollectors(w, s.collectors);
    w.key("reasons");
    writeReasons(w, s.reasons);
    w.key("pause_histogram");
    writeHistogram(w, s.histogram);
    w.key("footprint");
    writeFootprint(w, s.footprint);
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
    writeIsolateId(w, i.key.isolate_id);
    w.key("events").unsignedInteger(i.stats.events);
    writeStats(w, i.stats);
    w.key("live_set_trend");
    writeTrend(w, i.stats.live_set);
    w.key("first_time_ms").number(i.stats.first_ms);
    w.key("last_time_ms").number(i.stats.last_ms);
    w.key("span_ms").number(i.stats.span_ms);
    w.endObject();
}

void writeFinding(JsonWriter& w, const FindingSummary& f) {
    w.beginObject();
    w.key("kind").string(model::findingKindName(f.finding.kind));
    w.key("severity").string(model::severityName(f.finding.severity));
    w.key("message").string(f.finding.message);
    w.key("source").string(f.source);
    w.key("pid");
    if (f.has_isolate) {
        writePid(w, f.key);
    } else {
        w.null();
    }
    w.key("isolate").stringOrNull(f.isolate_text);
    w.key("isolate_id");
    writeIsolateId(w, f.has_isolate ? f.key.isolate_id : -1);
    w.endObject();
}

}  // namespace

void writeSummaryJson(Output& out, const Summary& summary) {
    JsonWriter w(out.buffer());  // the same string throughout: flushing only empties it
    w.beginObject();
    w.key("events").unsignedInteger(summary.gcRecords());
    w.key("sources").beginArray();
    for (const auto& s : summary.sources) {
        writeSource(w, s);
        out.maybeFlush();
    }
    w.endArray();
    w.key("isolates").beginArray();
    for (const auto& s : summary.sources)
        for (const auto& i : s.isolates) {
            writeIsolate(w, s, i);
            out.maybeFlush();
        }
    w.endArray();
    w.key("range").beginObject();
    w.key("from_ms").number(std::isinf(summary.range.from_ms) ? parser::kAbsent : summary.range.from_ms);
    w.key("to_ms").number(std::isinf(summary.range.to_ms) ? parser::kAbsent : summary.range.to_ms);
    w.endObject();
    writeStats(w, summary.overall);
    w.key("isolate_time_ms").number(summary.overall.isolate_time_ms);
    w.key("diagnosis").beginArray();
    for (const auto& f : summary.diagnosis) {
        writeFinding(w, f);
        out.maybeFlush();
    }
    w.endArray();
    w.key("span_ms").number(summary.overall.span_ms);
    w.endObject();
    out.buffer() += '\n';
}

}  // namespace gcscope::cli
