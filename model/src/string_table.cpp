#include "gcscope/model/string_table.hpp"

namespace gcscope::model {

StringTable::StringTable(uint32_t max_strings) : max_strings_(max_strings) {
    strings_.push_back(std::string());
    index_.emplace(std::string_view(strings_[0]), kEmpty);
}

uint32_t StringTable::intern(std::string_view s) {
    if (s.empty()) return kEmpty;
    if (s == last_view_) return last_;
    auto it = index_.find(s);
    if (it != index_.end()) {
        last_view_ = it->first;
        return last_ = it->second;
    }
    if (strings_.size() >= max_strings_) return overflowId();
    const auto id = uint32_t(strings_.size());
    strings_.push_back(std::string(s));
    // The key views the stored string, whose bytes never move (blocks are never reallocated;
    // short strings live inside the std::string object, which does not move either).
    last_view_ = std::string_view(strings_[id]);
    index_.emplace(last_view_, id);
    return last_ = id;
}

std::string_view StringTable::at(uint32_t id) const {
    if (id >= strings_.size()) return "(other)";
    return strings_[id];
}

uint32_t StringTable::find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? UINT32_MAX : it->second;
}

size_t StringTable::allocatedBytes() const {
    size_t bytes = strings_.allocatedBytes();
    for (size_t i = 0; i < strings_.size(); ++i)
        if (strings_[i].capacity() > 15) bytes += strings_[i].capacity() + 1;
    return bytes + index_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*));
}

}  // namespace gcscope::model
