// The typed fields of an nvp record (pause, sizes, gc type, reason, …) from its generic key list.
// Shared by the grammar path and the hand-tuned common-line path of the classifier.
#pragma once

#include <span>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser {

/// Fills rec's typed fields from `fields` (--trace-gc-nvp key=value or Node 26's JSON form).
/// Returns false if the pairs do not make a GC record (no "gc" code or no numeric "pause").
bool nvpToRecord(std::span<const NvpField> fields, RecordForm form, GcRecord& rec);

}  // namespace gcscope::parser
