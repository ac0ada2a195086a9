#include "check_command.hpp"

#include <cmath>

#include "check_rules.hpp"
#include "gcscope/model/timeline.hpp"
#include "log_source.hpp"
#include "output.hpp"
#include "summary_builder.hpp"
#include "text_format.hpp"
#include "timeline_loader.hpp"

namespace gcscope::cli {

int runCheck(const Options& options) {
    model::Timeline& timeline = statisticsTimeline();
    const std::vector<SourceRun> runs = loadTimeline(options.logs, timeline);
    const Summary summary = buildSummary(timeline, runs, timeRange(options));

    // Read errors and "no GC record at all" are reported the usual way; a CI gate must not pass
    // on a log it could not read, so both are exit status 2 here.
    if (reportOutcome(runs) != 0) return 2;
    if (summary.gcRecords() == 0) {
        std::string message = "no GC record";
        if (!std::isnan(options.from_ms)) {
            message += " from ";
            appendNumber(message, options.from_ms);
            message += " ms";
        }
        if (!std::isnan(options.to_ms)) {
            message += " up to ";
            appendNumber(message, options.to_ms);
            message += " ms";
        }
        printError(message + ": nothing to check");
        return 2;
    }

    const std::vector<std::string> violated = violatedBounds(summary, options);
    Output out;
    for (const std::string& line : violated) out.buffer() += line + '\n';
    if (violated.empty()) out.buffer() += boundsHoldLine(summary, options) + '\n';
    if (!out.flush()) {
        printError("cannot write to standard output");
        return 2;
    }
    return violated.empty() ? 0 : 1;
}

}  // namespace gcscope::cli
