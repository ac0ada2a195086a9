// The summary panel: the visible range's statistics follow zoom and pan, the whole log's do not;
// the diagnosis and the unrecognised lines are listed.
#include "app_test_support.hpp"
#include "panels/diagnostics_view.hpp"
#include "panels/summary_panel.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;
using Row = SummaryRow;

TEST(AppSummary, ZoomingChangesTheVisibleRangeNumbersOnly) {
    test::TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    SummaryPanel& summary = w->summary();
    summary.recomputeNow();
    EXPECT_EQ(summary.text(Row::Events, SummaryPanel::VisibleColumn), QStringLiteral("101"));
    EXPECT_EQ(summary.text(Row::Events, SummaryPanel::WholeColumn), QStringLiteral("101"));
    EXPECT_EQ(summary.text(Row::PauseMax, SummaryPanel::WholeColumn), QStringLiteral("11.03 ms"));
    const QString whole_total = summary.text(Row::PauseTotal, SummaryPanel::WholeColumn);

    const model::TimeRange full = w->session().fullRange();
    w->session().setVisibleRange({full.from_ms, full.from_ms + (full.to_ms - full.from_ms) / 4});
    // The panel recomputes after its coalescing delay.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return summary.text(Row::Events, SummaryPanel::VisibleColumn) != QStringLiteral("101");
        },
        2000));
    const int zoomed = summary.text(Row::Events, SummaryPanel::VisibleColumn).toInt();
    EXPECT_GT(zoomed, 0);
    EXPECT_LT(zoomed, 101);
    EXPECT_NE(summary.text(Row::PauseTotal, SummaryPanel::VisibleColumn), whole_total);
    EXPECT_EQ(summary.text(Row::Events, SummaryPanel::WholeColumn), QStringLiteral("101"));
    EXPECT_EQ(summary.text(Row::PauseTotal, SummaryPanel::WholeColumn), whole_total);

    w->session().resetZoom();
    summary.recomputeNow();
    EXPECT_EQ(summary.text(Row::Events, SummaryPanel::VisibleColumn), QStringLiteral("101"));
}

TEST(AppSummary, ALoadedLogIsSummarisedWithoutBeingAsked) {
    test::TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    SummaryPanel& summary = w->summary();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return summary.text(Row::Events, SummaryPanel::WholeColumn) == QStringLiteral("101");
        },
        5000));
    EXPECT_EQ(summary.text(Row::Events, SummaryPanel::VisibleColumn), QStringLiteral("101"));
}

TEST(AppSummary, StatisticsOfALogStillLoadingSayTheyAreOfTheLogSoFar) {
    LogSession session;
    SummaryPanel summary(session);
    session.noteLoadStarted(0, QStringLiteral("service.log"));
    summary.recomputeNow();
    EXPECT_EQ(summary.title(SummaryPanel::WholeColumn), QStringLiteral("Whole log so far"));
    // The end of the load brings the final statistics without waiting for more data.
    session.noteLoadFinished(0, parser::ParseStats{}, QString());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return summary.title(SummaryPanel::WholeColumn) == QStringLiteral("Whole log");
        },
        5000));
}

TEST(AppSummary, ArrivingDataIsSummarisedLessOftenThanTheUsersChanges) {
    using Cause = SummaryPanel::Cause;
    // The user's changes wait as long as the last computation took (at most half the time)...
    EXPECT_EQ(SummaryPanel::delayMs(Cause::User, 0), SummaryPanel::kCoalesceMs);
    EXPECT_EQ(SummaryPanel::delayMs(Cause::User, 300), 300);
    EXPECT_EQ(SummaryPanel::delayMs(Cause::User, 5000), 5000);
    // ...data four times as long (at most a fifth), and never more than two seconds.
    EXPECT_EQ(SummaryPanel::delayMs(Cause::Data, 5), SummaryPanel::kCoalesceMs);
    EXPECT_EQ(SummaryPanel::delayMs(Cause::Data, 300), 1200);
    EXPECT_EQ(SummaryPanel::delayMs(Cause::Data, 5000), 2000);
}

TEST(AppSummary, ALeakingLogIsDiagnosed) {
    test::TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-leak-trace-gc.log")}));
    w->summary().recomputeNow();
    const QStringList whole = w->summary().findings(SummaryPanel::WholeColumn);
    ASSERT_FALSE(whole.isEmpty());
    EXPECT_TRUE(
        whole.join(QLatin1Char('\n')).contains(QStringLiteral("live set"), Qt::CaseInsensitive))
        << whole.join(QLatin1Char('\n')).toStdString();
    EXPECT_NE(w->summary().text(Row::LiveSetTrend, SummaryPanel::WholeColumn), QStringLiteral("—"));
}

TEST(AppDiagnostics, UnrecognisedLinesAreListedWithTheirLineNumbers) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mixed.log"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "server listening on :8080\n"
        "[8889:0x7b03000]       32 ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, 0.72 / 0.00 ms  "
        "(average mu = 1.000, current mu = 1.000) allocation failure; \n"
        "GET /health 200 \x01OK\n");
    file.close();
    test::TestWindow w;
    ASSERT_TRUE(w.open({path}));
    DiagnosticsView& view = w->diagnostics();
    ASSERT_EQ(view.topLevelItemCount(), 1);
    QTreeWidgetItem* log = view.topLevelItem(0);
    EXPECT_TRUE(log->text(DiagnosticsView::TextColumn).contains(QStringLiteral("3 lines")));
    EXPECT_TRUE(log->text(DiagnosticsView::TextColumn).contains(QStringLiteral("2 unrecognised")));
    ASSERT_EQ(log->childCount(), 2);
    EXPECT_EQ(log->child(0)->text(DiagnosticsView::LineColumn), QStringLiteral("1"));
    EXPECT_EQ(log->child(0)->text(DiagnosticsView::TextColumn),
              QStringLiteral("server listening on :8080"));
    EXPECT_EQ(log->child(1)->text(DiagnosticsView::LineColumn), QStringLiteral("3"));
    // A control character is shown, not sent to the screen (the parser already drops ANSI colours).
    EXPECT_TRUE(
        log->child(1)->text(DiagnosticsView::TextColumn).contains(QStringLiteral("200 \\x01OK")))
        << log->child(1)->text(DiagnosticsView::TextColumn).toStdString();
}

}  // namespace
}  // namespace gcscope::ui
