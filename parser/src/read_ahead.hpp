#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace gcscope::parser {

/// Two chunk buffers passed between the reading thread and the consumer, so the next chunk is
/// read while the previous one is parsed. The producer copies each chunk in (a memcpy is cheaper
/// than the read it overlaps) and blocks while both buffers are full.
class ReadAhead {
  public:
    struct Cancelled {};

    void push(std::string_view chunk) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !full_[produce_] || cancelled_; });
        if (cancelled_) throw Cancelled{};
        buffers_[produce_].assign(chunk);
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
                onChunk(buffers_[consume_]);
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
    std::string buffers_[2];
    bool full_[2] = {false, false};
    int produce_ = 0;
    int consume_ = 0;
    bool closed_ = false;
    bool cancelled_ = false;
    std::string error_;
};

}  // namespace gcscope::parser
