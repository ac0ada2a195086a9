// The append-only column: indexes and element addresses stay valid while it grows.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "gcscope/model/chunked_column.hpp"

namespace gcscope::model {
namespace {

TEST(ChunkedColumn, IndexesReadBackAcrossEveryBlockBoundary) {
    ChunkedColumn<uint64_t, 6> c;  // blocks of 16 ×4, 32 ×2, then 64: many boundaries
    for (uint64_t i = 0; i < 1000; ++i) c.push_back(i * 3);
    ASSERT_EQ(c.size(), 1000u);
    for (uint64_t i = 0; i < 1000; ++i) ASSERT_EQ(c[i], i * 3) << i;
}

TEST(ChunkedColumn, AppendingNeverMovesElements) {
    ChunkedColumn<double> c;
    c.push_back(1.5);
    const double* first = &c[0];
    for (int i = 0; i < 100000; ++i) c.push_back(i);
    EXPECT_EQ(&c[0], first);
    EXPECT_EQ(*first, 1.5);
    const double* mid = &c[5000];
    for (int i = 0; i < 100000; ++i) c.push_back(i);
    EXPECT_EQ(&c[5000], mid);
}

TEST(ChunkedColumn, ForEachSpanVisitsTheRangeInOrderInContiguousPieces) {
    ChunkedColumn<int, 5> c;  // blocks 16 ×4, then 32
    for (int i = 0; i < 200; ++i) c.push_back(i);
    std::vector<int> seen;
    std::vector<size_t> starts;
    c.forEachSpan(10, 150, [&](std::span<const int> s, size_t first) {
        starts.push_back(first);
        seen.insert(seen.end(), s.begin(), s.end());
    });
    ASSERT_EQ(seen.size(), 140u);
    for (int i = 0; i < 140; ++i) EXPECT_EQ(seen[size_t(i)], i + 10);
    // Pieces end at block boundaries: 16, 32, 48, 64, 96, 128.
    EXPECT_EQ(starts, (std::vector<size_t>{10, 16, 32, 48, 64, 96, 128}));
}

TEST(ChunkedColumn, SmallColumnsStaySmall) {
    ChunkedColumn<double> c;
    c.push_back(1);
    // One 16-element block, not a 4096-element one, and no directory: the addresses of the first
    // two blocks are kept in the column (a million nvp columns of a dozen entries each paid two
    // allocations apiece for one).
    EXPECT_EQ(c.allocatedBytes(), 16 * sizeof(double));
    while (c.size() < 32) c.push_back(double(c.size()));
    EXPECT_EQ(c.allocatedBytes(), 32 * sizeof(double));
    // The third block (16 more) needs a directory: 8 pointers and its header.
    c.push_back(32);
    EXPECT_GE(c.allocatedBytes(), 48 * sizeof(double) + 8 * sizeof(double*));
    EXPECT_LE(c.allocatedBytes(), 48 * sizeof(double) + 8 * sizeof(double*) + 4 * sizeof(void*));
    for (size_t i = 0; i < c.size(); ++i) ASSERT_EQ(c[i], i == 0 ? 1.0 : double(i)) << i;
    // Sparse columns start with 4.
    ChunkedColumn<double, 12, 2> sparse;
    sparse.push_back(1);
    EXPECT_EQ(sparse.allocatedBytes(), 4 * sizeof(double));
    // The column itself is a count, three pointers and the two inline block addresses: tens of
    // thousands of isolates hold several.
    EXPECT_LE(sizeof(ChunkedColumn<double>), 6 * sizeof(void*));
}

TEST(BlockGeometry, BlocksGrowByAHalfOrAThirdUpToTheMaximum) {
    using G = BlockGeometry<8, 4>;  // 16 ×4, 32 ×2, 64 ×2, 128 ×2, then 256
    const std::vector<size_t> sizes = {16, 16, 16, 16, 32, 32, 64, 64, 128, 128, 256, 256, 256};
    size_t first = 0;
    for (size_t b = 0; b < sizes.size(); ++b) {
        ASSERT_EQ(G::blockSize(b), sizes[b]) << b;
        // Every index of the block is located in it, in order.
        for (size_t i = first; i < first + sizes[b]; ++i) {
            const auto loc = G::locate(i);
            ASSERT_EQ(loc.block, b) << i;
            ASSERT_EQ(loc.offset, i - first) << i;
        }
        first += sizes[b];
    }
}

TEST(BlockGeometry, AtMostAThirdOfWhatIsAllocatedIsUnused) {
    // The capacity that holds n elements, for every n up to several maximum blocks: a column of
    // an isolate with ~100 events (a log of tens of thousands of them) wastes little.
    using G = BlockGeometry<12, 4>;
    size_t block = 0, capacity = G::blockSize(0);
    for (size_t n = 1; n < 50000; ++n) {
        const size_t needed = G::locate(n - 1).block;
        while (block < needed) capacity += G::blockSize(++block);
        ASSERT_GE(capacity, n);
        if (n > 32) {
            ASSERT_LE(capacity * 2, n * 3) << n;  // unused <= capacity / 3
        }
    }
}

TEST(ChunkedColumn, WastesAtMostOneBlockWhenLarge) {
    ChunkedColumn<float> c;
    const size_t n = 3'000'000;
    for (size_t i = 0; i < n; ++i) c.push_back(float(i));
    // Unused: at most one block; block directories (one pointer per block, doubled as they grow,
    // the old ones kept for readers) under 4 pointers per block.
    const size_t blocks = n / 4096 + 10;
    EXPECT_LE(c.allocatedBytes(), n * sizeof(float) + 4096 * sizeof(float) + 4 * blocks * sizeof(void*));
    EXPECT_LT(double(c.allocatedBytes()) / double(n * sizeof(float)), 1.01);
}

TEST(PartitionPoint, FindsFirstElementNotBefore) {
    std::vector<int> v = {1, 3, 3, 5, 9};
    auto at = [&](int x) { return partitionPoint(0, v.size(), [&](size_t i) { return v[i] < x; }); };
    EXPECT_EQ(at(0), 0u);
    EXPECT_EQ(at(3), 1u);
    EXPECT_EQ(at(4), 3u);
    EXPECT_EQ(at(9), 4u);
    EXPECT_EQ(at(10), 5u);
}

// A reader thread reading every published element while the writer appends (the GUI/worker
// contract). Run under -fsanitize=thread to check the memory ordering, too.
TEST(ChunkedColumn, ReaderSeesCompleteElementsWhileWriterAppends) {
    ChunkedColumn<uint64_t, 6> c;
    constexpr uint64_t kN = 200000;
    std::atomic<bool> bad{false};
    std::thread reader([&] {
        size_t checked = 0;
        while (checked < kN) {
            const size_t n = c.size();
            for (; checked < n; ++checked)
                if (c[checked] != checked * 7 + 1) bad = true;
        }
    });
    for (uint64_t i = 0; i < kN; ++i) c.push_back(i * 7 + 1);
    reader.join();
    EXPECT_FALSE(bad);
}

}  // namespace
}  // namespace gcscope::model
