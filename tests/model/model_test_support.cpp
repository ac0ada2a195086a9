#include "model_test_support.hpp"

#include <fstream>
#include <sstream>

#include "gcscope/parser/stream_parser.hpp"

namespace gcscope::model::test {

parser::GcRecord Gc::record() const {
    parser::GcRecord r;
    r.key.pid = pid;
    r.key.isolate = isolate;
    r.time_ms = t;
    r.type = type;
    r.flags = flags;
    r.pause_ms = pause;
    r.used_before_mb = used_before;
    r.used_after_mb = used_after;
    r.committed_before_mb = committed_before;
    r.committed_after_mb = committed_after;
    r.reason = reason;
    return r;
}

void append(Timeline& timeline, const std::vector<Gc>& gcs) {
    if (timeline.sourceCount() == 0) timeline.addSource("test.log");
    for (const Gc& g : gcs) timeline.onGc(g.record());
}

void fill(Timeline& timeline, const std::vector<Gc>& gcs) { append(timeline, gcs); }

void parseInto(Timeline& timeline, std::string_view text, const std::string& name, size_t chunk) {
    const uint32_t source = timeline.addSource(name);
    parser::StreamParserOptions options;
    options.threads = 1;
    parser::StreamParser p(timeline, options);
    if (chunk == 0) chunk = text.size() + 1;
    for (size_t i = 0; i < text.size(); i += chunk) p.feed(text.substr(i, chunk));
    p.finish();
    timeline.setSourceStats(source, p.stats());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string sampleLog(const std::string& name) {
    return readFile(std::string(GCSCOPE_SAMPLE_LOGS_DIR) + "/" + name);
}

}  // namespace gcscope::model::test
