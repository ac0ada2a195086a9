// Parses logs into the session's Timeline on a worker thread, so the window never freezes.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::ui {

class LogSession;

/// The only writer of the session's Timeline. Lives on its own QThread (started by the
/// constructor, stopped by the destructor); every slot runs there, in the order it was called, so
/// logs opened together load one after another. cancel() may be called from any thread.
class LogLoader : public QObject {
    Q_OBJECT
public:
    explicit LogLoader(LogSession& session);
    ~LogLoader() override;

    /// Stops the load in progress (what was read so far stays). Thread-safe.
    void cancel() { cancel_.store(true); }
    /// Waits until every queued open() has finished (tests, headless export).
    void waitUntilIdle();

public slots:
    /// Reads a whole log ("-" = standard input) into the Timeline. A log that cannot be opened
    /// reports failed() and changes nothing.
    void open(const QString& path);

signals:
    void started(int source, const QString& path);
    void progress(int source, qint64 bytes_done, qint64 bytes_total);
    /// More events are readable (throttled to about ten per second while loading).
    void appended();
    /// `error` is empty, or says what went wrong part-way (everything before it was kept).
    void finished(int source, const gcscope::parser::ParseStats& stats, const QString& error);
    void cancelled(int source, const gcscope::parser::ParseStats& stats);
    void failed(const QString& path, const QString& message);

private:
    LogSession& session_;
    QThread thread_;
    std::atomic<bool> cancel_{false};
};

}  // namespace gcscope::ui
