// Follows a growing log file by path, the way `tail -F` does, and hands over the bytes the writer
// appended as one stream. No Qt: gcscope-cli `watch` drives it in a loop, the GUI from a timer.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace gcscope::follow {

/// A change of the followed file that is not new bytes.
struct FollowEvent {
    enum class Kind : uint8_t {
        /// The path was opened for the first time; its existing content follows from offset 0.
        Started,
        /// The file shrank (logrotate `copytruncate`, `: > gc.log`): following it again from
        /// offset 0. A restart of the series.
        Truncated,
        /// The path now names another file (logrotate `create`, `mv gc.log gc.log.1` + new
        /// gc.log): the old file was read to its end, the new one follows from offset 0.
        Rotated,
        /// The path cannot be followed any more (deleted, renamed away, unreadable, not a regular
        /// file) and has not come back within FollowerOptions::gone_after (at the first poll: at
        /// once). Everything read is kept; the file still open (if any) is still read, since a
        /// writer may keep writing to an unlinked file. `message` says why.
        Gone,
        /// The path is back after Gone. If it names another file than the one still open, the
        /// old file was read to its end and the new one follows from offset 0.
        Back,
    };
    Kind kind;
    /// Bytes handed to the byte callback before this event, over the whole stream: where the
    /// restart sits in the stream.
    uint64_t stream_offset = 0;
    /// For Gone: "no such file", "permission denied", "not a regular file", …
    std::string message;
    /// A file is now read from offset 0 that was not read before: Started, Rotated, and Back when
    /// the path came back as another file. (Truncated restarts the same file.) With Truncated,
    /// where a model marks a restart of the series.
    bool new_file = false;
};
std::string_view followEventName(FollowEvent::Kind k);  ///< "started", "truncated", …

/// What one poll() did.
struct PollResult {
    size_t bytes = 0;   ///< bytes handed to the byte callback
    size_t events = 0;  ///< events reported
    bool more = false;  ///< stopped at Options::max_bytes_per_poll: poll again soon
    bool changed() const { return bytes != 0 || events != 0; }
};

/// Counters for tests, benchmarks and debugging.
struct FollowerStats {
    uint64_t polls = 0;
    uint64_t stat_calls = 0;  ///< stat() of the path and fstat() of the open file
    uint64_t read_calls = 0;  ///< pread() calls
    uint64_t bytes = 0;       ///< bytes handed over (the stream offset)
    uint64_t opens = 0;
};

struct FollowerOptions {
    /// Largest single pread(). The buffer grows to what the reads needed so far, up to this: an
    /// idle follower of a small file holds ~64 KiB, not 4 MiB.
    size_t chunk_bytes = size_t(4) << 20;
    /// Stop a poll after this many bytes (0 = read until caught up) and set PollResult::more.
    /// A GUI polling on its own thread can use it to stay responsive while the first poll reads a
    /// large existing file.
    size_t max_bytes_per_poll = 0;
    /// How long the path must stay missing before Gone is reported. A rotation renames the file
    /// and creates the new one a moment later; a poll in between (an inotify hint makes one
    /// likely) would otherwise report Gone and Back instead of Rotated. The open file is read
    /// meanwhile all the same.
    std::chrono::milliseconds gone_after{500};
};

