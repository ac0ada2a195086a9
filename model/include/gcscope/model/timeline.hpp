// The model: every GC of every log, one Series per (source, pid, isolate), fed by the parser.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gcscope/model/chunked_column.hpp"
#include "gcscope/model/series.hpp"
#include "gcscope/model/string_table.hpp"
#include "gcscope/parser/parse_stats.hpp"
#include "gcscope/parser/record_sink.hpp"

namespace gcscope::model {

/// One input log.
struct Source {
    std::string name;  ///< as given ("-" = standard input)
    /// The parser's counts. Set by the writer with setSourceStats(); not safe to read while a
    /// worker may set it (the GUI receives a copy instead).
    parser::ParseStats stats;
    /// Isolates of this log that printed a GC record, and the series of the first one.
    std::atomic<uint32_t> isolates{0};
    std::atomic<int64_t> first_isolate{-1};
};

/// An out-of-memory report line. Timeline::seriesOf() finds its isolate's series: the report can
/// come before that isolate's records (the ring-buffer dump of a log without --trace-gc).
struct OomEntry {
    uint32_t source = 0;
    /// The series of its isolate when the marker was read, -1 if it had none yet.
    int64_t series = -1;
    parser::IsolateKey key;
    uint64_t line = 0;
    double time_ms = parser::kAbsent;
    parser::OomMarker::Kind kind = parser::OomMarker::Kind::LastFewGcs;
    std::string message;
};

/// What to keep besides the core columns. A consumer that never reads a kind of data (the CLI's
/// statistics read none of these) saves the work and the memory.
struct TimelineOptions {
    /// Every numeric key of nvp records as columns (Series::nvpColumnFor): an nvp record has
    /// 30-100 keys.
    bool keep_nvp = true;
    /// --trace-gc-verbose heap-space samples (Series::heapSpace): often ten per GC record. Their
    /// isolate's series is created either way, so series indexes do not depend on it.
    bool keep_heap_spaces = true;
    /// Incremental-marking clauses (Series::incremental; the kHasIncremental flag is set either way).
    bool keep_incremental = true;
};

/// A parser::RecordSink that owns all series of all sources. Feed it with
///
///     model::Timeline timeline;
///     timeline.addSource("gc.log");           // records now belong to "gc.log"
///     parser::StreamParser parser(timeline);
///     parser.feed(bytes) …; parser.finish();  // a growing file: keep feeding the same parser
///     timeline.setSourceStats(0, parser.stats());
///
/// Appending is O(1) per record with no allocation beyond amortised column growth: the isolate
/// lookup and the string interning have a fast path for "same as the previous record". Feeding a
/// log in pieces gives the same model as feeding it at once (the parser delivers the same
/// records; the model only ever appends).
///
/// Threading rule. One thread, the writer, calls the non-const members (the parser's callbacks
/// included). Other threads (the GUI) may call the const members at the same time, with two
/// limits: (1) a Series is read only below the size() it returned — elements below it are
/// complete and never move, so an index, a reference or a TimeRange result taken once stays
/// valid while the writer appends; (2) Source::stats is writer-only. So a GUI reads counts
/// (seriesCount(), Series::size()) when a worker signals "more data", then reads those prefixes
/// with no lock. Statistics, derived series and decimation read each series up to its size()
/// when they run; appends only add events at or after the last time, so a result over a range
/// that ends before it does not change.
class Timeline final : public parser::RecordSink {
public:
    explicit Timeline(TimelineOptions options = {});
    Timeline(const Timeline&) = delete;
    Timeline& operator=(const Timeline&) = delete;

    // ---- writer ----------------------------------------------------------------------------
    /// Starts a new source; records received from now on belong to it. Returns its id. Records
    /// received before any addSource() go to an unnamed source 0.
    uint32_t addSource(std::string name);
    /// Makes an existing source current again (a followed log that grew).
    void continueSource(uint32_t source) { current_source_ = source; }
    void setSourceStats(uint32_t source, const parser::ParseStats& stats);

    void onGc(const parser::GcRecord& record) override;
    void onHeapSpace(const parser::HeapSpaceSample& sample) override;
    void onOom(const parser::OomMarker& marker) override;

    // ---- readers (see the threading rule) ------------------------------------------------------
    size_t sourceCount() const { return sources_.size(); }
    const Source& source(size_t i) const { return *sources_[i]; }

    /// Series in order of their first record.
    size_t seriesCount() const { return series_.size(); }
    const Series& series(size_t i) const { return *series_[i]; }
    /// Index of the series of (source, key), or -1.
    int64_t findSeries(uint32_t source, const parser::IsolateKey& key) const;

    size_t oomCount() const { return ooms_.size(); }
    const OomEntry& oom(size_t i) const { return ooms_[i]; }
    /// The series of the isolate an OOM marker belongs to, or -1 if it printed no GC record. A
    /// marker V8 printed before any prefixed line (pid unknown) belongs to its log's only
    /// isolate, if the log has one. O(1) unless the isolate's first record came after the marker.
    int64_t seriesOf(const OomEntry& e) const;

    /// Reasons and collector reasons (Series::reason / collectorReason ids).
    const StringTable& strings() const { return strings_; }
    /// nvp keys (NvpColumn::key), e.g. "promoted".
    const StringTable& nvpKeys() const { return nvp_keys_; }
    /// Heap-space names (HeapSpacePoint::space), e.g. "Old space".
    const StringTable& spaces() const { return spaces_; }

    /// GC events of all series.
    uint64_t eventCount() const;
    size_t allocatedBytes() const;

    /// OOM markers kept per source; more are counted in the source's stats but not stored.
    static constexpr size_t kMaxKeptOomsPerSource = 1000;

private:
    Series& seriesFor(const parser::IsolateKey& key);
    uint32_t currentSource();
    uint32_t internNvpKey(size_t position, std::string_view key);

    struct KeyHash {
        size_t operator()(const std::pair<uint32_t, parser::IsolateKey>& k) const noexcept {
            return parser::IsolateKeyHash{}(k.second) * 31 + k.first;
        }
    };

    ChunkedColumn<std::unique_ptr<Source>, 6> sources_;
    ChunkedColumn<std::unique_ptr<Series>, 8> series_;
    ChunkedColumn<OomEntry, 6> ooms_;
    std::vector<size_t> kept_ooms_;  ///< writer only: per source
    StringTable strings_;
    StringTable nvp_keys_;
    StringTable spaces_;

    const TimelineOptions options_;
    // Writer-only lookup state.
    uint32_t current_source_ = UINT32_MAX;
    std::unordered_map<std::pair<uint32_t, parser::IsolateKey>, uint32_t, KeyHash> index_;
    Series* last_series_ = nullptr;  ///< records come in runs of one isolate: skip the hash
    StringTable::Recent last_reason_, last_collector_reason_;
    std::vector<uint32_t> nvp_key_at_;  ///< key id last seen at each position of an nvp record
};

}  // namespace gcscope::model
