// The logs panel keeps up with arriving data: at once while refreshing is cheap, paced when it is
// slow (tens of thousands of isolates), and always at once when a load ends.
#include "panels/sources_panel.hpp"

#include <gtest/gtest.h>

#include <QFile>
#include <QTest>

#include "gcscope/parser/stream_parser.hpp"
#include "panels/display_format.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

QByteArray sample(const char* name) {
    QFile file(QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR "/") + QLatin1String(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

QString shownCount(const SourcesPanel& panel) {
    return panel.topLevelItem(0)->text(SourcesPanel::GcsColumn);
}

TEST(SourcesPanel, ArrivingDataIsPacedWhenRefreshesAreSlowAndTheEndOfALoadIsNot) {
    LogSession session;
    SourcesPanel panel(session);
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
    EXPECT_EQ(shownCount(panel), formatCount(first));

    // Paced (as after a slow refresh): the next data waits for the panel's timer. What the panel
    // shows is read when the session announces the data, after the panel's own slot ran.
    panel.setPacedFromMs(0);
    QString shown_when_announced;
    bool pending_when_announced = false;
    QObject::connect(&session, &LogSession::dataAppended, &panel, [&] {
        shown_when_announced = shownCount(panel);
        pending_when_announced = panel.refreshPending();
    });
    parser.feed(all.substr(all.size() / 3, all.size() / 3));
    session.noteDataAppended();  // announced within the session's 100 ms interval
    const uint64_t second = timeline.eventCount();
    ASSERT_GT(second, first);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shown_when_announced.isEmpty(); }, 5000));
    EXPECT_EQ(shown_when_announced, formatCount(first));
    EXPECT_TRUE(pending_when_announced);
    EXPECT_TRUE(QTest::qWaitFor([&] { return shownCount(panel) == formatCount(second); }, 5000));

    // The end of a load is shown at once, paced or not.
    parser.feed(all.substr(2 * (all.size() / 3)));
    parser.finish();
    session.noteLoadFinished(int(source), parser.stats(), QString());
    EXPECT_EQ(shownCount(panel), formatCount(timeline.eventCount()));
}

}  // namespace
}  // namespace gcscope::ui
