// Exact decimal → double conversion for the numbers V8 prints.
//
// Why not x3::double_: in Boost 1.74 it is not correctly rounded (Spirit issue #668), so "2.3"
// could come out one ULP off and a CSV round trip would print 2.2999999999999998. Why not
// sscanf/iostreams: slow and locale-dependent.
//
// V8 prints fixed-point decimals ("%.1f", "%.2f", "%8.0f"). For up to 15 significant digits the
// mantissa m and 10^d are both exact doubles, so the single IEEE division m / 10^d is the
// correctly rounded value (Clinger's fast path). Everything else — exponents (JSON nvp prints
// "1.07374e+09"), 16+ digits (a wrapped 20-digit `allocated=`), inf/nan — goes to
// std::from_chars, which is exact too (GCC 12 uses fast_float), only slower.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace gcscope::parser {

namespace detail {

/// The rare shapes (exponent, 16+ digits, inf/nan): std::from_chars. Out of line, so the fixed-
/// point path below (a record line has ten numbers) saves and restores fewer registers.
[[gnu::noinline]] inline bool parseDecimalSlow(const char*& p, const char* end, double& out) {
    const char* s = p + (p != end && *p == '-');
    if (s == end || (unsigned(*s - '0') >= 10 && *s != '.' && *s != 'i' && *s != 'n' &&
                     *s != 'I' && *s != 'N'))
        return false;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(p, end, v);
    if (ptr == p) return false;
    // from_chars reports out-of-range (1e999, 1e-999) but still tells where the number ends:
    // keep the limit the text points at (±inf for overflow, 0 for underflow).
    if (ec == std::errc::result_out_of_range) {
        const bool underflow =
            std::string_view(p, size_t(ptr - p)).find("e-") != std::string_view::npos ||
            std::string_view(p, size_t(ptr - p)).find("E-") != std::string_view::npos;
        v = underflow ? 0.0 : HUGE_VAL;
        if (*p == '-') v = -v;
    }
    out = v;
    p = ptr;
    return true;
}

}  // namespace detail

/// Parses a number at [p, end): optional '-', digits, optional '.' digits, optional exponent;
/// also "inf", "nan". On success stores it, advances p past it and returns true.
inline bool parseDecimal(const char*& p, const char* end, double& out) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char* s = p;
    const bool negative = s != end && *s == '-';
    s += negative;
    const char* const int_begin = s;
    uint64_t mantissa = 0;
    while (s != end && unsigned(*s - '0') < 10) mantissa = mantissa * 10 + unsigned(*s++ - '0');
    size_t digits = size_t(s - int_begin);
    size_t decimals = 0;
    if (end - s >= 2 && *s == '.' && unsigned(s[1] - '0') < 10) {
        const char* const frac_begin = ++s;
        while (s != end && unsigned(*s - '0') < 10) mantissa = mantissa * 10 + unsigned(*s++ - '0');
        decimals = size_t(s - frac_begin);
        digits += decimals;
    }
    // 'e' only starts an exponent when a digit (or a sign and a digit) follows: "0.00evacuate=1"
    // is a glued nvp pair.
    const bool exponent =
        s != end && (*s | 0x20) == 'e' && s + 1 != end &&
        (unsigned(s[1] - '0') < 10 ||
         ((s[1] == '+' || s[1] == '-') && s + 2 != end && unsigned(s[2] - '0') < 10));
    if (digits - 1 < 15 && !exponent) {  // 1 to 15 digits: m and 10^d are exact doubles
        const double v = double(mantissa) / kPow10[decimals];
        out = negative ? -v : v;
        p = s;
        return true;
    }
    return detail::parseDecimalSlow(p, end, out);
}

}  // namespace gcscope::parser
