// Every log in sample-logs/ (made by real Node binaries, scripts/make-sample-logs.sh) parses to the
// counts in tests/data/sample-logs.expected.tsv, with values spot-checked against the text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

const std::string kDir = GCSCOPE_SAMPLE_LOGS_DIR;

struct Expected {
    uint64_t lines, record_lines, known_lines, unrecognised_lines, gc_records, duplicates,
        heap_space_samples, oom_markers, isolates;
};

std::map<std::string, Expected> loadExpectations() {
    std::map<std::string, Expected> out;
    std::ifstream in(std::string(GCSCOPE_TEST_DATA_DIR) + "/sample-logs.expected.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream row(line);
        std::string file;
        Expected e{};
        row >> file >> e.lines >> e.record_lines >> e.known_lines >> e.unrecognised_lines >>
            e.gc_records >> e.duplicates >> e.heap_space_samples >> e.oom_markers >> e.isolates;
        out[file] = e;
    }
    return out;
}

Parsed parseSample(const std::string& name, size_t chunk = 0) {
    return parse(readFile(kDir + "/" + name), chunk);
}

TEST(SampleLogs, EveryLogHasExactExpectedCounts) {
    const auto expected = loadExpectations();
    size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
        if (entry.path().extension() != ".log") continue;
        const std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        auto it = expected.find(name);
        ASSERT_NE(it, expected.end())
            << "add " << name << " to tests/data/sample-logs.expected.tsv";
        const Expected& e = it->second;
        Parsed p = parseSample(name, 64 * 1024);
        EXPECT_EQ(p.stats.lines, e.lines);
        EXPECT_EQ(p.stats.record_lines, e.record_lines);
        EXPECT_EQ(p.stats.known_lines, e.known_lines);
        EXPECT_EQ(p.stats.unrecognised_lines, e.unrecognised_lines);
        EXPECT_EQ(p.stats.gc_records, e.gc_records);
        EXPECT_EQ(p.sink.records.size(), e.gc_records);
        EXPECT_EQ(p.stats.duplicate_records, e.duplicates);
        EXPECT_EQ(p.sink.samples.size(), e.heap_space_samples);
        EXPECT_EQ(p.sink.ooms.size(), e.oom_markers);
        std::set<std::pair<int64_t, uint64_t>> isolates;
        for (const auto& r : p.sink.records) isolates.insert({r.key.pid, r.key.isolate});
        EXPECT_EQ(isolates.size(), e.isolates);
        EXPECT_EQ(p.stats.lines,
                  p.stats.record_lines + p.stats.known_lines + p.stats.unrecognised_lines);
        // The only unrecognised lines are the workloads' own output ("churn done: …").
        for (const auto& u : p.stats.first_unrecognised)
            EXPECT_NE(u.text.find(" done"), std::string::npos) << u.text;
        ++checked;
    }
    EXPECT_EQ(checked, expected.size()) << "expectations for logs that no longer exist";
    EXPECT_GE(checked, 40u);
}

TEST(SampleLogs, Node4ChurnFirstRecord) {
    // [7763:0xd7e2fe0]       23 ms: Scavenge 2.2 (38.0) -> 1.9 (38.0) MB, 0.7 / 0 ms [allocation
    // failure].
    Parsed p = parseSample("node4-churn-trace-gc.log");
    const auto& r = p.sink.records.at(0);
    EXPECT_EQ(r.key.pid, 7763);
    EXPECT_EQ(r.key.isolate, 0xd7e2fe0u);
    EXPECT_EQ(r.time_ms, 23);
    EXPECT_EQ(r.used_before_mb, 2.2);
    EXPECT_EQ(r.committed_before_mb, 38.0);
    EXPECT_EQ(r.used_after_mb, 1.9);
    EXPECT_EQ(r.pause_ms, 0.7);
    EXPECT_EQ(r.external_ms, 0);
    EXPECT_EQ(r.reason_text, "allocation failure");
}

