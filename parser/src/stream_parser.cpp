#include "gcscope/parser/stream_parser.hpp"

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "line_classifier.hpp"
#include "record_resolver.hpp"

namespace gcscope::parser {

struct StreamParser::Impl {
    Impl(RecordSink& sink, StreamParserOptions opt)
        : options(opt), classifier(opt.max_line_bytes), resolver(sink, stats) {
        threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        chunks.resize(threads);
    }

    void feed(std::string_view bytes);
    void finish();
    void parseCompleteLines(std::string_view text);
    void emitOverlong(std::string_view head);

    StreamParserOptions options;
    ParseStats stats;
    LineClassifier classifier;
    RecordResolver resolver;
    unsigned threads = 1;
    std::vector<ClassifiedChunk> chunks;  // reused between feeds: no allocation in steady state
    std::string tail;                     // the partial last line
    bool discarding = false;              // inside an overlong line, skipping to its end
};

void StreamParser::Impl::emitOverlong(std::string_view head) {
    ClassifiedChunk& chunk = chunks[0];
    chunk.clear();
    chunk.lines = chunk.unrecognised_lines = chunk.overlong_lines = 1;
    chunk.items.push_back({.payload = UnrecognisedText{head.substr(0, ParseStats::kMaxKeptTextBytes)}});
    resolver.resolve(chunk);
}

/// `text` holds whole lines, each ending in '\n'. Large inputs are cut at line boundaries into one
/// slice per thread; slices are classified concurrently and resolved in order.
void StreamParser::Impl::parseCompleteLines(std::string_view text) {
    const unsigned parts =
        text.size() >= options.parallel_threshold_bytes ? std::min<size_t>(threads, text.size() / 4096 + 1) : 1;
    std::vector<std::string_view> slices;
    slices.reserve(parts);
    size_t start = 0;
    for (unsigned i = 1; i < parts && start < text.size(); ++i) {
        size_t cut = text.size() * i / parts;
        if (cut < start) cut = start;
        const char* nl = static_cast<const char*>(std::memchr(text.data() + cut, '\n', text.size() - cut));
        const size_t stop = nl ? size_t(nl - text.data()) + 1 : text.size();
        slices.push_back(text.substr(start, stop - start));
        start = stop;
    }
    if (start < text.size()) slices.push_back(text.substr(start));

    for (size_t i = 0; i < slices.size(); ++i) chunks[i].clear();
    if (slices.size() == 1) {
        classifier.classifyLines(slices[0], chunks[0]);
    } else {
        std::vector<std::jthread> workers;
        workers.reserve(slices.size() - 1);
        for (size_t i = 1; i < slices.size(); ++i)
            workers.emplace_back([this, &slices, i] { classifier.classifyLines(slices[i], chunks[i]); });
        classifier.classifyLines(slices[0], chunks[0]);
    }  // workers joined here
    for (size_t i = 0; i < slices.size(); ++i) resolver.resolve(chunks[i]);
}

void StreamParser::Impl::feed(std::string_view bytes) {
    stats.bytes += bytes.size();
    while (!bytes.empty()) {
        const char* nl = static_cast<const char*>(std::memchr(bytes.data(), '\n', bytes.size()));
        if (discarding) {
            if (!nl) return;
            discarding = false;
            bytes.remove_prefix(size_t(nl - bytes.data()) + 1);
            continue;
        }
        if (!tail.empty()) {
            const size_t take = nl ? size_t(nl - bytes.data()) + 1 : bytes.size();
            if (tail.size() + take > options.max_line_bytes + 1) {
                emitOverlong(tail);
                tail.clear();
                discarding = true;
                continue;
            }
            tail.append(bytes.data(), take);
            bytes.remove_prefix(take);
            if (!nl) return;
            parseCompleteLines(tail);
            tail.clear();
            continue;
        }
        const char* last_nl = static_cast<const char*>(memrchr(bytes.data(), '\n', bytes.size()));
        if (last_nl) {
            const size_t complete = size_t(last_nl - bytes.data()) + 1;
            parseCompleteLines(bytes.substr(0, complete));
            bytes.remove_prefix(complete);
            continue;
        }
        if (bytes.size() > options.max_line_bytes) {
            emitOverlong(bytes);
            discarding = true;
            return;
        }
        tail.assign(bytes);
        return;
    }
}

void StreamParser::Impl::finish() {
    if (!tail.empty()) {
        ClassifiedChunk& chunk = chunks[0];
        chunk.clear();
        classifier.classifyLine(tail, 0, chunk);
        resolver.resolve(chunk);
        tail.clear();
    }
    discarding = false;
}

StreamParser::StreamParser(RecordSink& sink, StreamParserOptions options)
    : impl_(std::make_unique<Impl>(sink, options)) {}
StreamParser::~StreamParser() = default;
void StreamParser::feed(std::string_view bytes) { impl_->feed(bytes); }
void StreamParser::finish() { impl_->finish(); }
size_t StreamParser::pendingBytes() const { return impl_->tail.size(); }
const ParseStats& StreamParser::stats() const { return impl_->stats; }

}  // namespace gcscope::parser
