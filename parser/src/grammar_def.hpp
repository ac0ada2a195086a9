// The Spirit X3 rules for V8's GC trace text. Included only by grammar.cpp.
//
// The grammar is split into small rules that the classifier (line_classifier.cpp) calls in turn,
// dispatching on what it has already seen; one big alternative would re-try every branch on every
// line. No skipper anywhere: spaces are significant in V8's output (two spaces before "(+" and
// the reason in V8 5.5-13.6, one space from 13.7 on), so each rule spells out where it allows
// them.
#pragma once

#include <boost/fusion/include/std_pair.hpp>
#include <boost/spirit/home/x3.hpp>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "ast.hpp"
#include "ast_adapted.hpp"
#include "char_classes.hpp"
#include "gc_type_names.hpp"
#include "number.hpp"
#include "same_bytes.hpp"

namespace gcscope::parser::grammar_def {

namespace x3 = boost::spirit::x3;

/// Exact number primitive (see number.hpp for why not x3::double_).
struct DecimalParser : x3::parser<DecimalParser> {
    using attribute_type = double;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        const char* p = first;
        double v = 0;
        if (!parseDecimal(p, last, v)) return false;
        first = p;
        x3::traits::move_to(v, attr);
        return true;
    }
};
inline constexpr DecimalParser decimal{};

/// Unsigned integer primitive. x3::uint_parser's generic accumulate-with-overflow-policy loop was
/// 5% of the parse time (every '[' of a line is tried as a prefix); this is the plain loop.
template <unsigned Radix>
struct UnsignedParser : x3::parser<UnsignedParser<Radix>> {
    using attribute_type = uint64_t;
    static bool const has_attribute = true;

    static unsigned digitValue(char c) {
        if (unsigned(c - '0') < 10) return unsigned(c - '0');
        if (Radix == 16) {
            const unsigned lower = unsigned((c | 0x20) - 'a');
            if (lower < 6) return lower + 10;
        }
        return Radix;
    }

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        const char* p = first;
        uint64_t v = 0;
        unsigned d;
        while (p != last && (d = digitValue(*p)) < Radix) {
            if (v > (UINT64_MAX - d) / Radix) return false;  // overflow: not a pid or pointer
            v = v * Radix + d;
            ++p;
        }
        if (p == first) return false;
        first = p;
        x3::traits::move_to(v, attr);
        return true;
    }
};
inline constexpr UnsignedParser<10> u64{};
inline constexpr UnsignedParser<16> hex64{};

/// A string literal as a template argument, so its length and bytes are compile-time constants.
template <size_t N>
struct FixedString {
    char chars[N - 1];
    constexpr FixedString(const char (&s)[N]) {
        for (size_t i = 0; i + 1 < N; ++i) chars[i] = s[i];
    }
    static constexpr size_t size = N - 1;
};

/// Literal text matched with one fixed-length compare. x3::lit("…") walks a NUL-terminated
/// string a character at a time: on --trace-gc logs that loop was an eighth of all instructions
/// (a record line matches some 60 literal characters).
template <FixedString S>
struct LiteralParser : x3::parser<LiteralParser<S>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute&) const {
        if (size_t(last - first) < S.size || !sameBytes<S.size>(&*first, S.chars)) return false;
        first += S.size;
        return true;
    }
};
template <FixedString S>
inline constexpr LiteralParser<S> lit{};

inline auto const spaces = *x3::lit(' ');
// A character set (one bitset lookup per character) rather than x3::xdigit, which calls the C
// library's locale-aware isxdigit() per character.
inline auto const hexDigit = x3::char_("0-9a-fA-F");

/// A token: one character of `First`, then any number of `Rest`; its text as the attribute.
/// x3::raw[char_set >> *char_set] spent some 400 instructions on an nvp key (a bitset test per
/// character through several layers of parser calls), most of an nvp line's parse; this is the
/// same match as a loop over a table.
template <const CharClass& First, const CharClass& Rest>
struct TokenParser : x3::parser<TokenParser<First, Rest>> {
    using attribute_type = std::string_view;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        if (first == last || !First(*first)) return false;
        Iterator p = first + 1;
        while (p != last && Rest(*p)) ++p;
        x3::traits::move_to(std::string_view(first, size_t(p - first)), attr);
        first = p;
        return true;
    }
};
inline constexpr TokenParser<kLetter, kSpaceNameChar> spaceName{};
inline constexpr TokenParser<kNvpKeyStart, kNvpKeyChar> nvpKey{};
inline constexpr TokenParser<kNvpWordChar, kNvpWordChar> nvpWord{};

