// What follows " ms" (and the optional clauses) on a --trace-gc line: the reason and the collector
// reason. Shared by the X3 path and the hand-tuned common-line path of the classifier.
#pragma once

#include <string_view>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser {

std::string_view trimSpaces(std::string_view s);  ///< without leading/trailing ' ' and '\t'

/// Splits `tail` into rec.reason and rec.collector_reason, in every era's shape ("[r] [c].",
/// "r c", "r; c"). Sets `cut` when the tail is a clause cut short rather than a reason.
void parseReasonTail(std::string_view tail, GcRecord& rec, bool& cut);

}  // namespace gcscope::parser
