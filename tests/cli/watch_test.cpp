// `gcscope-cli watch` run as a subprocess on a file this test appends to, truncates and rotates;
// its stdout is a pipe read as the rows arrive.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"

extern char** environ;

namespace gcscope::cli::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const std::string kLine1 =
    "[8889:0x7b03000]       32 ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, pooled: 0 MB, 0.72 / 0.00 "
    "ms  (average mu = 1.000, current mu = 1.000) allocation failure; \n";
const std::string kLine2 =
    "[8889:0x7b03000]       41 ms: Scavenge 4.7 (6.4) -> 4.1 (6.6) MB, pooled: 0 MB, 7.26 / 0.00 "
    "ms  (average mu = 1.000, current mu = 1.000) allocation failure; \n";
const std::string kLine3 =
    "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
    "MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
    "space requested\n";

void append(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::app);
    f << bytes;
    f.flush();
}

/// gcscope-cli watch running in the background; stdout is a pipe, stderr a file.
class WatchProcess {
  public:
    WatchProcess(const std::vector<std::string>& args, const std::string& err_path) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<std::string> storage{GCSCOPE_CLI_PATH};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : storage) argv.push_back(a.data());
        argv.push_back(nullptr);
        int rc = posix_spawn(&pid_, GCSCOPE_CLI_PATH, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out_fd_ = fds[0];
        if (rc != 0) throw std::runtime_error("cannot start " GCSCOPE_CLI_PATH);
    }
    ~WatchProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (out_fd_ >= 0) ::close(out_fd_);
    }

    /// Reads stdout until it holds `count` complete lines in all, or `timeout` passes.
    std::vector<std::string> readLines(size_t count, std::chrono::milliseconds timeout = 5000ms) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            std::vector<std::string> lines = completeLines();
            if (lines.size() >= count) return lines;
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) return lines;
            struct pollfd p {
                out_fd_, POLLIN, 0
            };
            if (::poll(&p, 1, int(left.count())) <= 0) continue;
            char buf[4096];
            ssize_t n = ::read(out_fd_, buf, sizeof buf);
            if (n <= 0) return completeLines();  // closed: the process ended
            out_.append(buf, size_t(n));
        }
    }

    /// Sends `sig` and returns the exit status (-1 if it did not exit normally within 5 s).
    int stop(int sig) {
        ::kill(pid_, sig);
        const auto deadline = Clock::now() + 5s;
        int status = 0;
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (Clock::now() > deadline) return -1;
            std::this_thread::sleep_for(1ms);
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    std::vector<std::string> completeLines() const {
        size_t end = out_.rfind('\n');
        return end == std::string::npos ? std::vector<std::string>{}
                                        : splitLines(std::string_view(out_).substr(0, end + 1));
    }

    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string out_;
};

class WatchTest : public ::testing::Test {
  protected:
    TempDir dir_;
    std::string log_ = dir_.file("gc.log");
    std::string err_ = dir_.file("stderr");
};

TEST_F(WatchTest, PrintsRowsAsRecordsAreAppendedAndEndsCleanlyOnSigint) {
    append(log_, kLine1);
    WatchProcess watch({"watch", log_}, err_);
    std::vector<std::string> lines = watch.readLines(2);
    ASSERT_EQ(lines.size(), 2u) << "the header and the existing record";
    EXPECT_EQ(lines[0].substr(0, 12), "source,line,");

    // One record in one write, one written in two halves with a pause: each is one row.
    append(log_, kLine2);
    append(log_, kLine3.substr(0, 60));
    std::this_thread::sleep_for(30ms);
    append(log_, kLine3.substr(60));
    lines = watch.readLines(4);
    ASSERT_EQ(lines.size(), 4u);
    std::vector<std::string> row2 = splitCsv(lines[2]), row3 = splitCsv(lines[3]);
    ASSERT_EQ(row2.size(), 21u);
    ASSERT_EQ(row3.size(), 21u);
    EXPECT_EQ(row2[0], log_);
    EXPECT_EQ(row2[1], "2");
    EXPECT_EQ(row2[4], "41");
    EXPECT_EQ(row2[6], "Scavenge");
    EXPECT_EQ(row2[7], "7.26");
    EXPECT_EQ(row3[1], "3");
    EXPECT_EQ(row3[6], "Mark-Compact (reduce)");
    EXPECT_EQ(row3[7], "817.29");
    EXPECT_EQ(row3[12], "allocation failure");

    EXPECT_EQ(watch.stop(SIGINT), 0);
    EXPECT_EQ(readFile(err_), "");
}

TEST_F(WatchTest, FollowsTruncationAndRotationAndSaysSoOnStderr) {
    append(log_, kLine1);
    WatchProcess watch({"watch", "--format", "jsonl", log_}, err_);
    ASSERT_EQ(watch.readLines(1).size(), 1u);  // jsonl: no header

    // copytruncate; the line is split across the truncation: still one record.
    append(log_, kLine2.substr(0, 50));
    std::this_thread::sleep_for(100ms);
    ASSERT_EQ(::truncate(log_.c_str(), 0), 0);
    std::this_thread::sleep_for(100ms);
    append(log_, kLine2.substr(50));
    std::vector<std::string> lines = watch.readLines(2);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(isValidJson(lines[1]));
    EXPECT_NE(lines[1].find("\"pause_ms\":7.26"), std::string::npos) << lines[1];

    // logrotate create.
    ASSERT_EQ(::rename(log_.c_str(), dir_.file("gc.log.1").c_str()), 0);
    append(log_, kLine3);
    lines = watch.readLines(3);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_NE(lines[2].find("Mark-Compact (reduce)"), std::string::npos) << lines[2];

    EXPECT_EQ(watch.stop(SIGTERM), 0);
    std::string err = readFile(err_);
    EXPECT_NE(err.find("gcscope-cli: " + log_ + " truncated, following from the start\n"),
              std::string::npos)
        << err;
    EXPECT_NE(err.find(" replaced by a new file (rotated)"), std::string::npos) << err;
}

TEST_F(WatchTest, LastLineWithoutNewlineIsPrintedOnInterrupt) {
    append(log_, kLine1.substr(0, kLine1.size() - 1));  // no '\n' yet
    WatchProcess watch({"watch", log_}, err_);
    ASSERT_EQ(watch.readLines(1).size(), 1u);
    EXPECT_EQ(watch.readLines(2, 300ms).size(), 1u) << "the line is not complete yet";
    EXPECT_EQ(watch.stop(SIGINT), 0);
    EXPECT_EQ(watch.readLines(2).size(), 2u);
}

TEST_F(WatchTest, MissingLogIsAUsageErrorWithOneLine) {
    RunResult r = runCli({"watch", dir_.file("absent.log")});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
}

TEST_F(WatchTest, GzipLogIsRefused) {
    RunResult r = runCli({"watch", dir_.writeGzip("gc.log.gz", kLine1)});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("gzip"), std::string::npos) << r.err;
}

TEST_F(WatchTest, FollowsExactlyOneFile) {
    append(log_, kLine1);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"watch", log_, log_}, {"watch", "-"}, {"watch"}, {"watch", "--json", log_}}) {
        RunResult r = runCli(args);
        EXPECT_EQ(r.status, 2) << args.size();
        EXPECT_EQ(r.out, "");
    }
}

}  // namespace
}  // namespace gcscope::cli::test
