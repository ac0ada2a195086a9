// The hand-tuned readers of the common lines and prefix (common_line.hpp) must classify every
// line exactly as the X3 grammar does, and decline every shape they do not know.
#include "common_line.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "classification_difference.hpp"
#include "line_classifier.hpp"

namespace gcscope::parser {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

struct Comparison {
    size_t lines = 0;
    size_t taken = 0;  ///< lines the hand-tuned path accepted
};

/// Classifies each line of `text` both ways and expects identical chunks.
Comparison compareBothPaths(const std::string& text, const std::string& name) {
    const LineClassifier withCommonLine(kMaxLineBytes);
    const LineClassifier grammarOnly(kMaxLineBytes, LineClassifier::Paths::GrammarOnly);
    Comparison result;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        ++result.lines;
        ClassifiedChunk fast, grammar, direct;
        withCommonLine.classifyLine(line, 0, fast);
        grammarOnly.classifyLine(line, 0, grammar);
        std::string_view plain(line);
        if (!plain.empty() && plain.back() == '\r') plain.remove_suffix(1);
        if (plain.find('\x1b') == std::string_view::npos && classifyCommonLine(plain, 0, direct))
            ++result.taken;
        const std::string difference = classificationDifference(fast, grammar);
        EXPECT_EQ(difference, "") << name << ": " << line;
        if (::testing::Test::HasFailure()) return result;
    }
    return result;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(CommonLine, AgreesWithTheGrammarOnEverySampleLog) {
    size_t taken = 0, trace_logs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(GCSCOPE_SAMPLE_LOGS_DIR)) {
        if (entry.path().extension() != ".log") continue;
        const Comparison c = compareBothPaths(readFile(entry.path()), entry.path().filename());
        if (::testing::Test::HasFailure()) return;
        taken += c.taken;
        trace_logs += c.taken > 0;
    }
    // The path is not dead: most sample logs are --trace-gc logs of Node 10+.
    EXPECT_GT(trace_logs, 20u);
    EXPECT_GT(taken, 4000u);
}

TEST(CommonLine, AgreesWithTheGrammarOnPublishedLogs) {
    const std::filesystem::path dir = GCSCOPE_REALWORLD_DIR;
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is not here";
    size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        compareBothPaths(readFile(entry.path()), entry.path().filename());
        if (::testing::Test::HasFailure()) return;
        ++files;
    }
    EXPECT_GT(files, 0u);
}

/// The line the path exists for, and the shapes it must leave to the grammar.
TEST(CommonLine, TakesTheModernLineAndDeclinesEveryOtherShape) {
    auto takes = [](std::string_view line) {
        ClassifiedChunk chunk;
        return classifyCommonLine(line, 0, chunk);
    };
    const std::string modern =
        "[4711:0x5d3f000]     1234 ms: Scavenge 47.5 (67.9) -> 38.4 (69.9) MB, pooled: 9 MB, "
        "1.71 / 0.00 ms  (average mu = 0.997, current mu = 0.997) task; scavenge might not succeed";
    EXPECT_TRUE(takes(modern));
    EXPECT_TRUE(
        takes("[7:0x1]   95 ms: Mark-Compact (reduce) 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / "
              "0.0 ms  allocation failure"));
    EXPECT_TRUE(
        takes("[7:0x1]  95 ms: Mark-sweep 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  (+ 3.4 "
              "ms in 19 steps since start of marking, biggest step 1.1 ms, walltime since "
              "start of marking 1133 ms) finalize incremental marking"));

    EXPECT_TRUE(
        takes("[7:0x1:3]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task"));
    // nvp pairs, glued pairs and percentages included, and Node 26's JSON form
    EXPECT_TRUE(
        takes("[7:0x1:0]  18 ms: pause=0.4 mutator=14.2 gc=s reduce_memory=0 "
              "promotion_ratio=0.0% identify=0.00scavenge.weak=0.00"));
    EXPECT_TRUE(
        takes("[7:0x1:0]  433 ms: GC: {\"pause\":18.512,\"gc\":\"mc\",\"reduce_memory\":"
              "false,\"reason\":\"testing\",\"allocation_throughput\":1.26174e+06}"));

    // heap-space samples of --trace-gc-verbose, the "available:*" of sweeping and alinode's extras
    EXPECT_TRUE(
        takes("[7:0x1] Old space,          used:  62965 KB, available:   6373 KB, "
              "committed:  70612 KB"));
    EXPECT_TRUE(
        takes("[7:0x1] New space, used: 1 KB, available:* 0 KB*, committed: 129432KB, "
              "promoted: 5 KB"));

    const char* declined[] = {
        // heap-space lines cut short or with an amount V8 never printed
        "[7:0x1] Old space,          used:  62965 KB, available",
        "[7:0x1] Old space,          used:  62965 KB, reserved: 5 KB",
        // nvp cut short, nvp without a gc code, JSON cut short or followed by more
        "[7:0x1:0]  18 ms: pause=0.4 gc=s reduce_memory=",
        "[7:0x1:0]  18 ms: pause=0.4 mutator=1.2",
        "[7:0x1:0]  433 ms: GC: {\"pause\":18.512,\"gc\":\"m",
        "[7:0x1:0]  433 ms: GC: {\"pause\":18.512,\"gc\":\"mc\"}[7:0x1:0] 5 ms: GC: {}",
        // a prefix inside a JSON string: the grammar starts a second record there (found by
        // fuzz/fuzz_common_line.cpp)
        "[7:0x1:0]  433 ms: GC: {\"pause\":1.5,\"gc\":\"s\",\"reason\":\"a [3:0x4] b\"}",
        // an isolate id beyond the grammar's limit
        "[7:0x1:2147483648]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
        // a second record glued on by V8's ring buffer
        "[19:0x3c1997d0]     6131 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 0.5 / 0.0 ms  "
        "allocation fail[19:0x3c1997d0]     6134 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 0.5 / "
        "0.0 ms  allocation failure",
        // an incremental-marking clause cut short
        "[7:0x1]  95 ms: Mark-sweep 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  (+ 3.4 ms in 19 "
        "steps since start of mark",
        // a clause cut short
        "[7:0x1]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  (average mu = 0.8",
        // old prefixes, MSVC pointers, isolate ids, a wrapper before the prefix
        "[7]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 ms [allocation failure].",
        "[7:0000013B784AD000]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
        "app | [7:0x1]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
        // numbers that are not plain fixed-point
        "[7:0x1]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (1e308) MB, 3.1 / 0.0 ms  task",
        "[7:0x1]  95 ms: Scavenge 9.1 (12.0) -> -8.0 (12.0) MB, 3.1 / 0.0 ms  task",
        "[7:0x1]  95 ms: Scavenge 9.1 (12.0) -> 12345678901234567 (12.0) MB, 3.1 / 0.0 ms  task",
        // "Shared " and a type V8 never printed
        "[7:0x1]  95 ms: Shared Mark-Compact 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
        "[7:0x1]  95 ms: Sweep 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
    };
    for (const char* line : declined) EXPECT_FALSE(takes(line)) << line;
}

}  // namespace
}  // namespace gcscope::parser
