// The line bodies the common-line reader (common_line.hpp) knows: records after " ms: ", heap-space
// samples after the prefix.
#pragma once

#include <vector>

#include "gcscope/parser/gc_record.hpp"
#include "line_cursor.hpp"

namespace gcscope::parser {

/// A --trace-gc record from its type name to the end of the line (reason and collector reason
/// included): fills rec's trace fields, or returns false.
bool readCommonTraceBody(LineCursor& c, GcRecord& rec);

/// --trace-gc-nvp "key=value" pairs to the end of the line, appended to `fields`; false (fields
/// possibly appended: the caller takes them back) for anything but pairs up to the end.
bool readCommonNvpPairs(LineCursor& c, std::vector<NvpField>& fields);

/// Node 26's "GC: {…}" to the end of the line, its members appended to `fields`; false (fields
/// possibly appended) for anything else.
bool readCommonNvpJson(LineCursor& c, std::vector<NvpField>& fields);

/// A --trace-gc-verbose heap-space line after its prefix ("Old space,   used: 62965 KB, …") to
/// the end of the line: fills s.space and its amounts, or returns false.
bool readCommonHeapSpace(LineCursor& c, HeapSpaceSample& s);

}  // namespace gcscope::parser
