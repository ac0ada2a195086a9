// An append-only column stored in blocks that never move, so that appending never copies what is
// already there and an index (or a pointer to an element) handed out earlier stays valid forever.
#pragma once

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "gcscope/model/block_geometry.hpp"

namespace gcscope::model {

/// Blocks never move (BlockGeometry: 16, 16, 32, … up to 2^kMaxBlockBits elements), so no append
/// copies existing elements and a reference handed out stays valid.
///
/// Threading: one writer (push_back), any number of readers. A reader that loads size() may read
/// every index below it while the writer keeps appending: elements are written before the size is
/// published (release/acquire), blocks never move, and the block directory, when it grows, is
/// copied and the old copy kept alive until the column dies, so a reader holding it stays valid.
template <class T, unsigned kMaxBlockBits = 12>
class ChunkedColumn {
    using Geometry = BlockGeometry<kMaxBlockBits>;

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
        return dir_.load(std::memory_order_acquire)[block][offset];
    }
    T& back() {  // writer only
        const size_t n = size_.load(std::memory_order_relaxed);
        assert(n > 0);
        auto [block, offset] = locate(n - 1);
        return dir_.load(std::memory_order_relaxed)[block][offset];
    }

    /// Writer only. Amortised O(1); allocates only when a block is full.
    void push_back(T value) {
        const size_t n = size_.load(std::memory_order_relaxed);
        auto [block, offset] = locate(n);
        if (block == blocks_.size()) addBlock(block);
        blocks_[block][offset] = std::move(value);
        size_.store(n + 1, std::memory_order_release);
    }

    /// Calls f(std::span<const T>, first_index) for the stored pieces of [begin, end), in order:
    /// bulk readers (statistics, decimation) walk contiguous memory instead of indexing per element.
    template <class F>
    void forEachSpan(size_t begin, size_t end, F&& f) const {
        T* const* dir = dir_.load(std::memory_order_acquire);
        while (begin < end) {
            auto [block, offset] = locate(begin);
            const size_t n = std::min(blockSize(block) - offset, end - begin);
            f(std::span<const T>(dir[block] + offset, n), begin);
            begin += n;
        }
    }

    /// Heap bytes held: blocks (used or not) and block directories.
    size_t allocatedBytes() const {
        size_t bytes = 0;
        for (size_t b = 0; b < blocks_.size(); ++b) bytes += blockSize(b) * sizeof(T);
        for (const auto& d : dirs_) bytes += d.capacity * sizeof(T*);
        return bytes;
    }

private:
    static typename Geometry::Location locate(size_t i) { return Geometry::locate(i); }
    static size_t blockSize(size_t block) { return Geometry::blockSize(block); }

    void addBlock(size_t block) {
        blocks_.push_back(std::unique_ptr<T[]>(new T[blockSize(block)]));
        if (dirs_.empty() || dirs_.back().capacity == block) {
            // A new, larger directory: copy the pointers, publish it, keep the old one for readers
            // that loaded it (it stays correct for every index they may read).
            Directory d;
            d.capacity = dirs_.empty() ? 8 : dirs_.back().capacity * 2;
            d.blocks = std::make_unique<T*[]>(d.capacity);
            for (size_t b = 0; b < block; ++b) d.blocks[b] = blocks_[b].get();
            d.blocks[block] = blocks_[block].get();
            dirs_.push_back(std::move(d));
            dir_.store(dirs_.back().blocks.get(), std::memory_order_release);
        } else {
            dirs_.back().blocks[block] = blocks_[block].get();
        }
    }

    struct Directory {
        size_t capacity = 0;
        std::unique_ptr<T*[]> blocks;
    };

    std::atomic<size_t> size_{0};
    std::atomic<T**> dir_{nullptr};               ///< the current directory, for readers
    std::vector<std::unique_ptr<T[]>> blocks_;    ///< writer only: owns the blocks
    std::vector<Directory> dirs_;                 ///< writer only: every directory ever published
};

}  // namespace gcscope::model
