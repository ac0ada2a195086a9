// Differential fuzzing of the hand-tuned common-line readers (parser/src/common_line.hpp): every
// line, bare and behind the usual prefixes, must classify exactly as the X3 grammar alone does.
// A difference is a crash (__builtin_trap) with the line in the crash input.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "classification_difference.hpp"
#include "line_classifier.hpp"

using namespace gcscope::parser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const LineClassifier with_common_line(1 << 20);
    static const LineClassifier grammar_only(1 << 20, LineClassifier::Paths::GrammarOnly);
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    for (size_t begin = 0; begin <= input.size();) {
        const size_t nl = input.find('\n', begin);
        const std::string_view body =
            input.substr(begin, nl == std::string_view::npos ? nl : nl - begin);
        for (const char* prefix : {"", "[1:0x2]       41 ms: ", "[1:0x2:0]       42 ms: ",
                                   "[1:0x2]       43 ms: Scavenge ", "[1:0x2:0] 44 ms: GC: {"}) {
            const std::string line = prefix + std::string(body);
            ClassifiedChunk fast, grammar;
            with_common_line.classifyLine(line, 0, fast);
            grammar_only.classifyLine(line, 0, grammar);
            if (const std::string d = classificationDifference(fast, grammar); !d.empty()) {
                std::fprintf(stderr, "common line differs from the grammar: %s\nline: %s\n",
                             d.c_str(), line.c_str());
                __builtin_trap();
            }
        }
        if (nl == std::string_view::npos) break;
        begin = nl + 1;
    }
    return 0;
}
