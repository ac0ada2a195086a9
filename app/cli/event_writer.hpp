// One row per GC record, in one of several formats (csv_writer, jsonl_writer).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "gcscope/parser/gc_record.hpp"
#include "output.hpp"

namespace gcscope::cli {

/// The columns of `events`, in order. The first 13 are the stable contract; the rest are extras
/// that may grow at the end.
inline constexpr std::array<std::string_view, 21> kEventColumns = {
    "source",           "line",           "pid",          "isolate",
    "time_ms",          "generation",     "collector",    "pause_ms",
    "used_before_mb",   "committed_before_mb", "used_after_mb", "committed_after_mb",
    "reason",           "collector_reason", "external_ms", "pooled_mb",
    "mu_average",       "mu_current",     "incremental_ms", "form",
    "isolate_id",
};

/// Text for fields that the parser builds as std::string (collectorName(), isolateText()),
/// cached so a row costs no allocation: a log holds a handful of distinct values.
class RecordTextCache {
public:
    std::string_view collector(const parser::GcRecord& r);
    std::string_view isolate(const parser::IsolateKey& k);

private:
    // Indexed by type and the modifier flags; only records of a known type are cached, since an
    // unknown nvp gc= code may name itself.
    static constexpr size_t kFlagCombos = 64;
    std::array<std::string, 8 * kFlagCombos> collectors_;
    std::array<bool, 8 * kFlagCombos> collector_set_{};
    std::string scratch_;

    bool isolate_valid_ = false;
    parser::IsolateKey isolate_key_;
    std::string isolate_text_;
};

class EventWriter {
public:
    explicit EventWriter(Output& out) : out_(out) {}
    virtual ~EventWriter() = default;
    /// Once, before any row (the CSV header).
    virtual void begin() {}
    /// Before the rows of each log; `path` is the log as given ("-" for stdin).
    virtual void beginSource(std::string_view path) = 0;
    virtual void write(const parser::GcRecord& record) = 0;

protected:
    Output& out_;
    RecordTextCache text_;
};

}  // namespace gcscope::cli
