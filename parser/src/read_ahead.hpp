#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace gcscope::parser {

/// Bytes read for the parser. Buffers change hands between the reading thread and the consumer
/// rather than being copied: the copy was a third of the reading thread's time.
struct ChunkBuffer {
    std::unique_ptr<char[]> data;
    size_t size = 0;  ///< bytes filled
    size_t capacity = 0;

    /// Room for `bytes` (a buffer handed back by ReadAhead::push may have none yet).
    void reserve(size_t bytes) {
        if (capacity >= bytes) return;
        data.reset(new char[bytes]);
        capacity = bytes;
    }
};

/// Two chunk buffers passed between the reading thread and the consumer, so the next chunk is
/// read while the previous one is parsed. The producer blocks while both buffers are full.
class ReadAhead {
  public:
    struct Cancelled {};

    /// Hands chunk's bytes to the consumer and gives the producer a free buffer in exchange:
    /// `chunk` comes back empty (size 0), to be reserve()d and refilled.
    void push(ChunkBuffer& chunk) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !full_[produce_] || cancelled_; });
        if (cancelled_) throw Cancelled{};
        std::swap(buffers_[produce_], chunk);
        chunk.size = 0;
        full_[produce_] = true;
        produce_ ^= 1;
        changed_.notify_all();
    }

    void close(std::string error) {
        std::lock_guard lock(mutex_);
        error_ = std::move(error);
        closed_ = true;
        changed_.notify_all();
    }

    /// Hands every chunk to onChunk in order; returns the reader's error once it has closed.
    std::string drain(const std::function<void(std::string_view chunk)>& onChunk) {
        for (;;) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return full_[consume_] || closed_; });
            if (!full_[consume_]) return error_;
            lock.unlock();
            try {
                onChunk(std::string_view(buffers_[consume_].data.get(), buffers_[consume_].size));
            } catch (...) {
                lock.lock();
                cancelled_ = true;
                changed_.notify_all();
                throw;
            }
            lock.lock();
            full_[consume_] = false;
            consume_ ^= 1;
            changed_.notify_all();
        }
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    ChunkBuffer buffers_[2];
    bool full_[2] = {false, false};
    int produce_ = 0;
    int consume_ = 0;
    bool closed_ = false;
    bool cancelled_ = false;
    std::string error_;
};

}  // namespace gcscope::parser
