// Unit tests of the CLI's formatting helpers (linked from gcscope_cli_core, not recompiled).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "json_writer.hpp"
#include "text_format.hpp"
#include "text_table.hpp"

namespace gcscope::cli {
namespace {

template <typename F>
std::string build(F f) {
    std::string s;
    f(s);
    return s;
}

TEST(TextFormat, NumbersAreShortestRoundTrip) {
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, 2.3); }), "2.3");
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, 817.29); }), "817.29");
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, 0.1 + 0.2); }), "0.30000000000000004");
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, 28117.0); }), "28117");
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, -1795565088297.5); }), "-1795565088297.5");
    EXPECT_EQ(build([](std::string& s) { appendNumber(s, std::nan("")); }), "");
}

TEST(TextFormat, FixedAndGrouped) {
    EXPECT_EQ(build([](std::string& s) { appendFixed(s, 95.3, 2); }), "95.30");
    EXPECT_EQ(build([](std::string& s) { appendFixed(s, 0.005, 2); }), "0.01");
    EXPECT_EQ(build([](std::string& s) { appendGrouped(s, 0); }), "0");
    EXPECT_EQ(build([](std::string& s) { appendGrouped(s, 999); }), "999");
    EXPECT_EQ(build([](std::string& s) { appendGrouped(s, 1234567); }), "1,234,567");
}

TEST(TextFormat, JsonNumbersNeverPrintNanOrInf) {
    EXPECT_EQ(build([](std::string& s) { appendJsonNumber(s, std::nan("")); }), "null");
    EXPECT_EQ(build([](std::string& s) {
                  appendJsonNumber(s, std::numeric_limits<double>::infinity());
              }),
              "null");
    EXPECT_EQ(build([](std::string& s) { appendJsonNumber(s, 1e300); }), "1e+300");
}

TEST(TextFormat, CsvQuotesOnlyWhenNeeded) {
    EXPECT_EQ(build([](std::string& s) { appendCsvField(s, "allocation failure"); }),
              "allocation failure");
    EXPECT_EQ(build([](std::string& s) { appendCsvField(s, "a,b"); }), "\"a,b\"");
    EXPECT_EQ(build([](std::string& s) { appendCsvField(s, "say \"hi\""); }),
              "\"say \"\"hi\"\"\"");
    EXPECT_EQ(build([](std::string& s) { appendCsvField(s, "a\r\nb"); }), "\"a\r\nb\"");
    EXPECT_EQ(build([](std::string& s) { appendCsvField(s, ""); }), "");
}

TEST(TextFormat, JsonStringEscapes) {
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "plain"); }), "\"plain\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "q\"b\\n\n\t"); }),
              "\"q\\\"b\\\\n\\n\\t\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "\x1b[31m\x7f"); }),
              "\"\\u001b[31m\\u007f\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, std::string_view("a\0b", 3)); }),
              "\"a\\u0000b\"");
}

TEST(TextFormat, JsonStringKeepsValidUtf8AndReplacesInvalidBytes) {
    // Valid: é (2 bytes), € (3), 𝄞 (4).
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E"); }),
              "\"\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\"");
    const std::string fffd = "\xEF\xBF\xBD";
    // Lone continuation byte, truncated sequence, overlong '/', UTF-16 surrogate, > U+10FFFF.
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "a\x80z"); }), "\"a" + fffd + "z\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "a\xE2\x82"); }),
              "\"a" + fffd + fffd + "\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "\xC0\xAF"); }),
              "\"" + fffd + fffd + "\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "\xED\xA0\x80"); }),
              "\"" + fffd + fffd + fffd + "\"");
    EXPECT_EQ(build([](std::string& s) { appendJsonString(s, "\xF4\x90\x80\x80"); }),
              "\"" + fffd + fffd + fffd + fffd + "\"");
}

TEST(TextFormat, PrintableShowsControlCharactersAndClipsOnCharacterBoundary) {
    EXPECT_EQ(build([](std::string& s) { appendPrintable(s, "\x1b[31mred\x1b[0m"); }),
              "\\x1b[31mred\\x1b[0m");
    EXPECT_EQ(build([](std::string& s) { appendPrintable(s, "abcdef", 3); }), "abc\xE2\x80\xA6");
    EXPECT_EQ(build([](std::string& s) { appendPrintable(s, "abc", 3); }), "abc");
    // "é" straddles the limit: it is kept whole rather than cut in half.
    EXPECT_EQ(build([](std::string& s) { appendPrintable(s, "ab\xC3\xA9xyz", 3); }),
              "ab\xC3\xA9\xE2\x80\xA6");
    EXPECT_EQ(clipUtf8("ab\xC3\xA9xyz", 3), "ab");
    EXPECT_EQ(clipUtf8("abc", 10), "abc");
}

TEST(JsonWriter, CommasAndNesting) {
    std::string out;
    JsonWriter w(out);
    w.beginObject();
    w.key("a").unsignedInteger(1);
    w.key("b").beginArray().integer(-2).string("x").null().boolean(true).endArray();
    w.key("c").beginObject().endObject();
    w.key("d").stringOrNull("");
    w.key("e").number(std::nan(""));
    w.endObject();
    EXPECT_EQ(out, "{\"a\":1,\"b\":[-2,\"x\",null,true],\"c\":{},\"d\":null,\"e\":null}");
}

TEST(TextTable, AlignsColumns) {
    TextTable t({TextTable::Align::Left, TextTable::Align::Right});
    t.addRow({"young", "1"});
    t.addRow({"old", "1,234"});
    std::string out;
    t.append(out, "  ");
    EXPECT_EQ(out, "  young      1\n  old    1,234\n");
}

}  // namespace
}  // namespace gcscope::cli
