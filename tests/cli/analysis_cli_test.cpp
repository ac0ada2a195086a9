// summary's statistics, --from/--to and diagnosis, and check's exit statuses, on the built
// gcscope-cli with small logs whose figures are computed by hand, and on the sample logs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace gcscope::cli::test {
namespace {

std::string scavenge(int t, const char* pause) {
    std::string ts = std::to_string(t);
    return "[100:0x1] " + std::string(8 - ts.size(), ' ') + ts + " ms: Scavenge 10.0 (20.0) -> 5.0 (20.0) MB, " +
           pause + " / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure; \n";
}
std::string markCompact(int t, const char* sizes, const char* pause, const char* modifier = "") {
    std::string ts = std::to_string(t);
    return "[100:0x1] " + std::string(8 - ts.size(), ' ') + ts + " ms: Mark-Compact" + modifier + " " + sizes +
           " MB, " + pause + " / 0.00 ms  (average mu = 0.900, current mu = 0.900) testing; GC in old space requested\n";
}

/// Pauses 1 2 10 3 20 4 ms at 100 200 300 400 500 1100 ms (the model's range_stats_test log).
std::string smallLog() {
    return scavenge(100, "1.00") + scavenge(200, "2.00") + markCompact(300, "30.0 (40.0) -> 12.0 (42.0)", "10.00") +
           scavenge(400, "3.00") + markCompact(500, "32.0 (41.0) -> 14.0 (38.0)", "20.00", " (reduce)") +
           scavenge(1100, "4.00");
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

class AnalysisCliTest : public ::testing::Test {
protected:
    TempDir dir_;
};

TEST_F(AnalysisCliTest, SummaryJsonHasTheIssueKeysWithHandComputedValues) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult r = runCli({"summary", "--json", log});
    ASSERT_EQ(r.status, 0) << r.err;
    std::string why;
    ASSERT_TRUE(isValidJson(r.out, &why)) << why;
    EXPECT_EQ(r.out.rfind("{\"events\":6,", 0), 0u) << r.out;
    // Top level, after the isolates: all / young / old, overhead, diagnosis, span.
    EXPECT_TRUE(contains(r.out,
                         "\"range\":{\"from_ms\":null,\"to_ms\":null},"
                         "\"all\":{\"count\":6,\"pause_total_ms\":40,\"pause_max_ms\":20,"
                         "\"pause_mean_ms\":6.667,\"pause_p50_ms\":3,\"pause_p90_ms\":20,"
                         "\"pause_p95_ms\":20,\"pause_p99_ms\":20,\"pause_p999_ms\":20},"
                         "\"young\":{\"count\":4,\"pause_total_ms\":10,\"pause_max_ms\":4,"
                         "\"pause_mean_ms\":2.5,\"pause_p50_ms\":2,\"pause_p90_ms\":4,"
                         "\"pause_p95_ms\":4,\"pause_p99_ms\":4,\"pause_p999_ms\":4},"
                         "\"old\":{\"count\":2,\"pause_total_ms\":30,\"pause_max_ms\":20,"
                         "\"pause_mean_ms\":15,\"pause_p50_ms\":10,\"pause_p90_ms\":20,"
                         "\"pause_p95_ms\":20,\"pause_p99_ms\":20,\"pause_p999_ms\":20},"
                         "\"gc_overhead_pct\":4,"
                         "\"time_between_gcs\":{\"count\":5,\"mean_ms\":200,\"min_ms\":100,"
                         "\"p50_ms\":100,\"max_ms\":600},"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"reasons\":[{\"reason\":\"testing\",\"count\":2,\"pause_total_ms\":30,"
                                "\"pause_max_ms\":20},{\"reason\":\"allocation failure\",\"count\":4,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"collectors\":[{\"collector\":\"Mark-Compact (reduce)\","
                                "\"generation\":\"old\",\"pauses\":{\"count\":1,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "{\"from_ms\":1,\"to_ms\":2,\"count\":1},{\"from_ms\":2,\"to_ms\":5,\"count\":3}"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"footprint\":{\"max_committed_mb\":42,\"max_committed_at_ms\":300,"
                                "\"max_used_mb\":32}"))
        << r.out;
    // Per isolate: the live-set trend, 12 -> 14 MB in 200 ms.
    EXPECT_TRUE(contains(r.out, "\"live_set_trend\":{\"full_gcs\":2,\"slope_mb_per_min\":600,\"r2\":1,"
                                "\"first_mb\":12,\"last_mb\":14,\"first_ms\":300,\"last_ms\":500}"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"isolate_time_ms\":1000,\"diagnosis\":[],\"span_ms\":1000}\n")) << r.out;
}

TEST_F(AnalysisCliTest, FromAndToSelectOnTheIsolatesClock) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult r = runCli({"summary", "--json", "--from", "150", "--to=450", log});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_TRUE(isValidJson(r.out));
    // 200 300 400: 2 + 10 + 3 ms over the 300 ms of the window.
    EXPECT_EQ(r.out.rfind("{\"events\":3,", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "\"range\":{\"from_ms\":150,\"to_ms\":450},\"all\":{\"count\":3,"
                                "\"pause_total_ms\":15,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"gc_overhead_pct\":5,")) << r.out;
    EXPECT_TRUE(r.out.ends_with(",\"span_ms\":300}\n")) << r.out;
    // The parse counts still describe the whole log.
    EXPECT_TRUE(contains(r.out, "\"gc_records\":6,")) << r.out;

    // Bounds are inclusive: [100, 100] is the first GC alone.
    RunResult one = runCli({"summary", "--json", "--from", "100", "--to", "100", log});
    EXPECT_EQ(one.out.rfind("{\"events\":1,", 0), 0u) << one.out;

    RunResult text = runCli({"summary", "--from", "150", "--to", "450", log});
    ASSERT_EQ(text.status, 0);
    EXPECT_TRUE(contains(text.out, "overall: 3 GC records in 1 log, 1 isolate\n")) << text.out;
    EXPECT_TRUE(contains(text.out, "  range: 150 ms .. 450 ms (on each isolate's own clock)\n")) << text.out;
    EXPECT_TRUE(contains(text.out, "  GC overhead: 5.0% of isolate time (15.00 ms paused in 300 ms)\n")) << text.out;
}

TEST_F(AnalysisCliTest, SummaryTextShowsPercentilesAndDiagnosis) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult r = runCli({"summary", log});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "GCs  pause total ms  mean ms  p50 ms  p95 ms  p99 ms  p99.9 ms  max ms\n"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "  time between GCs: mean 200.00 ms, median 100 ms, min 100 ms, max 600 ms\n"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\ndiagnosis: no sign of a leak, of GC pressure or of the heap limit\n"))
        << r.out;
}

