#pragma once

#include "options.hpp"

namespace gcscope::cli {

/// `gcscope-cli summary`: reads every log, then prints the text or --json report. Returns the
/// exit status.
int runSummary(const Options& options);

}  // namespace gcscope::cli
