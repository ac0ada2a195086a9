// Comparing a few bytes against a literal whose length is known at compile time.
#pragma once

#include <cstdint>
#include <cstring>

namespace gcscope::parser {

/// Whether the N bytes at p equal those at text. GCC calls the library memcmp for most literal
/// lengths here (a call and a vector setup per literal, a few percent of a whole parse); these
/// are one or two unaligned word loads per side, overlapping when N is not a word size.
template <size_t N>
inline bool sameBytes(const char* p, const char* text) {
    auto load = [](const char* at, auto word) {
        std::memcpy(&word, at, sizeof word);
        return word;
    };
    if constexpr (N == 0) {
        return true;
    } else if constexpr (N < 4) {
        for (size_t i = 0; i < N; ++i)
            if (p[i] != text[i]) return false;
        return true;
    } else if constexpr (N <= 8) {
        return load(p, uint32_t()) == load(text, uint32_t()) &&
               load(p + N - 4, uint32_t()) == load(text + N - 4, uint32_t());
    } else if constexpr (N <= 16) {
        return load(p, uint64_t()) == load(text, uint64_t()) &&
               load(p + N - 8, uint64_t()) == load(text + N - 8, uint64_t());
    } else {
        return std::memcmp(p, text, N) == 0;
    }
}

}  // namespace gcscope::parser
