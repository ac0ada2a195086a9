// --trace-gc-verbose heap-space blocks and the out-of-memory report (formats file §3, §5).
#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

TEST(Verbose, HeapSpaceSamplesTakeTheTimeOfTheirIsolatesRecord) {
    Parsed p = parse(
        "[15368:0x102004600]     6314 ms: Scavenge 181.6 (213.4) -> 180.5 (224.4) MB, 7.3 / 0.0 ms "
        "[allocation failure].\n"
        "[15368:0x102004600] Memory allocator,   used: 229828 KB, available: 1236540 KB\n"
        "[15368:0x102004600] Old space,          used:  62965 KB, available:   6373 KB, committed: "
        " 70612 KB\n"
        "[15368:0x102004600] Code space,         used: 121458 KB, available:      0 KB, committed: "
        "129432KB\n"
        "[15368:0x102004600] New space,              used:   3903 KB, available:* 12216 KB, "
        "committed:  32768 KB\n"
        "[15368:0x102004600] Trusted large object space,     used:      0 KB, available:   1024 "
        "KB*, committed:      0 KB\n"
        "[15368:0x102004600] External memory reported:     16 KB\n"
        "[15368:0x102004600] Total time spent in GC  : 63.6 ms\n");
    ASSERT_EQ(p.sink.samples.size(), 5u);
    EXPECT_EQ(p.sink.samples[0].space_text, "Memory allocator");
    EXPECT_TRUE(isAbsent(p.sink.samples[0].committed_kb));
    EXPECT_EQ(p.sink.samples[1].space_text, "Old space");
    EXPECT_EQ(p.sink.samples[1].used_kb, 62965);
    EXPECT_EQ(p.sink.samples[1].available_kb, 6373);
    EXPECT_EQ(p.sink.samples[1].committed_kb, 70612);
    EXPECT_EQ(p.sink.samples[1].time_ms, 6314);
    EXPECT_EQ(p.sink.samples[1].line, 3u);
    EXPECT_EQ(p.sink.samples[2].committed_kb, 129432);
    EXPECT_EQ(p.sink.samples[3].available_kb, 12216);
    EXPECT_EQ(p.sink.samples[4].space_text, "Trusted large object space");
    EXPECT_EQ(p.stats.record_lines, 6u);
    EXPECT_EQ(p.stats.known_lines, 2u);
    EXPECT_EQ(p.stats.unrecognised_lines, 0u);
}

TEST(Verbose, AlinodeStartAndPromotionColumns) {
    Parsed p = parse(
        "[25830:0x4523210] New space,   start:  16111 KB, used:   1613 KB, available:  14498 KB, "
        "committed:  32768 KB, promoted:   1332 KB\n");
    ASSERT_EQ(p.sink.samples.size(), 1u);
    EXPECT_EQ(p.sink.samples[0].used_kb, 1613);
    EXPECT_EQ(p.sink.samples[0].committed_kb, 32768);
}

TEST(Oom, LastFewGcsRepeatsAreDroppedAndMarkersKeepTime) {
    Parsed p = parse(
        "[19:0x3c1997d0]     1600 ms: Scavenge 280.0 (323.6) -> 279.0 (323.6) MB, 1.5 / 0.0 ms  "
        "(average mu = 0.894, current mu = 0.852) allocation failure \n"
        "\n"
        "<--- Last few GCs --->\n"
        "\n"
        "[19:0x3c1997d0]     1600 ms: Scavenge 280.0 (323.6) -> 279.0 (323.6) MB, 1.5 / 0.0 ms  "
        "(average mu = 0.894, current mu = 0.852) allocation failure \n"
        "[19:0x3c1997d0]     1700 ms: Mark-sweep 289.3 (323.8) -> 280.0 (323.6) MB, 154.5 / 0.0 ms "
        " (average mu = 0.894, current mu = 0.852) allocation failure scavenge might not succeed\n"
        "\n"
        "<--- JS stacktrace --->\n"
        "\n"
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
        " 1: 0xb43378 node::Abort() [node]\n"
        "----- Native stack trace -----\n");
    ASSERT_EQ(p.sink.records.size(), 2u);
    EXPECT_EQ(p.stats.duplicate_records, 1u);
    EXPECT_FALSE(p.sink.records[0].has(kFromOomDump));
    EXPECT_TRUE(p.sink.records[1].has(kFromOomDump));
    EXPECT_EQ(p.sink.records[1].collector_reason_text, "scavenge might not succeed");
    ASSERT_EQ(p.sink.ooms.size(), 2u);
    EXPECT_EQ(p.sink.ooms[0].kind, OomMarker::Kind::LastFewGcs);
    EXPECT_EQ(p.sink.ooms[0].time_ms, 1600);
    EXPECT_EQ(p.sink.ooms[1].kind, OomMarker::Kind::FatalError);
    EXPECT_EQ(p.sink.ooms[1].message_text,
              "Reached heap limit Allocation failed - JavaScript heap out of memory");
    EXPECT_EQ(p.sink.ooms[1].time_ms, 1700);
    EXPECT_EQ(p.sink.ooms[1].key.pid, 19);
    EXPECT_EQ(p.stats.unrecognised_lines, 0u);
}

