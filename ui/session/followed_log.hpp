// One log the loader reads and then keeps following while it grows: a FileFollower feeding its own
// StreamParser into the session's Timeline, with an inotify hint to poll early.
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>

#include "gcscope/follow/file_follower.hpp"
#include "gcscope/parser/record_sink.hpp"
#include "gcscope/parser/stream_parser.hpp"

class QSocketNotifier;

namespace gcscope::model {
class Timeline;
}

namespace gcscope::follow {
class ChangeNotifier;
}

namespace gcscope::ui {

/// Lives on the LogLoader's thread (every member is called there). Its parser keeps a partial last
/// line until its end is written, so bytes split across polls, a truncation or a rotation give
/// exactly the events of a one-shot parse of the same bytes.
///
/// A restart of the file (truncated, rotated, re-created) is reported with restarted() once the
/// first GC record after it arrives, at that record's series and time: that is where the chart
/// marks it.
class FollowedLog : public QObject, private parser::RecordSink {
    Q_OBJECT
  public:
    /// Largest amount one poll reads: a poll of a large file that grew a lot returns with more()
    /// set after this, so the loader can look at its other logs and at Cancel in between.
    static constexpr size_t kMaxBytesPerPoll = size_t(64) << 20;

    FollowedLog(model::Timeline& timeline, uint32_t source, const std::string& path,
                QObject* parent = nullptr);
    ~FollowedLog() override;

    uint32_t source() const { return source_; }
    /// One FileFollower::poll() into the Timeline (made the current source first). Exceptions
    /// from `on_bytes` (cancelling a first read) propagate; what was handed over stays read.
    follow::PollResult poll(const std::function<void(size_t bytes)>& on_bytes = {});

    /// Whether the timer polls this log. Turning it off keeps the position: turning it on again
    /// reads what was written meanwhile.
    bool isFollowing() const { return following_; }
    void setFollowing(bool on) { following_ = on; }

    /// Whether changeHinted() comes for every write (inotify on a local file system). Without it
    /// the loader polls more often.
    bool hasReliableHint() const;
    bool hasStarted() const { return follower_->started(); }
    bool isGone() const { return follower_->state() == follow::FileFollower::State::Gone; }
    QString goneMessage() const { return QString::fromStdString(follower_->goneMessage()); }
    const parser::ParseStats& stats() const { return parser_.stats(); }
    uint64_t bytesRead() const { return follower_->stats().bytes; }

  signals:
    /// The file system says the file or its directory changed: poll soon (only a hint).
    void changeHinted();
    /// Gone (deleted, renamed away, unreadable) or back: `message` says why it is gone.
    void goneChanged(int source, bool gone, const QString& message);
    /// The file restarted (`kind`: "truncated", "rotated", "re-created"); the first GC after it
    /// is in `series`, at `time_ms`.
    void restarted(int source, const QString& kind, qint64 series, double time_ms);

  private:
    void onGc(const parser::GcRecord& record) override;
    void onHeapSpace(const parser::HeapSpaceSample& sample) override;
    void onOom(const parser::OomMarker& marker) override;
    void onFollowEvent(const follow::FollowEvent& event);

    model::Timeline& timeline_;
    const uint32_t source_;
    parser::StreamParser parser_;
    std::unique_ptr<follow::FileFollower> follower_;
    std::unique_ptr<follow::ChangeNotifier> notifier_;
    QSocketNotifier* notifier_socket_ = nullptr;
    std::function<void(size_t)> on_bytes_;  ///< the current poll's byte observer
    QString pending_restart_;               ///< a restart waiting for its first record
    bool following_ = true;
};

}  // namespace gcscope::ui