TEST(SampleLogs, Node4OomRingBufferHasNoPrefixAndRepeatsAreDropped) {
    Parsed p = parseSample("node4-oom-trace-gc.log");
    const auto& last = p.sink.records.back();
    // "     790 ms: Mark-sweep 30.2 (67.0) -> 30.2 (67.0) MB, 12.3 / 0 ms [last resort gc]."
    EXPECT_EQ(last.time_ms, 790);
    EXPECT_EQ(last.pause_ms, 12.3);
    EXPECT_EQ(last.reason_text, "last resort gc");
    EXPECT_EQ(last.key.pid, 7820);  // attributed to the only isolate of the log
    EXPECT_EQ(p.sink.ooms.back().kind, OomMarker::Kind::FatalError);
    EXPECT_EQ(p.sink.ooms.back().message_text,
              "CALL_AND_RETRY_LAST Allocation failed - process out of memory");
    EXPECT_EQ(p.sink.ooms.back().time_ms, 790);
}

TEST(SampleLogs, Node22LeakLastMarkCompact) {
    // [8660:0x3b1ed000]     2212 ms: Mark-Compact 110.3 (130.2) -> 72.0 (132.7) MB, pooled: 0
    // MB, 68.01 / 0.00 ms
    //   (average mu = 0.772, current mu = 0.748) testing; GC in old space requested
    Parsed p = parseSample("node22-leak-trace-gc.log");
    const OwnedRecord* last = nullptr;
    for (const auto& r : p.sink.records)
        if (r.type == GcType::MarkCompact) last = &r;
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->line, 101u);
    EXPECT_EQ(last->time_ms, 2212);
    EXPECT_EQ(last->used_after_mb, 72.0);
    EXPECT_EQ(last->committed_after_mb, 132.7);
    EXPECT_EQ(last->pooled_mb, 0);
    EXPECT_EQ(last->pause_ms, 68.01);
    EXPECT_EQ(last->mu_current, 0.748);
    EXPECT_EQ(last->reason_text, "testing");
    EXPECT_EQ(last->collector_reason_text, "GC in old space requested");
}

TEST(SampleLogs, Node26WorkersNvpJsonIsolatesAndIds) {
    Parsed p = parseSample("node26-workers-trace-gc-nvp.log");
    const auto& first = p.sink.records.at(0);
    EXPECT_EQ(first.form, RecordForm::NvpJson);
    EXPECT_EQ(first.key.pid, 9043);
    EXPECT_EQ(first.key.isolate_id, 0);
    EXPECT_EQ(first.pause_ms, 7.289);
    EXPECT_EQ(first.field("mutator"), 26.712);
    EXPECT_EQ(first.reason_text, "allocation failure");
    std::set<int32_t> ids;
    for (const auto& r : p.sink.records) ids.insert(r.key.isolate_id);
    EXPECT_EQ(ids, (std::set<int32_t>{0, 1, 2}));
}

TEST(SampleLogs, VerboseBlocksBecomeHeapSpaceSamples) {
    Parsed p = parseSample("node12-churn-trace-gc-verbose.log");
    ASSERT_FALSE(p.sink.samples.empty());
    std::set<std::string> spaces;
    for (const auto& s : p.sink.samples) {
        spaces.insert(s.space_text);
        EXPECT_FALSE(isAbsent(s.time_ms)) << s.space_text << " line " << s.line;
    }
    for (const char* space : {"Memory allocator", "New space", "Old space", "Code space",
                              "Large object space", "All spaces"})
        EXPECT_TRUE(spaces.count(space)) << space;
}

// The incremental API on real logs: every split point gives what the whole file gives.
TEST(SampleLogs, EveryByteSplitOfRealLogsGivesTheSameEvents) {
    for (const char* name :
         {"node20-oom-trace-gc.log", "node4-oom-none.log", "node20-oom-none.log"}) {
        const std::string text = readFile(kDir + "/" + name);
        Parsed whole = parse(text);
        for (size_t cut = 0; cut <= text.size(); ++cut)
            ASSERT_TRUE(sameResult(whole, parseSplitAt(text, cut))) << name << " cut at " << cut;
    }
}

}  // namespace
}  // namespace gcscope::testing
