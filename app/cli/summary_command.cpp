#include "summary_command.hpp"

#include "gcscope/model/timeline.hpp"
#include "log_source.hpp"
#include "output.hpp"
#include "summary_builder.hpp"
#include "summary_report.hpp"
#include "timeline_loader.hpp"

namespace gcscope::cli {

int runSummary(const Options& options) {
    model::Timeline& timeline = statisticsTimeline();
    const std::vector<SourceRun> runs = loadTimeline(options.logs, timeline);
    const Summary summary = buildSummary(timeline, runs, timeRange(options));

    Output out;
    if (options.json) {
        writeSummaryJson(out, summary);
    } else {
        writeSummaryText(out, summary);
    }
    if (!out.flush()) {
        printError("cannot write to standard output");
        return 2;
    }
    return reportOutcome(runs);
}

}  // namespace gcscope::cli
