#include "session/log_session.hpp"

#include <algorithm>
#include <cmath>

namespace gcscope::ui {

LogSession::LogSession(QObject* parent) : QObject(parent) {}

SourceInfo& LogSession::sourceInfo(int source) {
    if (size_t(source) >= sources_.size()) sources_.resize(size_t(source) + 1);
    return sources_[size_t(source)];
}

bool LogSession::isSeriesVisible(size_t series) const {
    return series >= hidden_.size() || !hidden_[series];
}

void LogSession::setSeriesVisible(size_t series, bool visible) {
    if (isSeriesVisible(series) == visible) return;
    if (series >= hidden_.size()) hidden_.resize(series + 1, 0);
    hidden_[series] = !visible;
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
    if (range.from_ms == visible_.from_ms && range.to_ms == visible_.to_ms) return;
    visible_ = range;
    emit visibleRangeChanged(visible_);
}

void LogSession::resetZoom() {
    setVisibleRange(fullRange());
    zoomed_ = false;
}

void LogSession::selectEvent(EventRef event) {
    if (event == selected_) return;
    selected_ = event;
    emit selectionChanged(selected_);
}

void LogSession::noteDataAppended() {
    if (!zoomed_) {
        const model::TimeRange full = fullRange();
        if (full.from_ms != visible_.from_ms || full.to_ms != visible_.to_ms) {
            visible_ = full;
            emit visibleRangeChanged(visible_);
        }
    }
    emit dataAppended();
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
}

void LogSession::noteLoadCancelled(int source, const parser::ParseStats& stats) {
    SourceInfo& info = sourceInfo(source);
    info.stats = stats;
    info.state = SourceInfo::State::Cancelled;
    emit sourcesChanged();
}

}  // namespace gcscope::ui
