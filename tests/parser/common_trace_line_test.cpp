// The hand-tuned readers of the common --trace-gc line and prefix (common_trace_line.hpp) must
// classify every line exactly as the X3 grammar does, and decline every shape they do not know.
#include "common_trace_line.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "line_classifier.hpp"

namespace gcscope::parser {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

/// Every field of two classified items, string views compared by their text.
::testing::AssertionResult sameItem(const ClassifiedItem& a, const ClassifiedItem& b) {
    if (a.line != b.line || a.prefixed != b.prefixed || a.ring_buffer_cut != b.ring_buffer_cut ||
        a.nvp_begin != b.nvp_begin || a.nvp_count != b.nvp_count ||
        a.payload.index() != b.payload.index())
        return ::testing::AssertionFailure() << "item header or kind differs";
    auto sameKey = [](const IsolateKey& k, const IsolateKey& l) {
        return k == l && k.isolate_id == l.isolate_id && k.msvc_pointer == l.msvc_pointer;
    };
    if (const auto* s = std::get_if<HeapSpaceSample>(&a.payload)) {  // its prefix was read fast
        const auto& t = std::get<HeapSpaceSample>(b.payload);
        if (!sameKey(s->key, t.key) || s->space != t.space || !sameNumber(s->used_kb, t.used_kb) ||
            !sameNumber(s->available_kb, t.available_kb) ||
            !sameNumber(s->committed_kb, t.committed_kb))
            return ::testing::AssertionFailure() << "heap-space sample differs";
    }
    const auto* x = std::get_if<GcRecord>(&a.payload);
    if (!x) return ::testing::AssertionSuccess();
    const auto& y = std::get<GcRecord>(b.payload);
    const double xs[] = {x->time_ms,
                         x->used_before_mb,
                         x->committed_before_mb,
                         x->used_after_mb,
                         x->committed_after_mb,
                         x->pooled_mb,
                         x->pause_ms,
                         x->external_ms,
                         x->incremental_ms,
                         x->incremental_steps,
                         x->incremental_biggest_step_ms,
                         x->incremental_walltime_ms,
                         x->mu_average,
                         x->mu_current};
    const double ys[] = {y.time_ms,
                         y.used_before_mb,
                         y.committed_before_mb,
                         y.used_after_mb,
                         y.committed_after_mb,
                         y.pooled_mb,
                         y.pause_ms,
                         y.external_ms,
                         y.incremental_ms,
                         y.incremental_steps,
                         y.incremental_biggest_step_ms,
                         y.incremental_walltime_ms,
                         y.mu_average,
                         y.mu_current};
    for (size_t i = 0; i < std::size(xs); ++i)
        if (!sameNumber(xs[i], ys[i]))
            return ::testing::AssertionFailure()
                   << "number " << i << ": " << xs[i] << " vs " << ys[i];
    if (!sameKey(x->key, y.key) || x->line != y.line || x->type != y.type || x->form != y.form ||
        x->flags != y.flags || x->reason != y.reason || x->collector_reason != y.collector_reason ||
        x->nvp.size() != y.nvp.size())
        return ::testing::AssertionFailure()
               << "key, type, flags or reasons differ: '" << x->reason << "' / '" << y.reason
               << "', '" << x->collector_reason << "' / '" << y.collector_reason << "'";
    return ::testing::AssertionSuccess();
}

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
        if (plain.find('\x1b') == std::string_view::npos &&
            classifyCommonTraceLine(plain, 0, direct))
            ++result.taken;
        SCOPED_TRACE(name + ": " + line);
        EXPECT_EQ(fast.items.size(), grammar.items.size());
        if (fast.items.size() != grammar.items.size()) return result;
        EXPECT_EQ(fast.record_lines, grammar.record_lines);
        EXPECT_EQ(fast.known_lines, grammar.known_lines);
        EXPECT_EQ(fast.unrecognised_lines, grammar.unrecognised_lines);
        for (size_t i = 0; i < fast.items.size(); ++i)
            EXPECT_TRUE(sameItem(fast.items[i], grammar.items[i]));
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

TEST(CommonTraceLine, AgreesWithTheGrammarOnEverySampleLog) {
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

TEST(CommonTraceLine, AgreesWithTheGrammarOnPublishedLogs) {
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
TEST(CommonTraceLine, TakesTheModernLineAndDeclinesEveryOtherShape) {
    auto takes = [](std::string_view line) {
        ClassifiedChunk chunk;
        return classifyCommonTraceLine(line, 0, chunk);
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

    const char* declined[] = {
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
        "[7:0x1:3]  95 ms: Scavenge 9.1 (12.0) -> 8.0 (12.0) MB, 3.1 / 0.0 ms  task",
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
