#include "collecting_sink.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace gcscope::testing {

namespace {
bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}
}  // namespace

bool OwnedRecord::operator==(const OwnedRecord& o) const {
    return key == o.key && key.isolate_id == o.key.isolate_id && line == o.line &&
           same(time_ms, o.time_ms) && type == o.type && form == o.form && flags == o.flags &&
           same(used_before_mb, o.used_before_mb) &&
           same(committed_before_mb, o.committed_before_mb) &&
           same(used_after_mb, o.used_after_mb) && same(committed_after_mb, o.committed_after_mb) &&
           same(pooled_mb, o.pooled_mb) && same(pause_ms, o.pause_ms) &&
           same(external_ms, o.external_ms) && same(incremental_ms, o.incremental_ms) &&
           same(incremental_steps, o.incremental_steps) &&
           same(incremental_biggest_step_ms, o.incremental_biggest_step_ms) &&
           same(incremental_walltime_ms, o.incremental_walltime_ms) &&
           same(mu_average, o.mu_average) && same(mu_current, o.mu_current) &&
           reason_text == o.reason_text && collector_reason_text == o.collector_reason_text &&
           fields == o.fields;
}

void CollectingSink::onGc(const GcRecord& r) {
    OwnedRecord o;
    static_cast<GcRecord&>(o) = r;
    o.reason_text = std::string(r.reason);
    o.collector_reason_text = std::string(r.collector_reason);
    for (const NvpField& f : r.nvp) {
        o.fields.emplace_back(std::string(f.key), std::string(f.text));
        o.field_values.push_back(f.value);
    }
    // Views must not outlive the callback: drop them from the copy.
    o.reason = o.collector_reason = {};
    o.nvp = {};
    records.push_back(std::move(o));
}

void CollectingSink::onHeapSpace(const HeapSpaceSample& s) {
    OwnedSample o;
    static_cast<HeapSpaceSample&>(o) = s;
    o.space_text = std::string(s.space);
    o.space = {};
    samples.push_back(std::move(o));
}

void CollectingSink::onOom(const OomMarker& m) {
    OwnedOom o;
    static_cast<OomMarker&>(o) = m;
    o.message_text = std::string(m.message);
    o.message = {};
    ooms.push_back(std::move(o));
}

void CollectingSink::onUnrecognised(uint64_t line, std::string_view text) {
    unrecognised.emplace_back(line, std::string(text));
}

Parsed parse(std::string_view text, size_t chunk, StreamParserOptions options) {
    Parsed out;
    StreamParser parser(out.sink, options);
    if (chunk == 0) {
        parser.feed(text);
    } else {
        for (size_t i = 0; i < text.size(); i += chunk) parser.feed(text.substr(i, chunk));
    }
    parser.finish();
    out.stats = parser.stats();
    return out;
}

Parsed parseSplitAt(std::string_view text, size_t cut) {
    Parsed out;
    StreamParser parser(out.sink);
    parser.feed(text.substr(0, cut));
    parser.feed(text.substr(cut));
    parser.finish();
    out.stats = parser.stats();
    return out;
}

::testing::AssertionResult sameResult(const Parsed& a, const Parsed& b) {
    if (a.sink.records.size() != b.sink.records.size())
        return ::testing::AssertionFailure()
               << a.sink.records.size() << " vs " << b.sink.records.size() << " records";
    for (size_t i = 0; i < a.sink.records.size(); ++i)
        if (!(a.sink.records[i] == b.sink.records[i]))
            return ::testing::AssertionFailure()
                   << "record " << i << " (line " << a.sink.records[i].line << ") differs";
    if (a.sink.samples.size() != b.sink.samples.size())
        return ::testing::AssertionFailure() << "heap-space samples differ";
    if (a.sink.ooms.size() != b.sink.ooms.size())
        return ::testing::AssertionFailure() << "OOM markers differ";
    if (a.sink.unrecognised != b.sink.unrecognised)
        return ::testing::AssertionFailure() << "unrecognised lines differ";
    const ParseStats &x = a.stats, &y = b.stats;
    if (x.lines != y.lines || x.record_lines != y.record_lines || x.known_lines != y.known_lines ||
        x.unrecognised_lines != y.unrecognised_lines || x.duplicate_records != y.duplicate_records)
        return ::testing::AssertionFailure() << "line counts differ";
    return ::testing::AssertionSuccess();
}

OwnedRecord parseOne(std::string_view line) {
    Parsed p = parse(line);
    EXPECT_EQ(p.sink.records.size(), 1u) << "in: " << line;
    if (p.sink.records.empty()) return {};
    return p.sink.records.front();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace gcscope::testing
