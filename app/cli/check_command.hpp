#pragma once

#include "options.hpp"

namespace gcscope::cli {

/// `gcscope-cli check`: reads every log, checks the bounds, prints each violated bound (or one
/// "ok" line) on stdout. Returns 0 when all hold, 1 when one is exceeded, 2 when a log could not
/// be read or holds no GC record in the range (nothing to check).
int runCheck(const Options& options);

}  // namespace gcscope::cli
