// Splitting per-isolate work over threads (internal). Statistics and diagnosis of a summary are
// independent per isolate; a log of thousands of isolates (one per process or worker) spends
// most of its time in per-isolate overhead, which threads share well.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace gcscope::model::detail {

/// Threads to use for `items` items: `requested` (0 = the hardware's), but at least
/// `min_items_per_thread` items each, so small inputs stay on the calling thread.
inline unsigned threadsFor(size_t items, unsigned requested, size_t min_items_per_thread = 256) {
    unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    const size_t useful = std::max<size_t>(1, items / min_items_per_thread);
    return unsigned(std::min<size_t>(n, useful));
}

/// Calls f(chunk, begin, end) for `threads` consecutive chunks of [0, items), chunk 0 on the
/// calling thread, and waits for all. Chunks are in order, so results joined by chunk index keep
/// the input order.
template <class F>
void forChunks(size_t items, unsigned threads, F&& f) {
    if (threads <= 1) {
        f(size_t(0), size_t(0), items);
        return;
    }
    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    auto bounds = [&](size_t c) { return items * c / threads; };
    for (unsigned c = 1; c < threads; ++c)
        workers.emplace_back([&f, c, b = bounds(c), e = bounds(c + 1)] { f(size_t(c), b, e); });
    f(size_t(0), bounds(0), bounds(1));
    for (auto& w : workers) w.join();
}

}  // namespace gcscope::model::detail
