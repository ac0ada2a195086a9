// Argument rules of gcscope-cli, tested without starting a process.
#include <gtest/gtest.h>

#include "options.hpp"

namespace gcscope::cli {
namespace {

ParsedArguments parse(std::vector<std::string_view> args) { return parseArguments(args); }

TEST(Options, EventsDefaultsToCsv) {
    auto p = parse({"events", "a.log", "b.log"});
    EXPECT_EQ(p.error, "");
    EXPECT_EQ(p.options.command, Command::Events);
    EXPECT_EQ(p.options.format, EventFormat::Csv);
    EXPECT_EQ(p.options.logs, (std::vector<std::string>{"a.log", "b.log"}));
}

TEST(Options, FormatInBothSpellingsAndAnywhere) {
    EXPECT_EQ(parse({"events", "--format", "jsonl", "a"}).options.format, EventFormat::Jsonl);
    EXPECT_EQ(parse({"events", "a", "--format=jsonl"}).options.format, EventFormat::Jsonl);
    EXPECT_EQ(parse({"--format=csv", "events", "a"}).options.format, EventFormat::Csv);
    EXPECT_EQ(parse({"events", "a", "--format"}).error,
              "option '--format' needs a value (csv or jsonl)");
}

TEST(Options, SummaryJson) {
    auto p = parse({"summary", "--json", "-"});
    EXPECT_EQ(p.error, "");
    EXPECT_TRUE(p.options.json);
    EXPECT_EQ(p.options.logs, (std::vector<std::string>{"-"}));
}

TEST(Options, OptionsOfTheOtherCommandAreRefused) {
    EXPECT_NE(parse({"events", "--json", "a"}).error.find("'--json' applies to 'summary' only"),
              std::string::npos);
    EXPECT_NE(parse({"summary", "--format", "csv", "a"}).error.find("applies to 'events' only"),
              std::string::npos);
}

TEST(Options, DoubleDashMakesLogsOfDashNames) {
    auto p = parse({"events", "--", "--json", "-x"});
    EXPECT_EQ(p.error, "");
    EXPECT_FALSE(p.options.json);
    EXPECT_EQ(p.options.logs, (std::vector<std::string>{"--json", "-x"}));
}

TEST(Options, HelpAndVersionWinOverErrors) {
    EXPECT_TRUE(parse({"--help"}).options.help);
    EXPECT_TRUE(parse({"events", "--bogus", "-h"}).options.help);
    EXPECT_EQ(parse({"events", "--bogus", "-h"}).error, "");
    EXPECT_TRUE(parse({"help"}).options.help);
    EXPECT_TRUE(parse({"--version"}).options.version);
    EXPECT_EQ(versionText(), "gcscope-cli " GCSCOPE_VERSION "\n");
}

TEST(Options, UsageErrors) {
    EXPECT_EQ(parse({}).error, "missing command (events, summary or check)");
    EXPECT_EQ(parse({"stats", "a"}).error, "unknown command 'stats' (expected events, summary or check)");
    EXPECT_EQ(parse({"events"}).error, "missing LOG (give '-' to read standard input)");
    EXPECT_EQ(parse({"events", "-q", "a"}).error, "unknown option '-q'");
    EXPECT_EQ(parse({"events", "--format", "tsv", "a"}).error,
              "unknown format 'tsv' (expected csv or jsonl)");
    EXPECT_EQ(parse({"events", "-", "-"}).error, "standard input ('-') can be read only once");
}

TEST(Options, CheckBoundsInBothSpellings) {
    auto p = parse({"check", "--max-pause-p99", "20", "--max-pause=50.5", "--max-overhead", "10",
                    "--no-leak", "a.log"});
    EXPECT_EQ(p.error, "");
    EXPECT_EQ(p.options.command, Command::Check);
    EXPECT_EQ(p.options.max_pause_p99_ms, 20);
    EXPECT_EQ(p.options.max_pause_ms, 50.5);
    EXPECT_EQ(p.options.max_overhead_pct, 10);
    EXPECT_TRUE(p.options.no_leak);
    EXPECT_EQ(p.options.logs, (std::vector<std::string>{"a.log"}));
}

TEST(Options, CheckUsageErrors) {
    EXPECT_EQ(parse({"check", "a.log"}).error,
              "'check' needs at least one bound (--max-pause-p99, --max-pause, --max-overhead, "
              "--no-leak)");
    EXPECT_EQ(parse({"check", "--max-pause", "abc", "a.log"}).error,
              "option '--max-pause' needs a non-negative number (milliseconds), got 'abc'");
    EXPECT_EQ(parse({"check", "--max-pause-p99=20ms", "a.log"}).error,
              "option '--max-pause-p99' needs a non-negative number (milliseconds), got '20ms'");
    EXPECT_EQ(parse({"check", "--max-overhead", "-1", "a.log"}).error,
              "option '--max-overhead' needs a non-negative number (percent), got '-1'");
    EXPECT_EQ(parse({"check", "a.log", "--max-pause"}).error,
              "option '--max-pause' needs a value (milliseconds)");
    EXPECT_EQ(parse({"summary", "--no-leak", "a.log"}).error,
              "options '--max-pause-p99', '--max-pause', '--max-overhead' and '--no-leak' apply to "
              "'check' only");
    EXPECT_EQ(parse({"check", "--json", "--no-leak", "a.log"}).error,
              "option '--json' applies to 'summary' only (events takes --format jsonl)");
}

TEST(Options, RangeForSummaryAndCheck) {
    auto p = parse({"summary", "--from", "-100", "--to=1e3", "a.log"});
    EXPECT_EQ(p.error, "");
    EXPECT_EQ(p.options.from_ms, -100);
    EXPECT_EQ(p.options.to_ms, 1000);
    const model::TimeRange r = timeRange(p.options);
    EXPECT_EQ(r.from_ms, -100);
    EXPECT_EQ(r.to_ms, 1000);
    EXPECT_TRUE(timeRange(parse({"summary", "a.log"}).options).isAll());
    EXPECT_EQ(parse({"check", "--no-leak", "--from", "5", "a.log"}).options.from_ms, 5);

    EXPECT_EQ(parse({"summary", "--from", "5", "--to", "1", "a.log"}).error, "'--from' is after '--to'");
    EXPECT_EQ(parse({"summary", "--from", "x", "a.log"}).error,
              "option '--from' needs a number (milliseconds), got 'x'");
    EXPECT_EQ(parse({"summary", "--to", "nan", "a.log"}).error,
              "option '--to' needs a number (milliseconds), got 'nan'");
    EXPECT_EQ(parse({"events", "--from", "5", "a.log"}).error,
              "options '--from' and '--to' apply to 'summary' and 'check' only");
}

TEST(Options, ParseNumberTakesWholeFiniteNumbersOnly) {
    EXPECT_EQ(parseNumber("20"), 20.0);
    EXPECT_EQ(parseNumber("0.25"), 0.25);
    EXPECT_EQ(parseNumber("-3"), -3.0);
    EXPECT_FALSE(parseNumber(""));
    EXPECT_FALSE(parseNumber("1x"));
    EXPECT_FALSE(parseNumber("inf"));
    EXPECT_FALSE(parseNumber(" 1"));
}

}  // namespace
}  // namespace gcscope::cli
