// Following a log that is still being written, in the app: appended events reach the model and
// the charts, a view the user moved stays where they put it, truncation is marked, the Follow
// toggle and a deleted path show in the sources list.
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>

#include "app_test_support.hpp"
#include "charts/dashboard.hpp"
#include "charts/pause_chart.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "panels/diagnostics_view.hpp"
#include "panels/events_table.hpp"
#include "panels/live_indicator.hpp"
#include "panels/summary_panel.hpp"
#include "panels/sources_panel.hpp"
#include "session/log_loader.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;
using test::TestWindow;

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void append(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::Append));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

/// GC events of a one-shot parse of `bytes` (what following them must end with).
uint64_t oneShotEvents(const QByteArray& bytes) {
    model::Timeline timeline;
    timeline.addSource("one-shot");
    parser::StreamParser parser(timeline);
    parser.feed(std::string_view(bytes.constData(), size_t(bytes.size())));
    parser.finish();
    return timeline.eventCount();
}

charts::PauseChart* pauseChart(TestWindow& w) {
    for (charts::ChartView* c : w->dashboard().charts())
        if (auto* p = qobject_cast<charts::PauseChart*>(c)) return p;
    return nullptr;
}

int pausePoints(charts::PauseChart& chart) {
    int n = 0;
    for (int f = 0; f < charts::kCollectorFamilies; ++f)
        n += chart.familySeries(charts::CollectorFamily(f))->count();
    return n;
}

/// A followed copy of a sample log: the first `head_lines` lines written before it is opened.
struct GrowingLog {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("gc.log"));
    QList<QByteArray> lines;
    int written = 0;

    GrowingLog(const char* sample_name, int head_lines) {
        lines = readAll(sample(sample_name)).split('\n');
        lines.removeLast();  // after the final newline
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        for (; written < std::min<int>(head_lines, int(lines.size())); ++written) f.write(lines[written] + '\n');
    }
    QByteArray rest() {
        QByteArray out;
        for (; written < lines.size(); ++written) out += lines[written] + '\n';
        return out;
    }
};

TEST(AppFollow, AppendedLinesInRandomPiecesReachTheModelAndTheCharts) {
    GrowingLog log("node22-workers-trace-gc.log", 40);
    TestWindow w;
    w->show();
    ASSERT_TRUE(w.open({log.path}));
    const uint64_t before = w->session().timeline().eventCount();
    ASSERT_GT(before, 0u);
    ASSERT_LT(before, 101u);
    charts::PauseChart* pause = pauseChart(w);
    ASSERT_TRUE(pause);
    pause->redrawNow();
    const int points_before = pausePoints(*pause);

    // The rest in random pieces, split mid-line, as a writer flushing at odd moments does.
    const QByteArray rest = log.rest();
    QRandomGenerator rng(42);
    for (qsizetype at = 0; at < rest.size();) {
        const qsizetype n = std::min<qsizetype>(rest.size() - at, 1 + rng.bounded(700));
        append(log.path, rest.mid(at, n));
        at += n;
        QTest::qWait(int(rng.bounded(20)));
    }
    const uint64_t expected = oneShotEvents(readAll(log.path));
    EXPECT_EQ(expected, 101u);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return w->session().timeline().eventCount() == expected; }, 5000));
    // Charts follow within their coalescing delay, without being asked.
    EXPECT_TRUE(QTest::qWaitFor([&] { return pausePoints(*pause) > points_before; }, 2000));
    EXPECT_EQ(w->session().timeline().seriesCount(), 3u);
    // Not zoomed: the view tracks the newest data (once the coalesced announcement is out).
    EXPECT_TRUE(w->session().isLive());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return w->session().visibleRange().to_ms == w->session().fullRange().to_ms; },
        1000));
    // The log grew a moment ago: the live badge is on, in the list and the status bar.
    QTreeWidgetItem* item = w->sources().topLevelItem(0);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return item->text(SourcesPanel::StateColumn).endsWith(QStringLiteral("live")); },
        2000));
    EXPECT_TRUE(w->liveIndicator().badgeShown());
    EXPECT_FALSE(w->liveIndicator().jumpShown());
    EXPECT_TRUE(w.warnings.isEmpty());
}

