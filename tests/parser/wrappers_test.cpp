// Records wherever they sit in real log lines (formats file §7, §8).
#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

constexpr const char* kRecord =
    "[1847:0x5dad670]       41 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  (average mu = "
    "1.000, current mu = "
    "1.000) allocation failure ";

void expectTheRecord(const std::string& line) {
    Parsed p = parse(line);
    ASSERT_EQ(p.sink.records.size(), 1u) << line;
    const auto& r = p.sink.records[0];
    EXPECT_EQ(r.key.pid, 1847) << line;
    EXPECT_EQ(r.key.isolate, 0x5dad670u) << line;
    EXPECT_EQ(r.time_ms, 41) << line;
    EXPECT_EQ(r.pause_ms, 1.3) << line;
    EXPECT_EQ(r.used_after_mb, 4.1) << line;
    EXPECT_EQ(r.reason_text, "allocation failure") << line;
    EXPECT_EQ(p.stats.record_lines, 1u);
}

TEST(Wrappers, LogPrefixesOfCommonTools) {
    for (const char* prefix : {
             "2024-02-27T09:49:55: ",                     // pm2 log_date_format
             "0|app  | ",                                 // pm2 logs
             "PM2        | ",                             // pm2 daemon
             "svc-1  | ",                                 // docker compose
             "2024-01-01T00:00:00.123456789Z ",           // docker logs -t / kubectl --timestamps
             "2024-01-01T00:00:00.123456789Z stdout F ",  // CRI log file
             "2026-08-11T08:46:49.418855+00:00 app[web.1]: ",  // Heroku
             "Aug 25 10:16:17 host node[1234]: ",              // journald
             "[2023-06-06T18:55:42.538Z] [INFO] pkg: ",        // Jenkins
             "apps/web typecheck: ",                           // pnpm / turbo
             "04:54:13 08-01 30 PE10 D: TC-2071:    ",         // custom logger
             "> ", "# ", "  ",                                 // markdown quote, comment, indent
         }) {
        expectTheRecord(std::string(prefix) + kRecord);
    }
}

TEST(Wrappers, AnsiColourCodesAndCrlf) {
    expectTheRecord(std::string("\x1b[32m") + kRecord + "\x1b[0m");
    expectTheRecord(std::string("\x1b[2m2024-01-01 \x1b[0m") + kRecord + "\r");
    Parsed p = parse(std::string(kRecord) + "\r\n" + kRecord + "\r\n");
    // Outside an OOM report identical lines are both real GCs: nothing is dropped.
    ASSERT_EQ(p.sink.records.size(), 2u);
    EXPECT_EQ(p.sink.records[1].reason_text, "allocation failure");
    EXPECT_EQ(p.stats.duplicate_records, 0u);
}

TEST(Wrappers, TwoRecordsGluedInOneLine) {
    Parsed p = parse(
        "[1:0x2]   100 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  allocation failure "
        "[1:0x2]   200 ms: Mark-sweep 9.0 (12.0) -> 3.0 (12.0) MB, 4.0 / 0.0 ms  testing\n");
    ASSERT_EQ(p.sink.records.size(), 2u);
    EXPECT_EQ(p.sink.records[0].reason_text, "allocation failure");
    EXPECT_EQ(p.sink.records[1].time_ms, 200);
    EXPECT_EQ(p.sink.records[1].reason_text, "testing");
    EXPECT_EQ(p.sink.records[1].line, 1u);
}

TEST(Wrappers, WorkerThreadsAndProcessesAreSeparateKeys) {
    Parsed p = parse(
        "[10:0xaaa]   5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task \n"
        "[10:0xbbb]   5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task \n"
        "[11:0xaaa]   5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task \n");
    ASSERT_EQ(p.sink.records.size(), 3u);  // identical text, different isolates: no repeats
    EXPECT_EQ(p.sink.records[0].key.isolate, 0xaaau);
    EXPECT_EQ(p.sink.records[1].key.isolate, 0xbbbu);
    EXPECT_EQ(p.sink.records[2].key.pid, 11);
    EXPECT_EQ(p.stats.duplicate_records, 0u);
}

TEST(Wrappers, ChromeLogPrefixIsNotAV8Prefix) {
    Parsed p = parse(
        "[1234:5678:1125/101010.123:INFO:gc.cc(12)] 5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 "
        "/ 0.0 ms  task \n");
    ASSERT_EQ(p.sink.records.size(), 1u);  // recovered without a prefix, like a ring-buffer entry
    EXPECT_EQ(p.sink.records[0].key.pid, IsolateKey::kUnknownPid);
}

TEST(Wrappers, ApplicationOutputIsCountedWithLineNumbers) {
    Parsed p =
        parse(std::string("server listening on :8080\n") + kRecord + "\nTotal: 1000000 entries\n");
    EXPECT_EQ(p.stats.lines, 3u);
    EXPECT_EQ(p.stats.record_lines, 1u);
    EXPECT_EQ(p.stats.unrecognised_lines, 2u);
    ASSERT_EQ(p.stats.first_unrecognised.size(), 2u);
    EXPECT_EQ(p.stats.first_unrecognised[0].line, 1u);
    EXPECT_EQ(p.stats.first_unrecognised[0].text, "server listening on :8080");
    EXPECT_EQ(p.stats.first_unrecognised[1].line, 3u);
    ASSERT_EQ(p.sink.unrecognised.size(), 2u);
    EXPECT_EQ(p.sink.unrecognised[1].second, "Total: 1000000 entries");
}

TEST(Wrappers, KnownV8LinesAreNotRecordsButNotUnrecognisedEither) {
    Parsed p = parse(
        "[1:0x2]       41 ms: Memory reducer: started GC #1\n"
        "[1:0x2]       42 ms: [IncrementalMarking] Start (idle task): (size/limit/slack) v8: 3MB / "
        "4MB / 1MB\n"
        "[1:0x2]       43 ms: [HeapController] factor 1.1 based on mu=0.970, speed_ratio=17\n"
        "[1:0x2] Fast promotion mode: false survival rate: 0%\n"
        "[1:0x2] Increasing marking speed to 3 due to high promotion rate\n");
    EXPECT_EQ(p.stats.known_lines, 5u);
    EXPECT_EQ(p.stats.unrecognised_lines, 0u);
    EXPECT_TRUE(p.sink.records.empty());
}

}  // namespace
}  // namespace gcscope::testing
