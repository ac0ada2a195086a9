// events --format csv: RFC 4180, header row, absent values as empty fields.
#pragma once

#include "event_writer.hpp"

namespace gcscope::cli {

class CsvEventWriter final : public EventWriter {
public:
    using EventWriter::EventWriter;
    void begin() override;
    void beginSource(std::string_view path) override;
    void write(const parser::GcRecord& record) override;

private:
    std::string source_field_;  ///< the path, CSV-quoted once per log rather than per row
};

}  // namespace gcscope::cli
