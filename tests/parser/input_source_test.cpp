// readLog(): plain files, gzip (single, concatenated, damaged), stdin, and the error lines.
#include "gcscope/parser/input_source.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace std::string_literals;
using gcscope::parser::checkLog;
using gcscope::parser::readLog;

namespace {

class InputSourceTest : public ::testing::Test {
  protected:
    std::string path(const std::string& name) const { return dir_.file(name); }
    std::string writeFile(const std::string& name, const std::string& bytes) const {
        return dir_.write(name, bytes);
    }

    /// Compresses with zlib's gzip file API, exactly as a log rotator would write it.
    std::string gzipBytes(const std::string& data) const {
        std::string p = path("tmp-gz");
        gzFile gz = gzopen(p.c_str(), "wb");
        EXPECT_NE(gz, nullptr);
        size_t off = 0;
        while (off < data.size()) {
            unsigned n = unsigned(std::min<size_t>(data.size() - off, 1 << 20));
            EXPECT_EQ(gzwrite(gz, data.data() + off, n), int(n));
            off += n;
        }
        EXPECT_EQ(gzclose(gz), Z_OK);
        std::ifstream f(p, std::ios::binary);
        std::string out((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        fs::remove(p);
        return out;
    }

    struct Result {
        std::string error;
        std::string bytes;
        size_t chunks = 0;
    };
    static Result read(const std::string& p) {
        Result r;
        r.error = readLog(p, [&](std::string_view c) {
            EXPECT_FALSE(c.empty()) << "empty chunks are pointless";
            r.bytes.append(c);
            ++r.chunks;
        });
        return r;
    }

    /// Runs readLog("-") with `fd` as standard input.
    static Result readStdinFrom(int fd) {
        int saved = dup(STDIN_FILENO);
        EXPECT_GE(saved, 0);
        EXPECT_EQ(dup2(fd, STDIN_FILENO), STDIN_FILENO);
        Result r = read("-");
        dup2(saved, STDIN_FILENO);
        close(saved);
        return r;
    }

    gcscope::test::TempDir dir_;
};

const std::string kLines =
    "[4177]       35 ms: Scavenge 2.0 (41.0) -> 1.7 (41.0) MB, 0.8 ms [allocation failure].\n"
    "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
    "MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
    "space requested\n";

/// Text that compresses poorly enough to span several compressed input buffers.
std::string pseudoRandomLog(size_t bytes) {
    std::string s;
    s.reserve(bytes + 128);
    uint64_t x = 0x9E3779B97F4A7C15ull;
    size_t line = 0;
    while (s.size() < bytes) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s += "[" + std::to_string(x % 100000) + ":0x" + std::to_string(x >> 20) + "] " +
             std::to_string(++line) + " ms: Scavenge " + std::to_string(x % 997) + "\n";
    }
    return s;
}

TEST_F(InputSourceTest, PlainFileArrivesExactly) {
    Result r = read(writeFile("plain.log", kLines));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, kLines);
    EXPECT_EQ(r.chunks, 1u);
}

TEST_F(InputSourceTest, LargePlainFileArrivesInSeveralChunksThatConcatenateExactly) {
    std::string data = pseudoRandomLog(size_t(19) << 20);  // > 2 chunks of 8 MiB
    Result r = read(writeFile("big.log", data));
    EXPECT_EQ(r.error, "");
    EXPECT_GE(r.chunks, 3u);
    EXPECT_TRUE(r.bytes == data);
}

TEST_F(InputSourceTest, PlainFileWithoutTrailingNewlineAndWithCrLfIsUntouched) {
    std::string data = "a\r\nb\r\n\0c"s;
    Result r = read(writeFile("crlf.log", data));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, data);
}

TEST_F(InputSourceTest, EmptyFileIsSuccessWithoutChunks) {
    Result r = read(writeFile("empty.log", ""));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.chunks, 0u);
}

TEST_F(InputSourceTest, OneByteFileThatStartsLikeGzipIsPlain) {
    Result r = read(writeFile("one.log", "\x1f"));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, "\x1f");
}

TEST_F(InputSourceTest, GzipIsDetectedByMagicBytesNotByName) {
    Result r = read(writeFile("rotated.log.1", gzipBytes(kLines)));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, kLines);

    // ...and a plain file called .gz is read as it is.
    Result p = read(writeFile("plain.gz", kLines));
    EXPECT_EQ(p.error, "");
    EXPECT_EQ(p.bytes, kLines);
}

TEST_F(InputSourceTest, LargeGzipDecodesExactlyInSeveralChunks) {
    std::string data = pseudoRandomLog(size_t(20) << 20);
    std::string gz = gzipBytes(data);
    ASSERT_GT(gz.size(), size_t(1) << 20) << "must span several compressed reads";
    Result r = read(writeFile("big.gz", gz));
    EXPECT_EQ(r.error, "");
    EXPECT_GE(r.chunks, 3u);
    EXPECT_TRUE(r.bytes == data);
}

TEST_F(InputSourceTest, ConcatenatedGzipMembersAreAllDecoded) {
    std::string a = "first member\n" + kLines;
    std::string b = pseudoRandomLog(3 << 20);
    std::string c = "third member\n";
    Result r = read(writeFile("cat.gz", gzipBytes(a) + gzipBytes(b) + gzipBytes(c)));
    EXPECT_EQ(r.error, "");
    EXPECT_TRUE(r.bytes == a + b + c);
}

