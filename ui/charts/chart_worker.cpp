#include "charts/chart_worker.hpp"

#include <memory>

namespace gcscope::ui::charts {

ChartWorker::ChartWorker(QObject* owner, std::function<Work()> snapshot)
    : owner_(owner), snapshot_(std::move(snapshot)) {
    pool_.setMaxThreadCount(1);
}

ChartWorker::~ChartWorker() {
    pool_.waitForDone();
}

void ChartWorker::request() {
    if (running_) {
        waiting_ = true;
        return;
    }
    launch();
}

void ChartWorker::cancel() {
    ++generation_;
    waiting_ = false;
}

void ChartWorker::launch() {
    running_ = true;
    waiting_ = false;
    const quint64 generation = generation_;
    pool_.start([this, work = snapshot_(), generation] {
        auto apply = std::make_shared<Apply>(work());
        // Queued to the owner: dropped by Qt if the owner is gone by then (~ChartWorker waited
        // for this function, not for the queued call).
        QMetaObject::invokeMethod(
            owner_,
            [this, apply, generation] {
                running_ = false;
                if (generation == generation_) (*apply)();
                if (waiting_) launch();
            },
            Qt::QueuedConnection);
    });
}

}  // namespace gcscope::ui::charts
