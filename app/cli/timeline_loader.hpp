// Reads logs into one model::Timeline, one source per log, for `summary` and `check`.
#pragma once

#include <string>
#include <vector>

#include "gcscope/model/timeline.hpp"
#include "log_source.hpp"

namespace gcscope::cli {

/// A Timeline for a command's statistics, alive until the process exits and never destroyed:
/// tearing down one block at a time the columns of millions of events costs more than computing
/// their statistics (bench/cli_vs_wc.sh), and the exit frees it all at once. nvp keys, heap-space
/// samples and incremental-marking clauses are not kept (the statistics never read them).
model::Timeline& statisticsTimeline();

/// Each log becomes a source of `timeline` (in order) and gets its own parser. Returns what
/// reading each produced (stats, read error), in the same order.
std::vector<SourceRun> loadTimeline(const std::vector<std::string>& paths, model::Timeline& timeline);

}  // namespace gcscope::cli