TEST(AppFollow, AViewTheUserScrolledBackStaysWhileDataArrives) {
    GrowingLog log("node22-workers-trace-gc.log", 60);
    TestWindow w;
    w->show();
    ASSERT_TRUE(w.open({log.path}));
    LogSession& session = w->session();
    const model::TimeRange full = session.fullRange();
    const model::TimeRange back{full.from_ms, full.from_ms + (full.to_ms - full.from_ms) / 3};
    session.setVisibleRange(back);  // what a zoom or a pan does
    EXPECT_FALSE(session.isLive());

    append(log.path, log.rest());
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.timeline().eventCount() == 101u; }, 5000));
    // The events table counts the new events (its rows stay: the range did not move) once the
    // session announced them: from then on the view must still be where the user put it.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return w->events().countText().endsWith(QStringLiteral(" of 101 events")); }, 2000))
        << w->events().countText().toStdString();
    EXPECT_EQ(session.visibleRange().from_ms, back.from_ms);
    EXPECT_EQ(session.visibleRange().to_ms, back.to_ms);
    EXPECT_GT(session.fullRange().to_ms, full.to_ms);  // data did arrive
    // The statistics of the whole log keep up.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return w->summary().text(SummaryRow::Events, SummaryPanel::WholeColumn) ==
                   QStringLiteral("101");
        },
        3000));

    // "Jump to live" shows the newest data at the same width, and follows it again.
    LiveIndicator& live = w->liveIndicator();
    ASSERT_TRUE(live.jumpShown());
    live.jumpButton()->click();
    EXPECT_TRUE(session.isLive());
    EXPECT_EQ(session.visibleRange().to_ms, session.fullRange().to_ms);
    EXPECT_DOUBLE_EQ(session.visibleRange().to_ms - session.visibleRange().from_ms,
                     back.to_ms - back.from_ms);
    EXPECT_FALSE(live.jumpShown());
}

TEST(AppFollow, TruncationIsMarkedAsARestartAndReadFromTheStart) {
    GrowingLog log("node22-workers-trace-gc.log", 1000);  // all of it
    TestWindow w;
    ASSERT_TRUE(w.open({log.path}));
    const uint64_t before = w->session().timeline().eventCount();
    // logrotate copytruncate: the file is emptied, the writer goes on from the start.
    {
        QFile f(log.path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(log.lines[0] + '\n' + log.lines[1] + '\n');
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w->session().restarts().empty(); }, 5000));
    EXPECT_EQ(w->session().restarts().front().kind, QStringLiteral("truncated"));
    EXPECT_GT(w->session().timeline().eventCount(), before);
    charts::PauseChart* pause = pauseChart(w);
    pause->redrawNow();
    EXPECT_EQ(pause->restartMarkers().size(), 1);
}

TEST(AppFollow, ARotatedLogIsReadToItsEndThenTheNewFileFromItsStart) {
    GrowingLog log("node22-workers-trace-gc.log", 50);
    TestWindow w;
    ASSERT_TRUE(w.open({log.path}));
    // logrotate `create`: the writer's last lines land in the old file after the rename, the
    // rest in a new file of the same name.
    const QString rotated = log.path + QStringLiteral(".1");
    ASSERT_TRUE(QFile::rename(log.path, rotated));
    const QByteArray rest = log.rest();
    const qsizetype split = rest.indexOf('\n', rest.size() / 2) + 1;
    append(rotated, rest.left(split));
    {
        QFile f(log.path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(rest.mid(split));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return w->session().timeline().eventCount() == 101u; }, 5000))
        << w->session().timeline().eventCount();
    // The marker comes through the loader's queued signal, after the events are in the model.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w->session().restarts().empty(); }, 2000));
    EXPECT_EQ(w->session().restarts().size(), 1u);
    EXPECT_EQ(w->session().restarts().front().kind, QStringLiteral("rotated"));
    EXPECT_FALSE(w->session().source(0).gone);
}

