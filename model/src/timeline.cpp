#include "gcscope/model/timeline.hpp"

#include <cmath>

namespace gcscope::model {

namespace {
/// Reason ids are stored in 16 bits; StringTable's overflow id (65535) is "(other)".
constexpr uint32_t kMaxReasons = 65535;
/// nvp keys: a few hundred exist across all V8 versions; more means garbage.
constexpr uint32_t kMaxNvpKeys = 4096;
constexpr uint32_t kMaxSpaces = 256;
}  // namespace

Timeline::Timeline(TimelineOptions options)
    : strings_(kMaxReasons), nvp_keys_(kMaxNvpKeys), spaces_(kMaxSpaces), options_(options) {}

uint32_t Timeline::addSource(std::string name) {
    auto s = std::make_unique<Source>();
    s->name = std::move(name);
    sources_.push_back(std::move(s));
    kept_ooms_.push_back(0);
    current_source_ = uint32_t(sources_.size() - 1);
    return current_source_;
}

uint32_t Timeline::currentSource() {
    if (current_source_ == UINT32_MAX) addSource(std::string());
    return current_source_;
}

void Timeline::setSourceStats(uint32_t source, const parser::ParseStats& stats) {
    if (source < sources_.size()) sources_[source]->stats = stats;
}

Series& Timeline::seriesFor(const parser::IsolateKey& key) {
    const uint32_t source = currentSource();
    if (last_series_ && last_series_->source() == source && last_series_->key() == key)
        return *last_series_;
    auto [it, inserted] = index_.try_emplace({source, key}, uint32_t(series_.size()));
    if (inserted) series_.push_back(std::make_unique<Series>(source, key));
    last_series_ = series_[it->second].get();
    return *last_series_;
}

int64_t Timeline::findSeries(uint32_t source, const parser::IsolateKey& key) const {
    const size_t n = series_.size();
    for (size_t i = 0; i < n; ++i)
        if (series_[i]->source() == source && series_[i]->key() == key) return int64_t(i);
    return -1;
}

int64_t Timeline::seriesOf(const OomEntry& e) const {
    if (e.series >= 0) return e.series;
    if (e.key.known()) return findSeries(e.source, e.key);
    // Several isolates: cannot tell which.
    const Source& s = *sources_[e.source];
    return s.isolates.load(std::memory_order_acquire) == 1 ? s.first_isolate.load(std::memory_order_acquire)
                                                            : -1;
}

uint32_t Timeline::internNvpKey(size_t position, std::string_view key) {
    // nvp records of one kind print the same keys in the same order: try the key seen at this
    // position last time before hashing.
    if (position < nvp_key_at_.size()) {
        const uint32_t id = nvp_key_at_[position];
        if (nvp_keys_.at(id) == key) return id;
    } else {
        nvp_key_at_.resize(position + 1, StringTable::kEmpty);
    }
    const uint32_t id = nvp_keys_.intern(key);
    nvp_key_at_[position] = id;
    return id;
}

void Timeline::onGc(const parser::GcRecord& r) {
    Series& s = seriesFor(r.key);
    if (s.size() == 0) {
        Source& source = *sources_[s.source()];
        if (source.isolates.load(std::memory_order_relaxed) == 0)
            source.first_isolate.store(int64_t(index_.at({s.source(), s.key()})), std::memory_order_release);
        source.isolates.fetch_add(1, std::memory_order_release);
    }
    s.noteIsolateId(r.key.isolate_id);
    const auto reason = uint16_t(strings_.intern(r.reason, last_reason_));
    const auto collector_reason = uint16_t(strings_.intern(r.collector_reason, last_collector_reason_));
    s.append(r, reason, collector_reason, options_.keep_incremental);
    for (size_t k = 0; options_.keep_nvp && k < r.nvp.size(); ++k) {
        const parser::NvpField& f = r.nvp[k];
        if (std::isnan(f.value)) continue;  // text values (gc=s, JSON strings) are in the core columns
        const uint32_t key = internNvpKey(k, f.key);
        if (key == nvp_keys_.overflowId()) continue;
        s.appendNvp(key, f.value);
    }
    s.publish();
}

void Timeline::onHeapSpace(const parser::HeapSpaceSample& sample) {
    Series& s = seriesFor(sample.key);
    if (!options_.keep_heap_spaces) return;
    HeapSpacePoint p;
    p.time_ms = sample.time_ms;
    p.space = spaces_.intern(sample.space);
    p.used_kb = sample.used_kb;
    p.available_kb = sample.available_kb;
    p.committed_kb = sample.committed_kb;
    p.line = sample.line;
    s.appendHeapSpace(p);
}

void Timeline::onOom(const parser::OomMarker& m) {
    const uint32_t source = currentSource();
    if (kept_ooms_[source] >= kMaxKeptOomsPerSource) return;
    ++kept_ooms_[source];
    OomEntry e;
    e.source = source;
    if (m.key.known()) {
        auto it = index_.find({source, m.key});
        if (it != index_.end()) e.series = it->second;
    }
    e.key = m.key;
    e.line = m.line;
    e.time_ms = m.time_ms;
    e.kind = m.kind;
    e.message.assign(m.message);
    ooms_.push_back(std::move(e));
}

uint64_t Timeline::eventCount() const {
    uint64_t n = 0;
    for (size_t i = 0; i < series_.size(); ++i) n += series_[i]->size();
    return n;
}

size_t Timeline::allocatedBytes() const {
    size_t bytes = sizeof(Timeline) + sources_.allocatedBytes() + series_.allocatedBytes() +
                   ooms_.allocatedBytes() + strings_.allocatedBytes() + nvp_keys_.allocatedBytes() +
                   spaces_.allocatedBytes();
    for (size_t i = 0; i < series_.size(); ++i) bytes += series_[i]->allocatedBytes();
    for (size_t i = 0; i < ooms_.size(); ++i) bytes += ooms_[i].message.capacity();
    return bytes + index_.size() * 64;
}

}  // namespace gcscope::model
