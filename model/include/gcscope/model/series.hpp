// One isolate's GC history, stored by column: the time series every statistic, diagnosis and chart
// reads. Appended to by Timeline only.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gcscope/model/chunked_column.hpp"
#include "gcscope/model/collector.hpp"
#include "gcscope/model/row_blocks.hpp"
#include "gcscope/model/time_range.hpp"
#include "gcscope/parser/gc_record.hpp"

namespace gcscope::model {

/// Flag bits the model adds to the parser's RecordFlag bits (which use bits 0-5).
enum SeriesFlag : uint8_t {
    kTimeAdjusted = 1 << 6,    ///< printed time was absent or went backwards; see Series::timeMs
    kHasIncremental = 1 << 7,  ///< the record had the incremental-marking clause
};
static_assert(parser::kTruncated < (1 << 6), "parser flags must leave bits 6 and 7 to the model");

/// The "(+ I ms in N steps …, biggest step S ms, walltime … W ms)" clause.
struct IncrementalMarking {
    double ms = parser::kAbsent;
    double steps = parser::kAbsent;
    double biggest_step_ms = parser::kAbsent;
    double walltime_ms = parser::kAbsent;
};

/// One key of nvp records (e.g. "promoted") over the records that printed it with a number.
/// Sparse: event indexes ascend; `value` is the number as printed (bytes, ms, %, … as V8 chose).
struct NvpColumn {
    uint32_t key = 0;  ///< id in Timeline::nvpKeys()
    ChunkedColumn<uint32_t> event;
    ChunkedColumn<double> value;
    uint32_t last_event = UINT32_MAX;  ///< writer only: the event of the last entry
    /// Entries readable now (event is appended after value, so it bounds both).
    size_t size() const { return event.size(); }
};

/// A --trace-gc-verbose line ("Old space, used: 1234 KB, …") timed by its isolate's last record.
struct HeapSpacePoint {
    double time_ms = parser::kAbsent;
    uint32_t space = 0;  ///< id in Timeline::spaces()
    double used_kb = parser::kAbsent;
    double available_kb = parser::kAbsent;
    double committed_kb = parser::kAbsent;
    uint64_t line = 0;
};

/// Where each core column lives in a row block: column k starts at byte kFactor_k × capacity
/// (RowBlocks). Widest first, so every column is aligned.
namespace core {
inline constexpr size_t kTime = 0;  // double
inline constexpr size_t kPause = 8;  // double
inline constexpr size_t kLine = 16;  // uint64
inline constexpr size_t kUsedBefore = 24;  // float
inline constexpr size_t kCommittedBefore = 28;
inline constexpr size_t kUsedAfter = 32;
inline constexpr size_t kCommittedAfter = 36;
inline constexpr size_t kExternal = 40;
inline constexpr size_t kPooled = 44;
inline constexpr size_t kReason = 48;  // uint16
inline constexpr size_t kCollectorReason = 50;
inline constexpr size_t kMuAverage = 52;
inline constexpr size_t kMuCurrent = 54;
inline constexpr size_t kType = 56;  // uint8
inline constexpr size_t kFlags = 57;
inline constexpr size_t kForm = 58;
inline constexpr size_t kRowBytes = 59;
using Rows = RowBlocks<12>;
}  // namespace core

/// One core column of a series, read by event index (O(1): a shift or two and a load).
template <class T>
class ColumnView {
public:
    ColumnView(const core::Rows& rows, size_t factor) : rows_(&rows), factor_(factor) {}
    T operator[](size_t i) const {
        const auto b = rows_->at(i);
        return b.template column<const T>(factor_)[b.offset];
    }

private:
    const core::Rows* rows_;
    size_t factor_;
};

/// Events [first, first + count) of a series, which share one block: each pointer is that
/// column's run, element 0 being event `first`. For scans that touch every event of a range.
struct EventSpan {
    size_t first = 0, count = 0;
    const double* time = nullptr;  ///< sortTimeMs
    const double* pause = nullptr;
    const uint64_t* line = nullptr;
    const float *used_before = nullptr, *committed_before = nullptr;
    const float *used_after = nullptr, *committed_after = nullptr;
    const float *external = nullptr, *pooled = nullptr;
    const uint16_t *reason = nullptr, *collector_reason = nullptr;
    const uint16_t *mu_average = nullptr, *mu_current = nullptr;
    const uint8_t *type = nullptr, *flags = nullptr, *form = nullptr;
};

/// Events of one (source, pid, isolate), in log order.
///
/// Memory. The core columns cost 59 bytes per event (bench/model_memory.cpp measures it):
///   time, pause     double  16  — printed as "%.0f" / "%.2f" … any value must print back exactly,
///                                  and sums over millions of pauses need the precision
///   4 heap sizes    float   16  — printed "%.1f" MB: a float holds 7 significant digits, and
///                                  the *Mb() accessors turn it back into the double of the
///                                  printed decimal (decimal()); nvp byte counts above 16 MiB
///                                  lose bytes below 2^-24 of the value, i.e. ≤ 128 bytes at
///                                  2 GB — far below the "%.1f" MB of the trace line
///   external, pooled float   8  — printed with ≤ 2 decimals, same argument
///   line            uint64   8
///   reason ×2       uint16   4  — interned ids (a log has a dozen distinct reasons)
///   mu ×2           uint16   4  — per-mille: V8 prints "%.3f", so k/1000 is exact
///   type, flags, form uint8  3
/// The core columns of a run of events share one allocation (RowBlocks): appending is one
/// position and sixteen stores. Rare fields live in sparse columns (incremental marking, nvp keys,
/// adjusted times).
///
/// Threading: see Timeline. size() is published after every column of an event is written, so a
/// reader may read every accessor for i < size() while the writer appends.
class Series {
public:
    Series(uint32_t source, const parser::IsolateKey& key);
    Series(const Series&) = delete;
    Series& operator=(const Series&) = delete;

