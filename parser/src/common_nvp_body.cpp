// The nvp record bodies of the common-line reader: the grammar's nvpPairs and nvpJson rules
// (grammar_def.hpp) as plain loops, for lines that hold nothing else.
#include <emmintrin.h>

#include <cstring>

#include "char_classes.hpp"
#include "common_line_parts.hpp"
#include "number.hpp"

namespace gcscope::parser {

namespace {

/// [First][Rest]* at c, or an empty view (c unchanged).
std::string_view token(LineCursor& c, const CharClass& first, const CharClass& rest) {
    if (c.p == c.end || !first(*c.p)) return {};
    const char* begin = c.p++;
    while (c.p != c.end && rest(*c.p)) ++c.p;
    return {begin, size_t(c.p - begin)};
}

/// How many of the 16 bytes at p are nvp key characters [a-z0-9_.] before the first that is not.
unsigned keyCharsIn16(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compares: bytes >= 0x80 are negative and in no range.
    auto in = [&](char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(char(lo - 1))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(char(hi + 1))));
    };
    const __m128i key = _mm_or_si128(
        _mm_or_si128(in('a', 'z'), in('0', '9')),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))));
    const unsigned other = ~unsigned(_mm_movemask_epi8(key)) & 0xFFFF;
    return other ? unsigned(__builtin_ctz(other)) : 16;
}

/// An nvp key at c ("scavenge.weak_global_handles.identify"): 16 characters at a time.
std::string_view key(LineCursor& c) {
    if (c.p == c.end || !kNvpKeyStart(*c.p)) return {};
    const char* begin = c.p++;
    while (c.end - c.p >= 16) {
        const unsigned n = keyCharsIn16(c.p);
        c.p += n;
        if (n < 16) return {begin, size_t(c.p - begin)};
    }
    while (c.p != c.end && kNvpKeyChar(*c.p)) ++c.p;
    return {begin, size_t(c.p - begin)};
}

/// A number as the grammar's decimalText reads it (parseDecimal), its text kept.
bool number(LineCursor& c, NvpField& f) {
    const char* begin = c.p;
    if (!parseDecimal(c.p, c.end, f.value)) return false;
    f.text = {begin, size_t(c.p - begin)};
    return true;
}

/// A JSON string's body: V8 does not escape it, so it ends at a '"' followed by ',' or '}'.
bool jsonStringBody(LineCursor& c, NvpField& f) {
    const char* close = jsonStringEnd(c.p, c.end);
    if (!close) return false;
    f.text = {c.p, size_t(close - c.p)};
    c.p = close + 1;
    return true;
}

}  // namespace

bool readCommonNvpPairs(LineCursor& c, std::vector<NvpField>& fields) {
    // Pairs separated by zero or more spaces ("identify=0.00scavenge.weak=0.00" is two).
    for (;;) {
        NvpField f;
        f.key = key(c);
        if (f.key.empty() || !c.literal("=")) return false;
        if (number(c, f)) {
            if (c.literal("%")) f.percent = true;
        } else {
            f.text = token(c, kNvpWordChar, kNvpWordChar);
            if (f.text.empty()) return false;
        }
        fields.push_back(f);
        c.skipSpaces();
        if (c.p == c.end) return true;
    }
}

bool readCommonNvpJson(LineCursor& c, std::vector<NvpField>& fields) {
    if (!c.literal("GC: {")) return false;
    if (!c.literal("}")) {
        for (;;) {
            NvpField f;
            if (!c.literal("\"")) return false;
            const char* quote =
                static_cast<const char*>(std::memchr(c.p, '"', size_t(c.end - c.p)));
            if (!quote || quote == c.p) return false;
            f.key = {c.p, size_t(quote - c.p)};
            c.p = quote;
            if (!c.literal("\":")) return false;
            const char* value = c.p;
            if (number(c, f)) {
            } else if (c.literal("true") || c.literal("false") || c.literal("null")) {
                f.text = {value, size_t(c.p - value)};
            } else if (!c.literal("\"") || !jsonStringBody(c, f)) {
                return false;
            }
            fields.push_back(f);
            if (c.literal(",")) continue;
            if (c.literal("}")) break;
            return false;
        }
    }
    c.skipSpaces();
    return c.p == c.end;
}

}  // namespace gcscope::parser
