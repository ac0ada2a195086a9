// A Linux inotify hint that a followed path may have changed, so a follow loop can poll a few
// milliseconds after a write instead of at its next timer tick. Only ever a hint: FileFollower's
// poll() stays the truth (inotify misses writes made on other hosts of a network file system, and
// any watch can be lost).
#pragma once

#include <signal.h>

#include <chrono>
#include <string>

namespace gcscope::follow {

/// Watches the directory of `path` (for the name being created, renamed or deleted) and the file
/// the path names (for writes, also after it was deleted or renamed away, since a writer may keep
/// writing to it). Events for other names in the directory are read and ignored.
///
/// When inotify is unavailable (no kernel support, out of watches, the directory is unreadable)
/// available() is false and wait() just sleeps for its timeout: the caller's poll interval then
/// bounds the latency.
///
/// Threading: not thread-safe; use it from the thread that polls. fd() may be handed to an event
/// loop (QSocketNotifier, poll) instead of calling wait(); call drain() when it is readable.
class ChangeNotifier {
  public:
    explicit ChangeNotifier(std::string path);
    ~ChangeNotifier();
    ChangeNotifier(const ChangeNotifier&) = delete;
    ChangeNotifier& operator=(const ChangeNotifier&) = delete;

    bool available() const { return fd_ >= 0; }
    /// available(), and the directory is on a local file system. On NFS, SMB, FUSE (sshfs), Ceph
    /// and the like, writes made by other hosts raise no event: poll more often there (the
    /// `tail -F` rule).
    bool reliable() const { return fd_ >= 0 && !remote_; }
    /// The inotify descriptor (non-blocking, close-on-exec), or -1.
    int fd() const { return fd_; }

    enum class Wake { Changed, Timeout, Interrupted };
    /// Waits until something happened to the path or the file it names, `timeout` passed, or a
    /// signal arrived. With `sigmask`, the wait runs with that signal mask (ppoll): block the
    /// signals that should end the loop, check their flag, then wait with them unblocked — no
    /// signal is missed between the check and the wait.
    Wake wait(std::chrono::milliseconds timeout, const sigset_t* sigmask = nullptr);

    /// Reads the pending events without waiting; true if one concerned the followed path or file.
    /// Re-targets the file watch when the path names a new file.
    bool drain();

  private:
    void watchFile();

    std::string path_;
    std::string name_;  ///< the last path component, as the directory watch reports it
    int fd_ = -1;
    int dir_wd_ = -1;
    int file_wd_ = -1;
    bool remote_ = false;
};

}  // namespace gcscope::follow
