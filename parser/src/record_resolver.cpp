#include "record_resolver.hpp"

#include <bit>
#include <cstring>

namespace gcscope::parser {

namespace {

uint64_t bitsOf(double d) {
    return std::bit_cast<uint64_t>(d);
}

/// What makes two records the same GC: the OOM report's copy may be cut short, so reasons and
/// clauses after the pause are left out. Each field is multiplied by its own odd constant and the
/// products summed — independent multiplies that run side by side; a chain of one mix per field
/// was most of the resolver's time — then one final mix spreads the bits.
uint64_t fingerprint(const GcRecord& r) {
    constexpr uint16_t kIdentityFlags = kShared | kReduce | kInterleaved | kDuringSweeping;
    const uint64_t kind =
        uint64_t(r.type) | uint64_t(r.flags & kIdentityFlags) << 8 | uint64_t(r.form) << 24;
    uint64_t h = kind * 0x9E3779B97F4A7C15ull + bitsOf(r.time_ms) * 0xC2B2AE3D27D4EB4Full +
                 bitsOf(r.used_before_mb) * 0x165667B19E3779F9ull +
                 bitsOf(r.committed_before_mb) * 0xD6E8FEB86659FD93ull +
                 bitsOf(r.used_after_mb) * 0xFF51AFD7ED558CCDull +
                 bitsOf(r.committed_after_mb) * 0xC4CEB9FE1A85EC53ull +
                 bitsOf(r.pause_ms) * 0x94D049BB133111EBull;
    h ^= h >> 33;  // the murmur3 finaliser
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

}  // namespace

bool RecordResolver::IsolateState::seenRecently(uint64_t fp) const {
    for (uint32_t i = 0; i < filled; ++i)
        if (recent[i] == fp) return true;
    return false;
}

void RecordResolver::IsolateState::remember(uint64_t fp) {
    recent[next] = fp;
    next = (next + 1) % recent.size();
    if (filled < recent.size()) ++filled;
}

RecordResolver::IsolateState& RecordResolver::stateOf(const IsolateKey& key) {
    if (cached_state_ && key == cached_key_) return *cached_state_;
    cached_key_ = key;
    cached_state_ = &isolates_[key];  // unordered_map never moves its elements
    return *cached_state_;
}

void RecordResolver::onGc(ClassifiedChunk& chunk, ClassifiedItem& item, GcRecord& rec) {
    if (!item.prefixed) rec.key = last_key_;
    if (in_oom_report_) {
        rec.flags |= kFromOomDump;
        if (item.ring_buffer_cut) {
            // V8 cut this ring-buffer entry at 255 chars: its last text field is incomplete.
            rec.flags |= kTruncated;
            if (!rec.collector_reason.empty()) {
                rec.collector_reason = {};
            } else {
                rec.reason = {};
            }
        }
    }
    IsolateState& state = stateOf(rec.key);
    const uint64_t fp = fingerprint(rec);
    // Only the OOM report re-prints records; outside it, identical lines are real (and checking
    // every record against the window would cost a fifth of the resolver's time).
    if (in_oom_report_ && state.seenRecently(fp)) {
        ++stats_.duplicate_records;
        return;
    }
    state.remember(fp);
    if (!isAbsent(rec.time_ms)) state.last_time_ms = rec.time_ms;
    if (item.prefixed) last_key_ = rec.key;
    rec.nvp = std::span<const NvpField>(chunk.nvp.data() + item.nvp_begin, item.nvp_count);
    ++stats_.gc_records;
    sink_.onGc(rec);
}

void RecordResolver::resolve(ClassifiedChunk& chunk) {
    const uint64_t base = stats_.lines;
    for (ClassifiedItem& item : chunk.items) {
        const uint64_t line = base + item.line + 1;
        if (auto* rec = std::get_if<GcRecord>(&item.payload)) {
            rec->line = line;
            onGc(chunk, item, *rec);
        } else if (auto* sample = std::get_if<HeapSpaceSample>(&item.payload)) {
            sample->line = line;
            sample->time_ms = stateOf(sample->key).last_time_ms;
            ++stats_.heap_space_samples;
            sink_.onHeapSpace(*sample);
        } else if (auto* oom = std::get_if<OomMarker>(&item.payload)) {
            oom->line = line;
            oom->key = last_key_;
            oom->time_ms = stateOf(last_key_).last_time_ms;
            in_oom_report_ = oom->kind == OomMarker::Kind::LastFewGcs;
            ++stats_.oom_markers;
            sink_.onOom(*oom);
        } else if (std::holds_alternative<OomSectionEnd>(item.payload)) {
            in_oom_report_ = false;
        } else if (auto* text = std::get_if<UnrecognisedText>(&item.payload)) {
            if (stats_.first_unrecognised.size() < ParseStats::kMaxKeptUnrecognised) {
                stats_.first_unrecognised.push_back(
                    {line, std::string(text->text.substr(0, ParseStats::kMaxKeptTextBytes))});
            }
            sink_.onUnrecognised(line, text->text);
        }
    }
    stats_.lines += chunk.lines;
    stats_.record_lines += chunk.record_lines;
    stats_.known_lines += chunk.known_lines;
    stats_.unrecognised_lines += chunk.unrecognised_lines;
    stats_.overlong_lines += chunk.overlong_lines;
}

}  // namespace gcscope::parser