/// Follows the file named by `path` from its beginning.
///
/// **The timer is the caller's.** Each poll() is one step: one stat() of the path; when the file
/// it names is the one open and its size and mtime are unchanged, nothing else (no read). The CLI
/// loops poll() and ChangeNotifier::wait(); the GUI calls poll() from a QTimer (~250 ms) and
/// sooner on a file-system-watcher hint. A hint is only ever a reason to poll: poll() is the truth.
///
/// **One stream.** The bytes callback receives exactly what the writer wrote, in order, with no
/// separator inserted at a truncation or rotation: feed them to one parser::StreamParser, which
/// keeps a partial last line until its end arrives — also when that end is written after a
/// truncation or into the new file. Restarts are reported through the event callback, in stream
/// order (the bytes before an event are delivered before it).
///
/// - Reads use pread() from the last offset, in chunks of Options::chunk_bytes, never mmap (a
///   copytruncate would turn a mapping into SIGBUS).
/// - Truncation: size < offset, or (when the file changed) the last bytes read are no longer what
///   the file holds before the offset — a truncation the writer refilled past the old offset
///   between two polls. Following restarts at 0. Leading NUL bytes after a truncation are skipped:
///   they are the hole a writer without O_APPEND (`node app.js > gc.log`) leaves when it goes on
///   writing at its old offset, not bytes it wrote.
/// - Rotation and re-creation: the old file stays open and is read to its end before the new one
///   is opened, so bytes written to it until the switch are not lost. Holding it open also means
///   a new file cannot reuse its inode number unnoticed.
/// - Deletion: reported once (Gone); the open file keeps being read; Back when the path returns.
///
/// Limits: bytes appended after the last poll and then removed by a truncation are lost (they are
/// in logrotate's copy, not in the followed path); so are bytes written to a rotated-away file
/// after the follower switched to the new one. A truncation refilled to exactly the old size
/// within one mtime tick is not seen.
///
/// **Threading.** Not thread-safe: one thread at a time calls poll() (and the accessors); both
/// callbacks run synchronously inside poll(), on that thread. Several followers may run on several
/// threads.
class FileFollower {
  public:
    using BytesCallback = std::function<void(std::string_view bytes)>;
    using EventCallback = std::function<void(const FollowEvent& event)>;

    /// Opens nothing: the first poll() does.
    FileFollower(std::string path, BytesCallback on_bytes, EventCallback on_event,
                 FollowerOptions options = {});
    ~FileFollower();
    FileFollower(const FileFollower&) = delete;
    FileFollower& operator=(const FileFollower&) = delete;

    /// One poll step; see the class comment. Never throws for file-system conditions (they become
    /// events); exceptions from the callbacks propagate, leaving the follower consistent (bytes
    /// handed over are counted as read).
    PollResult poll();

    enum class State : uint8_t {
        NotStarted,  ///< no poll yet
        Following,   ///< the path names the file being read
        Gone,        ///< the path is missing or unreadable (an old file may still be read)
    };
    State state() const { return state_; }
    /// Why the path is Gone (the last Gone event's message); empty while Following.
    const std::string& goneMessage() const { return gone_message_; }
    /// Whether the path has been opened at least once (a Started event was reported).
    bool started() const { return started_; }
    const std::string& path() const { return path_; }
    /// Offset in the file being read (restarts at 0 on truncation and rotation).
    uint64_t fileOffset() const { return offset_; }
    const FollowerStats& stats() const { return stats_; }

  private:
    struct FileId {
        dev_t dev = 0;
        ino_t ino = 0;
        bool operator==(const FileId&) const = default;
    };

    void report(FollowEvent::Kind kind, std::string message, PollResult& result,
                bool new_file = false);
    void closeFile();
    /// Checks the open file (stat `st`) for truncation and reads what it gained.
    void follow(const struct stat& st, PollResult& result);
    void restart(PollResult& result);
    /// Reads from offset_ to the end of the file or the byte budget. With `verify`, the same
    /// pread() also re-reads the bytes before offset_ and returns false if they are no longer
    /// tail_ (the file was truncated and refilled).
    /// `size` is the file size stat() saw, a hint for the buffer size.
    bool readToEnd(bool verify, uint64_t size, PollResult& result);
    void skipHole();
    void deliver(const char* data, size_t n, PollResult& result);
    bool budgetLeft() const;

    std::string path_;
    BytesCallback on_bytes_;
    EventCallback on_event_;
    FollowerOptions options_;

    int fd_ = -1;
    FileId id_;
    uint64_t offset_ = 0;
    off_t seen_size_ = -1;  ///< size and mtime at the last poll that looked at the open file
    struct timespec seen_mtime_ = {};
    bool skip_nuls_ = false;          ///< after a truncation, until the first non-NUL byte
    std::string tail_;                ///< the last bytes read before offset_ (up to kTailBytes)
    std::unique_ptr<char[]> buffer_;  ///< not zero-filled: only what pread() wrote is read
    size_t buffer_size_ = 0;

    uint64_t polled_bytes_ = 0;  ///< bytes read in the current poll (for the budget)

    State state_ = State::NotStarted;
    bool started_ = false;
    std::string gone_message_;
    bool missing_ = false;  ///< the path was missing at the last poll (Gone maybe not yet reported)
    std::chrono::steady_clock::time_point missing_since_;
    FollowerStats stats_;
};

}  // namespace gcscope::follow
