// Parses logs into the session's Timeline on a worker thread, so the window never freezes, and
// keeps following the ones that grow.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <vector>

#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::ui {

class FollowedLog;
class LogSession;

/// The only writer of the session's Timeline. Lives on its own QThread (started by the
/// constructor, stopped by the destructor); every slot runs there, in the order it was called, so
/// logs opened together load one after another. cancel() may be called from any thread.
///
/// Following (when constructed with `follow`): a plain regular file is read through a
/// FileFollower and, once read to its end, polled every kPollIntervalMs (sooner on an inotify
/// hint; every kBlindPollIntervalMs without one) for what the writer appends, through truncation, rotation and deletion. Standard input
/// and gzip'd files are read once.
class LogLoader : public QObject {
    Q_OBJECT
  public:
    static constexpr int kPollIntervalMs = 250;
    /// While a followed log has no reliable change hint (network file systems, no inotify): an
    /// idle poll is one stat(), and the chart stays within 250 ms of a write.
    static constexpr int kBlindPollIntervalMs = 50;

    explicit LogLoader(LogSession& session, bool follow = false);
    ~LogLoader() override;

    /// Stops the first read in progress (what was read so far stays). Thread-safe.
    void cancel() { cancel_.store(true); }
    /// Waits until every queued open() has finished (tests, headless export).
    void waitUntilIdle();

  public slots:
    /// Reads a whole log ("-" = standard input) into the Timeline, then follows it if it can. A
    /// log that cannot be opened reports failed() and changes nothing.
    void open(const QString& path);
    /// Turns following of a source on or off (off keeps its place: on reads what came meanwhile).
    void setFollowing(int source, bool on);

  signals:
    void started(int source, const QString& path);
    void progress(int source, qint64 bytes_done, qint64 bytes_total);
    /// More events are readable (throttled to about ten per second while loading).
    void appended();
    /// `error` is empty, or says what went wrong part-way (everything before it was kept).
    void finished(int source, const gcscope::parser::ParseStats& stats, const QString& error);
    void cancelled(int source, const gcscope::parser::ParseStats& stats);
    void failed(const QString& path, const QString& message);

    /// A source is followed or not (`following`), and whether its path is gone (with why).
    void followChanged(int source, bool following, bool gone, const QString& message);
    /// A followed source grew: its parser's counts now, and the bytes read from it in all.
    void grew(int source, const gcscope::parser::ParseStats& stats, qint64 bytes);
    /// See FollowedLog::restarted.
    void restarted(int source, const QString& kind, qint64 series, double time_ms);

  private:
    void readOnce(const QString& path);
    void readAndFollow(const QString& path);
    void pollAll();
    void pollOne(FollowedLog* log);
    void reportFollow(const FollowedLog& log);
    FollowedLog* followed(int source) const;

    LogSession& session_;
    const bool follow_;
    QThread thread_;
    QTimer* poll_timer_;  ///< a child: it moves to the thread with us
    std::vector<FollowedLog*> followed_;  ///< children
    std::atomic<bool> cancel_{false};
};

}  // namespace gcscope::ui
