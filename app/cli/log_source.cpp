#include "log_source.hpp"

#include <cstdio>

#include "gcscope/parser/input_source.hpp"
#include "gcscope/parser/stream_parser.hpp"

namespace gcscope::cli {

std::string displayName(const std::string& path) {
    return path == "-" ? std::string("standard input") : path;
}

std::vector<std::string> checkReadable(const std::vector<std::string>& paths) {
    // readLog() reports the same problems, but only when it gets to the file; checking first
    // means a typo in the third LOG does not leave two logs' worth of rows on stdout.
    std::vector<std::string> problems;
    for (const auto& path : paths)
        if (std::string problem = parser::checkLog(path); !problem.empty()) problems.push_back(problem);
    return problems;
}

SourceRun parseSource(const std::string& path, parser::RecordSink& sink) {
    SourceRun run;
    run.path = path;
    parser::StreamParser stream(sink);
    run.error = parser::readLog(path, [&](std::string_view chunk) { stream.feed(chunk); });
    // Also after a read error: the last, possibly cut, line still counts.
    stream.finish();
    run.stats = stream.stats();
    return run;
}

void printError(const std::string& message) {
    std::fprintf(stderr, "gcscope-cli: %s\n", message.c_str());
}

int reportOutcome(const std::vector<SourceRun>& runs) {
    bool read_failed = false;
    uint64_t records = 0, lines = 0, unrecognised = 0;
    for (const auto& r : runs) {
        if (!r.error.empty()) {
            printError(r.error);
            read_failed = true;
        }
        records += r.stats.gc_records;
        lines += r.stats.lines;
        unrecognised += r.stats.unrecognised_lines;
    }
    // After a read error, "no GC record" would be a second message about the same failure.
    if (records == 0 && !read_failed) {
        std::string where = runs.size() == 1 ? displayName(runs.front().path)
                                             : std::to_string(runs.size()) + " logs";
        printError("no GC record found in " + where + " (" + std::to_string(lines) +
                   " lines read, " + std::to_string(unrecognised) + " unrecognised)");
    }
    if (read_failed) return 2;
    return records == 0 ? 1 : 0;
}

}  // namespace gcscope::cli
