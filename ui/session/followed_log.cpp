#include "session/followed_log.hpp"

#include <QSocketNotifier>
#include <cstdlib>

#include "gcscope/follow/change_notifier.hpp"
#include "gcscope/model/timeline.hpp"

namespace gcscope::ui {

using follow::FollowEvent;

FollowedLog::FollowedLog(model::Timeline& timeline, uint32_t source, const std::string& path,
                         QObject* parent)
    : QObject(parent), timeline_(timeline), source_(source), parser_(*this) {
    follow::FollowerOptions options;
    options.max_bytes_per_poll = kMaxBytesPerPoll;
    follower_ = std::make_unique<follow::FileFollower>(
        path, [this](std::string_view bytes) {
            parser_.feed(bytes);
            if (on_bytes_) on_bytes_(bytes.size());
        },
        [this](const FollowEvent& e) { onFollowEvent(e); }, options);
    // inotify only makes a poll come sooner; the loader's timer polls all the same. As with
    // `gcscope-cli watch`, GCSCOPE_WATCH_POLL_ONLY=1 measures the timer alone.
    const char* poll_only = std::getenv("GCSCOPE_WATCH_POLL_ONLY");
    const bool no_hint = poll_only && *poll_only && *poll_only != '0';
    notifier_ = std::make_unique<follow::ChangeNotifier>(no_hint ? std::string() : path);
    if (notifier_->available()) {
        notifier_socket_ = new QSocketNotifier(notifier_->fd(), QSocketNotifier::Read, this);
        connect(notifier_socket_, &QSocketNotifier::activated, this, [this] {
            if (notifier_->drain() && following_) emit changeHinted();
        });
    }
}

FollowedLog::~FollowedLog() = default;

bool FollowedLog::hasReliableHint() const {
    return notifier_->reliable();
}

follow::PollResult FollowedLog::poll(const std::function<void(size_t)>& on_bytes) {
    on_bytes_ = on_bytes;
    timeline_.continueSource(source_);
    follow::PollResult result;
    try {
        result = follower_->poll();
    } catch (...) {
        on_bytes_ = nullptr;
        timeline_.setSourceStats(source_, parser_.stats());
        throw;
    }
    on_bytes_ = nullptr;
    if (result.changed()) timeline_.setSourceStats(source_, parser_.stats());
    return result;
}

void FollowedLog::onFollowEvent(const FollowEvent& e) {
    switch (e.kind) {
        case FollowEvent::Kind::Started:
            return;
        case FollowEvent::Kind::Truncated:
            pending_restart_ = QStringLiteral("truncated");
            return;
        case FollowEvent::Kind::Rotated:
            pending_restart_ = QStringLiteral("rotated");
            return;
        case FollowEvent::Kind::Gone:
            emit goneChanged(int(source_), true, QString::fromStdString(e.message));
            return;
        case FollowEvent::Kind::Back:
            if (e.new_file) pending_restart_ = QStringLiteral("re-created");
            emit goneChanged(int(source_), false, {});
            return;
    }
}

void FollowedLog::onGc(const parser::GcRecord& record) {
    timeline_.onGc(record);
    if (pending_restart_.isEmpty()) return;
    const int64_t series = timeline_.findSeries(source_, record.key);
    if (series >= 0) {
        const model::Series& s = timeline_.series(size_t(series));
        emit restarted(int(source_), pending_restart_, series, s.sortTimeMs(s.size() - 1));
    }
    pending_restart_.clear();
}

void FollowedLog::onHeapSpace(const parser::HeapSpaceSample& sample) {
    timeline_.onHeapSpace(sample);
}

void FollowedLog::onOom(const parser::OomMarker& marker) {
    timeline_.onOom(marker);
}

}  // namespace gcscope::ui
