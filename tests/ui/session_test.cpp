// LogLoader + LogSession on a real sample log: the worker thread fills the model, the session
// follows it.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>
#include <vector>

#include "session/log_loader.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

const QString kSamples = QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR);

TEST(LogLoader, LoadsASampleLogIntoTheSessionOnItsThread) {
    LogSession session;
    LogLoader loader(session);
    QSignalSpy finished(&loader, &LogLoader::finished);
    QMetaObject::invokeMethod(&loader, "open", Q_ARG(QString, kSamples + QStringLiteral("/node22-workers-trace-gc.log")));
    // The signal comes from another thread and may fire before a QSignalSpy::wait() begins.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000));
    QCoreApplication::processEvents();  // deliver the queued notes to the session
    EXPECT_EQ(session.sourceCount(), 1);
    EXPECT_EQ(session.source(0).state, SourceInfo::State::Loaded);
    EXPECT_EQ(session.source(0).stats.gc_records, 101u);
    EXPECT_EQ(session.timeline().seriesCount(), 3u);  // main thread + 2 workers
    EXPECT_EQ(session.visibleSeries().size(), 3u);
    EXPECT_FALSE(session.isZoomed());
    const model::TimeRange full = session.fullRange();
    EXPECT_EQ(session.visibleRange().from_ms, full.from_ms);
    EXPECT_EQ(session.visibleRange().to_ms, full.to_ms);
}

TEST(LogLoader, AFileThatCannotBeOpenedChangesNothing) {
    LogSession session;
    LogLoader loader(session);
    QSignalSpy failed(&loader, &LogLoader::failed);
    QTemporaryDir dir;
    QMetaObject::invokeMethod(&loader, "open", Q_ARG(QString, dir.path()));
    // The signal comes from another thread and may fire before a QSignalSpy::wait() begins.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 5000));
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QStringLiteral("is a directory")));
    QCoreApplication::processEvents();
    EXPECT_EQ(session.sourceCount(), 0);
    EXPECT_EQ(session.timeline().seriesCount(), 0u);
}

TEST(LogSession, ZoomAndResetAndHiddenSeries) {
    LogSession session;
    LogLoader loader(session);
    QMetaObject::invokeMethod(&loader, "open", Q_ARG(QString, kSamples + QStringLiteral("/node22-workers-trace-gc.log")));
    loader.waitUntilIdle();
    QCoreApplication::processEvents();
    QSignalSpy range(&session, &LogSession::visibleRangeChanged);
    session.setVisibleRange({100, 200});
    EXPECT_TRUE(session.isZoomed());
    EXPECT_EQ(range.count(), 1);
    session.resetZoom();
    EXPECT_FALSE(session.isZoomed());
    session.setSeriesVisible(0, false);
    EXPECT_EQ(session.visibleSeries().size(), 2u);
}

TEST(LogSession, AppendNotesAreCoalescedToAboutTenAnnouncementsASecond) {
    LogSession session;
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> announced;  // when dataAppended() came, ms
    QObject::connect(&session, &LogSession::dataAppended,
                     [&] { announced.push_back(clock.elapsed()); });
    // A writer flushing every 5 ms for half a second: a note from the loader each time.
    qint64 last_note = 0;
    for (int i = 0; i < 100; ++i) {
        session.noteDataAppended();
        last_note = clock.elapsed();
        QTest::qWait(5);
    }
    QTest::qWait(2 * LogSession::kAppendedIntervalMs);
    ASSERT_GE(announced.size(), 2u);
    EXPECT_LE(announced.front(), 5);  // the first at once
    for (size_t k = 1; k < announced.size(); ++k)  // then at most one per interval (timer slack)
        EXPECT_GE(announced[k] - announced[k - 1], LogSession::kAppendedIntervalMs - 10);
    // The last note is announced, within one interval.
    EXPECT_GE(announced.back(), last_note);
    EXPECT_LE(announced.back(), last_note + LogSession::kAppendedIntervalMs + 50);
}

}  // namespace
}  // namespace gcscope::ui