TEST_F(AnalysisCliTest, SummaryDiagnosisOfSampleLogs) {
    const std::string dir = GCSCOPE_SAMPLE_LOGS_DIR;
    RunResult leak = runCli({"summary", "--json", dir + "/node22-leaky-handler-trace-gc.log"});
    ASSERT_EQ(leak.status, 0);
    EXPECT_TRUE(contains(leak.out,
                         "\"diagnosis\":[{\"kind\":\"leak\",\"severity\":\"critical\",\"message\":"
                         "\"live set grows 150.5 MB/min over 8 full GCs (R² 1.00): 9.2 → 83.3 MB "
                         "between 304 and 29357 ms\",\"source\":\"" + dir +
                         "/node22-leaky-handler-trace-gc.log\",\"pid\":"))
        << leak.out;

    RunResult oom = runCli({"summary", dir + "/node22-oom-trace-gc.log"});
    EXPECT_TRUE(contains(oom.out, "  critical near-heap-limit (pid ")) << oom.out;
    EXPECT_TRUE(contains(oom.out, "): out of memory (line 35): Ineffective mark-compacts near heap limit"))
        << oom.out;

    RunResult busy = runCli({"summary", "--json", dir + "/node22-busy-service-trace-gc.log"});
    EXPECT_TRUE(contains(busy.out, "\"diagnosis\":[]")) << busy.out;
}

// --- check -------------------------------------------------------------------------------------

TEST_F(AnalysisCliTest, CheckExitsZeroWhenEveryBoundHolds) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult r = runCli({"check", "--max-pause-p99", "20", "--max-pause", "20", "--max-overhead", "4",
                          "--no-leak", log});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "ok: all 4 bounds hold for 6 GC records in 1 isolate\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(AnalysisCliTest, CheckExitsOneAndSaysWhichBoundWasExceeded) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult r = runCli({"check", "--max-pause-p99", "3.5", "--max-pause", "15", "--max-overhead", "3.9", log});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.out,
              "pause p99 4 ms > 3.5 ms (young, pid 100, isolate 0x1, " + log + ")\n"
              "pause p99 20 ms > 3.5 ms (old, pid 100, isolate 0x1, " + log + ")\n"
              "pause max 20 ms > 15 ms (old, pid 100, isolate 0x1, " + log + ")\n"
              "gc overhead 4.0% > 3.9% (40.0 ms paused in 1000 ms, pid 100, isolate 0x1, " + log + ")\n");
    EXPECT_EQ(r.err, "");

    // --from/--to narrow what is checked: 100..200 ms has pauses 1 and 2 only.
    RunResult early = runCli({"check", "--max-pause", "15", "--from", "0", "--to", "200", log});
    EXPECT_EQ(early.status, 0) << early.out;
}

