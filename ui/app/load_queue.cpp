#include "app/load_queue.hpp"

#include <QMetaObject>

#include "session/log_loader.hpp"

namespace gcscope::ui {

LoadQueue::LoadQueue(LogLoader& loader, QObject* parent) : QObject(parent), loader_(loader) {
    // The loader lives on its thread: these arrive queued, on ours.
    connect(&loader, &LogLoader::started, this,
            [this](int, const QString& path) { emit started(path); });
    connect(&loader, &LogLoader::progress, this,
            [this](int, qint64 done, qint64 total) { emit progress(current_, done, total); });
    connect(&loader, &LogLoader::finished, this,
            [this](int, const parser::ParseStats& stats, const QString& error) {
                emit finished(current_, stats, error);
                done();
            });
    connect(&loader, &LogLoader::cancelled, this, [this] { done(); });
    connect(&loader, &LogLoader::failed, this, [this](const QString& path, const QString& message) {
        emit failed(path, message);
        done();
    });
}

void LoadQueue::enqueue(const QStringList& paths) {
    pending_ += paths;
    if (!busy_) startNext();
}

void LoadQueue::cancelAll() {
    pending_.clear();
    if (busy_) loader_.cancel();
}

void LoadQueue::startNext() {
    if (pending_.isEmpty()) {
        if (busy_) {
            busy_ = false;
            current_.clear();
            emit busyChanged(false);
        }
        return;
    }
    current_ = pending_.takeFirst();
    if (!busy_) {
        busy_ = true;
        emit busyChanged(true);
    }
    QMetaObject::invokeMethod(&loader_, "open", Qt::QueuedConnection, Q_ARG(QString, current_));
}

void LoadQueue::done() {
    startNext();
}

}  // namespace gcscope::ui
