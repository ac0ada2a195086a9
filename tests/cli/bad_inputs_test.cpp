// Every bad input of the hardening issue through every reading command of gcscope-cli: one clear
// line on stderr and exit 1 (nothing to report) or 2 (cannot read), never a crash or a hang;
// absurd numbers are read as the numbers they are.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <random>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace gcscope::cli::test {
namespace {

/// The commands that read logs (check with a bound no log here breaks).
const std::vector<std::vector<std::string>> kCommands = {
    {"events"}, {"summary"}, {"summary", "--json"}, {"check", "--max-pause", "1e30"}};

std::string joined(const std::vector<std::string>& args) {
    std::string out;
    for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
    return out;
}

std::vector<std::string> with(std::vector<std::string> args, const std::string& log) {
    args.push_back(log);
    return args;
}

struct BadInput {
    std::string name;
    std::string path;
    int status;
    std::string message;  ///< the stderr line, after "gcscope-cli: "
};

class BadInputs : public ::testing::Test {
  protected:
    std::vector<BadInput> inputs() {
        std::vector<BadInput> out;
        out.push_back({"directory", dir_.path(), 2, dir_.path() + ": is a directory"});
        const std::string missing = dir_.file("missing.log");
        out.push_back({"missing file", missing, 2, missing + ": no such file"});
        const std::string empty = dir_.write("empty.log", "");
        out.push_back({"empty file", empty, 1,
                       "no GC record found in " + empty + " (0 lines read, 0 unrecognised)"});
        std::string noise(64 * 1024, '\0');
        std::mt19937 rng(3);
        for (char& c : noise)
            do c = char(rng()); while (c == '\n');  // no line break: one (long) line of garbage
        const std::string binary = dir_.write("binary.bin", noise);
        out.push_back({"binary file", binary, 1,
                       "no GC record found in " + binary + " (1 lines read, 1 unrecognised)"});
        const std::string other = dir_.write("app.log", "Server listening on port 3000\nGET / 200\n");
        out.push_back({"no GC record", other, 1,
                       "no GC record found in " + other + " (2 lines read, 2 unrecognised)"});
        const std::string huge = dir_.write("huge.log", std::string(100u << 20, 'x'));
        out.push_back({"a 100 MB line", huge, 1,
                       "no GC record found in " + huge + " (1 lines read, 1 unrecognised)"});
        const std::string gz = dir_.writeGzip("cut.log.gz", std::string(200000, 'y') + "\n");
        const std::string cut = dir_.write("cut.gz", readFile(gz).substr(0, 100));
        out.push_back({"cut gzip", cut, 2, cut + ": gzip data is corrupt after "});
        return out;
    }
    TempDir dir_;
};

TEST_F(BadInputs, EachGivesOneClearLineAndExitOneOrTwo) {
    for (const BadInput& in : inputs())
        for (const std::vector<std::string>& command : kCommands) {
            SCOPED_TRACE(in.name + " / " + joined(command));
            const RunResult r = runCli(with(command, in.path));
            // check cannot pass a log with nothing to check: that is its exit 2, not 1.
            EXPECT_EQ(r.status, command[0] == "check" ? 2 : in.status);
            const std::vector<std::string> err = splitLines(r.err);
            ASSERT_EQ(err.size(), 1u) << r.err;
            EXPECT_EQ(err[0].rfind("gcscope-cli: " + in.message, 0), 0u) << err[0];
        }
}

/// A file this process cannot read: a mode-000 file, or for root (which reads those) a write-only
/// procfs file, which refuses root too. Empty when there is none.
std::string unreadableFile(const TempDir& dir) {
    if (::geteuid() != 0) {
        const std::string locked = dir.write("locked.log", "x\n");
        return ::chmod(locked.c_str(), 0) == 0 ? locked : std::string();
    }
    const std::string proc = "/proc/sys/vm/compact_memory";
    const int fd = ::open(proc.c_str(), O_RDONLY);
    if (fd >= 0) ::close(fd);
    return fd < 0 && errno == EACCES ? proc : std::string();
}

TEST_F(BadInputs, AnUnreadableFileIsAPermissionError) {
    const std::string locked = unreadableFile(dir_);
    if (locked.empty()) GTEST_SKIP() << "no file here that this user cannot read";
    const RunResult r = runCli({"summary", locked});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "gcscope-cli: " + locked + ": permission denied\n");
}

TEST_F(BadInputs, AbsurdNumbersAreReadAsTheyAre) {
    const std::string log = dir_.write(
        "absurd.log",
        "[1:0x1]  1e308 ms: Scavenge 1e308 (nan) -> 99999999999999999999 (6.4) MB, nan / 0.00 ms  "
        "allocation failure;\n"
        "[1:0x1]       12 ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, 12345678901234567890.5 / 0.00 ms  "
        "allocation failure;\n");
    for (const std::vector<std::string>& command : kCommands) {
        SCOPED_TRACE(joined(command));
        const RunResult r = runCli(with(command, log));
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.err, "");
    }
    const std::vector<std::string> rows = splitLines(runCli({"events", log}).out);
    ASSERT_EQ(rows.size(), 3u);
    const std::vector<std::string> first = splitCsv(rows[1]), second = splitCsv(rows[2]);
    EXPECT_EQ(first[4], "1e+308");                // time_ms
    EXPECT_EQ(first[7], "");                      // a "nan" pause is no pause
    EXPECT_EQ(first[10], "1e+20");                // 20 digits, exactly
    EXPECT_EQ(second[7], "12345678901234567168");  // the nearest double, printed round-trip
}

}  // namespace
}  // namespace gcscope::cli::test
