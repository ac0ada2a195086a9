// What every window of the app shows: the model, which series are shown, the visible time range
// and the selected event. Charts, tables and panels never talk to each other; they follow this.
#pragma once

#include <QObject>
#include <QString>
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
    /// Indexes of the visible series that exist now.
    std::vector<size_t> visibleSeries() const;

    /// Union of the visible series' time spans (each on its own clock), or {0, 1} when empty.
    model::TimeRange fullRange() const;
    /// What the charts show. Starts as (and resets to) fullRange().
    model::TimeRange visibleRange() const;
    bool isZoomed() const { return zoomed_; }
    void setVisibleRange(model::TimeRange range);
    void resetZoom();

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

signals:
    void dataAppended();
    void sourcesChanged();
    void seriesVisibilityChanged();
    void visibleRangeChanged(gcscope::model::TimeRange range);
    void selectionChanged(gcscope::ui::EventRef event);

private:
    model::Timeline timeline_;
    std::vector<SourceInfo> sources_;
    std::vector<char> hidden_;  ///< per series; missing entries are visible
    model::TimeRange visible_{0, 1};
    bool zoomed_ = false;
    EventRef selected_;
};

}  // namespace gcscope::ui
