#include "events_command.hpp"

#include <memory>

#include "csv_writer.hpp"
#include "jsonl_writer.hpp"
#include "log_source.hpp"

namespace gcscope::cli {
namespace {

/// Rows are written as records arrive: memory stays flat whatever the log size.
class EventsSink final : public parser::RecordSink {
public:
    explicit EventsSink(EventWriter& writer) : writer_(writer) {}
    void onGc(const parser::GcRecord& record) override { writer_.write(record); }

private:
    EventWriter& writer_;
};

}  // namespace

std::unique_ptr<EventWriter> makeEventWriter(EventFormat format, Output& out) {
    if (format == EventFormat::Jsonl) return std::make_unique<JsonlEventWriter>(out);
    return std::make_unique<CsvEventWriter>(out);
}

int runEvents(const Options& options) {
    Output out;
    std::unique_ptr<EventWriter> writer = makeEventWriter(options.format, out);
    writer->begin();

    EventsSink sink(*writer);
    std::vector<SourceRun> runs;
    for (const auto& path : options.logs) {
        writer->beginSource(path);
        runs.push_back(parseSource(path, sink));
    }
    if (!out.flush()) {
        printError("cannot write to standard output");
        return 2;
    }
    return reportOutcome(runs);
}

}  // namespace gcscope::cli
