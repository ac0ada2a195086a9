// Command-line parsing for gcscope-cli. Pure: no I/O, so every rule is unit-testable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gcscope::cli {

enum class Command { None, Events, Summary };
enum class EventFormat { Csv, Jsonl };

struct Options {
    Command command = Command::None;
    EventFormat format = EventFormat::Csv;  ///< events --format
    bool json = false;                      ///< summary --json
    bool help = false;
    bool version = false;
    std::vector<std::string> logs;  ///< as given; "-" is standard input
};

struct ParsedArguments {
    Options options;
    std::string error;  ///< a usage error (exit status 2) when not empty
};

/// `args` excludes the program name. Options may come before or after the command and the
/// logs; "--" ends options. --help and --version win over everything else except "--".
ParsedArguments parseArguments(const std::vector<std::string_view>& args);

/// The --help text, and the --version line ("gcscope-cli 0.1.0").
std::string_view helpText();
std::string versionText();

}  // namespace gcscope::cli
