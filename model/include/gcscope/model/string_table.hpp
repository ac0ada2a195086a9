// Interned strings: a reason like "allocation failure" is stored once and each event keeps a
// small id, which is what keeps an event under 64 bytes and appending free of string building.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gcscope/model/chunked_column.hpp"

namespace gcscope::model {

class StringTable {
public:
    /// Id 0 is the empty string (the parser's "absent").
    static constexpr uint32_t kEmpty = 0;

    /// A log of garbage could hold millions of distinct "reasons"; past `max_strings` every new
    /// string gets `overflowId()`, shown as "(other)", so memory stays bounded.
    explicit StringTable(uint32_t max_strings = 65535);

    /// Writer only. The id of `s`, adding it if new. The common case, the same string as the
    /// previous call (records come in runs of one reason), is one comparison, no hashing.
    uint32_t intern(std::string_view s);
    /// The last string one caller interned. Records repeat their reason and their collector
    /// reason, but interning both alternates between them, which defeats intern()'s own
    /// "same as the previous call": a caller keeping one per field hashes only on a change.
    struct Recent {
        uint32_t id = kEmpty;
        std::string_view text;
    };
    /// Writer only. intern(s), with `recent` as the caller's own previous call.
    uint32_t intern(std::string_view s, Recent& recent) {
        if (s == recent.text) return recent.id;
        recent.id = intern(s);
        recent.text = at(recent.id);
        return recent.id;
    }

    /// Any thread, for ids already handed out (published with the records that carry them).
    std::string_view at(uint32_t id) const;
    uint32_t overflowId() const { return max_strings_; }
    size_t size() const { return strings_.size(); }
    /// Writer only: the id of `s` if it was interned, else UINT32_MAX. Does not add.
    uint32_t find(std::string_view s) const;
    size_t allocatedBytes() const;

private:
    ChunkedColumn<std::string, 8> strings_;  ///< never moves: index_ keys view into it
    std::unordered_map<std::string_view, uint32_t> index_;
    uint32_t max_strings_;
    uint32_t last_ = kEmpty;
    std::string_view last_view_;  ///< the string of last_ (it never moves)
};

}  // namespace gcscope::model
