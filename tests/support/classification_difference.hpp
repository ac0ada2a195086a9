// Comparing two classifications of the same line (the hand-tuned common-line readers against the
// X3 grammar): shared by tests/parser/common_line_test.cpp and fuzz/fuzz_common_line.cpp.
#pragma once

#include <cmath>
#include <cstring>
#include <string>

#include "classified_chunk.hpp"

namespace gcscope::parser {

/// "" when `a` and `b` hold the same items, nvp fields and counts (string views compared by
/// their text, numbers bit for bit), else what differs first.
inline std::string classificationDifference(const ClassifiedChunk& a, const ClassifiedChunk& b) {
    auto sameNumber = [](double x, double y) {
        return (std::isnan(x) && std::isnan(y)) || std::memcmp(&x, &y, sizeof x) == 0;
    };
    auto sameKey = [](const IsolateKey& k, const IsolateKey& l) {
        return k == l && k.isolate_id == l.isolate_id && k.msvc_pointer == l.msvc_pointer;
    };
    if (a.items.size() != b.items.size() || a.nvp.size() != b.nvp.size() ||
        a.record_lines != b.record_lines || a.known_lines != b.known_lines ||
        a.unrecognised_lines != b.unrecognised_lines)
        return "item, nvp field or line counts differ";
    for (size_t i = 0; i < a.nvp.size(); ++i) {
        const NvpField &f = a.nvp[i], &g = b.nvp[i];
        if (f.key != g.key || f.text != g.text || !sameNumber(f.value, g.value) ||
            f.percent != g.percent)
            return "nvp field " + std::to_string(i) + ": " + std::string(f.key) + "=" +
                   std::string(f.text) + " vs " + std::string(g.key) + "=" + std::string(g.text);
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
        const ClassifiedItem &p = a.items[i], &q = b.items[i];
        if (p.line != q.line || p.prefixed != q.prefixed ||
            p.ring_buffer_cut != q.ring_buffer_cut || p.nvp_begin != q.nvp_begin ||
            p.nvp_count != q.nvp_count || p.payload.index() != q.payload.index())
            return "item " + std::to_string(i) + ": header or kind differs";
        if (const auto* s = std::get_if<HeapSpaceSample>(&p.payload)) {
            const auto& t = std::get<HeapSpaceSample>(q.payload);
            if (!sameKey(s->key, t.key) || s->space != t.space ||
                !sameNumber(s->used_kb, t.used_kb) ||
                !sameNumber(s->available_kb, t.available_kb) ||
                !sameNumber(s->committed_kb, t.committed_kb))
                return "item " + std::to_string(i) + ": heap-space sample differs";
        }
        const auto* x = std::get_if<GcRecord>(&p.payload);
        if (!x) continue;
        const auto& y = std::get<GcRecord>(q.payload);
        const double xs[] = {x->time_ms,
                             x->used_before_mb,
                             x->committed_before_mb,
                             x->used_after_mb,
                             x->committed_after_mb,
                             x->pooled_mb,
                             x->pause_ms,
                             x->external_ms,
                             x->incremental_ms,
                             x->incremental_steps,
                             x->incremental_biggest_step_ms,
                             x->incremental_walltime_ms,
                             x->mu_average,
                             x->mu_current};
        const double ys[] = {y.time_ms,
                             y.used_before_mb,
                             y.committed_before_mb,
                             y.used_after_mb,
                             y.committed_after_mb,
                             y.pooled_mb,
                             y.pause_ms,
                             y.external_ms,
                             y.incremental_ms,
                             y.incremental_steps,
                             y.incremental_biggest_step_ms,
                             y.incremental_walltime_ms,
                             y.mu_average,
                             y.mu_current};
        for (size_t k = 0; k < std::size(xs); ++k)
            if (!sameNumber(xs[k], ys[k]))
                return "item " + std::to_string(i) + ": number " + std::to_string(k) + ": " +
                       std::to_string(xs[k]) + " vs " + std::to_string(ys[k]);
        if (!sameKey(x->key, y.key) || x->line != y.line || x->type != y.type ||
            x->form != y.form || x->flags != y.flags || x->reason != y.reason ||
            x->collector_reason != y.collector_reason)
            return "item " + std::to_string(i) + ": key, type, flags or reasons differ: '" +
                   std::string(x->reason) + "' / '" + std::string(y.reason) + "', '" +
                   std::string(x->collector_reason) + "' / '" + std::string(y.collector_reason) +
                   "'";
    }
    return {};
}

}  // namespace gcscope::parser