/// The text of a JSON key or string, up to (not including) its closing '"', found with memchr
/// rather than tested a character at a time:
///  - keys (kNonEmpty): up to the next '"' (V8 prints plain identifiers);
///  - string values (kToQuoteBeforeSeparator): V8 does not escape them, so a string ends at a
///    '"' followed by ',' or '}' (x3's *(char_ - ('"' >> (',' | '}'))) tried that alternative at
///    every character). Without such a quote it runs to the end, and the closing '"' fails.
template <bool kToQuoteBeforeSeparator, bool kNonEmpty>
struct QuotedBodyParser : x3::parser<QuotedBodyParser<kToQuoteBeforeSeparator, kNonEmpty>> {
    using attribute_type = std::string_view;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        const char* stop =
            kToQuoteBeforeSeparator
                ? jsonStringEnd(first, last)
                : static_cast<const char*>(std::memchr(first, '"', size_t(last - first)));
        if (!stop) stop = last;  // no closing quote: the '"' after this fails
        if (kNonEmpty && stop == first) return false;
        x3::traits::move_to(std::string_view(first, size_t(stop - first)), attr);
        first = stop;
        return true;
    }
};
inline constexpr QuotedBodyParser<false, true> jsonKey{};
inline constexpr QuotedBodyParser<true, false> jsonString{};

/// A number together with the text it was read from (nvp values keep both).
struct NumberText {
    double value = 0;
    const char* begin = nullptr;
    const char* end = nullptr;
};
struct DecimalTextParser : x3::parser<DecimalTextParser> {
    using attribute_type = NumberText;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        const char* p = first;
        NumberText n;
        if (!parseDecimal(p, last, n.value)) return false;
        n.begin = first;
        n.end = p;
        first = p;
        x3::traits::move_to(n, attr);
        return true;
    }
};
inline constexpr DecimalTextParser decimalText{};

// Semantic actions write through a pointer the caller binds with x3::with<Tag>(&out).
template <typename Tag, typename Context>
auto& target(Context const& ctx) {
    return *x3::get<Tag>(ctx);
}

// ---- "[pid]", "[pid:0x1a2b]", "[pid:0000013B784AD000]", "[pid:0x1a2b:0]" ----------------------
struct PrefixTag;
inline auto const setPid = [](auto& ctx) { target<PrefixTag>(ctx).pid = x3::_attr(ctx); };
inline auto const setIsolate = [](auto& ctx) {
    auto& out = target<PrefixTag>(ctx);
    out.has_isolate = true;
    out.isolate = x3::_attr(ctx);
};
inline auto const setMsvcIsolate = [](auto& ctx) {
    // 8 or 16 hex digits without "0x": MSVC's %p. Parsed here because uint_parser would also
    // accept the 5-digit decimal thread ids of Chrome's own "[pid:tid:…]" log prefix.
    auto& out = target<PrefixTag>(ctx);
    uint64_t v = 0;
    for (char c : x3::_attr(ctx)) {
        const unsigned d = c <= '9' ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
        v = v * 16 + d;
    }
    out.has_isolate = true;
    out.isolate = v;
    out.msvc_pointer = true;
};
inline auto const setIsolateId = [](auto& ctx) {
    if (x3::_attr(ctx) > ast::kMaxIsolateId) {
        x3::_pass(ctx) = false;  // V8's isolate counter is small; this is something else
        return;
    }
    target<PrefixTag>(ctx).isolate_id = int64_t(x3::_attr(ctx));
};
inline auto const pointer =
    (lit<"0x"> >> hex64[setIsolate]) | x3::raw[x3::repeat(8, 16)[hexDigit]][setMsvcIsolate];
inline auto const v8Prefix =
    x3::lit('[') >> u64[setPid] >>
    -(x3::lit(':') >> pointer >> -(x3::lit(':') >> u64[setIsolateId])) >> x3::lit(']');
inline auto const isolateEcho = lit<"[I:"> >> -lit<"0x"> >> +hexDigit >> x3::lit(']') >>
                                +x3::lit(' ');

// ---- "   1234 ms: " -------------------------------------------------------------------------
inline auto const timestamp = spaces >> decimal >> lit<" ms: ">;

