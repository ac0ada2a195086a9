// The read position of the hand-tuned common-line readers (common_line.hpp): literals,
// spaces, V8's fixed-point numbers and plain integers, each matched or refused in one step.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "same_bytes.hpp"

namespace gcscope::parser {

/// A read position in a line. Every step either matches and advances, or fails; a failure
/// anywhere sends the whole line to the X3 path, so no step needs to undo anything.
struct LineCursor {
    const char* p;
    const char* end;

    static bool isDigit(char c) { return unsigned(c - '0') < 10; }

    template <size_t N>
    bool literal(const char (&text)[N]) {
        constexpr size_t n = N - 1;
        if (size_t(end - p) < n || !sameBytes<n>(p, text)) return false;
        p += n;
        return true;
    }
    bool startsWith(char c) const { return p != end && *p == c; }
    void skipSpaces() {
        while (p != end && *p == ' ') ++p;
    }

    /// "47", "47.5", "0.997": digits with an optional fraction, 15 digits at most, not followed by
    /// an exponent. The value is parseDecimal's fast path exactly (m / 10^d, one correctly rounded
    /// division); every other shape (sign, exponent, 16+ digits, "5.") is left to the X3 path.
    /// A copy of that loop rather than a call: one scanner shared with parseDecimal, for its
    /// wider shapes, cost 3% more instructions on a summary (callgrind).
    bool fixedPoint(double& out) {
        static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        const char* s = p;
        uint64_t mantissa = 0;
        while (s != end && isDigit(*s)) mantissa = mantissa * 10 + unsigned(*s++ - '0');
        size_t digits = size_t(s - p);
        if (digits == 0) return false;
        size_t decimals = 0;
        if (s != end && *s == '.') {
            const char* const frac_begin = ++s;
            while (s != end && isDigit(*s)) mantissa = mantissa * 10 + unsigned(*s++ - '0');
            decimals = size_t(s - frac_begin);
            if (decimals == 0) return false;
            digits += decimals;
        }
        if (digits > 15 || (s != end && (*s | 0x20) == 'e')) return false;
        out = double(mantissa) / kPow10[decimals];
        p = s;
        return true;
    }

    /// Digits in `Radix` (10 or 16) into a uint64_t, at most `MaxDigits` of them. A table gives
    /// each byte's digit value (or kNotDigit): one load and compare per character.
    template <unsigned Radix, size_t MaxDigits>
    bool unsignedNumber(uint64_t& out) {
        static constexpr auto kValue = [] {
            std::array<uint8_t, 256> v{};
            v.fill(kNotDigit);
            for (int c = 0; c < 10; ++c) v['0' + c] = uint8_t(c);
            for (int c = 0; Radix == 16 && c < 6; ++c) v['a' + c] = v['A' + c] = uint8_t(10 + c);
            return v;
        }();
        const char* s = p;
        const char* const stop = end - s > ptrdiff_t(MaxDigits) ? s + MaxDigits + 1 : end;
        uint64_t v = 0;
        for (; s != stop; ++s) {
            const uint8_t d = kValue[static_cast<unsigned char>(*s)];
            if (d == kNotDigit) break;
            v = v * Radix + d;
        }
        const size_t n = size_t(s - p);
        if (n == 0 || n > MaxDigits) return false;
        out = v;
        p = s;
        return true;
    }
    static constexpr uint8_t kNotDigit = 0xFF;
};

}  // namespace gcscope::parser
