// The heap-space sample of the common-line reader: the grammar's heapSpaceLine rule
// (grammar_def.hpp) as a loop, for lines that hold nothing else.
//   Old space,          used:  62965 KB, available:   6373 KB, committed:  70612 KB
#include "char_classes.hpp"
#include "common_line_parts.hpp"
#include "number.hpp"

namespace gcscope::parser {

namespace {

inline constexpr CharClass kLowerCase("a-z");

/// "used: 62965 KB" (also "committed: 129432KB", "available:* 0 KB*"): which amount, or false.
bool readAmount(LineCursor& c, HeapSpaceSample& s) {
    const char* name = c.p;
    while (c.p != c.end && kLowerCase(*c.p)) ++c.p;
    const std::string_view which(name, size_t(c.p - name));
    double* slot = nullptr;
    if (which == "used") {
        slot = &s.used_kb;
    } else if (which == "available") {
        slot = &s.available_kb;
    } else if (which == "committed") {
        slot = &s.committed_kb;
    } else if (which != "start" && which != "promotion" && which != "promoted") {
        return false;  // alinode's extra amounts are read and dropped, as by the grammar
    }
    if (!c.literal(":")) return false;
    c.literal("*");  // "available:*": sweeping in progress
    c.skipSpaces();
    double value = 0;
    if (!parseDecimal(c.p, c.end, value)) return false;
    c.skipSpaces();
    if (!c.literal("KB")) return false;
    c.literal("*");
    if (slot) *slot = value;
    return true;
}

}  // namespace

bool readCommonHeapSpace(LineCursor& c, HeapSpaceSample& s) {
    const char* name = c.p;
    if (c.p == c.end || !kLetter(*c.p)) return false;
    while (c.p != c.end && kSpaceNameChar(*c.p)) ++c.p;
    s.space = {name, size_t(c.p - name)};
    if (!c.literal(", ")) return false;
    c.skipSpaces();
    do {
        if (!readAmount(c, s)) return false;
    } while (c.literal(", "));
    c.skipSpaces();
    return c.p == c.end;
}

}  // namespace gcscope::parser
