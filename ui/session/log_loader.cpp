#include "session/log_loader.hpp"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <algorithm>

#include "gcscope/parser/input_source.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "session/followed_log.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {
/// Thrown from the read callback to stop reading when the user cancels.
struct Cancelled {};
constexpr qint64 kAppendSignalMs = 100;

/// Emits progress and "appended" about ten times a second while a first read runs.
class ProgressThrottle {
  public:
    explicit ProgressThrottle(LogLoader& loader, int source, qint64 total)
        : loader_(loader), source_(source), total_(total) {
        since_.start();
    }
    void add(qint64 bytes) {
        done_ += bytes;
        if (since_.elapsed() < kAppendSignalMs) return;
        since_.restart();
        emitNow();
    }
    void emitNow() {
        emit loader_.progress(source_, done_, total_);
        emit loader_.appended();
    }

  private:
    LogLoader& loader_;
    const int source_;
    const qint64 total_;
    qint64 done_ = 0;
    QElapsedTimer since_;
};
}  // namespace

LogLoader::LogLoader(LogSession& session, bool follow)
    : session_(session), follow_(follow), poll_timer_(new QTimer(this)) {
    qRegisterMetaType<gcscope::parser::ParseStats>("gcscope::parser::ParseStats");
    thread_.setObjectName(QStringLiteral("gcscope log loader"));
    connect(this, &LogLoader::started, &session, &LogSession::noteLoadStarted);
    connect(this, &LogLoader::progress, &session, &LogSession::noteLoadProgress);
    connect(this, &LogLoader::appended, &session, &LogSession::noteDataAppended);
    connect(this, &LogLoader::finished, &session, &LogSession::noteLoadFinished);
    connect(this, &LogLoader::cancelled, &session, &LogSession::noteLoadCancelled);
    connect(this, &LogLoader::followChanged, &session, &LogSession::noteFollowChanged);
    connect(this, &LogLoader::grew, &session, &LogSession::noteGrew);
    connect(this, &LogLoader::restarted, &session, &LogSession::noteRestart);
    connect(&session, &LogSession::followRequested, this, &LogLoader::setFollowing);
    poll_timer_->setInterval(kPollIntervalMs);
    connect(poll_timer_, &QTimer::timeout, this, &LogLoader::pollAll);
    moveToThread(&thread_);
    thread_.start();
}

LogLoader::~LogLoader() {
    cancel();
    // The followers' socket notifiers and the timer belong to the thread: end them there.
    QMetaObject::invokeMethod(
        this,
        [this] {
            poll_timer_->stop();
            qDeleteAll(followed_);
            followed_.clear();
        },
        Qt::BlockingQueuedConnection);
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
    if (follow_ && parser::isFollowableFile(native))
        readAndFollow(path);
    else
        readOnce(path);
}

void LogLoader::readOnce(const QString& path) {
    model::Timeline& timeline = session_.timeline();
    const std::string native = path.toStdString();
    const int source = int(timeline.addSource(native));
    emit started(source, path);

    parser::StreamParser parser(timeline);
    ProgressThrottle progress(*this, source, path == QStringLiteral("-") ? 0 : QFileInfo(path).size());
    std::string error;
    bool was_cancelled = false;
    try {
        error = parser::readLog(native, [&](std::string_view chunk) {
            if (cancel_.load()) throw Cancelled{};
            parser.feed(chunk);
            progress.add(qint64(chunk.size()));
        });
    } catch (const Cancelled&) {
        was_cancelled = true;
    }
    parser.finish();
    timeline.setSourceStats(uint32_t(source), parser.stats());
    progress.emitNow();
    if (was_cancelled)
        emit cancelled(source, parser.stats());
    else
        emit finished(source, parser.stats(), QString::fromStdString(error));
}

void LogLoader::readAndFollow(const QString& path) {
    model::Timeline& timeline = session_.timeline();
    const int source = int(timeline.addSource(path.toStdString()));
    emit started(source, path);

    auto* log = new FollowedLog(timeline, uint32_t(source), path.toStdString(), this);
    ProgressThrottle progress(*this, source, QFileInfo(path).size());
    bool was_cancelled = false;
    QElapsedTimer since_poll;  // the logs already followed are polled during a long first read
    since_poll.start();
    try {
        // A deleted or truncated file is handled by the follower as it would be later: what was
        // read stays, and the read goes on from where the file now is.
        while (log->poll([&](size_t bytes) {
                   if (cancel_.load()) throw Cancelled{};
                   progress.add(qint64(bytes));
               }).more) {
            if (since_poll.elapsed() >= poll_timer_->interval()) {
                pollAll();
                since_poll.restart();
            }
        }
    } catch (const Cancelled&) {
        was_cancelled = true;
    }
    progress.emitNow();
    if (was_cancelled || !log->hasStarted()) {
        // Not followed: Cancel means "stop reading this log"; a path gone before its first read
        // (deleted just after the check) has nothing to follow.
        const parser::ParseStats stats = log->stats();
        const QString gone = log->goneMessage();
        delete log;
        if (was_cancelled)
            emit cancelled(source, stats);
        else
            emit finished(source, stats, gone);
        return;
    }
    emit finished(source, log->stats(), {});
    followed_.push_back(log);
    connect(log, &FollowedLog::changeHinted, this, [this, log] { pollOne(log); });
    connect(log, &FollowedLog::goneChanged, this, [this, log] { reportFollow(*log); });
    connect(log, &FollowedLog::restarted, this, &LogLoader::restarted);
    reportFollow(*log);
    if (!log->hasReliableHint()) poll_timer_->setInterval(kBlindPollIntervalMs);
    if (!poll_timer_->isActive()) poll_timer_->start();
}

void LogLoader::pollAll() {
    for (FollowedLog* log : followed_)
        if (log->isFollowing()) pollOne(log);
}

void LogLoader::pollOne(FollowedLog* log) {
    const follow::PollResult result = log->poll();
    if (result.bytes != 0) {
        emit grew(int(log->source()), log->stats(), qint64(log->bytesRead()));
        emit appended();
    }
    // A poll reads at most FollowedLog::kMaxBytesPerPoll: the rest comes after the other logs
    // and queued opens had their turn.
    if (result.more)
        QMetaObject::invokeMethod(
            this, [this, log] { if (log->isFollowing()) pollOne(log); }, Qt::QueuedConnection);
}

void LogLoader::setFollowing(int source, bool on) {
    FollowedLog* log = followed(source);
    if (!log || log->isFollowing() == on) return;
    log->setFollowing(on);
    reportFollow(*log);
    if (on) pollOne(log);
}

void LogLoader::reportFollow(const FollowedLog& log) {
    emit followChanged(int(log.source()), log.isFollowing(), log.isGone(), log.goneMessage());
}

FollowedLog* LogLoader::followed(int source) const {
    const auto it = std::find_if(followed_.begin(), followed_.end(),
                                 [source](const FollowedLog* l) { return int(l->source()) == source; });
    return it == followed_.end() ? nullptr : *it;
}

}  // namespace gcscope::ui
