#include "number.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

namespace gcscope::parser {
namespace {

double parsed(std::string_view text, size_t* consumed = nullptr) {
    const char* p = text.data();
    double v = -12345;
    EXPECT_TRUE(parseDecimal(p, text.data() + text.size(), v)) << text;
    if (consumed) *consumed = size_t(p - text.data());
    return v;
}

// The fast path must be exactly what a correctly rounded conversion gives, for every fixed-point
// shape V8 prints (%.1f, %.2f, %.3f, %8.0f), so CSV output never shows 2.2999999999999998.
TEST(Number, FixedPointIsCorrectlyRounded) {
    std::mt19937_64 rng(42);
    for (int decimals = 0; decimals <= 3; ++decimals) {
        for (int i = 0; i < 20000; ++i) {
            const uint64_t m = rng() % 100000000000ull;
            std::string text = std::to_string(m);
            if (decimals) {
                while (text.size() <= size_t(decimals)) text.insert(0, "0");
                text.insert(text.size() - decimals, ".");
            }
            double expected = 0;
            std::from_chars(text.data(), text.data() + text.size(), expected);
            ASSERT_EQ(parsed(text), expected) << text;
        }
    }
}

// Inside a line a number is followed by more text: every length of integer and fraction part,
// followed by each kind of byte that ends a number, must read as from_chars reads it.
TEST(Number, NumbersFollowedByTextReadLikeFromChars) {
    std::mt19937_64 rng(7);
    for (int int_digits = 1; int_digits <= 15; ++int_digits) {
        for (int frac_digits = 0; int_digits + frac_digits <= 15; ++frac_digits) {
            for (std::string_view after :
                 {" (", ") -> ", "%", "/", ":", "\x7f\xff", ".x", "evacuate="}) {
                std::string text;
                for (int i = 0; i < int_digits; ++i) text += char('0' + rng() % 10);
                if (frac_digits) text += '.';
                for (int i = 0; i < frac_digits; ++i) text += char('0' + rng() % 10);
                const size_t length = text.size();
                text += after;
                text += "12345678 MB";
                double expected = 0;
                std::from_chars(text.data(), text.data() + length, expected);
                size_t consumed = 0;
                ASSERT_EQ(parsed(text, &consumed), expected) << text;
                ASSERT_EQ(consumed, length) << text;
            }
        }
    }
}

TEST(Number, StopsAtTheFirstCharacterThatIsNotPartOfTheNumber) {
    size_t n = 0;
    EXPECT_EQ(parsed("0.00scavenge", &n), 0.0);  // glued nvp keys
    EXPECT_EQ(n, 4u);
    EXPECT_EQ(parsed("0.00evacuate=1", &n), 0.0);  // 'e' not followed by a digit is no exponent
    EXPECT_EQ(n, 4u);
    EXPECT_EQ(parsed("12.5%", &n), 12.5);
    EXPECT_EQ(n, 4u);
    EXPECT_EQ(parsed("3.", &n), 3.0);  // "3." then a sentence's full stop
    EXPECT_EQ(n, 1u);
}

TEST(Number, NegativeExponentsLongIntegersAndSpecials) {
    EXPECT_EQ(parsed("-1501275000064.5"), -1501275000064.5);
    EXPECT_EQ(parsed("1.07374e+09"), 1.07374e+09);  // JSON nvp (ostream default format)
    EXPECT_EQ(parsed("1e-05"), 1e-05);
    EXPECT_EQ(parsed("18446744073709551615"), 18446744073709551615.0);  // wrapped allocated=
    EXPECT_EQ(parsed("1e308"), 1e308);
    EXPECT_TRUE(std::isinf(parsed("1e999")));
    EXPECT_EQ(parsed("1e-999"), 0.0);
    EXPECT_TRUE(std::isinf(parsed("inf")));
    EXPECT_TRUE(std::isnan(parsed("nan")));
}

TEST(Number, RejectsWhatIsNotANumber) {
    for (std::string_view bad : {"", "-", "x1", ".", "-.", " 1"}) {
        const char* p = bad.data();
        double v = 7;
        EXPECT_FALSE(parseDecimal(p, bad.data() + bad.size(), v)) << "'" << bad << "'";
        EXPECT_EQ(p, bad.data());
    }
}

}  // namespace
}  // namespace gcscope::parser
