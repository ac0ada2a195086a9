// Rows of fixed-size fields, stored column by column inside blocks of rows (row groups): an append
// computes one position and makes one allocation per block for all columns, instead of one per
// column, and a scan walks each column's contiguous run inside a block.
#pragma once

#include <algorithm>
#include <cstddef>

#include "gcscope/model/block_directory.hpp"
#include "gcscope/model/block_geometry.hpp"

namespace gcscope::model {

/// A block of capacity c holds column k at bytes [factor_k · c, factor_k · c + size_k · c), where
/// factor_k is the sum of the sizes of the columns before it: with the widest columns first and c
/// a multiple of 16, every column is aligned. Blocks follow BlockGeometry and never move.
///
/// Threading: as ChunkedColumn, except that the owner publishes the row count (RowBlocks does not
/// know when a row is complete): readers read rows below the count the owner published.
template <unsigned kMaxBlockBits = 12>
class RowBlocks {
    using Geometry = BlockGeometry<kMaxBlockBits>;

public:
    /// One block's storage, and the position of a row in it.
    struct Block {
        std::byte* base = nullptr;
        size_t capacity = 0;  ///< rows the block holds
        size_t offset = 0;    ///< the row's index inside the block

        /// Column starting at byte factor · capacity.
        template <class T>
        T* column(size_t factor) const {
            return reinterpret_cast<T*>(base + factor * capacity);
        }
    };

    explicit RowBlocks(size_t row_bytes) : row_bytes_(row_bytes) {}
    RowBlocks(const RowBlocks&) = delete;
    RowBlocks& operator=(const RowBlocks&) = delete;

    /// Writer: the block of row `row` (the next row to write, or an earlier one), allocated if
    /// this row starts a new block.
    Block writable(size_t row) {
        const auto loc = Geometry::locate(row);
        const size_t capacity = Geometry::blockSize(loc.block);
        // Allocated, not value-initialised: every column is written before its row is published.
        std::byte* base =
            loc.block == blocks_.count() ? blocks_.add(capacity * row_bytes_) : blocks_.block(loc.block);
        return {base, capacity, loc.offset};
    }

    /// Reader: rows below the owner's published count.
    Block at(size_t row) const {
        const auto loc = Geometry::locate(row);
        return {blocks_.blocks()[loc.block], Geometry::blockSize(loc.block), loc.offset};
    }

    /// Calls f(block, first_row, count) for the pieces of rows [begin, end) that share a block;
    /// block.offset is first_row's index in it.
    template <class F>
    void forEachBlock(size_t begin, size_t end, F&& f) const {
        while (begin < end) {
            const Block b = at(begin);
            const size_t n = std::min(b.capacity - b.offset, end - begin);
            f(b, begin, n);
            begin += n;
        }
    }

    size_t allocatedBytes() const {
        size_t bytes = blocks_.directoryBytes();
        for (size_t b = 0; b < blocks_.count(); ++b) bytes += Geometry::blockSize(b) * row_bytes_;
        return bytes;
    }

private:
    const size_t row_bytes_;
    BlockDirectory<std::byte> blocks_;
};

}  // namespace gcscope::model
