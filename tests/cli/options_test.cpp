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
    EXPECT_EQ(parse({}).error, "missing command (events or summary)");
    EXPECT_EQ(parse({"stats", "a"}).error, "unknown command 'stats' (expected events or summary)");
    EXPECT_EQ(parse({"events"}).error, "missing LOG (give '-' to read standard input)");
    EXPECT_EQ(parse({"events", "-q", "a"}).error, "unknown option '-q'");
    EXPECT_EQ(parse({"events", "--format", "tsv", "a"}).error,
              "unknown format 'tsv' (expected csv or jsonl)");
    EXPECT_EQ(parse({"events", "-", "-"}).error, "standard input ('-') can be read only once");
}

}  // namespace
}  // namespace gcscope::cli
