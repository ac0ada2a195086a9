// An append-only column stored in blocks that never move, so that appending never copies what is
// already there and an index (or a pointer to an element) handed out earlier stays valid forever.
#pragma once

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "gcscope/model/block_directory.hpp"
#include "gcscope/model/block_geometry.hpp"

namespace gcscope::model {

/// Blocks never move (BlockGeometry: 2^kFirstBlockBits elements first, growing by a half or a third
/// up to 2^kMaxBlockBits), so no append copies existing elements and a reference handed out stays
/// valid.
///
/// Threading: one writer (push_back), any number of readers. A reader that loads size() may read
/// every index below it while the writer keeps appending: elements are written before the size is
/// published (release/acquire), blocks never move, and the block directory, when it grows, is
/// copied and the old copy kept alive until the column dies (BlockDirectory).
template <class T, unsigned kMaxBlockBits = 12, unsigned kFirstBlockBits = 4>
class ChunkedColumn {
    using Geometry = BlockGeometry<kMaxBlockBits, kFirstBlockBits>;

public:
    using value_type = T;

    ChunkedColumn() = default;
    ChunkedColumn(const ChunkedColumn&) = delete;
    ChunkedColumn& operator=(const ChunkedColumn&) = delete;

    /// Published element count: every index below it may be read, from any thread.
    size_t size() const { return size_.load(std::memory_order_acquire); }
    bool empty() const { return size() == 0; }

    const T& operator[](size_t i) const {
        auto [block, offset] = locate(i);
        return blocks_.blocks()[block][offset];
    }
    T& back() {  // writer only
        const size_t n = size_.load(std::memory_order_relaxed);
        assert(n > 0);
        auto [block, offset] = locate(n - 1);
        return blocks_.block(block)[offset];
    }

    /// Writer only. Amortised O(1); allocates only when a block is full.
    void push_back(T value) {
        const size_t n = size_.load(std::memory_order_relaxed);
        auto [block, offset] = locate(n);
        T* b = block == blocks_.count() ? blocks_.add(blockSize(block)) : blocks_.block(block);
        b[offset] = std::move(value);
        size_.store(n + 1, std::memory_order_release);
    }

    /// Calls f(std::span<const T>, first_index) for the stored pieces of [begin, end), in order:
    /// bulk readers (statistics, decimation) walk contiguous memory instead of indexing per element.
    template <class F>
    void forEachSpan(size_t begin, size_t end, F&& f) const {
        T* const* dir = blocks_.blocks();
        while (begin < end) {
            auto [block, offset] = locate(begin);
            const size_t n = std::min(blockSize(block) - offset, end - begin);
            f(std::span<const T>(dir[block] + offset, n), begin);
            begin += n;
        }
    }

    /// Heap bytes held: blocks (used or not) and block directories.
    size_t allocatedBytes() const {
        size_t bytes = blocks_.directoryBytes();
        for (size_t b = 0; b < blocks_.count(); ++b) bytes += blockSize(b) * sizeof(T);
        return bytes;
    }

private:
    static typename Geometry::Location locate(size_t i) { return Geometry::locate(i); }
    static size_t blockSize(size_t block) { return Geometry::blockSize(block); }

    std::atomic<size_t> size_{0};
    BlockDirectory<T> blocks_;
};

}  // namespace gcscope::model