TEST(Oom, GluedEntriesCutAt255CharsAreSplitAndMarked) {
    // Verbatim from a Docker/Jest OOM (realworld 043): two ring-buffer entries cut at 255 chars.
    const std::string first =
        "[19:0x3c1997d0]     1700 ms: Mark-sweep 289.3 (323.8) -> 280.0 (323.6) MB, 154.5 / 0.0 ms "
        " (+ 0.3 ms in 115 "
        "steps since start of marking, biggest step 0.0 ms, walltime since start of marking 593 "
        "ms) (average mu = 0.894, "
        "current mu = 0.852) allocation fail";
    ASSERT_EQ(first.size(), 255u);
    Parsed p = parse("<--- Last few GCs --->\n\n" + first +
                     "[19:0x3c1997d0]     6134 ms: Mark-sweep 1819.4 (1857.4) -> 1818.5 (1857.4) "
                     "MB, 685.7 / 0.0 ms  (+ 0.0 "
                     "ms in 1 steps since start of marking, biggest step 0.0 ms, walltime since "
                     "start of marking 1165 ms) "
                     "(average mu = 0.852, current mu = 0.845) allocation f\n");
    ASSERT_EQ(p.sink.records.size(), 2u);
    EXPECT_EQ(p.sink.records[0].time_ms, 1700);
    EXPECT_EQ(p.sink.records[0].pause_ms, 154.5);
    EXPECT_EQ(p.sink.records[0].incremental_walltime_ms, 593);
    EXPECT_TRUE(p.sink.records[0].has(kTruncated));
    EXPECT_EQ(p.sink.records[0].reason_text, "");  // "allocation fail" is not a reason
    EXPECT_EQ(p.sink.records[1].time_ms, 6134);
    EXPECT_EQ(p.sink.records[1].mu_current, 0.845);
    EXPECT_EQ(p.stats.record_lines, 1u);
}

TEST(Oom, CutClauseIsTruncatedNotAReason) {
    auto r = parseOne(
        "[51708:0x150008000]   331617 ms: Mark-Compact (reduce) 4193.3 (4274.0) -> 4135.1 (4214.1) "
        "MB, pooled: 0 "
        "MB, 115.71 / 0.00 ms  (+ 0.0 ms in 0 steps since start of marking, biggest step 0.0 ms, "
        "walltime "
        "since start of marking 271 ms) (average mu = 0.800, cu");
    EXPECT_TRUE(r.has(kTruncated));
    EXPECT_EQ(r.reason_text, "");
    EXPECT_EQ(r.incremental_walltime_ms, 271);
    EXPECT_TRUE(isAbsent(r.mu_average));
}

TEST(Oom, RingBufferWithoutPrefixBelongsToTheLastIsolate) {
    Parsed p = parse(
        "[5:0xabc]   388000 ms: Scavenge 1270.0 (1434.6) -> 1269.0 (1434.6) MB, 5.0 / 0 ms "
        "[allocation failure].\n"
        "<--- Last few GCs --->\n"
        "  388968 ms: Mark-sweep 1273.2 (1434.6) -> 1273.1 (1434.6) MB, 546.0 / 0 ms [allocation "
        "failure] [GC in old space requested].\n"
        "  390010 ms: Mark-sweep 1273.1 (1434.6) -> 1273.1 (1434.6) MB, 515.9 / 0 ms [last resort "
        "gc].\n"
        "<--- JS stacktrace --->\n"
        "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory\n");
    ASSERT_EQ(p.sink.records.size(), 3u);
    EXPECT_EQ(p.sink.records[1].key.pid, 5);
    EXPECT_EQ(p.sink.records[1].key.isolate, 0xabcu);
    EXPECT_EQ(p.sink.records[1].pause_ms, 546.0);
    EXPECT_EQ(p.sink.records[2].reason_text, "last resort gc");
    EXPECT_EQ(p.sink.ooms.back().time_ms, 390010);
}

TEST(Oom, V8FatalJavaScriptOutOfMemoryBlocks) {
    Parsed p = parse(
        "#\n# Fatal JavaScript out of memory: Reached heap limit\n#\n# Fatal javascript OOM in "
        "MarkCompactCollector: young object promotion failed\n");
    ASSERT_EQ(p.sink.ooms.size(), 2u);
    EXPECT_EQ(p.sink.ooms[0].kind, OomMarker::Kind::FatalJavaScriptOom);
    EXPECT_EQ(p.sink.ooms[0].message_text, "Reached heap limit");
    EXPECT_EQ(p.sink.ooms[1].message_text, "MarkCompactCollector: young object promotion failed");
    EXPECT_EQ(p.stats.known_lines, 4u);
    EXPECT_EQ(p.sink.ooms[0].key.pid, IsolateKey::kUnknownPid);
}

}  // namespace
}  // namespace gcscope::testing
