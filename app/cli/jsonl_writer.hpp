// events --format jsonl: one JSON object per line, same keys as the CSV columns, absent values
// null, strings always valid UTF-8.
#pragma once

#include "event_writer.hpp"

namespace gcscope::cli {

class JsonlEventWriter final : public EventWriter {
public:
    using EventWriter::EventWriter;
    void beginSource(std::string_view path) override;
    void write(const parser::GcRecord& record) override;

private:
    std::string source_json_;  ///< the path as a JSON string, escaped once per log
};

}  // namespace gcscope::cli
