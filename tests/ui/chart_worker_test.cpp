// ChartWorker: a chart's computation on a worker thread, its result applied on the GUI thread,
// one at a time, stale results dropped.
#include "charts/chart_worker.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

namespace gcscope::ui::charts {
namespace {

/// Work whose computation waits until release() (so a test can act while it runs), counting
/// snapshots, computations and applications and where they ran.
struct Probe {
    std::atomic<bool> released{true};
    std::atomic<int> computed{0};
    int snapshots = 0;
    int applied = 0;
    int last_applied_input = -1;
    int input = 0;  ///< what the next snapshot captures
    std::atomic<bool> computed_off_gui{false};
    bool applied_on_gui = false;

    ChartWorker::Work snapshot() {
        ++snapshots;
        return [this, captured = input] {
            while (!released.load()) QThread::msleep(1);
            computed_off_gui = QThread::currentThread() != qApp->thread();
            ++computed;
            return [this, captured] {
                applied_on_gui = QThread::currentThread() == qApp->thread();
                ++applied;
                last_applied_input = captured;
            };
        };
    }
};

TEST(ChartWorker, ComputesOnAWorkerAndAppliesOnTheGuiThread) {
    QObject owner;
    Probe probe;
    ChartWorker worker(&owner, [&] { return probe.snapshot(); });
    probe.input = 7;
    worker.request();
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe.applied == 1; }, 5000));
    EXPECT_TRUE(probe.computed_off_gui);
    EXPECT_TRUE(probe.applied_on_gui);
    EXPECT_EQ(probe.last_applied_input, 7);
    EXPECT_FALSE(worker.busy());
}

TEST(ChartWorker, RequestsWhileBusyMakeOneMoreComputationWithTheNewestInputs) {
    QObject owner;
    Probe probe;
    ChartWorker worker(&owner, [&] { return probe.snapshot(); });
    probe.released = false;
    worker.request();
    EXPECT_TRUE(worker.busy());
    for (int k = 1; k <= 5; ++k) {
        probe.input = k;
        worker.request();
    }
    EXPECT_EQ(probe.snapshots, 1);  // the waiting request takes its snapshot when it starts
    probe.released = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe.applied == 2; }, 5000));
    QTest::qWait(20);
    EXPECT_EQ(probe.applied, 2);
    EXPECT_EQ(probe.snapshots, 2);
    EXPECT_EQ(probe.last_applied_input, 5);
}

TEST(ChartWorker, CancelDropsTheRunningResultAndTheWaitingRequest) {
    QObject owner;
    Probe probe;
    ChartWorker worker(&owner, [&] { return probe.snapshot(); });
    probe.released = false;
    worker.request();
    worker.request();  // waiting
    worker.cancel();   // a redraw on the GUI thread made both stale
    probe.released = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return !worker.busy(); }, 5000));
    QTest::qWait(20);
    EXPECT_EQ(probe.computed, 1);
    EXPECT_EQ(probe.applied, 0);
    // Later requests are applied again.
    worker.request();
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe.applied == 1; }, 5000));
}

TEST(ChartWorker, OwnerDestroyedWhileComputingAppliesNothing) {
    Probe probe;
    probe.released = false;
    {
        auto owner = std::make_unique<QObject>();
        ChartWorker worker(owner.get(), [&] { return probe.snapshot(); });
        worker.request();
        probe.released = true;  // finishes while ~ChartWorker waits
    }
    QCoreApplication::processEvents();
    QTest::qWait(20);
    EXPECT_EQ(probe.computed, 1);
    EXPECT_EQ(probe.applied, 0);
}

}  // namespace
}  // namespace gcscope::ui::charts
