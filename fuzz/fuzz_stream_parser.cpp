// Fuzzes the chunk-feeding API: arbitrary bytes, fed whole and fed in pieces whose sizes come
// from the input itself, must parse without a sanitizer report and give the same result both ways
// (the incremental contract: only complete lines are consumed, the tail waits).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_sink.hpp"
#include "gcscope/parser/stream_parser.hpp"

using namespace gcscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const unsigned step_seed = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

    parser::StreamParserOptions options;
    options.max_line_bytes = 4096;  // small, so the overlong-line path is reached too
    options.parallel_threshold_bytes = 64;  // and the multi-slice path
    options.threads = 2;

    fuzz::DigestSink whole;
    {
        parser::StreamParser p(whole, options);
        p.feed(text);
        p.finish();
    }
    fuzz::DigestSink pieces;
    {
        parser::StreamParser p(pieces, options);
        size_t at = 0, step = step_seed % 17 + 1;
        while (at < text.size()) {
            const size_t n = std::min(step, text.size() - at);
            p.feed(text.substr(at, n));
            at += n;
            step = (step * 7 + 3) % 61 + 1;
        }
        p.finish();
    }
    // Overlong lines are cut where the limit is crossed, which depends on the feeding; compare
    // only inputs whose lines all fit.
    size_t longest = 0, current = 0;
    for (char c : text) current = c == '\n' ? 0 : current + 1, longest = std::max(longest, current);
    if (longest <= options.max_line_bytes && whole.digests != pieces.digests) std::abort();
    return 0;
}
