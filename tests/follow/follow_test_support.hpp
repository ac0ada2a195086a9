// Test helpers for tests/follow: a writer that plays the followed log's writer and logrotate, and a
// follower wired to a StreamParser the way the CLI and the GUI wire it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "collecting_sink.hpp"
#include "gcscope/follow/file_follower.hpp"
#include "temp_dir.hpp"

namespace gcscope::follow::test {

using gcscope::test::TempDir;

/// The process writing the log, and what logrotate (or a user) does to its path. Everything it
/// writes, to whichever file, is appended to written(): the stream the follower must reproduce.
class LogWriter {
  public:
    enum class Mode {
        Append,     ///< O_APPEND, like `node app.js >> gc.log` or a logger
        Overwrite,  ///< no O_APPEND, like `node app.js > gc.log`: after a truncation it goes on
                    ///< writing at its old offset and leaves a hole
    };
    LogWriter(std::string path, Mode mode = Mode::Append);
    ~LogWriter();
    LogWriter(const LogWriter&) = delete;
    LogWriter& operator=(const LogWriter&) = delete;

    void write(std::string_view bytes);
    /// logrotate copytruncate: truncate the path to 0; the writer keeps its descriptor.
    void truncate();
    /// logrotate create: rename the path to `to`, create a new file at the path; the writer
    /// writes to the new one from now on.
    void rotate(const std::string& to);
    /// rm gc.log: the writer keeps writing to the unlinked file.
    void remove();
    /// A new file at the path (after remove()); the writer writes to it from now on.
    void recreate();

    const std::string& written() const { return written_; }
    const std::string& path() const { return path_; }

  private:
    void openNew();

    std::string path_;
    Mode mode_;
    int fd_ = -1;
    std::string written_;
};

/// Options with gone_after = 0: a poll right after a deletion reports Gone (deterministic tests).
FollowerOptions goneAtOnce();

/// A FileFollower feeding a StreamParser and recording everything it hands over.
struct FollowedLog {
    explicit FollowedLog(const std::string& path, FollowerOptions options = goneAtOnce());

    parser::ParseStats finish();  ///< StreamParser::finish(), then its stats

    testing::CollectingSink sink;
    parser::StreamParser parser{sink};
    std::string received;
    std::vector<FollowEvent> events;
    size_t byte_calls = 0;
    FileFollower follower;

    size_t count(FollowEvent::Kind k) const;
    std::string eventNames() const;  ///< "started truncated …", for failure messages
};

/// Real sample logs, concatenated: the bytes the writers write.
std::string sampleStream();

}  // namespace gcscope::follow::test
