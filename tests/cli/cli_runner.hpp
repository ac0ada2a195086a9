// Runs the built gcscope-cli as a subprocess and validates JSON output, for tests/cli.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "temp_dir.hpp"

namespace gcscope::cli::test {

struct RunResult {
    int status = -1;  ///< exit status, or -1 if the process did not exit normally
    std::string out;
    std::string err;
};

/// Runs gcscope-cli (path from the build) with `args`; stdin comes from `stdin_path`.
RunResult runCli(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null");

/// A fresh test directory that can also hold gzip'd logs.
class TempDir : public gcscope::test::TempDir {
public:
    /// Writes `text` gzip-compressed (zlib's gzopen/gzwrite) to NAME and returns its path.
    std::string writeGzip(const std::string& name, std::string_view text) const;
};

std::string readFile(const std::string& path);

/// Lines of `text` without their '\n'.
std::vector<std::string> splitLines(std::string_view text);
/// Fields of one RFC 4180 CSV record (quotes removed, doubled quotes undone).
std::vector<std::string> splitCsv(std::string_view line);

/// True when `text` is exactly one JSON value (RFC 8259) with valid UTF-8 in its strings.
/// `why` receives the reason otherwise.
bool isValidJson(std::string_view text, std::string* why = nullptr);

}  // namespace gcscope::cli::test
