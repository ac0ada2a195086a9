// Command-line parsing for gcscope-cli. Pure: no I/O, so every rule is unit-testable.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gcscope/model/time_range.hpp"

namespace gcscope::cli {

enum class Command { None, Events, Summary, Check, Watch };
enum class EventFormat { Csv, Jsonl };

struct Options {
    Command command = Command::None;
    EventFormat format = EventFormat::Csv;  ///< events/watch --format
    bool json = false;                      ///< summary --json
    /// summary/check --from/--to: ms on each isolate's own clock; NaN when not given.
    double from_ms = std::numeric_limits<double>::quiet_NaN();
    double to_ms = std::numeric_limits<double>::quiet_NaN();
    // check's bounds; NaN when not given.
    double max_pause_p99_ms = std::numeric_limits<double>::quiet_NaN();
    double max_pause_ms = std::numeric_limits<double>::quiet_NaN();
    double max_overhead_pct = std::numeric_limits<double>::quiet_NaN();
    bool no_leak = false;
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

/// A whole argument as a finite number ("20", "0.5", "1e3"), or nothing.
std::optional<double> parseNumber(std::string_view text);

/// --from/--to as a range (unbounded sides when not given).
model::TimeRange timeRange(const Options& options);

/// The --help text, and the --version line ("gcscope-cli 0.1.0").
std::string_view helpText();
std::string versionText();

}  // namespace gcscope::cli
