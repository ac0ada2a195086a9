#include "gcscope/parser/gc_record.hpp"

#include <array>
#include <charconv>

namespace gcscope::parser {

std::string IsolateKey::isolateText() const {
    if (!known() || isolate == 0) return {};
    std::array<char, 24> buf{};
    if (msvc_pointer) {
        // MSVC prints %p as 16 upper-case digits without "0x": keep the user's spelling.
        static constexpr char kDigits[] = "0123456789ABCDEF";
        for (int i = 15; i >= 0; --i) buf[size_t(15 - i)] = kDigits[(isolate >> (i * 4)) & 0xF];
        return std::string(buf.data(), 16);
    }
    buf[0] = '0';
    buf[1] = 'x';
    auto [end, ec] = std::to_chars(buf.data() + 2, buf.data() + buf.size(), isolate, 16);
    (void)ec;
    return std::string(buf.data(), end);
}

Generation generationOf(GcType t) {
    switch (t) {
        case GcType::Scavenge:
        case GcType::MinorMarkCompact:
        case GcType::MinorMarkSweep:
        case GcType::IncrementalMinorMarkSweep:
            return Generation::Young;
        default:
            return Generation::Old;
    }
}

std::string_view gcTypeName(GcType t) {
    switch (t) {
        case GcType::Scavenge:
            return "Scavenge";
        case GcType::MarkSweep:
            return "Mark-sweep";
        case GcType::MarkCompact:
            return "Mark-Compact";
        case GcType::IncrementalMarkCompact:
            return "Incremental Mark-Compact";
        case GcType::MinorMarkCompact:
            return "Minor Mark-Compact";
        case GcType::MinorMarkSweep:
            return "Minor Mark-Sweep";
        case GcType::IncrementalMinorMarkSweep:
            return "Incremental Minor Mark-Sweep";
        case GcType::Unknown:
            break;
    }
    return "Unknown";
}

std::string_view generationName(Generation g) {
    return g == Generation::Young ? "young" : "old";
}

std::string_view recordFormName(RecordForm f) {
    switch (f) {
        case RecordForm::Trace:
            return "trace";
        case RecordForm::Nvp:
            return "nvp";
        case RecordForm::NvpJson:
            return "nvp-json";
    }
    return "trace";
}

std::string_view oomKindName(OomMarker::Kind k) {
    switch (k) {
        case OomMarker::Kind::LastFewGcs:
            return "last-few-gcs";
        case OomMarker::Kind::FatalError:
            return "fatal-error";
        case OomMarker::Kind::FatalJavaScriptOom:
            return "fatal-javascript-oom";
    }
    return "last-few-gcs";
}

std::string GcRecord::collectorName() const {
    std::string name;
    if (flags & kShared) name += "Shared ";
    name += gcTypeName(type);
    if (flags & kReduce) name += " (reduce)";
    if (flags & kInterleaved) name += " (interleaved)";
    if (flags & kDuringSweeping) name += " (during sweeping)";
    return name;
}

const NvpField* GcRecord::nvpField(std::string_view key) const {
    for (const NvpField& f : nvp)
        if (f.key == key) return &f;
    return nullptr;
}

}  // namespace gcscope::parser
