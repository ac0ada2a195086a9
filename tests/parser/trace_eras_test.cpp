// One test per --trace-gc era of V8_GC_TRACE_FORMATS.md §2, on verbatim lines from §9 and §12.
#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

TEST(TraceEraA, PidOnlyPrefixExternalTimeBeforePauseBracketedReasons) {
    auto r = parseOne(
        "[4177]      227 ms: Mark-sweep 5.3 (42.0) -> 3.9 (43.0) MB, 7.3 ms [external memory "
        "allocation limit reached.] [GC in old space requested].");
    EXPECT_EQ(r.key.pid, 4177);
    EXPECT_EQ(r.key.isolate, 0u);
    EXPECT_EQ(r.time_ms, 227);
    EXPECT_EQ(r.type, GcType::MarkSweep);
    EXPECT_EQ(r.used_before_mb, 5.3);
    EXPECT_EQ(r.committed_before_mb, 42.0);
    EXPECT_EQ(r.used_after_mb, 3.9);
    EXPECT_EQ(r.committed_after_mb, 43.0);
    EXPECT_EQ(r.pause_ms, 7.3);
    EXPECT_EQ(r.external_ms, 0);
    EXPECT_EQ(r.reason_text, "external memory allocation limit reached.");
    EXPECT_EQ(r.collector_reason_text, "GC in old space requested");

    // "[%d / ]%.1f ms": in V8 <= 4.3 the external time comes first, and only when non-zero.
    auto ext = parseOne(
        "[4177]       35 ms: Scavenge 2.0 (41.0) -> 1.7 (41.0) MB, 12 / 0.8 ms [allocation "
        "failure].");
    EXPECT_EQ(ext.external_ms, 12);
    EXPECT_EQ(ext.pause_ms, 0.8);
    EXPECT_EQ(ext.generation(), Generation::Young);
}

TEST(TraceEraA, IncrementalClauseOfOldScavengeAndMarkSweep) {
    auto s = parseOne(
        "[15368:0x102004600]     8049 ms: Scavenge 406.0 (440.6) -> 404.3 (452.6) MB, "
        "5.9 / 0.0 ms (+ 6.4 ms in 42 steps since last GC) [allocation failure].");
    EXPECT_EQ(s.incremental_ms, 6.4);
    EXPECT_EQ(s.incremental_steps, 42);
    EXPECT_TRUE(isAbsent(s.incremental_biggest_step_ms));
    EXPECT_EQ(s.reason_text, "allocation failure");
    auto m = parseOne(
        "[88872]    90612 ms: Mark-sweep 1130.7 (1215.5) -> 1115.4 (1217.5) MB, 10.3 ms (+ 14.3 ms "
        "in 21 "
        "steps since start of marking, biggest step 3.5 ms) [GC interrupt] [GC in old space "
        "requested].");
    EXPECT_EQ(m.incremental_ms, 14.3);
    EXPECT_EQ(m.incremental_steps, 21);
    EXPECT_EQ(m.incremental_biggest_step_ms, 3.5);
    EXPECT_EQ(m.reason_text, "GC interrupt");
    EXPECT_EQ(m.collector_reason_text, "GC in old space requested");
}

TEST(TraceEraB, PidAndIsolatePrefix) {
    auto r = parseOne(
        "[4183:0x1331cb0]      108 ms: Scavenge 2.0 (38.0) -> 1.8 (38.0) MB, 1.9 ms [allocation "
        "failure].");
    EXPECT_EQ(r.key.pid, 4183);
    EXPECT_EQ(r.key.isolate, 0x1331cb0u);
    EXPECT_EQ(r.key.isolateText(), "0x1331cb0");
    EXPECT_EQ(r.pause_ms, 1.9);
    EXPECT_TRUE(isAbsent(r.external_ms));
}

TEST(TraceEraC, IntegerExternalTime) {
    auto r = parseOne(
        "[2921:0x283f5fb0]       54 ms: Scavenge 2.2 (38.0) -> 1.9 (38.0) MB, 3.7 / 0 ms "
        "[allocation failure].");
    EXPECT_EQ(r.pause_ms, 3.7);
    EXPECT_EQ(r.external_ms, 0);
    EXPECT_EQ(r.reason_text, "allocation failure");
    EXPECT_EQ(r.collector_reason_text, "");
}

TEST(TraceEraD, WindowsPointerWithoutHexPrefix) {
    auto r = parseOne(
        "[7824:000001C3A99505C0]    54060 ms: Mark-sweep 104.7 (147.8) -> 102.3 (147.8) MB, 105.5 "
        "/ 0.0 ms "
        "[Isolate::RequestGarbageCollection] [GC in old space requested].");
    EXPECT_EQ(r.key.pid, 7824);
    EXPECT_EQ(r.key.isolate, 0x000001C3A99505C0u);
    EXPECT_EQ(r.key.isolateText(), "000001C3A99505C0");
    EXPECT_EQ(r.reason_text, "Isolate::RequestGarbageCollection");
}

