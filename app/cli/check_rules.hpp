// The bounds of `check`, applied to a Summary: pure, so each rule is unit-testable.
#pragma once

#include <string>
#include <vector>

#include "options.hpp"
#include "summary_data.hpp"

namespace gcscope::cli {

/// One line per violated bound, e.g.
///   "pause p99 41.2 ms > 20 ms (old, pid 8660, isolate 0x3b1ed000, gc.log)".
/// Pauses are checked per isolate and generation (a bound that holds for each holds for their
/// union: the union's p99 is at most the largest part's), the overhead per isolate (its GC
/// pauses / its span), --no-leak against the diagnosis.
std::vector<std::string> violatedBounds(const Summary& summary, const Options& options);

/// "all 3 bounds hold for 111 GC records in 1 isolate"
std::string boundsHoldLine(const Summary& summary, const Options& options);

}  // namespace gcscope::cli
