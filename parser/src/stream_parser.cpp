#include "gcscope/parser/stream_parser.hpp"

#include <atomic>
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
        threads =
            options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        chunks.resize(1);
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
    std::vector<ClassifiedChunk> chunks;   // one per slice, reused between feeds (no allocation in
    std::vector<std::string_view> slices;  // steady state)
    std::string tail;                      // the partial last line
    bool discarding = false;               // inside an overlong line, skipping to its end
};

void StreamParser::Impl::emitOverlong(std::string_view head) {
    ClassifiedChunk& chunk = chunks[0];
    chunk.clear();
    chunk.lines = chunk.unrecognised_lines = chunk.overlong_lines = 1;
    chunk.items.push_back(
        {.payload = UnrecognisedText{head.substr(0, ParseStats::kMaxKeptTextBytes)}});
    resolver.resolve(chunk);
}

/// `text` holds whole lines, each ending in '\n'. A large input is cut at line boundaries into
/// several slices per thread; threads classify slices (stateless) in any order while this thread
/// resolves them strictly in input order as each becomes ready, so the in-order work overlaps the
/// classification instead of following it.
void StreamParser::Impl::parseCompleteLines(std::string_view text) {
    constexpr size_t kMinSliceBytes = 128 * 1024;
    const size_t wanted =
        text.size() >= options.parallel_threshold_bytes && threads > 1
            ? std::min<size_t>(size_t(threads) * 16, text.size() / kMinSliceBytes + 1)
            : 1;
    if (wanted <= 1) {
        chunks[0].clear();
        classifier.classifyLines(text, chunks[0]);
        resolver.resolve(chunks[0]);
        return;
    }

    slices.clear();
    size_t start = 0;
    for (size_t i = 1; i < wanted && start < text.size(); ++i) {
        size_t cut = std::max(start, text.size() * i / wanted);
        const char* nl =
            static_cast<const char*>(std::memchr(text.data() + cut, '\n', text.size() - cut));
        const size_t stop = nl ? size_t(nl - text.data()) + 1 : text.size();
        slices.push_back(text.substr(start, stop - start));
        start = stop;
    }
    if (start < text.size()) slices.push_back(text.substr(start));
    if (chunks.size() < slices.size()) chunks.resize(slices.size());
    std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[slices.size()]);
    for (size_t i = 0; i < slices.size(); ++i) ready[i].store(false, std::memory_order_relaxed);

    // threads - 1 workers classify; this thread resolves slices in order and, whenever the next
    // one is not ready yet, classifies an unclaimed slice itself — exactly `threads` busy threads.
    std::atomic<size_t> next{0};
    auto classifyOne = [&]() -> bool {
        const size_t i = next.fetch_add(1, std::memory_order_relaxed);
        if (i >= slices.size()) return false;
        chunks[i].clear();
        classifier.classifyLines(slices[i], chunks[i]);
        ready[i].store(true, std::memory_order_release);
        ready[i].notify_one();
        return true;
    };
    std::vector<std::jthread> workers;
    workers.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back([&] {
            while (classifyOne()) {
            }
        });
    for (size_t i = 0; i < slices.size(); ++i) {
        while (!ready[i].load(std::memory_order_acquire) && classifyOne()) {
        }
        ready[i].wait(false, std::memory_order_acquire);
        resolver.resolve(chunks[i]);
    }
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
void StreamParser::feed(std::string_view bytes) {
    impl_->feed(bytes);
}
void StreamParser::finish() {
    impl_->finish();
}
size_t StreamParser::pendingBytes() const {
    return impl_->tail.size();
}
const ParseStats& StreamParser::stats() const {
    return impl_->stats;
}

}  // namespace gcscope::parser
