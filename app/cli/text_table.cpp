#include "text_table.hpp"

#include <algorithm>

namespace gcscope::cli {
namespace {

/// Display width, counting UTF-8 code points (the cells are ASCII or simple Latin text).
size_t width(const std::string& s) {
    return size_t(std::count_if(s.begin(), s.end(),
                                [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

void TextTable::append(std::string& out, const std::string& indent) const {
    std::vector<size_t> widths(align_.size(), 0);
    for (const auto& row : rows_)
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], width(row[c]));

    for (const auto& row : rows_) {
        std::string line = indent;
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            if (c) line += "  ";
            const size_t pad = widths[c] - width(row[c]);
            if (align_[c] == Align::Right) line.append(pad, ' ');
            line += row[c];
            if (align_[c] == Align::Left) line.append(pad, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
    }
}

}  // namespace gcscope::cli
