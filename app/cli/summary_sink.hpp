// Collects a SourceSummary while the parser runs. This is the hot path of `summary` (benchmarked
// against `wc -l`): O(1) per record, no allocation, no string building.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "gcscope/parser/record_sink.hpp"
#include "summary_data.hpp"

namespace gcscope::cli {

class SummarySink final : public parser::RecordSink {
public:
    explicit SummarySink(SourceSummary& target) : s_(target) {}

    void onGc(const parser::GcRecord& record) override;
    void onOom(const parser::OomMarker& marker) override;

private:
    IsolateSummary& isolateFor(const parser::IsolateKey& key);

    SourceSummary& s_;
    /// Index into s_.isolates (a vector keeps first-appearance order for the report).
    std::unordered_map<parser::IsolateKey, uint32_t, parser::IsolateKeyHash> index_;
    /// Records come in runs from one isolate: remembering the last one skips the hash lookup.
    uint32_t last_ = UINT32_MAX;
};

}  // namespace gcscope::cli
