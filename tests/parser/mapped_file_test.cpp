// readMapped(): a plain log parsed in place through memory maps, and what happens when the file
// grows or is truncated while it is read (copytruncate can strike at any moment).
#include "mapped_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "temp_dir.hpp"
#include "truncation_guard.hpp"

using gcscope::parser::readMapped;
using gcscope::parser::TruncationGuard;

namespace {

class MappedFileTest : public ::testing::Test {
  protected:
    void SetUp() override { page_ = size_t(sysconf(_SC_PAGESIZE)); }

    /// Lines of recognisable text, `bytes` long: any byte out of place shows.
    static std::string lines(size_t bytes) {
        std::string s;
        for (size_t i = 0; s.size() < bytes; ++i) s += "[1:0x2] " + std::to_string(i) + " ms: Scavenge\n";
        s.resize(bytes);
        return s;
    }

    std::string write(const std::string& bytes) { return path_ = dir_.write("log", bytes); }

    /// readMapped over the file with small windows; onChunk(i, chunk) runs as each arrives.
    template <class F>
    std::optional<std::string> readWindows(size_t window, std::string& got, F&& onChunk) {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        EXPECT_GE(fd, 0);
        size_t index = 0;
        auto outcome = readMapped(fd, "log", [&](std::string_view chunk) {
            got.append(chunk);
            onChunk(index++, chunk);
        }, window);
        ::close(fd);
        return outcome;
    }

    gcscope::test::TempDir dir_;
    std::string path_;
    size_t page_ = 4096;
};

TEST_F(MappedFileTest, EveryWindowArrivesInOrderAndExactly) {
    const std::string data = lines(10 * page_ + 123);  // ends mid-page and mid-line
    write(data);
    std::string got;
    size_t chunks = 0;
    auto outcome = readWindows(3 * page_, got, [&](size_t, std::string_view chunk) {
        ++chunks;
        EXPECT_LE(chunk.size(), 3 * page_);
    });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(*outcome, "");
    EXPECT_EQ(chunks, 4u);
    EXPECT_TRUE(got == data);
}

TEST_F(MappedFileTest, WhatIsAppendedWhileReadingIsReadToo) {
    const std::string data = lines(5 * page_ + 7);
    const std::string more = lines(2 * page_ + 11);
    write(data);
    std::string got;
    auto outcome = readWindows(2 * page_, got, [&](size_t i, std::string_view) {
        if (i == 0) std::ofstream(path_, std::ios::binary | std::ios::app) << more;
    });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(*outcome, "");
    EXPECT_TRUE(got == data + more);  // windows after growth start at unaligned offsets
}

TEST_F(MappedFileTest, TruncationBetweenWindowsEndsWithAMessageKeepingWhatWasRead) {
    const std::string data = lines(8 * page_);
    write(data);
    std::string got;
    auto outcome = readWindows(2 * page_, got, [&](size_t i, std::string_view) {
        if (i == 1) {
            ASSERT_EQ(::truncate(path_.c_str(), off_t(page_)), 0);
        }
    });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(*outcome, "log: truncated while it was read (from " + std::to_string(8 * page_) + " to " +
                            std::to_string(page_) + " bytes, after " + std::to_string(4 * page_) +
                            " bytes had been read); what was read before is kept");
    EXPECT_TRUE(got == data.substr(0, 4 * page_));
}

TEST_F(MappedFileTest, TruncationAheadOfTheReaderIsReportedAtTheEnd) {
    const std::string data = lines(8 * page_);
    write(data);
    std::string got;
    auto outcome = readWindows(2 * page_, got, [&](size_t i, std::string_view) {
        if (i == 0) {
            ASSERT_EQ(::truncate(path_.c_str(), off_t(5 * page_)), 0);
        }
    });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_NE(outcome->find("truncated while it was read (from " + std::to_string(8 * page_) + " to " +
                            std::to_string(5 * page_) + " bytes"),
              std::string::npos)
        << *outcome;
    EXPECT_TRUE(got == data.substr(0, 5 * page_));
}

// The race the size checks cannot close: the file is cut while its window is being parsed.
// Without the guard the next read of a page past the new end kills the process (SIGBUS).
TEST_F(MappedFileTest, TruncationUnderTheParserReadsZerosAndIsReported) {
    const std::string data = lines(6 * page_);
    write(data);
    std::string got;
    size_t zeros = 0;
    auto outcome = readWindows(6 * page_, got, [&](size_t, std::string_view chunk) {
        ASSERT_EQ(::truncate(path_.c_str(), off_t(page_)), 0);
        for (size_t i = 2 * page_; i < chunk.size(); ++i) zeros += chunk[i] == '\0';
    });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(zeros, 4 * page_);
    EXPECT_NE(outcome->find("log: truncated while it was read"), std::string::npos) << *outcome;
}

TEST_F(MappedFileTest, AFaultOutsideEveryGuardIsNotSwallowed) {
    // A guard alive elsewhere must not make an unrelated SIGBUS (someone else's mapping of a
    // truncated file) disappear: the process still dies of it.
    write(lines(3 * page_));
    EXPECT_EXIT(
        {
            const int fd = ::open(path_.c_str(), O_RDONLY);
            auto* mine = static_cast<const char*>(::mmap(nullptr, page_, PROT_READ, MAP_PRIVATE, fd, 0));
            auto* other = static_cast<const volatile char*>(
                ::mmap(nullptr, 3 * page_, PROT_READ, MAP_PRIVATE, fd, 0));
            TruncationGuard guard(mine, page_);
            if (::truncate(path_.c_str(), 0) != 0) std::_Exit(3);
            (void)other[2 * page_];
            std::_Exit(0);
        },
        // Killed by the signal, or (under AddressSanitizer, whose handler was there first)
        // reported and ended by it: either way not returned from as if nothing happened.
        [](int status) { return !(WIFEXITED(status) && WEXITSTATUS(status) == 0); }, "");
}

}  // namespace
