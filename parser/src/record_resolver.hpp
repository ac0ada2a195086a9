#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>

#include "classified_chunk.hpp"
#include "gcscope/parser/parse_stats.hpp"
#include "gcscope/parser/record_sink.hpp"

namespace gcscope::parser {

/// Stage 2: walks classified chunks in input order and applies what needs context from earlier
/// lines, then calls the sink:
///  - absolute line numbers;
///  - records without a prefix (V8 4.5-5.4 OOM ring buffer) belong to the isolate seen last;
///  - heap-space samples and OOM markers get the time of their isolate's latest record;
///  - records inside "<--- Last few GCs --->" are flagged, and those V8 cut at 255 chars marked;
///  - inside an OOM report, exact repeats of a recent record of the same isolate are dropped (the
///    report re-prints the last GCs that were already printed live).
class RecordResolver {
  public:
    RecordResolver(RecordSink& sink, ParseStats& stats) : sink_(sink), stats_(stats) {}

    void resolve(ClassifiedChunk& chunk);

  private:
    /// Fingerprints of an isolate's latest records; a record seen again within this window is a
    /// repeat. 64 covers the OOM report (its ring buffer holds 512 bytes, a few records).
    struct IsolateState {
        double last_time_ms = kAbsent;
        std::array<uint64_t, 64> recent{};
        uint32_t next = 0;
        uint32_t filled = 0;
        bool seenRecently(uint64_t fingerprint) const;
        void remember(uint64_t fingerprint);
    };

    IsolateState& stateOf(const IsolateKey& key);
    void onGc(ClassifiedChunk& chunk, ClassifiedItem& item, GcRecord& rec);

    RecordSink& sink_;
    ParseStats& stats_;
    std::unordered_map<IsolateKey, IsolateState, IsolateKeyHash> isolates_;
    IsolateKey last_key_;    ///< isolate of the latest prefixed record
    IsolateKey cached_key_;  ///< memo for stateOf(): consecutive records share a key
    IsolateState* cached_state_ = nullptr;
    bool in_oom_report_ = false;
};

}  // namespace gcscope::parser
