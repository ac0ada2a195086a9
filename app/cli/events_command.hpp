#pragma once

#include "options.hpp"

namespace gcscope::cli {

/// `gcscope-cli events`: streams one row per GC record to stdout. Returns the exit status.
int runEvents(const Options& options);

}  // namespace gcscope::cli
