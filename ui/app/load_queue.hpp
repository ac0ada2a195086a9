// The logs waiting to be loaded, handed to the LogLoader one at a time so Cancel can stop the
// current one and drop the rest.
#pragma once

#include <QObject>
#include <QStringList>

#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::ui {

class LogLoader;

class LoadQueue : public QObject {
    Q_OBJECT
  public:
    explicit LoadQueue(LogLoader& loader, QObject* parent = nullptr);

    bool isBusy() const { return busy_; }
    /// Logs not yet started.
    int pendingCount() const { return int(pending_.size()); }

  public slots:
    void enqueue(const QStringList& paths);
    /// Stops the log being read (what was read stays) and forgets the queued ones.
    void cancelAll();

  signals:
    void busyChanged(bool busy);
    /// The log being read and how far (bytes_total 0 = unknown, standard input).
    void progress(const QString& path, qint64 bytes_done, qint64 bytes_total);
    void started(const QString& path);
    void failed(const QString& path, const QString& message);
    /// Read to the end, possibly with an error part-way (`error` non-empty).
    void finished(const QString& path, const gcscope::parser::ParseStats& stats,
                  const QString& error);

  private:
    void startNext();
    void done();

    LogLoader& loader_;
    QStringList pending_;
    QString current_;
    bool busy_ = false;
};

}  // namespace gcscope::ui
