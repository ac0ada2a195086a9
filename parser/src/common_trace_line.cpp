#include "common_trace_line.hpp"

#include <array>
#include <cstring>

#include "gc_type_names.hpp"
#include "reason_tail.hpp"
#include "same_bytes.hpp"

namespace gcscope::parser {

namespace {

constexpr size_t kRingBufferEntryChars = 255;  // as in line_classifier.cpp
constexpr uint64_t kMaxPid = 0xFFFFFFFFull;

bool isDigit(char c) {
    return unsigned(c - '0') < 10;
}

/// A read position in the line. Every step either matches and advances, or fails; a failure
/// anywhere sends the whole line to the X3 path, so no step needs to undo anything.
struct Cursor {
    const char* p;
    const char* end;

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

/// "Scavenge 47.5 (67.9) -> 38.4 (69.9) MB, pooled: 9 MB, 1.71 / 0.00 ms"
bool readCore(Cursor& c, GcRecord& rec) {
    const GcTypeName* name = matchGcTypeName(c.p, c.end);
    if (!name) return false;
    c.p += name->text.size();
    rec.type = name->type;
    if (c.literal(" (reduce)")) rec.flags |= kReduce;
    if (c.literal(" (interleaved)")) {
        rec.flags |= kInterleaved;
    } else if (c.literal(" (during sweeping)")) {
        rec.flags |= kDuringSweeping;
    }
    if (!c.literal(" ") || !c.fixedPoint(rec.used_before_mb) || !c.literal(" (") ||
        !c.fixedPoint(rec.committed_before_mb) || !c.literal(") -> ") ||
        !c.fixedPoint(rec.used_after_mb) || !c.literal(" (") ||
        !c.fixedPoint(rec.committed_after_mb) || !c.literal(") MB, "))
        return false;
    if (c.literal("pooled: ") && (!c.fixedPoint(rec.pooled_mb) || !c.literal(" MB, ")))
        return false;
    if (!c.fixedPoint(rec.pause_ms)) return false;
    if (c.literal(" / ") && !c.fixedPoint(rec.external_ms)) return false;
    return c.literal(" ms");
}

/// "  (+ 3.4 ms in 19 steps since start of marking, biggest step 1.1 ms, walltime since start of
/// marking 1133 ms)" or "(+ 1.2 ms in 3 steps since last GC)", if present; the grammar's
/// `incremental` rule, step by step.
bool readOptionalIncremental(Cursor& c, GcRecord& rec) {
    Cursor look = c;
    look.skipSpaces();
    if (!look.literal("(+ ")) return true;
    if (!look.fixedPoint(rec.incremental_ms) || !look.literal(" ms in ") ||
        !look.fixedPoint(rec.incremental_steps) || !look.literal(" steps since "))
        return false;
    if (!look.literal("last GC")) {
        if (!look.literal("start of marking")) return false;
        if (look.literal(", biggest step ") &&
            (!look.fixedPoint(rec.incremental_biggest_step_ms) || !look.literal(" ms")))
            return false;
        if (look.literal(", walltime since start of marking ") &&
            (!look.fixedPoint(rec.incremental_walltime_ms) || !look.literal(" ms")))
            return false;
    }
    if (!look.literal(")")) return false;
    c = look;
    return true;
}

/// "  (average mu = 0.997, current mu = 0.997)", if present. Any other clause (one cut short)
/// fails: the X3 path knows those.
bool readOptionalMu(Cursor& c, GcRecord& rec) {
    Cursor look = c;
    look.skipSpaces();
    if (!look.startsWith('(')) return true;
    if (!look.literal("(average mu = ") || !look.fixedPoint(rec.mu_average) ||
        !look.literal(", current mu = ") || !look.fixedPoint(rec.mu_current) || !look.literal(")"))
        return false;
    c = look;
    return true;
}

}  // namespace

bool readCommonPrefix(const char*& p, const char* end, ast::V8Prefix& out) {
    Cursor c{p, end};
    uint64_t pid = 0, isolate = 0;
    if (!c.literal("[") || !c.unsignedNumber<10, 10>(pid) || pid > kMaxPid || !c.literal(":0x") ||
        !c.unsignedNumber<16, 16>(isolate) || !c.literal("]") || !c.startsWith(' '))
        return false;
    out = ast::V8Prefix{.pid = pid, .has_isolate = true, .isolate = isolate};
    p = c.p;
    return true;
}

bool classifyCommonTraceLine(std::string_view line, uint32_t index, ClassifiedChunk& out) {
    Cursor c{line.data(), line.data() + line.size()};
    // Prefix and timestamp first: most lines that are not records (heap-space samples, V8's
    // other messages) fail there, before a GcRecord is set up.
    ast::V8Prefix prefix;
    double time_ms = 0;
    if (!readCommonPrefix(c.p, c.end, prefix)) return false;
    c.skipSpaces();
    if (!c.fixedPoint(time_ms) || !c.literal(" ms: ")) return false;
    GcRecord rec;
    rec.key.pid = int64_t(prefix.pid);
    rec.key.isolate = prefix.isolate;
    rec.time_ms = time_ms;
    rec.form = RecordForm::Trace;
    rec.line = index;
    if (!readCore(c, rec) || !readOptionalIncremental(c, rec) || !readOptionalMu(c, rec))
        return false;
    // A '[' in the reason may start a second, glued record (or be a V8 <= 5.4 "[reason]").
    const std::string_view tail(c.p, size_t(c.end - c.p));
    if (tail.find('[') != std::string_view::npos) return false;
    bool cut = false;
    parseReasonTail(tail, rec, cut);
    if (cut) rec.flags |= kTruncated;

    ++out.record_lines;
    out.items.push_back({.line = index,
                         .prefixed = true,
                         .ring_buffer_cut = line.size() == kRingBufferEntryChars,
                         .nvp_begin = uint32_t(out.nvp.size()),
                         .nvp_count = 0,
                         .payload = rec});
    return true;
}

}  // namespace gcscope::parser