    uint32_t source() const { return source_; }
    /// pid and isolate address; isolate_id is isolateId() (V8 prints it on some lines only).
    const parser::IsolateKey& key() const { return key_; }
    int32_t isolateId() const { return isolate_id_.load(std::memory_order_relaxed); }
    /// "0x5dad670", or "" when the log printed only "[pid]".
    const std::string& isolateText() const { return isolate_text_; }

    /// Events readable now.
    size_t size() const { return count_.load(std::memory_order_acquire); }

    /// Time as printed (NaN if the record had none).
    double timeMs(size_t i) const;
    /// Non-decreasing time used to locate ranges: the printed time, except that a record without
    /// one or printed out of order (a stray OOM-report entry) takes the previous record's time.
    double sortTimeMs(size_t i) const { return get<double>(i, core::kTime); }
    double pauseMs(size_t i) const { return get<double>(i, core::kPause); }
    double externalMs(size_t i) const { return decimal(get<float>(i, core::kExternal)); }
    double pooledMb(size_t i) const { return decimal(get<float>(i, core::kPooled)); }
    double usedBeforeMb(size_t i) const { return decimal(get<float>(i, core::kUsedBefore)); }
    double committedBeforeMb(size_t i) const { return decimal(get<float>(i, core::kCommittedBefore)); }
    double usedAfterMb(size_t i) const { return decimal(get<float>(i, core::kUsedAfter)); }
    double committedAfterMb(size_t i) const { return decimal(get<float>(i, core::kCommittedAfter)); }
    double muAverage(size_t i) const { return fromPerMille(get<uint16_t>(i, core::kMuAverage)); }
    double muCurrent(size_t i) const { return fromPerMille(get<uint16_t>(i, core::kMuCurrent)); }
    uint64_t line(size_t i) const { return get<uint64_t>(i, core::kLine); }
    parser::GcType type(size_t i) const { return parser::GcType(get<uint8_t>(i, core::kType)); }
    parser::Generation generation(size_t i) const { return parser::generationOf(type(i)); }
    /// parser::RecordFlag bits plus SeriesFlag bits.
    uint8_t flags(size_t i) const { return get<uint8_t>(i, core::kFlags); }
    parser::RecordForm form(size_t i) const { return parser::RecordForm(get<uint8_t>(i, core::kForm)); }
    CollectorKey collector(size_t i) const {
        const auto b = rows_.at(i);
        return collectorKey(parser::GcType(b.column<const uint8_t>(core::kType)[b.offset]),
                            b.column<const uint8_t>(core::kFlags)[b.offset]);
    }
    /// Ids in Timeline::strings().
    uint32_t reason(size_t i) const { return get<uint16_t>(i, core::kReason); }
    uint32_t collectorReason(size_t i) const { return get<uint16_t>(i, core::kCollectorReason); }
    /// The incremental-marking clause of event i; nullopt without one, or when the Timeline does
    /// not keep them (TimelineOptions::keep_incremental).
    std::optional<IncrementalMarking> incremental(size_t i) const;

    /// Events whose sortTimeMs lies in [from, to]: two binary searches, O(log n).
    IndexRange locate(const TimeRange& range) const;

    // Raw columns by index (sizes as float: cheap for charts; the accessors above convert for
    // printing). Bulk scans should use forEachSpan.
    ColumnView<double> timeColumn() const { return {rows_, core::kTime}; }
    ColumnView<double> pauseColumn() const { return {rows_, core::kPause}; }
    ColumnView<float> usedBeforeColumn() const { return {rows_, core::kUsedBefore}; }
    ColumnView<float> usedAfterColumn() const { return {rows_, core::kUsedAfter}; }
    ColumnView<float> committedBeforeColumn() const { return {rows_, core::kCommittedBefore}; }
    ColumnView<float> committedAfterColumn() const { return {rows_, core::kCommittedAfter}; }
    ColumnView<uint8_t> typeColumn() const { return {rows_, core::kType}; }