TEST_F(InputSourceTest, TrailingZeroPaddingAfterGzipIsIgnored) {
    Result r = read(writeFile("padded.gz", gzipBytes(kLines) + std::string(512, '\0')));
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, kLines);
}

TEST_F(InputSourceTest, TruncatedGzipDeliversThePrefixThenReportsCorruption) {
    std::string data = pseudoRandomLog(4 << 20);
    std::string gz = gzipBytes(data);
    std::string p = writeFile("cut.gz", gz.substr(0, gz.size() / 2));
    Result r = read(p);
    ASSERT_FALSE(r.bytes.empty());
    EXPECT_GT(r.bytes.size(), data.size() / 4);
    EXPECT_LT(r.bytes.size(), data.size());
    EXPECT_TRUE(data.compare(0, r.bytes.size(), r.bytes) == 0) << "must be an exact prefix";
    EXPECT_EQ(
        r.error.rfind(
            p + ": gzip data is corrupt after " + std::to_string(r.bytes.size()) + " bytes", 0),
        0u)
        << r.error;
    EXPECT_NE(r.error.find("unexpected end of file"), std::string::npos) << r.error;
}

TEST_F(InputSourceTest, GzipCutInsideTheTrailerIsReported) {
    std::string gz = gzipBytes(kLines);
    Result r = read(writeFile("cut-trailer.gz", gz.substr(0, gz.size() - 3)));
    EXPECT_EQ(r.bytes, kLines);
    EXPECT_NE(r.error.find("gzip data is corrupt after"), std::string::npos) << r.error;
}

TEST_F(InputSourceTest, DamagedGzipDeliversWhatCameBeforeTheDamage) {
    std::string data = pseudoRandomLog(4 << 20);
    std::string gz = gzipBytes(data);
    for (size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) gz[i] = char(~gz[i]);
    Result r = read(writeFile("bad.gz", gz));
    EXPECT_NE(r.error.find("gzip data is corrupt after " + std::to_string(r.bytes.size())),
              std::string::npos)
        << r.error;
    // Corrupted deflate data can decode to garbage before the error is detected (at worst only by
    // the CRC check at the end), but the bulk before the damage is intact.
    size_t safe = std::min(r.bytes.size(), data.size() / 4);
    EXPECT_TRUE(data.compare(0, safe, r.bytes, 0, safe) == 0);
}

TEST_F(InputSourceTest, GarbageAfterAGzipMemberIsReported) {
    Result r = read(writeFile("garbage.gz", gzipBytes(kLines) + "not gzip\n"));
    EXPECT_EQ(r.bytes, kLines);
    EXPECT_NE(
        r.error.find("gzip data is corrupt after " + std::to_string(kLines.size()) + " bytes"),
        std::string::npos)
        << r.error;
}

TEST_F(InputSourceTest, DirectoryIsReported) {
    Result r = read(dir_.path());
    EXPECT_EQ(r.error, dir_.path() + ": is a directory");
    EXPECT_EQ(r.chunks, 0u);
}

TEST_F(InputSourceTest, MissingFileIsReported) {
    std::string p = path("nope.log");
    Result r = read(p);
    EXPECT_EQ(r.error, p + ": no such file");
}

TEST_F(InputSourceTest, UnreadableFileIsReported) {
    std::string p = writeFile("secret.log", kLines);
    fs::permissions(p, fs::perms::none);
    // Root reads a mode-000 file; a write-only procfs file refuses root too.
    if (geteuid() == 0) p = "/proc/sys/vm/compact_memory";
    if (!fs::exists(p)) GTEST_SKIP() << "no file this user cannot read";
    EXPECT_EQ(checkLog(p), p + ": permission denied");
    Result r = read(p);
    EXPECT_EQ(r.error, p + ": permission denied");
}

TEST_F(InputSourceTest, PlainStdin) {
    std::string p = writeFile("stdin.log", kLines);
    FILE* f = std::fopen(p.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    Result r = readStdinFrom(fileno(f));
    std::fclose(f);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.bytes, kLines);
}

TEST_F(InputSourceTest, GzipTricklingThroughAPipeOneByteAtATime) {
    std::string data = "x\n" + kLines + pseudoRandomLog(64 << 10);
    std::string gz = gzipBytes(data) + gzipBytes(kLines);  // two members, too
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    std::thread writer([&] {
        // Byte by byte at first (the magic must survive a split), then in blocks.
        size_t off = 0;
        for (; off < 16; ++off) ASSERT_EQ(write(fds[1], gz.data() + off, 1), 1);
        while (off < gz.size()) {
            ssize_t n = write(fds[1], gz.data() + off, std::min<size_t>(4096, gz.size() - off));
            ASSERT_GT(n, 0);
            off += size_t(n);
        }
        close(fds[1]);
    });
    Result r = readStdinFrom(fds[0]);
    writer.join();
    close(fds[0]);
    EXPECT_EQ(r.error, "");
    EXPECT_TRUE(r.bytes == data + kLines);
}

TEST_F(InputSourceTest, ReadErrorOnStdinNamesStandardInput) {
    // A write-only descriptor as stdin makes read() fail with EBADF.
    std::string p = writeFile("wo.log", "");
    FILE* f = std::fopen(p.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    Result r = readStdinFrom(fileno(f));
    std::fclose(f);
    EXPECT_EQ(r.error.rfind("standard input: ", 0), 0u) << r.error;
}

}  // namespace
