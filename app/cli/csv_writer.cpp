#include "csv_writer.hpp"

#include "text_format.hpp"

namespace gcscope::cli {

void CsvEventWriter::begin() {
    std::string& o = out_.buffer();
    for (size_t i = 0; i < kEventColumns.size(); ++i) {
        if (i) o += ',';
        o += kEventColumns[i];
    }
    o += '\n';
}

void CsvEventWriter::beginSource(std::string_view path) {
    source_field_.clear();
    appendCsvField(source_field_, path);
}

void CsvEventWriter::write(const parser::GcRecord& r) {
    std::string& o = out_.buffer();
    o += source_field_;
    o += ',';
    appendUint(o, r.line);
    o += ',';
    if (r.key.known()) appendInt(o, r.key.pid);
    o += ',';
    appendCsvField(o, text_.isolate(r.key));
    o += ',';
    appendNumber(o, r.time_ms);
    o += ',';
    o += parser::generationName(r.generation());
    o += ',';
    appendCsvField(o, text_.collector(r));
    o += ',';
    appendNumber(o, r.pause_ms);
    o += ',';
    appendNumber(o, r.used_before_mb);
    o += ',';
    appendNumber(o, r.committed_before_mb);
    o += ',';
    appendNumber(o, r.used_after_mb);
    o += ',';
    appendNumber(o, r.committed_after_mb);
    o += ',';
    appendCsvField(o, r.reason);
    o += ',';
    appendCsvField(o, r.collector_reason);
    o += ',';
    appendNumber(o, r.external_ms);
    o += ',';
    appendNumber(o, r.pooled_mb);
    o += ',';
    appendNumber(o, r.mu_average);
    o += ',';
    appendNumber(o, r.mu_current);
    o += ',';
    appendNumber(o, r.incremental_ms);
    o += ',';
    o += parser::recordFormName(r.form);
    o += ',';
    if (r.key.isolate_id >= 0) appendInt(o, r.key.isolate_id);
    o += '\n';
    out_.maybeFlush();
}

}  // namespace gcscope::cli
