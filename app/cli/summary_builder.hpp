// Turns the model of the logs into the Summary that `summary` prints and `check` checks.
#pragma once

#include <vector>

#include "gcscope/model/timeline.hpp"
#include "log_source.hpp"
#include "summary_data.hpp"

namespace gcscope::cli {

/// `runs` are the logs in timeline source order (loadTimeline's result).
Summary buildSummary(const model::Timeline& timeline, const std::vector<SourceRun>& runs,
                     const model::TimeRange& range);

}  // namespace gcscope::cli
