// Printers for `summary`: the human text form and the --json form of the same Summary.
#pragma once

#include <string>

#include "summary_data.hpp"

namespace gcscope::cli {

void appendSummaryText(std::string& out, const Summary& summary);
/// One JSON object and a newline.
void appendSummaryJson(std::string& out, const Summary& summary);

}  // namespace gcscope::cli
