// Lexical rules of the nvp grammar (byte classes, where a JSON string ends), shared by the X3 rules
// and the hand-tuned common-line reader.
#pragma once

#include <cstring>
#include <string_view>

namespace gcscope::parser {

/// Membership of the 256 byte values in a set written like x3::char_'s ("a-z0-9_.", "-a-z": a
/// leading '-' is itself a member), built at compile time.
struct CharClass {
    bool has[256] = {};
    constexpr CharClass(std::string_view spec) {
        for (size_t i = 0; i < spec.size(); ++i) {
            if (i + 2 < spec.size() && spec[i + 1] == '-') {
                for (int c = spec[i]; c <= spec[i + 2]; ++c) has[c] = true;
                i += 2;
            } else {
                has[static_cast<unsigned char>(spec[i])] = true;
            }
        }
    }
    constexpr bool operator()(char c) const { return has[static_cast<unsigned char>(c)]; }
};

inline constexpr CharClass kLetter("a-zA-Z");
inline constexpr CharClass kSpaceNameChar("-a-zA-Z ");
/// nvp keys: "pause", "scavenge.weak_global_handles.identify", "new_space_survive_rate_".
inline constexpr CharClass kNvpKeyStart("a-z_");
inline constexpr CharClass kNvpKeyChar("a-z0-9_.");
/// nvp text values: gc=s, gc=mmc.
inline constexpr CharClass kNvpWordChar("a-zA-Z_");

/// The closing '"' of a JSON string whose text starts at p, or nullptr. V8 does not escape the
/// strings of its JSON nvp, so a string ends at a '"' followed by ',' or '}'.
inline const char* jsonStringEnd(const char* p, const char* end) {
    while (p != end) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', size_t(end - p)));
        if (!q) return nullptr;
        if (q + 1 != end && (q[1] == ',' || q[1] == '}')) return q;
        p = q + 1;
    }
    return nullptr;
}

}  // namespace gcscope::parser
