#include "gcscope/model/series.hpp"

#include <charconv>
#include <cmath>

namespace gcscope::model {

Series::Series(uint32_t source, const parser::IsolateKey& key)
    : source_(source), key_(key), isolate_text_(key.isolateText()) {
    isolate_id_.store(key.isolate_id, std::memory_order_relaxed);
}

double Series::decimal(float v) {
    if (std::isnan(v)) return parser::kAbsent;
    // The shortest decimal that reads back as this float is the one V8 printed (it printed at
    // most 7 significant digits); reading that decimal as a double gives what the parser gave.
    // Fast path for V8's "%.1f" / "%.2f" / "%.3f": k / 10^d is the double the parser read for
    // that decimal (both are the correctly rounded quotient), and it is the one V8 printed if it
    // rounds back to this float.
    if (std::fabs(v) < 1e6f) {
        for (double scale : {1.0, 10.0, 100.0, 1000.0}) {
            const double d = std::nearbyint(double(v) * scale) / scale;
            if (float(d) == v) return d;
        }
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    double d = v;
    if (ec == std::errc()) std::from_chars(buf, end, d);
    return d;
}

uint16_t Series::toPerMille(double v) {
    if (std::isnan(v)) return kNoMu;
    // V8 prints mu with "%.3f"; anything else is rounded to the nearest thousandth (by adding
    // one half: nearbyint is a library call, and this runs for every GC).
    const double r = v * 1000.0 + 0.5;
    if (!(r >= 0)) return 0;
    if (r >= kNoMu) return kNoMu - 1;
    return uint16_t(r);
}

void Series::append(const parser::GcRecord& r, uint16_t reason, uint16_t collector_reason, bool keep_incremental) {
    const size_t index = written_;
    uint8_t flags = uint8_t(r.flags & 0x3F);

    double t = r.time_ms;
    if (std::isnan(t) || (index && t < last_time_)) {
        // Keep the time column sorted so ranges are two binary searches; the printed value is
        // kept aside (rare: records without a time, stray entries of an OOM report).
        adjusted_time_.push_back(t);
        adjusted_event_.push_back(uint32_t(index));
        t = index ? last_time_ : 0.0;
        flags |= kTimeAdjusted;
    }
    if (!std::isnan(r.incremental_ms) || !std::isnan(r.incremental_steps) ||
        !std::isnan(r.incremental_biggest_step_ms) || !std::isnan(r.incremental_walltime_ms)) {
        if (keep_incremental) {
            incremental_.push_back({r.incremental_ms, r.incremental_steps, r.incremental_biggest_step_ms,
                                    r.incremental_walltime_ms});
            incremental_event_.push_back(uint32_t(index));
        }
        flags |= kHasIncremental;
    }

    const core::Rows::Block b = rows_.writable(index);
    const size_t o = b.offset;
    b.column<double>(core::kTime)[o] = t;
    b.column<double>(core::kPause)[o] = r.pause_ms;
    b.column<uint64_t>(core::kLine)[o] = r.line;
    b.column<float>(core::kUsedBefore)[o] = float(r.used_before_mb);
    b.column<float>(core::kCommittedBefore)[o] = float(r.committed_before_mb);
    b.column<float>(core::kUsedAfter)[o] = float(r.used_after_mb);
    b.column<float>(core::kCommittedAfter)[o] = float(r.committed_after_mb);
    b.column<float>(core::kExternal)[o] = float(r.external_ms);
    b.column<float>(core::kPooled)[o] = float(r.pooled_mb);
    b.column<uint16_t>(core::kReason)[o] = reason;
    b.column<uint16_t>(core::kCollectorReason)[o] = collector_reason;
    b.column<uint16_t>(core::kMuAverage)[o] = toPerMille(r.mu_average);
    b.column<uint16_t>(core::kMuCurrent)[o] = toPerMille(r.mu_current);
    b.column<uint8_t>(core::kType)[o] = uint8_t(r.type);
    b.column<uint8_t>(core::kFlags)[o] = flags;
    b.column<uint8_t>(core::kForm)[o] = uint8_t(r.form);
    last_time_ = t;
    ++written_;
}

void Series::appendNvp(uint32_t key, double value) {
    if (key >= nvp_slot_.size()) nvp_slot_.resize(key + 1, -1);
    int32_t& slot = nvp_slot_[key];
    if (slot < 0) {
        auto column = std::make_unique<NvpColumn>();
        column->key = key;
        slot = int32_t(nvp_.size());
        nvp_.push_back(std::move(column));
    }
    NvpColumn& c = *nvp_[size_t(slot)];
    const auto event = uint32_t(written_ - 1);
    // A key printed twice in one record: keep the first, like GcRecord::nvpField.
    if (c.last_event == event) return;
    c.last_event = event;
    c.value.push_back(value);
    c.event.push_back(event);
}

void Series::appendHeapSpace(const HeapSpacePoint& p) { heap_.push_back(p); }

double Series::timeMs(size_t i) const {
    if (!(flags(i) & kTimeAdjusted)) return sortTimeMs(i);
    const size_t n = adjusted_event_.size();
    const size_t j = partitionPoint(0, n, [&](size_t k) { return adjusted_event_[k] < i; });
    return j < n && adjusted_event_[j] == i ? adjusted_time_[j] : sortTimeMs(i);
}

std::optional<IncrementalMarking> Series::incremental(size_t i) const {
    if (!(flags(i) & kHasIncremental)) return std::nullopt;
    const size_t n = incremental_event_.size();
    const size_t j = partitionPoint(0, n, [&](size_t k) { return incremental_event_[k] < i; });
    if (j < n && incremental_event_[j] == i) return incremental_[j];
    return std::nullopt;
}

const NvpColumn* Series::nvpColumnFor(uint32_t key) const {
    const size_t n = nvp_.size();
    for (size_t k = 0; k < n; ++k)
        if (nvp_[k]->key == key) return nvp_[k].get();
    return nullptr;
}

double Series::nvpValue(size_t i, uint32_t key) const {
    const NvpColumn* c = nvpColumnFor(key);
    if (!c) return parser::kAbsent;
    const size_t n = c->size();
    const size_t j = partitionPoint(0, n, [&](size_t k) { return c->event[k] < i; });
    return j < n && c->event[j] == i ? c->value[j] : parser::kAbsent;
}

IndexRange Series::locate(const TimeRange& range) const {
    const size_t n = size();
    if (range.isAll() || n == 0) return {0, n};
    // Most isolates of a many-isolate log lie wholly inside the view or wholly outside it: two
    // reads answer, where a binary search costs a cache miss per step (a redraw of 18,000
    // isolates spent a sixth of its time here).
    const double first = sortTimeMs(0), last = sortTimeMs(n - 1);
    if (range.from_ms <= first && last <= range.to_ms) return {0, n};
    if (last < range.from_ms) return {n, n};
    if (range.to_ms < first) return {0, 0};
    IndexRange r;
    r.begin = partitionPoint(0, n, [&](size_t i) { return sortTimeMs(i) < range.from_ms; });
    r.end = partitionPoint(r.begin, n, [&](size_t i) { return sortTimeMs(i) <= range.to_ms; });
    return r;
}

size_t Series::coreBytes() const { return rows_.allocatedBytes(); }

size_t Series::allocatedBytes() const {
    size_t bytes = sizeof(Series) + coreBytes() + adjusted_event_.allocatedBytes() +
                   adjusted_time_.allocatedBytes() + incremental_event_.allocatedBytes() +
                   incremental_.allocatedBytes() + nvp_.allocatedBytes() +
                   nvp_slot_.capacity() * sizeof(int32_t) + heap_.allocatedBytes();
    for (size_t k = 0; k < nvp_.size(); ++k)
        bytes += sizeof(NvpColumn) + nvp_[k]->event.allocatedBytes() + nvp_[k]->value.allocatedBytes();
    return bytes;
}

}  // namespace gcscope::model
