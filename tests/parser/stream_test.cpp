// The incremental API: chunks split anywhere give exactly what the whole input gives.
#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

const char* const kMixedLog =
    "app starting\n"
    "[1:0x2]       41 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  (average mu = 1.000, "
    "current mu = 1.000) allocation failure \r\n"
    "[1:0x3]       12 ms: pause=1.2 mutator=69.5 gc=s total_size_before=410249136 "
    "total_size_after=396809216\n"
    "[1:0x2] Old space,          used:  62965 KB, available:   6373 KB, committed:  70612 KB\n"
    "\n"
    "[1:0x2:0]  50 ms: GC: {\"pause\":2.254,\"gc\":\"mc\",\"reason\":\"testing\"}\n"
    "<--- Last few GCs --->\n"
    "[1:0x2]       41 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  (average mu = 1.000, "
    "current mu = 1.000) allocation failure \n"
    "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
    "last line without newline [1:0x2]       60 ms: Mark-sweep 9.0 (12.0) -> 3.0 (12.0) MB, 4.0 / "
    "0.0 ms  testing";

TEST(Stream, WholeInputResult) {
    Parsed whole = parse(kMixedLog);
    EXPECT_EQ(whole.stats.lines, 10u);
    ASSERT_EQ(whole.sink.records.size(), 4u);
    EXPECT_EQ(whole.stats.duplicate_records, 1u);
    EXPECT_EQ(whole.sink.records[3].time_ms, 60);
    EXPECT_EQ(whole.sink.records[3].line, 10u);
    EXPECT_EQ(whole.sink.records[2].form, RecordForm::NvpJson);
    EXPECT_EQ(whole.sink.samples.size(), 1u);
    EXPECT_EQ(whole.sink.ooms.size(), 2u);
}

TEST(Stream, EverySplitPointGivesTheSameEvents) {
    const std::string text = kMixedLog;
    Parsed whole = parse(text);
    for (size_t cut = 0; cut <= text.size(); ++cut)
        ASSERT_TRUE(sameResult(whole, parseSplitAt(text, cut))) << "cut at " << cut;
}

TEST(Stream, ByteByByteAndSmallChunks) {
    const std::string text = kMixedLog;
    Parsed whole = parse(text);
    for (size_t chunk : {1, 2, 3, 7, 64})
        EXPECT_TRUE(sameResult(whole, parse(text, chunk))) << "chunk " << chunk;
}

TEST(Stream, PartialLineWaitsForItsEnd) {
    CollectingSink sink;
    StreamParser parser(sink);
    parser.feed(
        "[1:0x2]   5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  allocation fail");
    EXPECT_TRUE(sink.records.empty());
    EXPECT_GT(parser.pendingBytes(), 0u);
    parser.feed("ure \n");
    ASSERT_EQ(sink.records.size(), 1u);
    EXPECT_EQ(sink.records[0].reason_text, "allocation failure");
    EXPECT_EQ(parser.pendingBytes(), 0u);
}

TEST(Stream, ParallelClassificationKeepsInputOrder) {
    std::string big;
    for (int i = 0; i < 20000; ++i) {
        big += "[7:0x1]  " + std::to_string(i) +
               " ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task \n";
        if (i % 97 == 0) big += "noise " + std::to_string(i) + "\n";
    }
    StreamParserOptions parallel;
    parallel.threads = 4;
    parallel.parallel_threshold_bytes = 1024;
    StreamParserOptions serial;
    serial.threads = 1;
    Parsed a = parse(big, 0, parallel);
    Parsed b = parse(big, 0, serial);
    EXPECT_TRUE(sameResult(a, b)) << "parallel vs serial";
    ASSERT_EQ(a.sink.records.size(), 20000u);
    for (size_t i = 0; i < a.sink.records.size(); ++i)
        ASSERT_EQ(a.sink.records[i].time_ms, double(i));
    EXPECT_EQ(a.sink.unrecognised.front().second, "noise 0");
    EXPECT_EQ(a.sink.unrecognised.front().first, 2u);
}

}  // namespace
}  // namespace gcscope::testing
