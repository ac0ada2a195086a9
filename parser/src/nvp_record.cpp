#include "nvp_record.hpp"

namespace gcscope::parser {

namespace {

GcType typeOfNvpCode(std::string_view code) {
    if (code == "s") return GcType::Scavenge;
    if (code == "ms") return GcType::MarkSweep;
    if (code == "mc") return GcType::MarkCompact;
    if (code == "mmc") return GcType::MinorMarkCompact;
    if (code == "mms") return GcType::MinorMarkSweep;
    return GcType::Unknown;
}

bool truthy(const NvpField& f) {
    return f.text == "true" || (!isAbsent(f.value) && f.value != 0);
}

}  // namespace

bool nvpToRecord(std::span<const NvpField> fields, RecordForm form, GcRecord& rec) {
    constexpr double kMiB = 1024.0 * 1024.0;
    bool has_gc = false;
    rec.form = form;
    for (const NvpField& f : fields) {
        const std::string_view k = f.key;
        // Dispatch on the first letter: records carry 30-150 keys and only a dozen matter here.
        switch (k[0]) {
            case 'g':
                if (k == "gc") {
                    rec.type = typeOfNvpCode(f.text);
                    has_gc = true;
                }
                break;
            case 'p':
                if (k == "pause") rec.pause_ms = f.value;
                break;
            case 't':
                if (k == "total_size_before")
                    rec.used_before_mb = f.value / kMiB;
                else if (k == "total_size_after")
                    rec.used_after_mb = f.value / kMiB;
                break;
            case 's':
                if (k == "start_object_size")
                    rec.used_before_mb = f.value / kMiB;
                else if (k == "start_memory_size")
                    rec.committed_before_mb = f.value / kMiB;
                else if (k == "steps_count" && rec.type != GcType::Scavenge)
                    rec.incremental_steps = f.value;
                break;
            case 'e':
                if (k == "end_object_size")
                    rec.used_after_mb = f.value / kMiB;
                else if (k == "end_memory_size")
                    rec.committed_after_mb = f.value / kMiB;
                else if (k == "external")
                    rec.external_ms = f.value;
                break;
            case 'r':
                if (k == "reduce_memory" && truthy(f))
                    rec.flags |= kReduce;
                else if (k == "reason")
                    rec.reason = f.text;
                break;
            case 'c':
                if (k == "collector_reason") rec.collector_reason = f.text;
                break;
            case 'd':
                if (k == "during_sweeping" && truthy(f)) rec.flags |= kDuringSweeping;
                break;
            case 'i':
                if (k == "interleaved") {
                    if (truthy(f)) rec.flags |= kInterleaved;
                } else if (k == "incremental_walltime_duration") {
                    rec.incremental_walltime_ms = f.value;
                } else if (k == "incremental_steps_count") {
                    rec.incremental_steps = f.value;
                } else if (k == "incremental_longest_step") {
                    rec.incremental_biggest_step_ms = f.value;
                } else if (k == "is_incremental" && truthy(f) && rec.type == GcType::MarkCompact) {
                    rec.type = GcType::IncrementalMarkCompact;
                }
                break;
            case 'l':
                if (k == "longest_step" && rec.type != GcType::Scavenge)
                    rec.incremental_biggest_step_ms = f.value;
                break;
            default:
                break;
        }
    }
    return has_gc && !isAbsent(rec.pause_ms);
}

}  // namespace gcscope::parser
