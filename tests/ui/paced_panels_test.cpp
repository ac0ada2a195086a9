// The logs panel and the events table keep up with arriving data: at once while refreshing is
// cheap, paced when it is slow (tens of thousands of isolates, millions of rows), and always at
// once when a load ends.
#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <functional>

#include "gcscope/parser/stream_parser.hpp"
#include "panels/events_table.hpp"
#include "panels/events_table_model.hpp"
#include "panels/sources_panel.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

QByteArray sample(const char* name) {
    QFile file(QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR "/") + QLatin1String(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

/// A panel under test: how many GCs it shows, whether a paced refresh waits, and how to make
/// every refresh paced (as after a slow one).
struct PacedPanel {
    std::function<uint64_t()> shown;
    std::function<bool()> pending;
    std::function<void()> paceAlways;
};

/// Loads a sample in three parts, the second announced while the panel is paced.
void checkPacing(LogSession& session, const PacedPanel& panel) {
    model::Timeline& timeline = session.timeline();
    const uint32_t source = timeline.addSource("workers.log");
    session.noteLoadStarted(int(source), QStringLiteral("workers.log"));
    parser::StreamParser parser(timeline);
    const QByteArray bytes = sample("node22-workers-trace-gc.log");
    const std::string_view all(bytes.constData(), size_t(bytes.size()));

    // Cheap refreshes: arriving data shows at once.
    parser.feed(all.substr(0, all.size() / 3));
    session.noteDataAppended();
    const uint64_t first = timeline.eventCount();
    ASSERT_GT(first, 0u);
    EXPECT_EQ(panel.shown(), first);

    // Paced (as after a slow refresh): the next data waits for the panel's timer. What the panel
    // shows is read when the session announces the data, after the panel's own slot ran.
    panel.paceAlways();
    uint64_t shown_when_announced = 0;
    bool pending_when_announced = false;
    QObject::connect(&session, &LogSession::dataAppended, [&] {
        shown_when_announced = panel.shown();
        pending_when_announced = panel.pending();
    });
    parser.feed(all.substr(all.size() / 3, all.size() / 3));
    session.noteDataAppended();  // announced within the session's 100 ms interval
    const uint64_t second = timeline.eventCount();
    ASSERT_GT(second, first);
    ASSERT_TRUE(QTest::qWaitFor([&] { return shown_when_announced != 0; }, 5000));
    EXPECT_EQ(shown_when_announced, first);
    EXPECT_TRUE(pending_when_announced);
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel.shown() == second; }, 5000));

    // The end of a load is shown at once, paced or not.
    parser.feed(all.substr(2 * (all.size() / 3)));
    parser.finish();
    session.noteLoadFinished(int(source), parser.stats(), QString());
    EXPECT_EQ(panel.shown(), timeline.eventCount());
}

TEST(PacedPanels, TheLogsPanelPacesArrivingDataWhenSlowButNotTheEndOfALoad) {
    LogSession session;
    SourcesPanel panel(session);
    checkPacing(session, {.shown = [&] { return panel.topLevelItem(0)->text(SourcesPanel::GcsColumn)
                                                    .remove(QLatin1Char(','))
                                                    .toULongLong(); },
                          .pending = [&] { return panel.refreshPending(); },
                          .paceAlways = [&] { panel.setPacedFromMs(0); }});
}

TEST(PacedPanels, TheEventsTablePacesArrivingRowsWhenSlowButNotTheEndOfALoad) {
    LogSession session;
    EventsTable table(session);
    checkPacing(session, {.shown = [&] { return uint64_t(table.model().rowCount()); },
                          .pending = [&] { return table.rowsPending(); },
                          .paceAlways = [&] { table.setPacedFromMs(0); }});
}

TEST(PacedPanels, TheEventsTableTakesInALargeGrowthASliceAtATime) {
    // Millions of rows inserted at once held the GUI thread for over 0.1 s: they come in slices,
    // one per turn of the event loop, until the table has every event.
    LogSession session;
    EventsTable table(session);
    table.setMaxNewRowsPerUpdate(10);
    QSignalSpy inserted(&table.model(), &QAbstractItemModel::rowsInserted);
    model::Timeline& timeline = session.timeline();
    const uint32_t source = timeline.addSource("workers.log");
    session.noteLoadStarted(int(source), QStringLiteral("workers.log"));
    parser::StreamParser parser(timeline);
    const QByteArray bytes = sample("node22-workers-trace-gc.log");
    parser.feed(std::string_view(bytes.constData(), size_t(bytes.size())));
    parser.finish();
    session.noteDataAppended();
    EXPECT_EQ(table.model().rowCount(), 10);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return uint64_t(table.model().rowCount()) == timeline.eventCount(); }, 5000));
    // 101 events in slices of at most 10 (a slice across two isolates is two insertions).
    EXPECT_GE(inserted.count(), 11);
    for (const QList<QVariant>& args : inserted) EXPECT_LE(args[2].toInt() - args[1].toInt() + 1, 10);
    // The rows are as one insertion would have made them: each isolate's events in log order,
    // isolate after isolate.
    EventRef previous = table.model().eventAt(0);
    EXPECT_EQ(previous.index, 0);
    for (int r = 1; r < table.model().rowCount(); ++r) {
        const EventRef e = table.model().eventAt(r);
        if (e.series == previous.series) {
            ASSERT_EQ(e.index, previous.index + 1) << r;
        } else {
            ASSERT_GT(e.series, previous.series) << r;
            ASSERT_EQ(e.index, 0) << r;
        }
        previous = e;
    }
}

}  // namespace
}  // namespace gcscope::ui
