#include "session/log_session.hpp"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace gcscope::ui {

LogSession::LogSession(QObject* parent) : QObject(parent) {
    appended_timer_.setObjectName(QStringLiteral("data appended"));
    appended_timer_.setSingleShot(true);
    connect(&appended_timer_, &QTimer::timeout, this, &LogSession::announceAppended);
}

SourceInfo& LogSession::sourceInfo(int source) {
    if (size_t(source) >= sources_.size()) sources_.resize(size_t(source) + 1);
    return sources_[size_t(source)];
}

bool LogSession::isSeriesVisible(size_t series) const {
    return series >= hidden_.size() || !hidden_[series];
}

void LogSession::setSeriesVisible(size_t series, bool visible) {
    setSeriesVisible(std::span<const size_t>(&series, 1), visible);
}

void LogSession::setSeriesVisible(std::span<const size_t> series, bool visible) {
    bool changed = false;
    for (size_t s : series) {
        if (isSeriesVisible(s) == visible) continue;
        if (s >= hidden_.size()) hidden_.resize(s + 1, 0);
        hidden_[s] = !visible;
        changed = true;
    }
    if (!changed) return;
    emit seriesVisibilityChanged();
    if (!zoomed_) resetZoom();
}

std::vector<size_t> LogSession::visibleSeries() const {
    std::vector<size_t> out;
    const size_t n = timeline_.seriesCount();
    for (size_t i = 0; i < n; ++i)
        if (isSeriesVisible(i) && timeline_.series(i).size() > 0) out.push_back(i);
    return out;
}

model::TimeRange LogSession::fullRange() const {
    double from = INFINITY, to = -INFINITY;
    for (size_t i : visibleSeries()) {
        const model::Series& s = timeline_.series(i);
        from = std::min(from, s.sortTimeMs(0));
        to = std::max(to, s.sortTimeMs(s.size() - 1));
    }
    if (!(from <= to)) return {0, 1};
    if (from == to) return {from - 0.5, to + 0.5};  // one GC: a range the axes can show
    return {from, to};
}

model::TimeRange LogSession::visibleRange() const { return visible_; }

void LogSession::setVisibleRange(model::TimeRange range) {
    if (!(range.from_ms < range.to_ms)) return;
    zoomed_ = true;
    setLive(false);
    showRange(range);
}

void LogSession::resetZoom() {
    zoomed_ = false;
    setLive(true);
    showRange(fullRange());
}

void LogSession::jumpToLive() {
    const model::TimeRange full = fullRange();
    const double width = visible_.to_ms - visible_.from_ms;
    if (!zoomed_ || width >= full.to_ms - full.from_ms) {
        resetZoom();
        return;
    }
    setLive(true);
    showRange({full.to_ms - width, full.to_ms});
}

void LogSession::showRange(model::TimeRange range) {
    if (range.from_ms == visible_.from_ms && range.to_ms == visible_.to_ms) return;
    visible_ = range;
    emit visibleRangeChanged(visible_);
}

void LogSession::setLive(bool live) {
    if (live_ == live) return;
    live_ = live;
    emit liveChanged(live_);
}

void LogSession::selectEvent(EventRef event) {
    if (event == selected_) return;
    selected_ = event;
    emit selectionChanged(selected_);
}

void LogSession::noteDataAppended() {
    if (appended_timer_.isActive()) return;  // already announced for later
    const qint64 since = last_appended_.isValid() ? last_appended_.elapsed() : kAppendedIntervalMs;
    if (since >= kAppendedIntervalMs)
        announceAppended();
    else
        appended_timer_.start(int(kAppendedIntervalMs - since));
}

void LogSession::flushAppended() {
    if (!appended_timer_.isActive()) return;
    appended_timer_.stop();
    announceAppended();
}

void LogSession::announceAppended() {
    last_appended_.start();
    announcing_ = true;
    if (live_) {
        const model::TimeRange full = fullRange();
        const double width = visible_.to_ms - visible_.from_ms;
        showRange(zoomed_ && width < full.to_ms - full.from_ms
                      ? model::TimeRange{full.to_ms - width, full.to_ms}
                      : full);
    }
    emit dataAppended();
    announcing_ = false;
}

void LogSession::noteLoadStarted(int source, const QString& path) {
    SourceInfo& info = sourceInfo(source);
    info.path = path;
    info.state = SourceInfo::State::Loading;
    emit sourcesChanged();
}

void LogSession::noteLoadProgress(int source, qint64 bytes_done, qint64 bytes_total) {
    SourceInfo& info = sourceInfo(source);
    info.bytes_done = bytes_done;
    info.bytes_total = bytes_total;
}

void LogSession::noteLoadFinished(int source, const parser::ParseStats& stats, const QString& error) {
    SourceInfo& info = sourceInfo(source);
    info.stats = stats;
    info.error = error;
    info.state = error.isEmpty() ? SourceInfo::State::Loaded : SourceInfo::State::Failed;
    emit sourcesChanged();
    flushAppended();
}

void LogSession::noteLoadCancelled(int source, const parser::ParseStats& stats) {
    SourceInfo& info = sourceInfo(source);
    info.stats = stats;
    info.state = SourceInfo::State::Cancelled;
    emit sourcesChanged();
    flushAppended();
}

bool LogSession::isLoading() const {
    return std::any_of(sources_.begin(), sources_.end(),
                       [](const SourceInfo& s) { return s.state == SourceInfo::State::Loading; });
}

bool LogSession::anyFollowing() const {
    return std::any_of(sources_.begin(), sources_.end(),
                       [](const SourceInfo& s) { return s.following; });
}

void LogSession::noteFollowChanged(int source, bool following, bool gone, const QString& message) {
    SourceInfo& info = sourceInfo(source);
    info.followable = true;
    info.following = following;
    info.gone = gone;
    info.gone_message = message;
    emit sourcesChanged();
}

void LogSession::noteGrew(int source, const parser::ParseStats& stats, qint64 bytes) {
    SourceInfo& info = sourceInfo(source);
    const bool was_live = info.isLive(QDateTime::currentMSecsSinceEpoch());
    info.stats = stats;
    info.bytes_done = info.bytes_total = bytes;
    info.grew_at_ms = QDateTime::currentMSecsSinceEpoch();
    if (!was_live) emit sourcesChanged();  // the badge appears
}

void LogSession::noteRestart(int source, const QString& kind, qint64 series, double time_ms) {
    restarts_.push_back({source, kind, series, time_ms});
}

}  // namespace gcscope::ui
