// What "collector" means in the statistics: V8's GC type with the modifiers it prints around it
// ("Mark-Compact (reduce)", "Shared Mark-Compact", "Scavenge (interleaved)"), packed in 16 bits.
#pragma once

#include <cstdint>
#include <string>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model {

/// Record flags that change what kind of collection it was. kFromOomDump and kTruncated say how
/// the record reached us, not what V8 did, so they are not part of the collector.
inline constexpr uint8_t kCollectorModifiers =
    parser::kShared | parser::kReduce | parser::kInterleaved | parser::kDuringSweeping;

using CollectorKey = uint16_t;

inline CollectorKey collectorKey(parser::GcType type, uint8_t flags) {
    return CollectorKey((unsigned(type) << 8) | (flags & kCollectorModifiers));
}
inline parser::GcType collectorType(CollectorKey k) { return parser::GcType(k >> 8); }
inline parser::Generation collectorGeneration(CollectorKey k) {
    return parser::generationOf(collectorType(k));
}
/// "Mark-Compact (reduce)": the same spelling as the events command's collector column.
std::string collectorName(CollectorKey k);

}  // namespace gcscope::model