// ---- the --trace-gc record up to " ms" ------------------------------------------------------
/// The GC type name (gc_type_names.hpp): compared whole against the names starting with the same
/// letter rather than walked through an x3::symbols tree a character at a time (3% of a
/// --trace-gc parse).
struct GcTypeParser : x3::parser<GcTypeParser> {
    using attribute_type = GcType;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext const&,
               Attribute& attr) const {
        const GcTypeName* name = matchGcTypeName(first, last);
        if (!name) return false;
        first += name->text.size();
        x3::traits::move_to(name->type, attr);
        return true;
    }
};
inline constexpr GcTypeParser gcType{};

struct CoreTag;
template <uint16_t Flag>
inline auto const setFlag = [](auto& ctx) { target<CoreTag>(ctx).flags |= Flag; };
inline auto const setType = [](auto& ctx) { target<CoreTag>(ctx).type = x3::_attr(ctx); };
inline auto const setSizes = [](auto& ctx) { target<CoreTag>(ctx).sizes = x3::_attr(ctx); };
inline auto const setPooled = [](auto& ctx) { target<CoreTag>(ctx).pooled = x3::_attr(ctx); };
inline auto const setFirstTime = [](auto& ctx) {
    target<CoreTag>(ctx).first_time = x3::_attr(ctx);
};
inline auto const setSecondTime = [](auto& ctx) {
    target<CoreTag>(ctx).second_time = x3::_attr(ctx);
};

inline auto const heapSizes = x3::rule<struct HeapSizesRule, ast::HeapSizes>{"heap sizes"} =
    decimal >> lit<" ("> >> decimal >> lit<") -> "> >> decimal >> lit<" ("> >> decimal >>
    lit<") MB, ">;

inline auto const traceCore =
    -lit<"Shared ">[setFlag<kShared>] >> gcType[setType] >> -lit<" (reduce)">[setFlag<kReduce>] >>
    -(lit<" (interleaved)">[setFlag<kInterleaved>] |
      lit<" (during sweeping)">[setFlag<kDuringSweeping>]) >>
    x3::lit(' ') >> heapSizes[setSizes] >>
    -(lit<"pooled: "> >> decimal[setPooled] >> lit<" MB, ">) >> decimal[setFirstTime] >>
    -(lit<" / "> >> decimal[setSecondTime]) >> lit<" ms">;

// ---- " (+ 3.4 ms in 19 steps since start of marking, biggest step 1.1 ms, walltime … 1133 ms)" --
struct IncTag;
inline auto const setIncMs = [](auto& ctx) { target<IncTag>(ctx).ms = x3::_attr(ctx); };
inline auto const setIncSteps = [](auto& ctx) { target<IncTag>(ctx).steps = x3::_attr(ctx); };
inline auto const setIncBiggest = [](auto& ctx) {
    target<IncTag>(ctx).biggest_step = x3::_attr(ctx);
};
inline auto const setIncWall = [](auto& ctx) { target<IncTag>(ctx).walltime = x3::_attr(ctx); };
inline auto const incremental =
    spaces >> lit<"(+ "> >> decimal[setIncMs] >> lit<" ms in "> >> decimal[setIncSteps] >>
    lit<" steps since "> >>
    (lit<"last GC"> |
     (lit<"start of marking"> >>
      -(lit<", biggest step "> >> decimal[setIncBiggest] >> lit<" ms">) >>
      -(lit<", walltime since start of marking "> >> decimal[setIncWall] >> lit<" ms">))) >>
    x3::lit(')');

// ---- " (average mu = 0.990, current mu = 0.990)" ---------------------------------------------
inline auto const mutatorUtilization =
    x3::rule<struct MuRule, ast::MutatorUtilization>{
        "mutator utilization"} = spaces >> lit<"(average mu = "> >> decimal >>
                                 lit<", current mu = "> >> decimal >> x3::lit(')');

