// Sorting table rows by the value of one column: the events table of a gigabyte log sorts
// millions of rows on the GUI thread when a header is clicked.
#pragma once

#include <cstdint>
#include <vector>

namespace gcscope::model {

/// A row of a table being sorted: the value of its sort column, and which row it is. No default
/// values: millions are allocated for a sort, each written before it is read.
struct KeyedRow {
    double key;
    uint64_t row;
};

/// The rows' `row`s ordered by key, ascending or descending, absent values (NaN) last in either
/// order, rows of equal keys (-0 equals 0) in the order given: the order std::stable_sort gives
/// with that comparison. Many rows are radix-sorted on the keys' bits, in time linear in their
/// number: stable_sort's merges took 0.6 s for the six million GCs of a 1 GB log.
std::vector<uint64_t> orderByKey(std::vector<KeyedRow> rows, bool ascending);

}  // namespace gcscope::model
