// A sink that reads every field it is given (so the sanitizers see every view the parser hands
// out) and keeps a digest to compare two parses of the same bytes.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gcscope/parser/record_sink.hpp"

namespace gcscope::fuzz {

class DigestSink : public parser::RecordSink {
public:
    std::vector<uint64_t> digests;

    void onGc(const parser::GcRecord& r) override {
        uint64_t h = mix(0, uint64_t(r.line));
        h = mix(h, uint64_t(r.key.pid));
        h = mix(h, r.key.isolate);
        h = mix(h, bits(r.time_ms));
        h = mix(h, bits(r.pause_ms));
        h = mix(h, bits(r.used_before_mb) ^ bits(r.used_after_mb));
        h = mix(h, bits(r.committed_before_mb) ^ bits(r.committed_after_mb));
        h = mix(h, uint64_t(r.type) | uint64_t(r.flags) << 8 | uint64_t(r.form) << 24);
        h = mix(h, text(r.reason));
        h = mix(h, text(r.collector_reason));
        h = mix(h, text(r.collectorName()));
        h = mix(h, text(r.key.isolateText()));
        for (const parser::NvpField& f : r.nvp) h = mix(mix(h, text(f.key)), text(f.text) ^ bits(f.value));
        digests.push_back(h);
    }
    void onHeapSpace(const parser::HeapSpaceSample& s) override {
        digests.push_back(mix(mix(text(s.space), s.line), bits(s.used_kb) ^ bits(s.committed_kb)));
    }
    void onOom(const parser::OomMarker& m) override {
        digests.push_back(mix(mix(text(m.message), m.line), uint64_t(m.kind)));
    }
    void onUnrecognised(uint64_t line, std::string_view t) override {
        digests.push_back(mix(text(t), line));
    }

private:
    static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ (v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdull; }
    static uint64_t bits(double d) {
        if (std::isnan(d)) return 0x7ff8;  // NaN payloads may differ; all NaNs are "absent"
        uint64_t u;
        std::memcpy(&u, &d, 8);
        return u;
    }
    static uint64_t text(std::string_view s) {
        uint64_t h = s.size();
        for (unsigned char c : s) h = mix(h, c);
        return h;
    }
};

}  // namespace gcscope::fuzz
