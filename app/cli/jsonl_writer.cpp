#include "jsonl_writer.hpp"

#include "text_format.hpp"

namespace gcscope::cli {
namespace {

// Appends `,"key":` — the rows are flat, so plain appends beat a general JSON writer here.
inline void key(std::string& o, std::string_view k) {
    o += ",\"";
    o += k;
    o += "\":";
}

inline void number(std::string& o, std::string_view k, double v) {
    key(o, k);
    appendJsonNumber(o, v);
}

inline void textOrNull(std::string& o, std::string_view k, std::string_view v) {
    key(o, k);
    if (v.empty()) {
        o += "null";
    } else {
        appendJsonString(o, v);
    }
}

}  // namespace

void JsonlEventWriter::beginSource(std::string_view path) {
    source_json_.clear();
    appendJsonString(source_json_, path);
}

void JsonlEventWriter::write(const parser::GcRecord& r) {
    std::string& o = out_.buffer();
    o += "{\"source\":";
    o += source_json_;
    key(o, "line");
    appendUint(o, r.line);
    key(o, "pid");
    if (r.key.known()) {
        appendInt(o, r.key.pid);
    } else {
        o += "null";
    }
    textOrNull(o, "isolate", text_.isolate(r.key));
    number(o, "time_ms", r.time_ms);
    key(o, "generation");
    appendJsonString(o, parser::generationName(r.generation()));
    textOrNull(o, "collector", text_.collector(r));
    number(o, "pause_ms", r.pause_ms);
    number(o, "used_before_mb", r.used_before_mb);
    number(o, "committed_before_mb", r.committed_before_mb);
    number(o, "used_after_mb", r.used_after_mb);
    number(o, "committed_after_mb", r.committed_after_mb);
    textOrNull(o, "reason", r.reason);
    textOrNull(o, "collector_reason", r.collector_reason);
    number(o, "external_ms", r.external_ms);
    number(o, "pooled_mb", r.pooled_mb);
    number(o, "mu_average", r.mu_average);
    number(o, "mu_current", r.mu_current);
    number(o, "incremental_ms", r.incremental_ms);
    key(o, "form");
    appendJsonString(o, parser::recordFormName(r.form));
    key(o, "isolate_id");
    if (r.key.isolate_id >= 0) {
        appendInt(o, r.key.isolate_id);
    } else {
        o += "null";
    }
    o += "}\n";
    out_.maybeFlush();
}

}  // namespace gcscope::cli
