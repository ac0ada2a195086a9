// Byte-level formatting shared by the writers: numbers, CSV fields, JSON strings, terminal text.
// Everything appends to a caller-owned std::string so a row is built without temporaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gcscope::cli {

/// Shortest text that reads back as the same double (std::to_chars): "817.29", never
/// "817.28999999999996". Appends nothing for NaN (the parser's "absent").
void appendNumber(std::string& out, double v);
/// `v` rounded to `decimals` places ("95.30"), for aligned human-readable tables.
void appendFixed(std::string& out, double v, int decimals);
void appendInt(std::string& out, int64_t v);
void appendUint(std::string& out, uint64_t v);
/// 1234567 -> "1,234,567": counts in the text summary are read by people.
void appendGrouped(std::string& out, uint64_t v);

/// RFC 4180: quoted (with doubled quotes) only when the field holds a comma, quote, CR or LF.
/// Other bytes pass through unchanged: CSV is bytes, and the log's bytes are the truth.
void appendCsvField(std::string& out, std::string_view s);

/// A JSON string literal with its quotes. Control characters become \n, \t, ... or \u00XX and
/// invalid UTF-8 bytes become U+FFFD, so the output is valid JSON whatever the log held.
void appendJsonString(std::string& out, std::string_view s);
/// A JSON number, or `null` for NaN and infinities (JSON has neither).
void appendJsonNumber(std::string& out, double v);

/// Text safe to print on a terminal: control characters (ANSI escapes in logs!) shown as
/// "\x1b", invalid UTF-8 as U+FFFD. Clipped to about `max_bytes`, on a character boundary,
/// with "…" appended when something was cut.
void appendPrintable(std::string& out, std::string_view s, size_t max_bytes = SIZE_MAX);

/// The longest prefix of `s` of at most `max_bytes` that does not split a UTF-8 sequence.
std::string_view clipUtf8(std::string_view s, size_t max_bytes);

/// Length of the valid UTF-8 sequence starting at p (1-4), or 0 when the bytes there are not
/// valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t utf8SequenceLength(const unsigned char* p, size_t n);

}  // namespace gcscope::cli
