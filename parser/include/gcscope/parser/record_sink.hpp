#pragma once

#include <cstdint>
#include <string_view>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser {

/// Receives what the parser finds, in input order. Every callback's views are valid only for the
/// duration of the call: copy (or intern) what you keep.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    virtual void onGc(const GcRecord& record) = 0;
    virtual void onHeapSpace(const HeapSpaceSample&) {}
    virtual void onOom(const OomMarker&) {}
    /// A line that is neither a record nor a known non-record line (application output, garbage).
    virtual void onUnrecognised(uint64_t /*line*/, std::string_view /*text*/) {}
};

}  // namespace gcscope::parser
