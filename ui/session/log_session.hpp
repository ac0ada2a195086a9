// What every window of the app shows: the model, which series are shown, the visible time range
// and the selected event. Charts, tables and panels never talk to each other; they follow this.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <span>
#include <vector>

#include "gcscope/model/time_range.hpp"
#include "gcscope/model/timeline.hpp"
#include "gcscope/parser/parse_stats.hpp"
#include "session/event_ref.hpp"

namespace gcscope::ui {

/// A log the user opened, as the GUI knows it (a copy: the loader thread owns the live stats).
struct SourceInfo {
    enum class State { Loading, Loaded, Failed, Cancelled };
    QString path;
    State state = State::Loading;
    QString error;  ///< why it failed, or what went wrong part-way (truncated gzip)
    qint64 bytes_done = 0;
    qint64 bytes_total = 0;  ///< file size, 0 when unknown (stdin)
    parser::ParseStats stats;

    // Following (see LogLoader): a plain file is followed after its first read.
    bool followable = false;  ///< the loader follows it (Follow can be toggled)
    bool following = false;   ///< the Follow toggle
    bool gone = false;        ///< its path is deleted or unreadable (what was read stays)
    QString gone_message;
    qint64 grew_at_ms = 0;  ///< when it last grew while followed (QDateTime ms), 0 = never
    /// Grew within the last kLiveForMs: the "live" badge.
    bool isLive(qint64 now_ms) const { return grew_at_ms > 0 && now_ms - grew_at_ms < kLiveForMs; }
    static constexpr qint64 kLiveForMs = 5000;
};

/// Where a followed log restarted (truncated, rotated, re-created): the first GC after it.
struct RestartMark {
    int source = 0;
    QString kind;  ///< "truncated", "rotated", "re-created"
    qint64 series = -1;
    double time_ms = 0;
};

/// Threading: lives on the GUI thread. The Timeline is written only by the LogLoader's thread and
/// read here under Timeline's rule (a Series is read below the size() it reports), so no lock is
/// taken; the loader's signals (queued) tell the session when to look again.
class LogSession : public QObject {
    Q_OBJECT
public:
    explicit LogSession(QObject* parent = nullptr);

    /// The model. Non-const access is for the LogLoader (its thread is the only writer).
    model::Timeline& timeline() { return timeline_; }
    const model::Timeline& timeline() const { return timeline_; }

    // Sources (indexes = Timeline source ids).
    int sourceCount() const { return int(sources_.size()); }
    const SourceInfo& source(int i) const { return sources_[size_t(i)]; }
    SourceInfo& sourceInfo(int source);  ///< grows the list as the loader adds sources

    // Series shown in the charts (a new series is shown).
    bool isSeriesVisible(size_t series) const;
    void setSeriesVisible(size_t series, bool visible);
    /// Shows or hides several series with one seriesVisibilityChanged(): a log's checkbox
    /// toggles tens of thousands, and each signal has every view look at every series.
    void setSeriesVisible(std::span<const size_t> series, bool visible);
    /// Indexes of the visible series that exist now.
    std::vector<size_t> visibleSeries() const;

    /// Union of the visible series' time spans (each on its own clock), or {0, 1} when empty.
    model::TimeRange fullRange() const;
    /// What the charts show. Starts as (and resets to) fullRange().
    model::TimeRange visibleRange() const;
    bool isZoomed() const { return zoomed_; }
    /// The user's zoom or pan: the view stays there while data arrives (not live).
    void setVisibleRange(model::TimeRange range);
    /// Shows everything, and keeps showing everything as data arrives (live).
    void resetZoom();
    /// Live: new data moves the view (everything, or a window of the zoomed width ending at the
    /// newest event). Off once the user zooms or pans; jumpToLive() or resetZoom() turn it on.
    bool isLive() const { return live_; }
    /// True while dataAppended() and the visibleRangeChanged() of a view tracking the data are
    /// being emitted: views tell a move by the data from the user's zoom or pan.
    bool isAnnouncingData() const { return announcing_; }
    /// Back to the newest data: keeps the zoomed width when it is narrower than the whole log.
    void jumpToLive();

    // Following.
    /// Asks the loader to follow a source or stop (followChanged() comes back through it).
    void requestFollow(int source, bool on) { emit followRequested(source, on); }
    bool anyFollowing() const;
    /// A log is being read for the first time: what the views show is the log so far.
    bool isLoading() const;
    const std::vector<RestartMark>& restarts() const { return restarts_; }

    EventRef selectedEvent() const { return selected_; }
    void selectEvent(EventRef event);

public slots:
    // Connected to a LogLoader's signals (queued: they arrive on the GUI thread).
    /// The loader appended data: tells the views (and, when not zoomed, follows the full range).
    void noteDataAppended();
    void noteLoadStarted(int source, const QString& path);
    void noteLoadProgress(int source, qint64 bytes_done, qint64 bytes_total);
    void noteLoadFinished(int source, const gcscope::parser::ParseStats& stats, const QString& error);
    void noteLoadCancelled(int source, const gcscope::parser::ParseStats& stats);
    void noteFollowChanged(int source, bool following, bool gone, const QString& message);
    void noteGrew(int source, const gcscope::parser::ParseStats& stats, qint64 bytes);
    void noteRestart(int source, const QString& kind, qint64 series, double time_ms);

signals:
    /// New events are readable. At most every kAppendedIntervalMs: the loader's notes are
    /// coalesced, so a log written in many small pieces redraws ten times a second, not per write.
    void dataAppended();
    void liveChanged(bool live);
    void followRequested(int source, bool on);
    void sourcesChanged();
    void seriesVisibilityChanged();
    void visibleRangeChanged(gcscope::model::TimeRange range);
    void selectionChanged(gcscope::ui::EventRef event);

public:
    static constexpr int kAppendedIntervalMs = 100;

private:
    void announceAppended();
    /// Announces a held-back dataAppended() now (a load ended: show its end at once).
    void flushAppended();
    /// Sets the visible range (a signal when it changed) without touching the zoom state.
    void showRange(model::TimeRange range);
    void setLive(bool live);

    model::Timeline timeline_;
    std::vector<SourceInfo> sources_;
    std::vector<char> hidden_;  ///< per series; missing entries are visible
    model::TimeRange visible_{0, 1};
    bool zoomed_ = false;
    bool live_ = true;
    bool announcing_ = false;
    EventRef selected_;
    std::vector<RestartMark> restarts_;
    QTimer appended_timer_;       ///< a dataAppended() held back by the interval
    QElapsedTimer last_appended_;  ///< since the last dataAppended()
};

}  // namespace gcscope::ui
