// The blocks of a ChunkedColumn or RowBlocks and the directory readers find them through.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace gcscope::model {

/// Owns blocks of E (allocated, not value-initialised) and publishes their addresses.
///
/// Threading: one writer (add), any number of readers (blocks). The directory, when it grows, is
/// copied and the old copy kept alive until this dies, so a reader that loaded it stays valid
/// (it is correct for every block it may read).
///
/// The addresses of the first kInlineBlocks blocks live in the object itself; a directory is
/// allocated only for a column that outgrows them. A log of tens of thousands of short-lived
/// isolates printing nvp holds over a million columns of about a dozen entries each, and the two
/// allocations of a directory per column were a seventh of that model's memory.
template <class E>
class BlockDirectory {
public:
    BlockDirectory() = default;
    BlockDirectory(const BlockDirectory&) = delete;
    BlockDirectory& operator=(const BlockDirectory&) = delete;
    ~BlockDirectory() {
        E* const* dir = writerBlocks();
        for (uint32_t b = 0; b < count_; ++b) delete[] dir[b];
    }

    /// Reader: the published block addresses (null before the first block).
    E* const* blocks() const { return dir_.load(std::memory_order_acquire); }
    /// Writer: blocks added so far.
    size_t count() const { return count_; }
    /// Writer: the address of block b < count().
    E* block(size_t b) const { return writerBlocks()[b]; }

    /// Writer: adds block count() with room for n elements and returns it.
    E* add(size_t n) {
        E* const block = new E[n];
        if (count_ < kInlineBlocks) {
            inline_[count_] = block;
            if (count_ == 0) dir_.store(inline_, std::memory_order_release);
        } else if (!current_ || current_->capacity == count_) {
            auto d = std::make_unique<Directory>();
            d->capacity = current_ ? current_->capacity * 2 : 4 * kInlineBlocks;
            d->blocks = std::make_unique<E*[]>(d->capacity);
            E* const* old = writerBlocks();
            for (uint32_t b = 0; b < count_; ++b) d->blocks[b] = old[b];
            d->blocks[count_] = block;
            d->previous = std::move(current_);
            current_ = std::move(d);
            dir_.store(current_->blocks.get(), std::memory_order_release);
        } else {
            current_->blocks[count_] = block;
        }
        ++count_;
        return block;
    }

    /// Heap bytes of the directories (current and kept); the blocks are the owner's to count.
    size_t directoryBytes() const {
        size_t bytes = 0;
        for (const Directory* d = current_.get(); d; d = d->previous.get())
            bytes += sizeof(Directory) + d->capacity * sizeof(E*);
        return bytes;
    }

private:
    static constexpr uint32_t kInlineBlocks = 2;

    E* const* writerBlocks() const { return current_ ? current_->blocks.get() : inline_; }

    struct Directory {
        size_t capacity = 0;
        std::unique_ptr<E*[]> blocks;
        std::unique_ptr<Directory> previous;  ///< for readers that loaded it
    };

    std::atomic<E**> dir_{nullptr};
    E* inline_[kInlineBlocks] = {};       ///< the first blocks; readers keep using it after a
                                          ///< directory takes over, so it is never cleared
    std::unique_ptr<Directory> current_;  ///< writer only; null while the blocks fit inline_
    uint32_t count_ = 0;                  ///< writer only
};

}  // namespace gcscope::model