    /// Calls f(const EventSpan&) for the pieces of events [begin, end) (end <= size()), in order.
    template <class F>
    void forEachSpan(size_t begin, size_t end, F&& f) const {
        rows_.forEachBlock(begin, end, [&](const core::Rows::Block& b, size_t first, size_t count) {
            EventSpan s;
            s.first = first;
            s.count = count;
            s.time = b.column<const double>(core::kTime) + b.offset;
            s.pause = b.column<const double>(core::kPause) + b.offset;
            s.line = b.column<const uint64_t>(core::kLine) + b.offset;
            s.used_before = b.column<const float>(core::kUsedBefore) + b.offset;
            s.committed_before = b.column<const float>(core::kCommittedBefore) + b.offset;
            s.used_after = b.column<const float>(core::kUsedAfter) + b.offset;
            s.committed_after = b.column<const float>(core::kCommittedAfter) + b.offset;
            s.external = b.column<const float>(core::kExternal) + b.offset;
            s.pooled = b.column<const float>(core::kPooled) + b.offset;
            s.reason = b.column<const uint16_t>(core::kReason) + b.offset;
            s.collector_reason = b.column<const uint16_t>(core::kCollectorReason) + b.offset;
            s.mu_average = b.column<const uint16_t>(core::kMuAverage) + b.offset;
            s.mu_current = b.column<const uint16_t>(core::kMuCurrent) + b.offset;
            s.type = b.column<const uint8_t>(core::kType) + b.offset;
            s.flags = b.column<const uint8_t>(core::kFlags) + b.offset;
            s.form = b.column<const uint8_t>(core::kForm) + b.offset;
            f(s);
        });
    }

    /// nvp keys this isolate printed, in order of first appearance.
    /// Entries of a column may run ahead of size() while an event is being appended: readers
    /// stop at the first entry whose event is >= size().
    size_t nvpColumnCount() const { return nvp_.size(); }
    const NvpColumn& nvpColumn(size_t k) const { return *nvp_[k]; }
    /// The column of nvp key `key` (an id in Timeline::nvpKeys()), or nullptr.
    const NvpColumn* nvpColumnFor(uint32_t key) const;
    /// Value of nvp key `key` on event i, NaN when that record did not print it.
    double nvpValue(size_t i, uint32_t key) const;

    size_t heapSpaceCount() const { return heap_.size(); }
    const HeapSpacePoint& heapSpace(size_t j) const { return heap_[j]; }

    /// Bytes per event of the core columns (allocated, so unused block tails count too).
    size_t coreBytes() const;
    /// Everything this series holds on the heap.
    size_t allocatedBytes() const;

    /// The float a size is kept in, back to the double of the decimal V8 printed ("2034.1").
    static double decimal(float v);

private:
    friend class Timeline;
    static constexpr uint16_t kNoMu = 0xFFFF;
    static uint16_t toPerMille(double v);
    static double fromPerMille(uint16_t v) { return v == kNoMu ? parser::kAbsent : v / 1000.0; }

    // Writer side (Timeline).
    void append(const parser::GcRecord& r, uint16_t reason, uint16_t collector_reason, bool keep_incremental);
    void appendNvp(uint32_t key, double value);
    void appendHeapSpace(const HeapSpacePoint& p);
    void publish() { count_.store(written_, std::memory_order_release); }
    template <class T>
    T get(size_t i, size_t factor) const {
        const auto b = rows_.at(i);
        return b.column<const T>(factor)[b.offset];
    }
    void noteIsolateId(int32_t id) {
        if (id >= 0 && isolate_id_.load(std::memory_order_relaxed) < 0)
            isolate_id_.store(id, std::memory_order_relaxed);
    }

    const uint32_t source_;
    const parser::IsolateKey key_;
    const std::string isolate_text_;
    std::atomic<int32_t> isolate_id_{-1};
    std::atomic<size_t> count_{0};

    // Core columns, in row blocks.
    core::Rows rows_{core::kRowBytes};
    size_t written_ = 0;        ///< writer only: rows written (published by publish())
    double last_time_ = 0;      ///< writer only: sort time of the last row

    // Sparse columns: event index, then values. They start with blocks of 4: most isolates hold
    // no adjusted time and one incremental marking per Mark-Compact, and a log of tens of
    // thousands of isolates pays each column's first block in every one of them.
    template <class T>
    using Sparse = ChunkedColumn<T, 12, 2>;
    Sparse<uint32_t> adjusted_event_;
    Sparse<double> adjusted_time_;  ///< the printed time of kTimeAdjusted events
    Sparse<uint32_t> incremental_event_;
    Sparse<IncrementalMarking> incremental_;

    ChunkedColumn<std::unique_ptr<NvpColumn>, 6> nvp_;
    std::vector<int32_t> nvp_slot_;  ///< writer only: nvp key id -> index in nvp_, -1 if none

    ChunkedColumn<HeapSpacePoint, 8> heap_;
};

}  // namespace gcscope::model
