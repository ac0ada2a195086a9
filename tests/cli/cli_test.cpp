// End-to-end tests: the built gcscope-cli run on small logs made of real V8 lines
// (V8_GC_TRACE_FORMATS.md section 9).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace gcscope::cli::test {
namespace {

// Era A (io.js): "[pid]" prefix only, bracketed reasons.
const std::string kScavengeA =
    "[4177]       35 ms: Scavenge 2.0 (41.0) -> 1.7 (41.0) MB, 0.8 ms [allocation failure].";
const std::string kMarkSweepA =
    "[4177]      227 ms: Mark-sweep 5.3 (42.0) -> 3.9 (43.0) MB, 7.3 ms [external memory "
    "allocation limit reached.] [GC in old space requested].";
// Era J (Node 20).
const std::string kMarkCompactJ =
    "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
    "MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
    "space requested";
// --trace-gc-nvp (Node 6 era keys): sizes in bytes.
const std::string kNvp =
    "[51548:0x102004600]     3912 ms: pause=2.4 mutator=383.5 gc=s reduce_memory=0 "
    "scavenge=2.18 old_new=0.12 total_size_before=2621440 total_size_after=1048576 "
    "holes_size_before=0 holes_size_after=0 allocated=1572864 promoted=0";
const std::string kAppOutput = "Server listening on port 3000, \"ready\"";

const std::string kHeader =
    "source,line,pid,isolate,time_ms,generation,collector,pause_ms,used_before_mb,"
    "committed_before_mb,used_after_mb,committed_after_mb,reason,collector_reason,external_ms,"
    "pooled_mb,mu_average,mu_current,incremental_ms,form,isolate_id";

enum Col {
    kSource, kLine, kPid, kIsolate, kTime, kGeneration, kCollector, kPause, kUsedBefore,
    kCommittedBefore, kUsedAfter, kCommittedAfter, kReason, kCollectorReason, kExternal,
    kPooled, kMuAverage, kMuCurrent, kIncremental, kForm, kIsolateId, kColumnCount
};

std::string lines(std::initializer_list<std::string> ls) {
    std::string s;
    for (const auto& l : ls) s += l + "\n";
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

class CliTest : public ::testing::Test {
protected:
    TempDir dir_;
};

// --- options --------------------------------------------------------------------------------

TEST_F(CliTest, VersionPrintsProjectVersion) {
    RunResult r = runCli({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "gcscope-cli " GCSCOPE_VERSION "\n");
    EXPECT_EQ(GCSCOPE_VERSION, std::string("0.1.0"));
}

TEST_F(CliTest, HelpDescribesCommandsAndExitStatus) {
    RunResult r = runCli({"--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind("usage: gcscope-cli COMMAND", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "events [--format csv|jsonl] LOG..."));
    EXPECT_TRUE(contains(r.out, "summary [--json] [--from MS] [--to MS] LOG..."));
    EXPECT_TRUE(contains(r.out, "check [--max-pause-p99 MS] [--max-pause MS] [--max-overhead PCT] [--no-leak]"));
    EXPECT_TRUE(contains(r.out, "exit status:"));
    EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, UnknownOptionIsUsageErrorWithHint) {
    std::string log = dir_.write("a.log", lines({kScavengeA}));
    RunResult r = runCli({"events", "--bogus", log});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "gcscope-cli: unknown option '--bogus'\ntry 'gcscope-cli --help'\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, UnknownCommandAndMissingLogAreUsageErrors) {
    RunResult unknown = runCli({"plot", "x.log"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_TRUE(contains(unknown.err, "unknown command 'plot'")) << unknown.err;

    RunResult missing = runCli({"summary"});
    EXPECT_EQ(missing.status, 2);
    EXPECT_TRUE(contains(missing.err, "missing LOG")) << missing.err;

    RunResult nothing = runCli({});
    EXPECT_EQ(nothing.status, 2);
    EXPECT_TRUE(contains(nothing.err, "try 'gcscope-cli --help'")) << nothing.err;

    RunResult bad_format = runCli({"events", "--format", "xml", "x.log"});
    EXPECT_EQ(bad_format.status, 2);
    EXPECT_TRUE(contains(bad_format.err, "unknown format 'xml'")) << bad_format.err;
}

// --- events, CSV ------------------------------------------------------------------------------

TEST_F(CliTest, EventsCsvHasExactHeaderAndValues) {
    std::string log = dir_.write("app.log", lines({kScavengeA, kAppOutput, kMarkCompactJ}));
    RunResult r = runCli({"events", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 3u) << r.out;
    EXPECT_EQ(rows[0], kHeader);

    auto a = splitCsv(rows[1]);
    ASSERT_EQ(a.size(), size_t(kColumnCount)) << rows[1];
    EXPECT_EQ(a[kSource], log);
    EXPECT_EQ(a[kLine], "1");
    EXPECT_EQ(a[kPid], "4177");
    EXPECT_EQ(a[kIsolate], "");
    EXPECT_EQ(a[kTime], "35");
    EXPECT_EQ(a[kGeneration], "young");
    EXPECT_EQ(a[kCollector], "Scavenge");
    EXPECT_EQ(a[kPause], "0.8");
    EXPECT_EQ(a[kUsedBefore], "2");
    EXPECT_EQ(a[kCommittedBefore], "41");
    EXPECT_EQ(a[kUsedAfter], "1.7");
    EXPECT_EQ(a[kCommittedAfter], "41");
    EXPECT_EQ(a[kReason], "allocation failure");
    EXPECT_EQ(a[kMuAverage], "");  // absent before V8 ~6.6: an empty field, never "nan"
    EXPECT_EQ(a[kForm], "trace");
    EXPECT_EQ(a[kIsolateId], "");

    auto j = splitCsv(rows[2]);
    ASSERT_EQ(j.size(), size_t(kColumnCount)) << rows[2];
    EXPECT_EQ(j[kLine], "3");
    EXPECT_EQ(j[kPid], "6650");
    EXPECT_EQ(j[kIsolate], "0x140008000");
    EXPECT_EQ(j[kTime], "28117");
    EXPECT_EQ(j[kGeneration], "old");
    EXPECT_EQ(j[kCollector], "Mark-Compact (reduce)");
    EXPECT_EQ(j[kPause], "817.29");
    EXPECT_EQ(j[kUsedBefore], "2034.1");
    EXPECT_EQ(j[kCommittedBefore], "2085.4");
    EXPECT_EQ(j[kUsedAfter], "2034.1");
    EXPECT_EQ(j[kCommittedAfter], "2085.7");
    EXPECT_EQ(j[kReason], "allocation failure");
    EXPECT_EQ(j[kCollectorReason], "GC in old space requested");
    EXPECT_EQ(j[kMuAverage], "0.197");
    EXPECT_EQ(j[kMuCurrent], "0.122");
    EXPECT_EQ(j[kPooled], "");
    EXPECT_EQ(j[kForm], "trace");
}

TEST_F(CliTest, EventsCsvRowIsExactlyThisText) {
    std::string log = dir_.write("j.log", lines({kMarkCompactJ}));
    RunResult r = runCli({"events", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 2u);
    // Everything up to `reason`, byte for byte: shortest round-trip numbers, no padding.
    EXPECT_EQ(rows[1].rfind(log +
                                ",1,6650,0x140008000,28117,old,Mark-Compact (reduce),817.29,2034.1,"
                                "2085.4,2034.1,2085.7,allocation failure,GC in old space requested,",
                            0),
              0u)
        << rows[1];
}

TEST_F(CliTest, NvpSizesComeFromTotalSizeBeforeAfterInMiB) {
    std::string log = dir_.write("nvp.log", lines({kNvp}));
    RunResult r = runCli({"events", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    auto f = splitCsv(rows[1]);
    ASSERT_EQ(f.size(), size_t(kColumnCount));
    EXPECT_EQ(f[kPid], "51548");
    EXPECT_EQ(f[kIsolate], "0x102004600");
    EXPECT_EQ(f[kTime], "3912");
    EXPECT_EQ(f[kGeneration], "young");
    EXPECT_EQ(f[kCollector], "Scavenge");
    EXPECT_EQ(f[kPause], "2.4");
    EXPECT_EQ(f[kUsedBefore], "2.5");  // 2621440 bytes
    EXPECT_EQ(f[kUsedAfter], "1");     // 1048576 bytes
    EXPECT_EQ(f[kCommittedBefore], "");
    EXPECT_EQ(f[kForm], "nvp");
}

TEST_F(CliTest, SourceFieldIsCsvQuotedWhenThePathNeedsIt) {
    std::string log = dir_.write("a,\"b\".log", lines({kScavengeA}));
    RunResult r = runCli({"events", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 2u);
    std::string quoted = "\"" + dir_.path() + "/a,\"\"b\"\".log\"";
    EXPECT_EQ(rows[1].rfind(quoted + ",1,4177,", 0), 0u) << rows[1];
    EXPECT_EQ(splitCsv(rows[1])[kSource], log);
}

TEST_F(CliTest, SeveralLogsKeepFileThenInputOrder) {
    std::string a = dir_.write("a.log", lines({kScavengeA, kMarkSweepA}));
    std::string b = dir_.write("b.log", lines({kMarkCompactJ}));
    RunResult r = runCli({"events", b, a});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(splitCsv(rows[1])[kSource], b);
    EXPECT_EQ(splitCsv(rows[2])[kSource], a);
    EXPECT_EQ(splitCsv(rows[2])[kLine], "1");
    EXPECT_EQ(splitCsv(rows[3])[kLine], "2");
    EXPECT_EQ(splitCsv(rows[3])[kCollector], "Mark-sweep");
    EXPECT_EQ(splitCsv(rows[3])[kPause], "7.3");
}

// --- events, JSONL ----------------------------------------------------------------------------

TEST_F(CliTest, EventsJsonlIsOneValidObjectPerRecord) {
    std::string log = dir_.write("app.log", lines({kScavengeA, kAppOutput, kMarkCompactJ, kNvp}));
    RunResult r = runCli({"events", "--format", "jsonl", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 3u) << r.out;
    for (const auto& row : rows) {
        std::string why;
        EXPECT_TRUE(isValidJson(row, &why)) << why << "\n" << row;
    }
    EXPECT_EQ(rows[0].rfind("{\"source\":\"" + log + "\",\"line\":1,\"pid\":4177,\"isolate\":null,"
                            "\"time_ms\":35,\"generation\":\"young\",\"collector\":\"Scavenge\","
                            "\"pause_ms\":0.8,\"used_before_mb\":2,",
                            0),
              0u)
        << rows[0];
    EXPECT_TRUE(contains(rows[0], "\"mu_average\":null")) << rows[0];
    EXPECT_TRUE(contains(rows[0], "\"isolate_id\":null}")) << rows[0];

    const std::string& j = rows[1];
    EXPECT_TRUE(contains(j, "\"line\":3,\"pid\":6650,\"isolate\":\"0x140008000\"")) << j;
    EXPECT_TRUE(contains(j, "\"generation\":\"old\",\"collector\":\"Mark-Compact (reduce)\"")) << j;
    EXPECT_TRUE(contains(j, "\"pause_ms\":817.29,")) << j;
    EXPECT_TRUE(contains(j, "\"reason\":\"allocation failure\"")) << j;
    EXPECT_TRUE(contains(j, "\"collector_reason\":\"GC in old space requested\"")) << j;
    EXPECT_TRUE(contains(j, "\"mu_average\":0.197,\"mu_current\":0.122,")) << j;
    EXPECT_TRUE(contains(j, "\"form\":\"trace\"")) << j;

    EXPECT_TRUE(contains(rows[2], "\"used_before_mb\":2.5,\"committed_before_mb\":null,"
                                  "\"used_after_mb\":1,"))
        << rows[2];
    EXPECT_TRUE(contains(rows[2], "\"form\":\"nvp\"")) << rows[2];
}

TEST_F(CliTest, JsonlStaysValidUtf8WhateverThePathHolds) {
    // A file name with a control character and a byte that is not UTF-8.
    std::string log = dir_.write("bad\x01\xff.log", lines({kScavengeA}));
    RunResult r = runCli({"events", "--format=jsonl", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 1u);
    std::string why;
    EXPECT_TRUE(isValidJson(rows[0], &why)) << why;
    EXPECT_TRUE(contains(rows[0], "/bad\\u0001\xEF\xBF\xBD.log\"")) << rows[0];
}

TEST_F(CliTest, IsolateIdOfV8FourteenPrefixIsPrinted) {
    // Node 24 nvp line with the three-part "[pid:isolate:id]" prefix.
    std::string log = dir_.write(
        "n24.log", lines({"[14281:0x155c9000:0]       51 ms: pause=5.7 mutator=26.2 gc=s "
                          "reduce_memory=0 total_size_before=4194304 total_size_after=3145728"}));
    RunResult r = runCli({"events", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    auto f = splitCsv(rows[1]);
    EXPECT_EQ(f[kPid], "14281");
    EXPECT_EQ(f[kIsolate], "0x155c9000");
    EXPECT_EQ(f[kIsolateId], "0");
    EXPECT_EQ(f[kUsedBefore], "4");
    EXPECT_EQ(f[kUsedAfter], "3");

    RunResult js = runCli({"events", "--format", "jsonl", log});
    EXPECT_TRUE(contains(js.out, "\"isolate_id\":0}")) << js.out;
}

// --- inputs -----------------------------------------------------------------------------------

TEST_F(CliTest, GzipLogGivesTheSameRowsAsThePlainOne) {
    std::string text = lines({kScavengeA, kAppOutput, kMarkCompactJ});
    std::string plain = dir_.write("app.log", text);
    std::string gz = dir_.writeGzip("app.log.1", text);  // detected by content, not name
    RunResult p = runCli({"events", plain});
    RunResult g = runCli({"events", gz});
    ASSERT_EQ(g.status, 0) << g.err;
    auto prow = splitLines(p.out), grow = splitLines(g.out);
    ASSERT_EQ(grow.size(), 3u);
    for (size_t i = 1; i < grow.size(); ++i) {
        EXPECT_EQ(grow[i].substr(gz.size()), prow[i].substr(plain.size()));
    }
}

TEST_F(CliTest, TruncatedGzipPrintsWhatWasReadAndExitsTwo) {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += "[4177]  " + std::to_string(1000 + i) + " ms: Scavenge " + std::to_string(i % 97) +
                ".5 (41.0) -> 1.7 (41.0) MB, 0.8 ms [allocation failure].\n";
    }
    std::string whole = readFile(dir_.writeGzip("whole.gz", text));
    std::string cut = dir_.write("cut.gz", whole.substr(0, whole.size() / 2));
    RunResult r = runCli({"events", cut});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.err, "gcscope-cli: " + cut + ": gzip data is corrupt after")) << r.err;
    size_t rows = splitLines(r.out).size();
    EXPECT_GT(rows, 2000u);
    EXPECT_LT(rows, 20001u);
}

TEST_F(CliTest, StdinIsReadForDashAndNamedDash) {
    std::string log = dir_.write("in.log", lines({kMarkCompactJ}));
    RunResult r = runCli({"events", "-"}, log);
    ASSERT_EQ(r.status, 0) << r.err;
    auto rows = splitLines(r.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].rfind("-,1,6650,0x140008000,28117,old,", 0), 0u) << rows[1];
}

TEST_F(CliTest, GzipOnStdin) {
    std::string gz = dir_.writeGzip("in.gz", lines({kScavengeA, kMarkSweepA}));
    RunResult r = runCli({"summary", "--json", "-"}, gz);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "{\"events\":2,\"sources\":[{\"path\":\"-\",")) << r.out;
}

TEST_F(CliTest, StdinTwiceIsRefused) {
    RunResult r = runCli({"events", "-", "-"});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.err, "only once")) << r.err;
}

// --- exit status ------------------------------------------------------------------------------

TEST_F(CliTest, LogWithoutAnyRecordExitsOne) {
    std::string log = dir_.write("app.log", lines({kAppOutput, "listening"}));
    RunResult r = runCli({"summary", log});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "gcscope-cli: no GC record found in " + log +
                         " (2 lines read, 2 unrecognised)\n");
    // The summary still says what was there.
    EXPECT_TRUE(contains(r.out, "Server listening on port 3000")) << r.out;

    RunResult e = runCli({"events", log});
    EXPECT_EQ(e.status, 1);
    EXPECT_EQ(e.out, kHeader + "\n");
}

TEST_F(CliTest, EmptyLogExitsOne) {
    std::string log = dir_.write("empty.log", "");
    RunResult r = runCli({"events", log});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "gcscope-cli: no GC record found in " + log +
                         " (0 lines read, 0 unrecognised)\n");
}

TEST_F(CliTest, MissingFileExitsTwoBeforeAnyOutput) {
    std::string good = dir_.write("good.log", lines({kScavengeA}));
    std::string missing = dir_.file("missing.log");
    RunResult r = runCli({"events", good, missing});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "gcscope-cli: " + missing + ": no such file\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, DirectoryExitsTwo) {
    RunResult r = runCli({"summary", dir_.path()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "gcscope-cli: " + dir_.path() + ": is a directory\n");
    EXPECT_EQ(r.out, "");
}

// --- summary ----------------------------------------------------------------------------------

TEST_F(CliTest, SummaryJsonCountsPerIsolateAndGeneration) {
    std::string log = dir_.write(
        "app.log", lines({kScavengeA, kAppOutput, kMarkSweepA, kMarkCompactJ}));
    RunResult r = runCli({"summary", "--json", log});
    ASSERT_EQ(r.status, 0) << r.err;
    std::string why;
    ASSERT_TRUE(isValidJson(r.out, &why)) << why << "\n" << r.out;
    ASSERT_EQ(splitLines(r.out).size(), 1u) << "one JSON object on one line";

    EXPECT_EQ(r.out.rfind("{\"events\":3,\"sources\":[{\"path\":\"" + log + "\",", 0), 0u)
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"lines\":4,\"record_lines\":3,\"known_lines\":0,"
                                "\"unrecognised_lines\":1,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"duplicate_records\":0,\"heap_space_samples\":0,")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"oom_markers\":[]")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"first_unrecognised\":[{\"line\":2,\"text\":\"Server listening "
                                "on port 3000, \\\"ready\\\"\"}]"))
        << r.out;
    // Isolate 4177: one young (0.8 ms) and one old (7.3 ms) GC, 35..227 ms.
    EXPECT_TRUE(contains(
        r.out,
        "{\"source\":\"" + log + "\",\"pid\":4177,\"isolate\":null,\"isolate_id\":null,"
        "\"events\":2,\"all\":{\"count\":2,\"pause_total_ms\":8.1,\"pause_max_ms\":7.3,"
        "\"pause_mean_ms\":4.05,\"pause_p50_ms\":0.8,\"pause_p90_ms\":7.3,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"young\":{\"count\":1,\"pause_total_ms\":0.8,\"pause_max_ms\":0.8,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"old\":{\"count\":1,\"pause_total_ms\":7.3,\"pause_max_ms\":7.3,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"first_time_ms\":35,\"last_time_ms\":227,\"span_ms\":192}"))
        << r.out;
    EXPECT_TRUE(contains(
        r.out,
        "\"pid\":6650,\"isolate\":\"0x140008000\",\"isolate_id\":null,\"events\":1,"
        "\"all\":{\"count\":1,\"pause_total_ms\":817.29,\"pause_max_ms\":817.29,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"young\":{\"count\":0,\"pause_total_ms\":0,\"pause_max_ms\":null,"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "\"first_time_ms\":28117,\"last_time_ms\":28117,\"span_ms\":0}"))
        << r.out;
    // Overall span is the longest per-isolate span, not 28117 - 35.
    EXPECT_TRUE(r.out.ends_with(",\"span_ms\":192}\n")) << r.out;
}

TEST_F(CliTest, SummaryJsonHasOneSourcePerLog) {
    std::string a = dir_.write("a.log", lines({kScavengeA}));
    std::string b = dir_.write("b.log", lines({kMarkCompactJ, kNvp}));
    RunResult r = runCli({"summary", "--json", a, b});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_TRUE(isValidJson(r.out));
    EXPECT_EQ(r.out.rfind("{\"events\":3,", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "{\"path\":\"" + a + "\",")) << r.out;
    EXPECT_TRUE(contains(r.out, "{\"path\":\"" + b + "\",")) << r.out;
    EXPECT_TRUE(contains(r.out, "{\"source\":\"" + b + "\",\"pid\":51548,")) << r.out;
}

TEST_F(CliTest, SummaryReportsOomMarkersAndDroppedRepeats) {
    std::string log = dir_.write(
        "oom.log", lines({kMarkCompactJ, "", "<--- Last few GCs --->", "", kMarkCompactJ, "",
                          "<--- JS stacktrace --->", "",
                          "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap "
                          "out of memory"}));
    RunResult r = runCli({"summary", "--json", log});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_TRUE(isValidJson(r.out)) << r.out;
    EXPECT_EQ(r.out.rfind("{\"events\":1,", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "\"duplicate_records\":1,")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"kind\":\"fatal-error\",\"message\":\"Reached heap limit "
                                "Allocation failed - JavaScript heap out of memory\"}"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "{\"line\":9,\"pid\":6650,\"isolate\":\"0x140008000\","
                                "\"time_ms\":28117,\"kind\":\"fatal-error\""))
        << r.out;

    RunResult text = runCli({"summary", log});
    EXPECT_TRUE(contains(text.out, "line 9: fatal-error (pid 6650, isolate 0x140008000, after "
                                   "28117 ms) Reached heap limit"))
        << text.out;
}

TEST_F(CliTest, SummaryTextIsAlignedAndComplete) {
    std::string log = dir_.write(
        "app.log", lines({kScavengeA, kAppOutput, kMarkSweepA, kMarkCompactJ}));
    RunResult r = runCli({"summary", log});
    ASSERT_EQ(r.status, 0) << r.err;
    auto out = splitLines(r.out);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out[0], log);
    EXPECT_TRUE(contains(r.out, "  lines               4  (3 record lines, 0 known, 1 unrecognised)\n"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "  GC records          3  (0 duplicates dropped)\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "unrecognised lines (first 1 of 1):\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "line 2: Server listening on port 3000, \"ready\"\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "overall: 3 GC records in 1 log, 2 isolates\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "  span: 192 ms")) << r.out;

    // The isolate table: one row per isolate, the header's columns line up with the values.
    size_t header = 0;
    for (size_t i = 0; i < out.size(); ++i)
        if (contains(out[i], "pid") && contains(out[i], "span ms")) header = i;
    ASSERT_GT(header, 0u) << r.out;
    ASSERT_GT(out.size(), header + 2);
    const std::string& h = out[header];
    const std::string& row4177 = out[header + 1];
    const std::string& row6650 = out[header + 2];
    EXPECT_TRUE(contains(row4177, "4177")) << row4177;
    EXPECT_TRUE(contains(row4177, "35..227")) << row4177;
    EXPECT_TRUE(row4177.ends_with("192")) << row4177;
    EXPECT_TRUE(contains(row6650, "0x140008000")) << row6650;
    EXPECT_TRUE(contains(row6650, "817.29")) << row6650;
    EXPECT_EQ(h.size(), row4177.size()) << "right-aligned last column\n" << h << "\n" << row4177;
    EXPECT_EQ(h.size(), row6650.size());
}

// --- sample logs (real node output; contents may be regenerated, so only invariants) ---------

TEST_F(CliTest, EverySampleLogGivesValidJsonAndMatchingRowCounts) {
    namespace fs = std::filesystem;
    const fs::path dir = GCSCOPE_SAMPLE_LOGS_DIR;
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir;
    size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".log") continue;
        const std::string log = entry.path().string();
        SCOPED_TRACE(log);
        RunResult summary = runCli({"summary", "--json", log});
        ASSERT_TRUE(summary.status == 0 || summary.status == 1) << summary.err;
        std::string why;
        ASSERT_TRUE(isValidJson(summary.out, &why)) << why;
        // "events":N is the first key.
        const size_t events = std::stoul(summary.out.substr(std::string("{\"events\":").size()));
        EXPECT_EQ(summary.status == 1, events == 0);

        RunResult csv = runCli({"events", log});
        EXPECT_EQ(csv.status, summary.status);
        EXPECT_EQ(splitLines(csv.out).size(), events + 1);

        RunResult jsonl = runCli({"events", "--format", "jsonl", log});
        auto rows = splitLines(jsonl.out);
        EXPECT_EQ(rows.size(), events);
        for (const auto& row : rows) ASSERT_TRUE(isValidJson(row, &why)) << why << "\n" << row;

        RunResult text = runCli({"summary", log});
        EXPECT_EQ(text.status, summary.status);
        EXPECT_TRUE(contains(text.out, "overall: ")) << text.out;
        ++checked;
    }
    if (checked == 0) GTEST_SKIP() << "no sample log yet";
}

}  // namespace
}  // namespace gcscope::cli::test
