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

std::vector<size_t> TextTable::widths() const {
    std::vector<size_t> widths(align_.size(), 0);
    for (const auto& row : rows_)
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], width(row[c]));
    return widths;
}

void TextTable::appendRow(std::string& out, const std::string& indent, const std::vector<std::string>& row,
                          const std::vector<size_t>& widths) const {
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

void TextTable::append(std::string& out, const std::string& indent) const {
    const std::vector<size_t> w = widths();
    for (const auto& row : rows_) appendRow(out, indent, row, w);
}

void TextTable::write(Output& out, const std::string& indent) const {
    const std::vector<size_t> w = widths();
    for (const auto& row : rows_) {
        appendRow(out.buffer(), indent, row, w);
        out.maybeFlush();
    }
}

}  // namespace gcscope::cli
