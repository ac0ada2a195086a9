// Never fatal on input: garbage is counted, memory stays bounded, records around it survive.
#include <gtest/gtest.h>

#include <random>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

const std::string kGood =
    "[1:0x2]       41 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  allocation failure \n";

TEST(BadInput, RandomBinaryGarbageIsCountedAndRecordsAroundItSurvive) {
    std::mt19937 rng(7);
    std::string garbage(1 << 20, '\0');
    for (char& c : garbage) c = char(rng());
    const std::string text = kGood + garbage + "\n" + kGood.substr(0, 8) +
                             "  99 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  task \n";
    for (size_t chunk : {0, 4096, 65537}) {
        Parsed p = parse(text, chunk);
        ASSERT_GE(p.sink.records.size(), 2u);
        EXPECT_EQ(p.sink.records.front().time_ms, 41);
        EXPECT_EQ(p.sink.records.back().time_ms, 99);
        EXPECT_EQ(p.stats.lines,
                  p.stats.record_lines + p.stats.known_lines + p.stats.unrecognised_lines);
        EXPECT_GT(p.stats.unrecognised_lines, 0u);
    }
}

TEST(BadInput, NulBytesAndInvalidUtf8InsideARecordLine) {
    std::string line = "\xff\xfe\x00\x80garbage";
    line.push_back('\0');
    Parsed p = parse(
        line + kGood +
        "\xc3\x28 [1:0x2]  50 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  t\xe9st\n");
    ASSERT_EQ(p.sink.records.size(), 2u);
    EXPECT_EQ(p.sink.records[1].reason_text, "t\xe9st");
}

TEST(BadInput, AbsurdNumbersDoNotCrashAndAreKeptAsPrinted) {
    Parsed p = parse(
        "[1:0x2]  1e308 ms: Scavenge 1e308 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task \n"
        "[1:0x2]  99999999999999999999 ms: Scavenge 12345678901234567890 (2.0) -> 0.5 (2.0) MB, "
        "0.1 / 0.0 ms  task \n"
        "[1:0x2]  nan ms: Scavenge nan (nan) -> inf (2.0) MB, -0.1 / 0.0 ms  task \n"
        "[99999999999999999999:0x2]  5 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  task "
        "\n"
        "[1:0xffffffffffffffffffffffff]  6 ms: Scavenge 1.0 (2.0) -> 0.5 (2.0) MB, 0.1 / 0.0 ms  "
        "task \n"
        "[1:0x2]  7 ms: pause=1e999 gc=s allocated=-18446744073709551616 x=nan y=-inf\n");
    EXPECT_EQ(p.stats.lines, 6u);
    ASSERT_GE(p.sink.records.size(), 4u);
    EXPECT_EQ(p.sink.records[0].time_ms, 1e308);
    EXPECT_EQ(p.sink.records[1].used_before_mb, 12345678901234567890.0);
    EXPECT_TRUE(std::isnan(p.sink.records[2].used_before_mb));
    EXPECT_TRUE(std::isinf(p.sink.records.back().pause_ms));
}

TEST(BadInput, TruncatedRecordsAreUnrecognisedOrMarked) {
    Parsed p = parse(
        "[28987:0x101804a00]    12910 ms: Mark-sweep 58.8 (95.9) -> 51.0 (96.9) MB FOO\n"
        "[28987:0x101804a00]    12910 ms Mark-sweep 58.8 (95.9) -> 51.0 (96.9) MB, 3.8 / 0 ms\n"
        "[28987:0x101804a00]    12910 ms: Mark-sweep 58.8 (95.9) -> 51.0 (96.9) MB, 3.8 / 0 ms (+ "
        "8.2 ms in 101 steps since start of marking, biggest step 0.9 ms) [GC interrup\n"
        "[28987:0x101804a00]    12910 ms: Mark-sweep 58.8 (9\n");
    EXPECT_EQ(p.stats.unrecognised_lines, 3u);
    ASSERT_EQ(p.sink.records.size(), 1u);
    EXPECT_TRUE(p.sink.records[0].has(kTruncated));
    EXPECT_EQ(p.sink.records[0].pause_ms, 3.8);
    EXPECT_EQ(p.stats.first_unrecognised[0].line, 1u);
    EXPECT_EQ(p.stats.first_unrecognised[2].line, 4u);
}

TEST(BadInput, HundredMegabyteLineWithoutNewlineKeepsMemoryBounded) {
    CollectingSink sink;
    StreamParser parser(sink);
    const std::string block(1 << 20, '[');
    size_t max_pending = 0;
    parser.feed(kGood);
    for (int i = 0; i < 100; ++i) {
        parser.feed(block);
        max_pending = std::max(max_pending, parser.pendingBytes());
    }
    EXPECT_LE(max_pending, StreamParserOptions{}.max_line_bytes + 1);
    parser.feed("\n" + kGood.substr(0, 8) +
                "  77 ms: Scavenge 5.0 (5.4) -> 4.1 (5.7) MB, 1.3 / 0.0 ms  task \n");
    parser.finish();
    ASSERT_EQ(sink.records.size(), 2u);
    EXPECT_EQ(sink.records[1].time_ms, 77);
    EXPECT_EQ(sink.records[1].line, 3u);
    EXPECT_EQ(parser.stats().overlong_lines, 1u);
    EXPECT_EQ(parser.stats().unrecognised_lines, 1u);
    EXPECT_EQ(parser.stats().first_unrecognised[0].text.size(), ParseStats::kMaxKeptTextBytes);
}

TEST(BadInput, OverlongCompleteLineInOneFeedIsSkippedToo) {
    std::string text = kGood + std::string((2 << 20), 'x') + "\n" + kGood;
    Parsed p = parse(text);
    EXPECT_EQ(p.stats.overlong_lines, 1u);
    EXPECT_EQ(p.stats.lines, 3u);
}

TEST(BadInput, EmptyInputAndOnlyNewlines) {
    Parsed empty = parse("");
    EXPECT_EQ(empty.stats.lines, 0u);
    Parsed blank = parse("\n\n\r\n");
    EXPECT_EQ(blank.stats.lines, 3u);
    EXPECT_EQ(blank.stats.known_lines, 3u);
}

}  // namespace
}  // namespace gcscope::testing
