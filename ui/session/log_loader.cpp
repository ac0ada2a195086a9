#include "session/log_loader.hpp"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>

#include "gcscope/parser/input_source.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {
/// Thrown from the read callback to stop reading when the user cancels.
struct Cancelled {};
constexpr qint64 kAppendSignalMs = 100;
}  // namespace

LogLoader::LogLoader(LogSession& session) : session_(session) {
    qRegisterMetaType<gcscope::parser::ParseStats>("gcscope::parser::ParseStats");
    thread_.setObjectName(QStringLiteral("gcscope log loader"));
    connect(this, &LogLoader::started, &session, &LogSession::noteLoadStarted);
    connect(this, &LogLoader::progress, &session, &LogSession::noteLoadProgress);
    connect(this, &LogLoader::appended, &session, &LogSession::noteDataAppended);
    connect(this, &LogLoader::finished, &session, &LogSession::noteLoadFinished);
    connect(this, &LogLoader::cancelled, &session, &LogSession::noteLoadCancelled);
    moveToThread(&thread_);
    thread_.start();
}

LogLoader::~LogLoader() {
    cancel();
    thread_.quit();
    thread_.wait();
}

void LogLoader::waitUntilIdle() {
    // A blocking no-op queued behind every open() already queued.
    QMetaObject::invokeMethod(this, [] {}, Qt::BlockingQueuedConnection);
}

void LogLoader::open(const QString& path) {
    cancel_.store(false);
    const std::string native = path.toStdString();
    if (std::string problem = parser::checkLog(native); !problem.empty()) {
        emit failed(path, QString::fromStdString(problem));
        return;
    }
    model::Timeline& timeline = session_.timeline();
    const int source = int(timeline.addSource(native));
    const qint64 total = path == QStringLiteral("-") ? 0 : QFileInfo(path).size();
    emit started(source, path);

    parser::StreamParser parser(timeline);
    qint64 done = 0;
    QElapsedTimer since_signal;
    since_signal.start();
    std::string error;
    bool was_cancelled = false;
    try {
        error = parser::readLog(native, [&](std::string_view chunk) {
            if (cancel_.load()) throw Cancelled{};
            parser.feed(chunk);
            done += qint64(chunk.size());
            if (since_signal.elapsed() >= kAppendSignalMs) {
                since_signal.restart();
                emit progress(source, done, total);
                emit appended();
            }
        });
    } catch (const Cancelled&) {
        was_cancelled = true;
    }
    parser.finish();
    timeline.setSourceStats(uint32_t(source), parser.stats());
    emit progress(source, done, total);
    emit appended();
    if (was_cancelled) {
        emit cancelled(source, parser.stats());
    } else {
        emit finished(source, parser.stats(), QString::fromStdString(error));
    }
}

}  // namespace gcscope::ui
