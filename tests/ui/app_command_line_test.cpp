// `gcscope` arguments, parsed before any QApplication exists.
#include <gtest/gtest.h>

#include "app/command_line.hpp"

namespace gcscope::ui {
namespace {

CommandLine parse(std::initializer_list<const char*> args) {
    QStringList list{QStringLiteral("gcscope")};
    for (const char* a : args) list << QString::fromUtf8(a);
    return parseCommandLine(list);
}

TEST(AppCommandLine, LogsOpenTheWindow) {
    const CommandLine cl = parse({"a.log", "b.log.gz"});
    EXPECT_EQ(cl.action, CommandLine::Action::OpenWindow);
    EXPECT_EQ(cl.logs, (QStringList{QStringLiteral("a.log"), QStringLiteral("b.log.gz")}));
    EXPECT_EQ(parse({}).action, CommandLine::Action::OpenWindow);
}

TEST(AppCommandLine, ExportPngWithAndWithoutSize) {
    CommandLine cl = parse({"--export-png", "out.png", "--size", "800x600", "a.log"});
    ASSERT_EQ(cl.action, CommandLine::Action::ExportPng);
    EXPECT_EQ(cl.png, QStringLiteral("out.png"));
    EXPECT_EQ(cl.size, QSize(800, 600));
    EXPECT_EQ(cl.logs, QStringList{QStringLiteral("a.log")});
    cl = parse({"--export-png=out.png", "a.log"});
    ASSERT_EQ(cl.action, CommandLine::Action::ExportPng);
    EXPECT_EQ(cl.size, kDefaultExportSize);
}

TEST(AppCommandLine, UsageErrorsSayWhat) {
    CommandLine cl = parse({"--export-png", "out.png"});
    EXPECT_EQ(cl.action, CommandLine::Action::Error);
    EXPECT_TRUE(cl.error.contains(QStringLiteral("LOG")));
    cl = parse({"--export-png", "out.png", "--size", "800", "a.log"});
    EXPECT_EQ(cl.action, CommandLine::Action::Error);
    EXPECT_TRUE(cl.error.contains(QStringLiteral("--size")));
    EXPECT_EQ(parse({"--size", "800x600", "a.log"}).action, CommandLine::Action::Error);
    EXPECT_EQ(parse({"--frobnicate"}).action, CommandLine::Action::Error);
    EXPECT_EQ(parse({"--export-png"}).action, CommandLine::Action::Error);
}

TEST(AppCommandLine, HelpAndVersion) {
    EXPECT_EQ(parse({"--help"}).action, CommandLine::Action::Help);
    EXPECT_EQ(parse({"-h"}).action, CommandLine::Action::Help);
    EXPECT_EQ(parse({"--version"}).action, CommandLine::Action::Version);
    const QString help = parse({"--help"}).help;
    EXPECT_TRUE(help.startsWith(QStringLiteral("Usage: gcscope [options] [LOG...]")));
    EXPECT_TRUE(help.contains(QStringLiteral("--export-png <OUT.png>")));
    EXPECT_FALSE(help.contains(QStringLiteral("--screenshot")));  // a debugging aid, hidden
}

TEST(AppCommandLine, Sizes) {
    EXPECT_EQ(parseSize(QStringLiteral("1600x900")), QSize(1600, 900));
    EXPECT_EQ(parseSize(QStringLiteral("64X64")), QSize(64, 64));
    EXPECT_FALSE(parseSize(QStringLiteral("1600")).isValid());
    EXPECT_FALSE(parseSize(QStringLiteral("0x100")).isValid());
    EXPECT_FALSE(parseSize(QStringLiteral("100000x100")).isValid());
    EXPECT_FALSE(parseSize(QStringLiteral("-5x100")).isValid());
    EXPECT_FALSE(parseSize(QStringLiteral("axb")).isValid());
}

}  // namespace
}  // namespace gcscope::ui
