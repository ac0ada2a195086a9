// Printers for `summary`: the human text form and the --json form of the same Summary.
#pragma once

#include "output.hpp"
#include "summary_data.hpp"

namespace gcscope::cli {

// Both write as they go, flushing `out` between rows: the report of a log of tens of thousands
// of isolates is tens of megabytes (JSON), which need not all be in memory at once.
void writeSummaryText(Output& out, const Summary& summary);
/// One JSON object and a newline.
void writeSummaryJson(Output& out, const Summary& summary);

}  // namespace gcscope::cli
