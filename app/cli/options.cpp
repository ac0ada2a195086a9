#include "options.hpp"

#ifndef GCSCOPE_VERSION
#error "GCSCOPE_VERSION must be defined by the build (PROJECT_VERSION)"
#endif

namespace gcscope::cli {
namespace {

constexpr std::string_view kHelp = R"(usage: gcscope-cli COMMAND [OPTIONS] LOG...

Reads V8 garbage-collector traces (node --trace-gc, --trace-gc-nvp, --trace-gc-verbose,
and out-of-memory reports). A LOG may be gzip-compressed; '-' reads standard input.

commands:
  events [--format csv|jsonl] LOG...
        One row per GC record, in input order. CSV (default) has a header row;
        jsonl prints one JSON object per line with the same keys. Missing values
        are empty (CSV) or null (JSON). Sizes are MiB, times milliseconds.
        Columns: source,line,pid,isolate,time_ms,generation,collector,pause_ms,
        used_before_mb,committed_before_mb,used_after_mb,committed_after_mb,reason,
        collector_reason,external_ms,pooled_mb,mu_average,mu_current,
        incremental_ms,form,isolate_id
  summary [--json] LOG...
        Per log and overall: GC counts and pauses by isolate and generation,
        time span per isolate (each isolate has its own clock), duplicates
        dropped, heap-space samples, out-of-memory markers, how every line was
        classified, and the first unrecognised lines. --json prints one JSON
        object instead of text.

options:
  -h, --help      show this help and exit
  -V, --version   show the version and exit
  --              treat every following argument as a LOG

exit status:
  0  success
  1  the logs were read but hold no GC record at all
  2  usage error, or a LOG could not be read. Every LOG is checked before any
     output: a missing, unreadable or directory LOG stops the run with no
     output. A LOG damaged part-way (e.g. truncated gzip) is reported on stderr
     after the output, which covers everything read before the damage.
)";

bool isLogArgument(std::string_view a) { return a == "-" || a.empty() || a[0] != '-'; }

}  // namespace

std::string_view helpText() { return kHelp; }
std::string versionText() { return std::string("gcscope-cli ") + GCSCOPE_VERSION + "\n"; }

ParsedArguments parseArguments(const std::vector<std::string_view>& args) {
    ParsedArguments result;
    Options& o = result.options;
    auto fail = [&](std::string message) {
        // --help/--version anywhere still win, so keep scanning for them only.
        if (result.error.empty()) result.error = std::move(message);
    };

    bool format_given = false;
    bool json_given = false;
    bool options_done = false;
    bool command_seen = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (options_done || isLogArgument(a)) {
            if (!command_seen) {
                command_seen = true;
                if (a == "events") {
                    o.command = Command::Events;
                } else if (a == "summary") {
                    o.command = Command::Summary;
                } else if (a == "help") {
                    o.help = true;
                } else {
                    fail("unknown command '" + std::string(a) + "' (expected events or summary)");
                }
            } else {
                o.logs.emplace_back(a);
            }
        } else if (a == "--") {
            options_done = true;
        } else if (a == "-h" || a == "--help") {
            o.help = true;
        } else if (a == "-V" || a == "--version") {
            o.version = true;
        } else if (a == "--json") {
            json_given = true;
            o.json = true;
        } else if (a == "--format" || a.starts_with("--format=")) {
            std::string_view value;
            if (a == "--format") {
                if (i + 1 >= args.size()) {
                    fail("option '--format' needs a value (csv or jsonl)");
                    continue;
                }
                value = args[++i];
            } else {
                value = a.substr(std::string_view("--format=").size());
            }
            format_given = true;
            if (value == "csv") {
                o.format = EventFormat::Csv;
            } else if (value == "jsonl") {
                o.format = EventFormat::Jsonl;
            } else {
                fail("unknown format '" + std::string(value) + "' (expected csv or jsonl)");
            }
        } else {
            fail("unknown option '" + std::string(a) + "'");
        }
    }
    if (o.help || o.version) {
        result.error.clear();
        return result;
    }
    if (!result.error.empty()) return result;

    if (o.command == Command::None) {
        fail("missing command (events or summary)");
    } else if (format_given && o.command != Command::Events) {
        fail("option '--format' applies to 'events' only");
    } else if (json_given && o.command != Command::Summary) {
        fail("option '--json' applies to 'summary' only (events takes --format jsonl)");
    } else if (o.logs.empty()) {
        fail("missing LOG (give '-' to read standard input)");
    } else {
        size_t stdin_count = 0;
        for (const auto& l : o.logs) stdin_count += l == "-";
        if (stdin_count > 1) fail("standard input ('-') can be read only once");
    }
    return result;
}

}  // namespace gcscope::cli