// ---- "Old space,          used:  62965 KB, available:   6373 KB, committed:  70612 KB" --------
// Column widths changed three times (V8 4.x, ~10.x, 15); "available:*" marks sweeping in
// progress; "committed: 129432KB" lost its space in ~6-10.x; alinode (Alibaba's Node) adds
// "start:", "promotion:" and "promoted:" amounts. So the sizes are read as a list of
// "name: N KB" and the three V8 prints everywhere are kept.
struct SpaceTag;
enum class SpaceAmount { Used, Available, Committed, Other };
struct SpaceAmountSymbols : x3::symbols<SpaceAmount> {
    SpaceAmountSymbols() {
        add("used", SpaceAmount::Used)("available", SpaceAmount::Available)(
            "committed", SpaceAmount::Committed)("start", SpaceAmount::Other)(
            "promotion", SpaceAmount::Other)("promoted", SpaceAmount::Other);
    }
};
inline SpaceAmountSymbols const spaceAmountName;
inline auto const setSpaceName = [](auto& ctx) {
    auto& out = target<SpaceTag>(ctx);
    const std::string_view name = x3::_attr(ctx);
    out.name_begin = name.data();
    out.name_end = name.data() + name.size();
};
inline auto const setSpaceAmount = [](auto& ctx) {
    auto& out = target<SpaceTag>(ctx);
    const auto& [which, value] = x3::_attr(ctx);
    switch (which) {
        case SpaceAmount::Used:
            out.used = value;
            break;
        case SpaceAmount::Available:
            out.available = value;
            break;
        case SpaceAmount::Committed:
            out.committed = value;
            break;
        case SpaceAmount::Other:
            break;
    }
};
inline auto const spaceAmount =
    x3::rule<struct SpaceAmountRule, std::pair<SpaceAmount, double>>{
        "space amount"} = spaceAmountName >> x3::lit(':') >> -x3::lit('*') >> spaces >> decimal
                          >> spaces >> lit<"KB"> >> x3::omit[-x3::lit('*')];
inline auto const heapSpaceLine = spaceName[setSpaceName] >> x3::lit(',') >> +x3::lit(' ') >>
                                  (spaceAmount[setSpaceAmount] % lit<", ">) >> spaces;

// ---- nvp "key=value" pairs --------------------------------------------------------------------
// Parsed generically: the key set changes in almost every V8 release. Pairs may be glued
// ("identify=0.00scavenge.weak=0.00", V8 6.2 and 13.8): the number stops at the letter and the
// next key starts there, so the separator is zero or more spaces.
struct FieldsTag;
/// The text a token matched: a std::string_view from the token parsers above, or an
/// x3::raw[] iterator range.
template <typename Attribute>
std::string_view textOf(const Attribute& a) {
    if constexpr (std::is_same_v<Attribute, std::string_view>) {
        return a;
    } else {
        return std::string_view(&*a.begin(), size_t(a.size()));
    }
}
inline auto const startField = [](auto& ctx) {
    auto& fields = target<FieldsTag>(ctx);
    fields.emplace_back();
    fields.back().key = textOf(x3::_attr(ctx));
};
inline auto const setFieldNumber = [](auto& ctx) {
    auto& f = target<FieldsTag>(ctx).back();
    const NumberText& n = x3::_attr(ctx);
    f.text = std::string_view(n.begin, size_t(n.end - n.begin));
    f.value = n.value;
};
inline auto const setFieldPercent = [](auto& ctx) { target<FieldsTag>(ctx).back().percent = true; };
inline auto const setFieldText = [](auto& ctx) {
    target<FieldsTag>(ctx).back().text = textOf(x3::_attr(ctx));
};
inline auto const dropField = [](auto& ctx) { target<FieldsTag>(ctx).pop_back(); };

inline auto const nvpValue =
    (decimalText[setFieldNumber] >> -x3::lit('%')[setFieldPercent]) | nvpWord[setFieldText];
// A key whose value is missing (a truncated line) is taken back out.
inline auto const nvpPair = nvpKey[startField] >>
                            ((x3::lit('=') >> nvpValue) | x3::eps[dropField] >> !x3::eps);
inline auto const nvpPairs = nvpPair % spaces;

// ---- nvp JSON (Node 26): GC: {"pause":2.254,"gc":"s","reduce_memory":false,…} ------------------
// V8 does not escape strings here, so a string ends at a quote that is followed by ',' or '}'
// (jsonString above).
inline auto const jsonValue = decimalText[setFieldNumber] |
                              x3::raw[lit<"true"> | lit<"false"> | lit<"null">][setFieldText] |
                              (x3::lit('"') >> jsonString[setFieldText] >> x3::lit('"'));
inline auto const jsonMember = x3::lit('"') >> jsonKey[startField] >> lit<"\":"> >> jsonValue;
inline auto const nvpJson = lit<"GC: {"> >> -(jsonMember % x3::lit(',')) >> x3::lit('}');

}  // namespace gcscope::parser::grammar_def