TEST(TraceEraE, NoBracketsReasonAndCollectorJoinedBySpace) {
    auto r = parseOne(
        "[65723:0x103800400]      150 ms: Scavenge 7.0 (11.8) -> 5.7 (12.3) MB, 1.7 / 0.0 ms  "
        "allocation failure ");
    EXPECT_EQ(r.reason_text, "allocation failure");
    EXPECT_EQ(r.collector_reason_text, "");
    auto m = parseOne(
        "[2927:0x1915ffd0]     1234 ms: Mark-sweep 10.1 (45.0) -> 3.8 (45.0) MB, 2.7 / 0.0 ms  (+ "
        "2.5 ms "
        "in 10 steps since start of marking, biggest step 0.6 ms, walltime since start of marking "
        "6 ms) "
        "finalize incremental marking via task GC in old space requested");
    EXPECT_EQ(m.incremental_walltime_ms, 6);
    EXPECT_EQ(m.reason_text, "finalize incremental marking via task");
    EXPECT_EQ(m.collector_reason_text, "GC in old space requested");
}

TEST(TraceEraF, MutatorUtilization) {
    auto r = parseOne(
        "[6218:0x10291f000]  1084810 ms: Mark-sweep 351.9 (356.0) -> 83.6 (129.3) MB, 1048.0 / "
        "925.8 ms  "
        "(+ 3.4 ms in 19 steps since start of marking, biggest step 1.1 ms, walltime since start "
        "of marking "
        "1133 ms) (average mu = 0.990, current mu = 0.990) finalize incremental marking via task "
        "GC in old "
        "space requested");
    EXPECT_EQ(r.pause_ms, 1048.0);
    EXPECT_EQ(r.external_ms, 925.8);
    EXPECT_EQ(r.incremental_ms, 3.4);
    EXPECT_EQ(r.incremental_walltime_ms, 1133);
    EXPECT_EQ(r.mu_average, 0.99);
    EXPECT_EQ(r.mu_current, 0.99);
    EXPECT_EQ(r.reason_text, "finalize incremental marking via task");
    EXPECT_EQ(r.collector_reason_text, "GC in old space requested");
    auto s = parseOne(
        "[18680:0x4290900]   123269 ms: Mark-sweep 4.9 (7.2) -> 3.9 (7.2) MB, 2.0 / 0.3 ms  "
        "(average mu "
        "= 1.000, current mu = 1.000) allocation failure scavenge might not succeed");
    EXPECT_EQ(s.reason_text, "allocation failure");
    EXPECT_EQ(s.collector_reason_text, "scavenge might not succeed");
}

TEST(TraceEraG, ReduceModifier) {
    auto r = parseOne(
        "[12264:0000021E08FE5E10]   193391 ms: Scavenge (reduce) 8084.8 (8097.8) -> 8084.8 "
        "(8098.8) MB, "
        "10.4 / 0.0 ms  (average mu = 0.793, current mu = 0.751) allocation failure");
    EXPECT_EQ(r.type, GcType::Scavenge);
    EXPECT_TRUE(r.has(kReduce));
    EXPECT_EQ(r.collectorName(), "Scavenge (reduce)");
    EXPECT_EQ(r.mu_current, 0.751);
    auto t = parseOne(
        "[6977:0x11151b000]     1882 ms: Scavenge 44.6 (66.6) -> 34.3 (66.6) MB, 0.9 / 0.0 ms  "
        "(average mu = "
        "0.967, current mu = 0.965) task ");
    EXPECT_EQ(t.reason_text, "task");
}

TEST(TraceEraH, SemicolonSeparatedReasonsAndSharedPrefix) {
    auto r = parseOne(
        "[398:0x58e8740]   191182 ms: Mark-sweep 949.5 (965.9) -> 948.3 (965.9) MB, 1464.6 / 0.0 "
        "ms  (average "
        "mu = 0.153, current mu = 0.005) allocation failure; scavenge might not succeed");
    EXPECT_EQ(r.reason_text, "allocation failure");
    EXPECT_EQ(r.collector_reason_text, "scavenge might not succeed");
    auto e = parseOne(
        "[1:0x1]       10 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.4 / 0.0 ms  (average mu = "
        "1.000, current "
        "mu = 1.000) allocation failure; ");
    EXPECT_EQ(e.reason_text, "allocation failure");
    EXPECT_EQ(e.collector_reason_text, "");
    auto s = parseOne(
        "[1:0x1]       10 ms: Shared Mark-sweep 1.0 (2.0) -> 0.5 (2.0) MB, 0.4 / 0.0 ms  "
        "allocation failure; ");
    EXPECT_TRUE(s.has(kShared));
    EXPECT_EQ(s.collectorName(), "Shared Mark-sweep");
}

TEST(TraceEraI, MarkCompactNameWithWrapperPrefix) {
    auto r = parseOne(
        "2023-11-11T10:29:44: [2269136:0x5b73ae0] 150446413 ms: Mark-Compact 2017.5 (2081.3) -> "
        "2015.2 "
        "(2081.3) MB, 361.1 / 0.0 ms  (average mu = 0.995, current mu = 0.458) allocation failure; "
        "scavenge "
        "might not succeed");
    EXPECT_EQ(r.type, GcType::MarkCompact);
    EXPECT_EQ(r.time_ms, 150446413);
    EXPECT_EQ(r.key.pid, 2269136);
}

