// Where element i lives in storage made of blocks that never move: blocks start small and double
// up to a fixed size, then stay at it. Shared by ChunkedColumn and RowBlocks.
#pragma once

#include <bit>
#include <cstddef>

namespace gcscope::model {

/// Block sizes 16, 16, 32, 64, …, 2^kMaxBlockBits, 2^kMaxBlockBits, …: a log with thousands of
/// tiny isolates costs a few hundred bytes per column, a 10-million-event isolate wastes at most
/// one block, and no append ever moves an element (a std::vector would copy 10 million events to
/// grow by one).
template <unsigned kMaxBlockBits>
struct BlockGeometry {
    static_assert(kMaxBlockBits >= 5 && kMaxBlockBits <= 24);
    static constexpr unsigned kFirstBlockBits = 4;
    static constexpr size_t kFirstBlock = size_t(1) << kFirstBlockBits;
    static constexpr size_t kMaxBlock = size_t(1) << kMaxBlockBits;
    /// Blocks 0.. cover [0, kMaxBlock) with sizes 16, 16, 32, …, kMaxBlock/2.
    static constexpr size_t kGrowingBlocks = kMaxBlockBits - kFirstBlockBits + 1;

    struct Location {
        size_t block, offset;
    };
    static Location locate(size_t i) {
        if (i < kFirstBlock) return {0, i};
        if (i < kMaxBlock) {
            const unsigned b = unsigned(std::bit_width(i)) - 1;  // floor(log2 i) >= kFirstBlockBits
            return {b - kFirstBlockBits + 1, i - (size_t(1) << b)};
        }
        const size_t j = i - kMaxBlock;
        return {kGrowingBlocks + (j >> kMaxBlockBits), j & (kMaxBlock - 1)};
    }
    static size_t blockSize(size_t block) {
        if (block == 0) return kFirstBlock;
        if (block < kGrowingBlocks) return size_t(1) << (block + kFirstBlockBits - 1);
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
