#include "summary_command.hpp"

#include "log_source.hpp"
#include "output.hpp"
#include "summary_report.hpp"
#include "summary_sink.hpp"

namespace gcscope::cli {

int runSummary(const Options& options) {
    Summary summary;
    std::vector<SourceRun> runs;
    summary.sources.reserve(options.logs.size());
    for (const auto& path : options.logs) {
        SourceSummary& source = summary.sources.emplace_back();
        source.path = path;
        SummarySink sink(source);
        SourceRun run = parseSource(path, sink);
        source.stats = run.stats;
        source.error = run.error;
        runs.push_back(std::move(run));
    }

    Output out;
    if (options.json) {
        appendSummaryJson(out.buffer(), summary);
    } else {
        appendSummaryText(out.buffer(), summary);
    }
    if (!out.flush()) {
        printError("cannot write to standard output");
        return 2;
    }
    return reportOutcome(runs);
}

}  // namespace gcscope::cli
