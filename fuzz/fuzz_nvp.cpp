// Fuzzes the nvp paths: the fuzzer's bytes become the body of a "--trace-gc-nvp" line in both
// forms (key=value and Node 26's "GC: {…}" JSON), and go straight to the two grammar rules.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_sink.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "grammar.hpp"

using namespace gcscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);

    std::vector<parser::NvpField> fields;
    const char* p = body.data();
    parser::grammar::nvpPairs(p, body.data() + body.size(), fields);
    if (p < body.data() || p > body.data() + body.size()) __builtin_trap();
    const char* q = body.data();
    fields.clear();
    parser::grammar::nvpJson(q, body.data() + body.size(), fields);

    fuzz::DigestSink sink;
    parser::StreamParser parser(sink);
    parser.feed("[1:0x2]       41 ms: " + body + "\n");
    parser.feed("[1:0x2:0]       42 ms: GC: {" + body + "\n");
    parser.feed("[1:0x2]       43 ms: pause=1.0 gc=s " + body);
    parser.finish();
    return 0;
}
