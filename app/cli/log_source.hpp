// Runs one log through the parser, and the checks and exit-status rules both commands share.
#pragma once

#include <string>
#include <vector>

#include "gcscope/parser/parse_stats.hpp"
#include "gcscope/parser/record_sink.hpp"

namespace gcscope::cli {

/// What reading one log produced, besides what its sink received.
struct SourceRun {
    std::string path;  ///< as given on the command line ("-" = standard input)
    parser::ParseStats stats;
    std::string error;  ///< readLog()'s message when the log could not be read to the end
};

/// "-" is shown as "standard input" in messages.
std::string displayName(const std::string& path);

/// Checks, before any output is written, that each path can be opened for reading and is not a
/// directory. Returns one message per failing path (same wording as parser::readLog).
std::vector<std::string> checkReadable(const std::vector<std::string>& paths);

/// Reads `path` (plain, gzip or stdin) through a fresh StreamParser feeding `sink`: records are
/// keyed per source, so each log gets its own parser.
SourceRun parseSource(const std::string& path, parser::RecordSink& sink);

/// Prints the read errors and, when no log held a GC record, the "no GC record found" line, all
/// on stderr. Returns the exit status: 2 if a read failed, else 1 without records, else 0.
int reportOutcome(const std::vector<SourceRun>& runs);

/// Prints "gcscope-cli: MESSAGE" on stderr.
void printError(const std::string& message);

}  // namespace gcscope::cli
