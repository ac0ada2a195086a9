// Test helper: a RecordSink that keeps owned copies of everything it receives, and one-call
// parsing of a string. Shared by the parser test files.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gcscope/parser/stream_parser.hpp"

namespace gcscope::testing {

using namespace gcscope::parser;

struct OwnedRecord : GcRecord {
    std::string reason_text;
    std::string collector_reason_text;
    std::vector<std::pair<std::string, std::string>> fields;  // nvp key → printed value
    std::vector<double> field_values;

    double field(std::string_view key) const {
        for (size_t i = 0; i < fields.size(); ++i)
            if (fields[i].first == key) return field_values[i];
        return kAbsent;
    }
    bool operator==(const OwnedRecord& o) const;
};

struct OwnedSample : HeapSpaceSample {
    std::string space_text;
};
struct OwnedOom : OomMarker {
    std::string message_text;
};

class CollectingSink : public RecordSink {
  public:
    std::vector<OwnedRecord> records;
    std::vector<OwnedSample> samples;
    std::vector<OwnedOom> ooms;
    std::vector<std::pair<uint64_t, std::string>> unrecognised;

    void onGc(const GcRecord& r) override;
    void onHeapSpace(const HeapSpaceSample& s) override;
    void onOom(const OomMarker& m) override;
    void onUnrecognised(uint64_t line, std::string_view text) override;
};

struct Parsed {
    CollectingSink sink;
    ParseStats stats;
};

/// Parses `text` fed in pieces of `chunk` bytes (0 = all at once), then finish().
Parsed parse(std::string_view text, size_t chunk = 0, StreamParserOptions options = {});

/// Parses `text` fed as two pieces split at byte `cut`, then finish().
Parsed parseSplitAt(std::string_view text, size_t cut);

/// Success when both parses delivered the same records, samples, OOM markers, unrecognised lines
/// and line counts; otherwise says what differs first.
::testing::AssertionResult sameResult(const Parsed& expected, const Parsed& actual);

/// The single record of a one-line log; fails the test if there is not exactly one.
OwnedRecord parseOne(std::string_view line);

std::string readFile(const std::string& path);

}  // namespace gcscope::testing
