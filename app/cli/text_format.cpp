#include "text_format.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace gcscope::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
constexpr char kHex[] = "0123456789abcdef";

inline bool isCont(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

void appendNumber(std::string& out, double v) {
    if (std::isnan(v)) return;
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void appendFixed(std::string& out, double v, int decimals) {
    if (std::isnan(v)) return;
    char buf[352];  // fixed notation of DBL_MAX is 309 digits plus decimals
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    out.append(buf, res.ptr);
}

void appendInt(std::string& out, int64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void appendUint(std::string& out, uint64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void appendGrouped(std::string& out, uint64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    size_t n = size_t(res.ptr - buf);
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += buf[i];
    }
}

void appendCsvField(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(s);
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

size_t utf8SequenceLength(const unsigned char* p, size_t n) {
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;  // stray continuation byte or overlong 2-byte lead
    if (c < 0xE0) return n >= 2 && isCont(p[1]) ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || !isCont(p[1]) || !isCont(p[2])) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
        if (c == 0xED && p[1] >= 0xA0) return 0;  // UTF-16 surrogate
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || !isCont(p[1]) || !isCont(p[2]) || !isCont(p[3])) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
        if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

std::string_view clipUtf8(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t end = max_bytes;
    // Back off over continuation bytes so the cut falls before a sequence's lead byte.
    while (end > 0 && isCont(static_cast<unsigned char>(s[end]))) --end;
    return s.substr(0, end);
}

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t run = 0;  // start of the pending run of bytes that need no escaping
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            size_t len = utf8SequenceLength(p + i, n - i);
            if (len != 0) {
                i += len;
                continue;
            }
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c >= 0x80) {
                    out += kReplacement;
                } else {  // other control characters and DEL
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                }
        }
        ++i;
        run = i;
    }
    out.append(s.data() + run, n - run);
    out += '"';
}

void appendJsonNumber(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    appendNumber(out, v);
}

void appendPrintable(std::string& out, std::string_view s, size_t max_bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        if (i >= max_bytes) {
            out += "\xE2\x80\xA6";  // "…"
            return;
        }
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F) {
            out += char(c);
            ++i;
        } else if (c < 0x80) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
            ++i;
        } else if (size_t len = utf8SequenceLength(p + i, n - i); len != 0) {
            out.append(s.data() + i, len);
            i += len;
        } else {
            out += kReplacement;
            ++i;
        }
    }
}

}  // namespace gcscope::cli
