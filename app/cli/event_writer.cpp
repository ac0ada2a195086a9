#include "event_writer.hpp"

namespace gcscope::cli {

std::string_view RecordTextCache::collector(const parser::GcRecord& r) {
    const size_t type = size_t(r.type);
    if (r.type == parser::GcType::Unknown || type >= 8 || r.flags >= kFlagCombos) {
        scratch_ = r.collectorName();
        return scratch_;
    }
    const size_t slot = type * kFlagCombos + r.flags;
    if (!collector_set_[slot]) {
        collectors_[slot] = r.collectorName();
        collector_set_[slot] = true;
    }
    return collectors_[slot];
}

std::string_view RecordTextCache::isolate(const parser::IsolateKey& k) {
    // Consecutive records usually come from the same isolate.
    if (!isolate_valid_ || !(k == isolate_key_) || k.msvc_pointer != isolate_key_.msvc_pointer) {
        isolate_key_ = k;
        isolate_text_ = k.isolateText();
        isolate_valid_ = true;
    }
    return isolate_text_;
}

}  // namespace gcscope::cli