TEST(TraceEraJ, TwoDecimalTimes) {
    auto r = parseOne(
        "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
        "MB, "
        "817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
        "space "
        "requested");
    EXPECT_EQ(r.pause_ms, 817.29);
    EXPECT_EQ(r.external_ms, 0);
    EXPECT_EQ(r.collectorName(), "Mark-Compact (reduce)");
    EXPECT_EQ(r.collector_reason_text, "GC in old space requested");
}

TEST(TraceEraK, PooledIntegerAndInterleaved) {
    auto r = parseOne(
        "2026-08-11T08:46:49.418855+00:00 app[web.1]: [31:0x257d6000]   333426 ms: Scavenge "
        "(interleaved) "
        "1883.2 (1894.9) -> 1879.8 (1913.7) MB, pooled: 0 MB, 5.92 / 0.00 ms  (average mu = 0.274, "
        "current "
        "mu = 0.238) allocation failure;");
    EXPECT_EQ(r.key.pid, 31);
    EXPECT_TRUE(r.has(kInterleaved));
    EXPECT_EQ(r.collectorName(), "Scavenge (interleaved)");
    EXPECT_EQ(r.pooled_mb, 0);
    EXPECT_EQ(r.pause_ms, 5.92);
    EXPECT_EQ(r.reason_text, "allocation failure");
}

TEST(TraceEraL, PooledDecimalDuringSweepingOneSpace) {
    auto r = parseOne(
        "[6904:0000029E16A50000]  1889696 ms: Scavenge (during sweeping) 2043.3 (2047.8) -> 2042.0 "
        "(2048.3) "
        "MB, pooled: 0.0 MB, 3.93 / 0.00 ms (average mu = 0.274, current mu = 0.258) allocation "
        "failure;");
    EXPECT_TRUE(r.has(kDuringSweeping));
    EXPECT_EQ(r.collectorName(), "Scavenge (during sweeping)");
    EXPECT_EQ(r.mu_average, 0.274);
    auto m = parseOne(
        "[57052:0x148420000]   506144 ms: Mark-Compact 8184.3 (8199.9) -> 8183.6 (8200.6) MB, "
        "pooled: 0.0 "
        "MB, 13201.46 / 0.00 ms (+ 363.9 ms in 61 steps since start of marking, biggest step 12.0 "
        "ms, "
        "walltime since start of marking 14000 ms) (average mu = 0.191, current mu = 0.012) "
        "allocation "
        "failure; scavenge might not succeed");
    EXPECT_EQ(m.pause_ms, 13201.46);
    EXPECT_EQ(m.incremental_ms, 363.9);
    EXPECT_EQ(m.incremental_steps, 61);
}

TEST(TraceEraLPrime, IncrementalMarkCompactAndMinorCollectors) {
    auto r = parseOne(
        "[15469:0x15503000]     2345 ms: Incremental Mark-Compact 40.1 (60.2) -> 20.3 (61.0) MB, "
        "pooled: "
        "0.0 MB, 2.31 / 0.00 ms (+ 5.1 ms in 12 steps since start of marking, biggest step 1.0 ms, "
        "walltime "
        "since start of marking 30 ms) (average mu = 0.900, current mu = 0.850) finalize "
        "incremental "
        "marking via task; GC in old space requested");
    EXPECT_EQ(r.type, GcType::IncrementalMarkCompact);
    EXPECT_EQ(r.generation(), Generation::Old);
    EXPECT_EQ(r.collectorName(), "Incremental Mark-Compact");
    for (auto [text, type] :
         {std::pair{"Minor Mark-Compact", GcType::MinorMarkCompact},
          std::pair{"Minor Mark-Sweep", GcType::MinorMarkSweep},
          std::pair{"Incremental Minor Mark-Sweep", GcType::IncrementalMinorMarkSweep}}) {
        auto m = parseOne(std::string("[1:0x2]  5 ms: ") + text +
                          " 1.0 (2.0) -> 0.5 (2.0) MB, pooled: 0.0 MB, 0.40 / 0.00 ms (average mu "
                          "= 1.000, current mu = 1.000) allocation failure; ");
        EXPECT_EQ(m.type, type) << text;
        EXPECT_EQ(m.generation(), Generation::Young) << text;
    }
}

TEST(TraceEraL, IsolateIdPrefixOfV8_14) {
    auto r = parseOne(
        "[14281:0x155c9000:3]       51 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, pooled: 0.0 MB, "
        "0.40 / 0.00 ms (average mu = 1.000, current mu = 1.000) task; ");
    EXPECT_EQ(r.key.pid, 14281);
    EXPECT_EQ(r.key.isolate, 0x155c9000u);
    EXPECT_EQ(r.key.isolate_id, 3);
}

}  // namespace
}  // namespace gcscope::testing