TEST(AppFollow, UnrecognisedLinesWrittenLaterAreListed) {
    GrowingLog log("node22-workers-trace-gc.log", 20);
    TestWindow w;
    ASSERT_TRUE(w.open({log.path}));
    DiagnosticsView& diagnostics = w->diagnostics();
    ASSERT_EQ(diagnostics.topLevelItemCount(), 1);
    const int before = diagnostics.topLevelItem(0)->childCount();
    append(log.path, "Server listening on port 3000\n" + log.lines[20] + '\n');
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return diagnostics.topLevelItem(0)->childCount() == before + 1; }, 5000));
    QTreeWidgetItem* added = diagnostics.topLevelItem(0)->child(before);
    EXPECT_EQ(added->text(DiagnosticsView::LineColumn), QStringLiteral("21"));
    EXPECT_EQ(added->text(DiagnosticsView::TextColumn), QStringLiteral("Server listening on port 3000"));
    // A record alone only updates the counts.
    append(log.path, log.lines[21] + '\n');
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return diagnostics.topLevelItem(0)->text(DiagnosticsView::TextColumn).startsWith(
                QStringLiteral("23 lines"));
        },
        5000))
        << diagnostics.topLevelItem(0)->text(DiagnosticsView::TextColumn).toStdString();
}

TEST(AppFollow, TheFollowToggleStopsAndResumesReading) {
    GrowingLog log("node22-workers-trace-gc.log", 50);
    TestWindow w;
    ASSERT_TRUE(w.open({log.path}));
    LogSession& session = w->session();
    const uint64_t before = session.timeline().eventCount();
    session.requestFollow(0, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.source(0).following; }, 2000));
    EXPECT_FALSE(session.anyFollowing());
    append(log.path, log.rest());
    QTest::qWait(3 * LogLoader::kPollIntervalMs);
    EXPECT_EQ(session.timeline().eventCount(), before);
    EXPECT_EQ(w->sources().topLevelItem(0)->text(SourcesPanel::StateColumn), QStringLiteral("loaded"));

    session.requestFollow(0, true);  // reads what was written meanwhile
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.timeline().eventCount() == 101u; }, 5000));
}

TEST(AppFollow, ADeletedLogIsShownGoneAndResumesWhenItComesBack) {
    GrowingLog log("node22-workers-trace-gc.log", 30);
    TestWindow w;
    ASSERT_TRUE(w.open({log.path}));
    const uint64_t before = w->session().timeline().eventCount();
    ASSERT_TRUE(QFile::remove(log.path));
    QTreeWidgetItem* item = w->sources().topLevelItem(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return w->session().source(0).gone; }, 5000));
    EXPECT_TRUE(item->text(SourcesPanel::StateColumn).startsWith(QStringLiteral("gone: ")));
    EXPECT_EQ(w->session().timeline().eventCount(), before);  // what was read stays

    // Back as a new file: read from its start, a restart in the series.
    {
        QFile f(log.path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(log.lines[0] + '\n' + log.lines[1] + '\n' + log.lines[2] + '\n');
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w->session().source(0).gone; }, 5000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return w->session().timeline().eventCount() > before; }, 5000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w->session().restarts().empty(); }, 2000));
    EXPECT_EQ(w->session().restarts().size(), 1u);
    EXPECT_EQ(w->session().restarts().front().kind, QStringLiteral("re-created"));
    EXPECT_TRUE(w.warnings.isEmpty());
}

}  // namespace
}  // namespace gcscope::ui
