// Pacing a view's refresh while a large log loads: data is announced ten times a second, and a
// view whose refresh has become slow (tens of thousands of isolates, millions of table rows)
// would otherwise spend most of the GUI thread's time refreshing, back to back with the charts.
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <utility>

#include "session/slow_turn.hpp"

namespace gcscope::ui {

/// Runs `refresh` when data arrives: at once while a refresh is cheap; once one has taken
/// pacedFromMs() or more, the next waits kCostFactor times as long as the last one took (at most
/// kMaxDelayMs), so a slow view takes at most a fifth of the GUI thread, and not in a turn of the
/// event loop where other slow work ran (slow_turn). runNow() is for what must show at once (the
/// end of a load, a click).
class RefreshPacer {
  public:
    static constexpr qint64 kSlowMs = 10;
    static constexpr qint64 kCostFactor = 4;
    static constexpr qint64 kMaxDelayMs = 1000;

    /// `name` names the pacer's timer (profiles and the GUI-load benchmark list slow events by it).
    RefreshPacer(const QString& name, std::function<void()> refresh) : refresh_(std::move(refresh)) {
        timer_.setObjectName(name);
        timer_.setSingleShot(true);
        QObject::connect(&timer_, &QTimer::timeout, [this] { runWhenTurnIsFree(); });
    }

    /// Data arrived.
    void request() {
        if (last_ms_ < paced_from_ms_) {
            runWhenTurnIsFree();
        } else if (!timer_.isActive()) {
            timer_.start(int(std::min(kCostFactor * last_ms_, kMaxDelayMs)));
        }
    }
    /// Refreshes now; a paced refresh still waiting is no longer needed.
    void runNow() {
        timer_.stop();
        QElapsedTimer took;
        took.start();
        refresh_();
        last_ms_ = took.elapsed();
        slow_turn::note(last_ms_);
    }

    /// Work the last refresh started off the GUI thread (a sort on a worker) took `ms`: the next
    /// refresh is paced by it as by the refresh's own time.
    void noteCost(qint64 ms) { last_ms_ = std::max(last_ms_, ms); }

    bool pending() const { return timer_.isActive(); }
    /// Pacing starts once a refresh took `ms` (kSlowMs by default; 0: always paced).
    void setPacedFromMs(qint64 ms) { paced_from_ms_ = ms; }

  private:
    void runWhenTurnIsFree() {
        if (slow_turn::taken()) {
            timer_.start(0);
        } else {
            runNow();
        }
    }

    std::function<void()> refresh_;
    QTimer timer_;
    qint64 last_ms_ = 0;
    qint64 paced_from_ms_ = kSlowMs;
};

}  // namespace gcscope::ui
