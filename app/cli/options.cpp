#include "options.hpp"

#include <charconv>
#include <cmath>

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
  watch [--format csv|jsonl] LOG
        Follows LOG as it grows (like tail -F): prints the rows of events for
        what it holds, then each new GC record as soon as its line is complete,
        flushed at once. Survives truncation (copytruncate), rotation and
        deletion (said on stderr). Runs until SIGINT or SIGTERM, then exits 0.
  summary [--json] [--from MS] [--to MS] LOG...
        Per log and overall: GC counts and pauses by isolate and generation,
        time span per isolate (each isolate has its own clock), duplicates
        dropped, heap-space samples, out-of-memory markers, how every line was
        classified, and the first unrecognised lines; then statistics (pause
        mean and p50/p90/p95/p99/p99.9 by generation and collector, GC overhead,
        time between GCs, pause histogram, causes, footprint, live-set trend) and
        the diagnosis: leak, gc-pressure, near-heap-limit, each with its
        evidence. --json prints one JSON object instead of text (schema in
        README.md).
  check [--max-pause-p99 MS] [--max-pause MS] [--max-overhead PCT] [--no-leak]
        [--from MS] [--to MS] LOG...
        For CI: checks every isolate against the bounds given (at least one):
        99th-percentile and longest pause per generation, GC overhead (% of the
        isolate's time spent in GC pauses), and no leak in the diagnosis. Prints
        one line per violated bound, or one "ok" line.

options:
  --from MS, --to MS
                  only GCs at MS or later / at MS or earlier (summary, check);
                  MS is milliseconds on each isolate's own clock, as the log
                  prints it
  -h, --help      show this help and exit
  -V, --version   show the version and exit
  --              treat every following argument as a LOG

exit status:
  0  success (check: every bound holds)
  1  the logs were read but hold no GC record at all (check: a bound is
     exceeded)
  2  usage error, or a LOG could not be read. Every LOG is checked before any
     output: a missing, unreadable or directory LOG stops the run with no
     output. A LOG damaged part-way (e.g. truncated gzip) is reported on stderr
     after the output, which covers everything read before the damage. check
     also exits 2 when there is no GC record to check (in the --from/--to
     range).
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
    bool range_given = false;
    bool bound_given = false;
    bool options_done = false;
    bool command_seen = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        // "--name VALUE" or "--name=VALUE": true (and `value` set) when `a` is option `name`.
        std::string_view value;
        bool value_missing = false;
        auto valued = [&](std::string_view name) {
            if (a == name) {
                if (i + 1 >= args.size()) {
                    value_missing = true;
                } else {
                    value = args[++i];
                }
                return true;
            }
            if (a.size() > name.size() && a.starts_with(name) && a[name.size()] == '=') {
                value = a.substr(name.size() + 1);
                return true;
            }
            return false;
        };
        // A number option: the value must be a finite number; bounds must not be negative.
        auto number = [&](std::string_view name, const char* unit, bool non_negative, double& out) {
            if (value_missing) {
                fail("option '" + std::string(name) + "' needs a value (" + unit + ")");
                return;
            }
            const std::optional<double> v = parseNumber(value);
            if (!v || (non_negative && *v < 0)) {
                fail("option '" + std::string(name) + "' needs a " +
                     (non_negative ? "non-negative number" : "number") + " (" + unit + "), got '" +
                     std::string(value) + "'");
                return;
            }
            out = *v;
        };

        if (options_done || isLogArgument(a)) {
            if (!command_seen) {
                command_seen = true;
                if (a == "events") {
                    o.command = Command::Events;
                } else if (a == "summary") {
                    o.command = Command::Summary;
                } else if (a == "check") {
                    o.command = Command::Check;
                } else if (a == "watch") {
                    o.command = Command::Watch;
                } else if (a == "help") {
                    o.help = true;
                } else {
                    fail("unknown command '" + std::string(a) +
                         "' (expected events, summary or check)");
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
        } else if (a == "--no-leak") {
            bound_given = true;
            o.no_leak = true;
        } else if (valued("--format")) {
            if (value_missing) {
                fail("option '--format' needs a value (csv or jsonl)");
                continue;
            }
            format_given = true;
            if (value == "csv") {
                o.format = EventFormat::Csv;
            } else if (value == "jsonl") {
                o.format = EventFormat::Jsonl;
            } else {
                fail("unknown format '" + std::string(value) + "' (expected csv or jsonl)");
            }
        } else if (valued("--from")) {
            range_given = true;
            number("--from", "milliseconds", false, o.from_ms);
        } else if (valued("--to")) {
            range_given = true;
            number("--to", "milliseconds", false, o.to_ms);
        } else if (valued("--max-pause-p99")) {
            bound_given = true;
            number("--max-pause-p99", "milliseconds", true, o.max_pause_p99_ms);
        } else if (valued("--max-pause")) {
            bound_given = true;
            number("--max-pause", "milliseconds", true, o.max_pause_ms);
        } else if (valued("--max-overhead")) {
            bound_given = true;
            number("--max-overhead", "percent", true, o.max_overhead_pct);
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
        fail("missing command (events, summary or check)");
    } else if (format_given && o.command != Command::Events && o.command != Command::Watch) {
        fail("option '--format' applies to 'events' only (and 'watch')");
    } else if (json_given && o.command != Command::Summary) {
        fail("option '--json' applies to 'summary' only (events takes --format jsonl)");
    } else if (range_given && (o.command == Command::Events || o.command == Command::Watch)) {
        fail("options '--from' and '--to' apply to 'summary' and 'check' only");
    } else if (bound_given && o.command != Command::Check) {
        fail("options '--max-pause-p99', '--max-pause', '--max-overhead' and '--no-leak' apply "
             "to 'check' only");
    } else if (o.command == Command::Check && !bound_given) {
        fail("'check' needs at least one bound (--max-pause-p99, --max-pause, --max-overhead, "
             "--no-leak)");
    } else if (o.from_ms > o.to_ms) {
        fail("'--from' is after '--to'");
    } else if (o.logs.empty()) {
        fail("missing LOG (give '-' to read standard input)");
    } else if (o.command == Command::Watch && (o.logs.size() != 1 || o.logs[0] == "-")) {
        fail("'watch' follows exactly one LOG file (not standard input)");
    } else {
        size_t stdin_count = 0;
        for (const auto& l : o.logs) stdin_count += l == "-";
        if (stdin_count > 1) fail("standard input ('-') can be read only once");
    }
    return result;
}

std::optional<double> parseNumber(std::string_view text) {
    double v = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

model::TimeRange timeRange(const Options& o) {
    model::TimeRange r;
    if (!std::isnan(o.from_ms)) r.from_ms = o.from_ms;
    if (!std::isnan(o.to_ms)) r.to_ms = o.to_ms;
    return r;
}

}  // namespace gcscope::cli
