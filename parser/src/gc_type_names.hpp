// V8's --trace-gc type names, shared by the X3 grammar and the hand-tuned common-line path.
#pragma once

#include <cstring>
#include <string_view>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::parser {

struct GcTypeName {
    std::string_view text;
    GcType type;
};

/// No name is a prefix of another, so the first match is the only one.
inline constexpr GcTypeName kGcTypeNames[] = {
    {"Scavenge", GcType::Scavenge},
    {"Mark-sweep", GcType::MarkSweep},
    {"Mark-Compact", GcType::MarkCompact},
    {"Minor Mark-Compact", GcType::MinorMarkCompact},
    {"Minor Mark-Sweep", GcType::MinorMarkSweep},
    {"Incremental Mark-Compact", GcType::IncrementalMarkCompact},
    {"Incremental Minor Mark-Sweep", GcType::IncrementalMinorMarkSweep},
};

/// The type name at [p, end), compared whole against the names with the same first letter; or
/// nullptr.
inline const GcTypeName* matchGcTypeName(const char* p, const char* end) {
    const size_t available = size_t(end - p);
    if (available == 0) return nullptr;
    for (const GcTypeName& name : kGcTypeNames) {
        if (name.text[0] == *p && available >= name.text.size() &&
            std::memcmp(p, name.text.data(), name.text.size()) == 0)
            return &name;
    }
    return nullptr;
}

}  // namespace gcscope::parser
