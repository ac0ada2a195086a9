// Where element i lives in storage made of blocks that never move: blocks start small and grow
// geometrically up to a fixed size, then stay at it. Shared by ChunkedColumn and RowBlocks.
#pragma once

#include <bit>
#include <cstddef>

namespace gcscope::model {

/// Block sizes F, F, then two blocks per doubling — F, F, 2F, 2F, 4F, 4F, … up to
/// M = 2^kMaxBlockBits — then M, M, …: each new block adds a half or a third to the capacity
/// instead of doubling it, so at most a third of what a column holds is unused. That matters for logs of tens of
/// thousands of isolates of ~100 events each (doubling gave a 91-event isolate 128 rows, now 96).
/// A 10-million-event isolate wastes at most one block, and no append ever moves an element (a
/// std::vector would copy 10 million events to grow by one). F = 2^kFirstBlockBits: sparse
/// columns, which hold a few entries in most isolates, start smaller than core rows.
template <unsigned kMaxBlockBits, unsigned kFirstBlockBits = 4>
struct BlockGeometry {
    static_assert(kFirstBlockBits >= 1 && kFirstBlockBits < kMaxBlockBits && kMaxBlockBits <= 24);
    static constexpr size_t kFirstBlock = size_t(1) << kFirstBlockBits;
    static constexpr size_t kMaxBlock = size_t(1) << kMaxBlockBits;
    /// Blocks 0.. cover [0, 2·kMaxBlock): two of F, then two of 2^(b-1) for each [2^b, 2^(b+1)).
    static constexpr size_t kGrowingBlocks = 2 + 2 * (kMaxBlockBits - kFirstBlockBits);
    static constexpr size_t kGrowingEnd = kMaxBlock * 2;

    struct Location {
        size_t block, offset;
    };
    static Location locate(size_t i) {
        if (i < 2 * kFirstBlock) return {i >> kFirstBlockBits, i & (kFirstBlock - 1)};
        if (i < kGrowingEnd) {
            const unsigned b = unsigned(std::bit_width(i)) - 1;  // floor(log2 i) > kFirstBlockBits
            const size_t half = (i >> (b - 1)) & 1;              // which of [2^b, 2^(b+1))'s blocks
            return {2 + 2 * (b - kFirstBlockBits - 1) + half, i & ((size_t(1) << (b - 1)) - 1)};
        }
        const size_t j = i - kGrowingEnd;
        return {kGrowingBlocks + (j >> kMaxBlockBits), j & (kMaxBlock - 1)};
    }
    static size_t blockSize(size_t block) {
        if (block < 2) return kFirstBlock;
        if (block < kGrowingBlocks) return kFirstBlock << ((block - 2) / 2);
        return kMaxBlock;
    }
};

/// Binary search over any indexed sequence partitioned by `before` (true for a prefix, false for
/// the rest): returns the first index in [begin, end) where `before(i)` is false, in O(log n) calls.
/// Works on columns, whose elements are not one contiguous range std::partition_point could take.
template <class Before>
size_t partitionPoint(size_t begin, size_t end, Before&& before) {
    while (begin < end) {
        const size_t mid = begin + (end - begin) / 2;
        if (before(mid)) {
            begin = mid + 1;
        } else {
            end = mid;
        }
    }
    return begin;
}

}  // namespace gcscope::model
