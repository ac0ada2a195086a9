// Computing a chart's data on a worker thread. A chart of tens of thousands of isolates spends
// 100-250 ms per redraw walking their events; on the GUI thread that froze the window for as long,
// several times a second while a large log loaded.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace gcscope::ui::charts {

/// One computation at a time for one chart (or the events table's sort). A request while one
/// runs waits for it; several waiting requests make one computation, with the inputs of the
/// moment it starts.
///
/// Threading rule: the snapshot and the result's application run on the owner's (GUI) thread;
/// the work between them runs on the worker and may read only the Timeline (its reading rule
/// allows that beside the loader) and what the snapshot captured by value.
class ChartWorker {
  public:
    /// What to do with a result, on the GUI thread.
    using Apply = std::function<void()>;
    /// The work itself, on the worker: returns how to apply its result.
    using Work = std::function<Apply()>;

    /// `snapshot` runs on the GUI thread when a computation can start and returns its work.
    ChartWorker(QObject* owner, std::function<Work()> snapshot);
    /// Waits for a running computation (whose result is then dropped with the owner).
    ~ChartWorker();

    /// Computes now, or as soon as the running computation is done.
    void request();
    /// The running computation's result is not applied, and a waiting request is dropped: the
    /// chart has just been rebuilt on the GUI thread from newer inputs.
    void cancel();
    bool busy() const { return running_; }

  private:
    void launch();

    QObject* owner_;
    std::function<Work()> snapshot_;
    QThreadPool pool_;
    bool running_ = false;
    bool waiting_ = false;
    quint64 generation_ = 0;  ///< results of an older generation are dropped
};

/// The usual work of a chart: `compute(job)` on the worker, timed, then `apply(job, result, ms)`
/// on the GUI thread. `compute` may read only the Timeline and the job (see the threading rule).
template <class Job, class Compute, class ApplyResult>
ChartWorker::Work timedWork(Job job, Compute compute, ApplyResult apply) {
    return [job = std::move(job), compute, apply]() -> ChartWorker::Apply {
        QElapsedTimer took;
        took.start();
        auto result = std::make_shared<decltype(compute(job))>(compute(job));
        return [job, result, apply, ms = took.elapsed()] { apply(job, std::move(*result), ms); };
    };
}

}  // namespace gcscope::ui::charts