TEST_F(AnalysisCliTest, CheckNoLeakFailsOnALeakingLog) {
    const std::string dir = GCSCOPE_SAMPLE_LOGS_DIR;
    RunResult leak = runCli({"check", "--no-leak", dir + "/node22-leaky-handler-trace-gc.log"});
    EXPECT_EQ(leak.status, 1);
    EXPECT_EQ(leak.out.rfind("leak: live set grows 150.5 MB/min over 8 full GCs", 0), 0u) << leak.out;
    RunResult cache = runCli({"check", "--no-leak", dir + "/node22-cache-service-trace-gc.log"});
    EXPECT_EQ(cache.status, 0) << cache.out;
}

TEST_F(AnalysisCliTest, CheckUsageErrorsExitTwo) {
    const std::string log = dir_.write("small.log", smallLog());
    RunResult nan = runCli({"check", "--max-pause", "fast", log});
    EXPECT_EQ(nan.status, 2);
    EXPECT_EQ(nan.err,
              "gcscope-cli: option '--max-pause' needs a non-negative number (milliseconds), got "
              "'fast'\ntry 'gcscope-cli --help'\n");
    EXPECT_EQ(nan.out, "");

    RunResult unknown = runCli({"check", "--max-pauses", "5", log});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_TRUE(contains(unknown.err, "unknown option '--max-pauses'")) << unknown.err;

    RunResult none = runCli({"check", log});
    EXPECT_EQ(none.status, 2);

    // Nothing to check is not a pass.
    RunResult empty_range = runCli({"check", "--max-pause", "5", "--from", "5000", log});
    EXPECT_EQ(empty_range.status, 2);
    EXPECT_EQ(empty_range.err, "gcscope-cli: no GC record from 5000 ms: nothing to check\n");
    const std::string app = dir_.write("app.log", "listening on 3000\n");
    RunResult no_records = runCli({"check", "--max-pause", "5", app});
    EXPECT_EQ(no_records.status, 2);
    EXPECT_TRUE(contains(no_records.err, "no GC record found in")) << no_records.err;
}

TEST_F(AnalysisCliTest, ReportsOfThousandsOfIsolatesComeOutWholeAndInOrder) {
    // Both forms are written while they are produced, flushed every 64 KiB: hundreds of KiB here
    // must come out complete, in order, and the table aligned across the flushes.
    constexpr int kIsolates = 3000;
    std::string log;
    for (int p = 0; p < kIsolates; ++p) {
        const std::string pid = std::to_string(10000 + p);
        for (int t : {100, 200})
            log += "[" + pid + ":0x1]      " + std::to_string(t) +
                   " ms: Scavenge 10.0 (20.0) -> 5.0 (20.0) MB, 1.00 / 0.00 ms  allocation failure;\n";
    }
    const std::string path = dir_.write("many.log", log);

    RunResult json = runCli({"summary", "--json", path});
    ASSERT_EQ(json.status, 0) << json.err;
    ASSERT_GT(json.out.size(), size_t(4) << 16);
    std::string why;
    ASSERT_TRUE(isValidJson(json.out, &why)) << why;
    ASSERT_EQ(splitLines(json.out).size(), 1u);
    size_t at = 0;
    for (int p = 0; p < kIsolates; ++p) {
        at = json.out.find("\"pid\":" + std::to_string(10000 + p) + ",", at);
        ASSERT_NE(at, std::string::npos) << "isolate " << p << " missing or out of order";
    }

    RunResult text = runCli({"summary", path});
    ASSERT_EQ(text.status, 0) << text.err;
    ASSERT_GT(text.out.size(), size_t(2) << 16);
    const std::vector<std::string> lines = splitLines(text.out);
    size_t header = 0;
    while (header < lines.size() &&
           !(contains(lines[header], "pid") && contains(lines[header], "span ms")))
        ++header;
    ASSERT_LT(header + kIsolates, lines.size());
    for (int p = 0; p < kIsolates; ++p) {
        const std::string& row = lines[header + 1 + size_t(p)];
        ASSERT_EQ(row.rfind("  " + std::to_string(10000 + p) + "  ", 0), 0u) << row;
        ASSERT_EQ(row.size(), lines[header].size()) << row;  // right-aligned last column
    }
}

}  // namespace
}  // namespace gcscope::cli::test
