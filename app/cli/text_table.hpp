// Column-aligned text for terminal output: widths are computed from the cells, so numbers of any
// size line up without guessing field widths.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace gcscope::cli {

class TextTable {
public:
    enum class Align { Left, Right };
    explicit TextTable(std::vector<Align> columns) : align_(std::move(columns)) {}

    /// A row has at most as many cells as there are columns.
    void addRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    /// Each row on its own line, prefixed by `indent`, columns separated by two spaces.
    void append(std::string& out, const std::string& indent) const;
    /// The same into `out`, flushed as it fills: a table of tens of thousands of isolates is
    /// megabytes of text.
    void write(Output& out, const std::string& indent) const;

private:
    std::vector<size_t> widths() const;
    void appendRow(std::string& out, const std::string& indent, const std::vector<std::string>& row,
                   const std::vector<size_t>& widths) const;

    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace gcscope::cli
