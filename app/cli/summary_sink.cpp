#include "summary_sink.hpp"

namespace gcscope::cli {

IsolateSummary& SummarySink::isolateFor(const parser::IsolateKey& key) {
    if (last_ != UINT32_MAX && s_.isolates[last_].key == key) return s_.isolates[last_];
    auto [it, inserted] = index_.try_emplace(key, uint32_t(s_.isolates.size()));
    if (inserted) {
        // Once per isolate, not per record: the text is built here and kept.
        IsolateSummary& iso = s_.isolates.emplace_back();
        iso.key = key;
        iso.isolate_text = key.isolateText();
    }
    last_ = it->second;
    return s_.isolates[last_];
}

void SummarySink::onGc(const parser::GcRecord& r) {
    IsolateSummary& iso = isolateFor(r.key);
    if (iso.key.isolate_id < 0) iso.key.isolate_id = r.key.isolate_id;
    (r.generation() == parser::Generation::Young ? iso.young : iso.old).add(r.pause_ms);
    const double t = r.time_ms;
    if (!parser::isAbsent(t)) {
        if (parser::isAbsent(iso.first_time_ms) || t < iso.first_time_ms) iso.first_time_ms = t;
        if (parser::isAbsent(iso.last_time_ms) || t > iso.last_time_ms) iso.last_time_ms = t;
    }
}

void SummarySink::onOom(const parser::OomMarker& m) {
    if (s_.ooms.size() >= SourceSummary::kMaxKeptOoms) return;
    OomSummary& o = s_.ooms.emplace_back();
    o.line = m.line;
    o.key = m.key;
    o.isolate_text = m.key.isolateText();
    o.time_ms = m.time_ms;
    o.kind = m.kind;
    o.message.assign(m.message);
}

}  // namespace gcscope::cli
