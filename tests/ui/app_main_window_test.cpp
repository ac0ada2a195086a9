// MainWindow: opening logs (arguments, drop, failures), the sources tree, recent files, settings.
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QUrl>

#include "app/app_settings.hpp"
#include "app_test_support.hpp"
#include "panels/events_table.hpp"
#include "panels/events_table_model.hpp"
#include "panels/sources_panel.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;
using test::TestWindow;

TEST(AppMainWindow, OpeningTheWorkersSampleShowsItsThreeIsolatesAndEveryEvent) {
    TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    SourcesPanel& tree = w->sources();
    ASSERT_EQ(tree.topLevelItemCount(), 1);
    QTreeWidgetItem* log = tree.topLevelItem(0);
    EXPECT_EQ(log->text(SourcesPanel::NameColumn), QStringLiteral("node22-workers-trace-gc.log"));
    EXPECT_EQ(log->text(SourcesPanel::GcsColumn), QStringLiteral("101"));
    // Read to its end and followed from there (Follow on by default); it has not grown since.
    EXPECT_EQ(log->text(SourcesPanel::StateColumn), QStringLiteral("following"));
    auto* follow = qobject_cast<QCheckBox*>(tree.itemWidget(log, SourcesPanel::FollowColumn));
    ASSERT_TRUE(follow);
    EXPECT_TRUE(follow->isChecked());
    ASSERT_EQ(log->childCount(), 3);  // main thread + 2 workers
    EXPECT_TRUE(log->child(0)->text(0).startsWith(QStringLiteral("pid 8889 · 0x")));
    EXPECT_FALSE(log->child(0)->text(0).contains(QStringLiteral("worker")));
    EXPECT_TRUE(log->child(1)->text(0).endsWith(QStringLiteral("· worker")));
    EXPECT_EQ(w->events().model().rowCount(), 101);
    EXPECT_TRUE(w->windowTitle().startsWith(QStringLiteral("node22-workers-trace-gc.log")));
    EXPECT_TRUE(w.warnings.isEmpty());
}

TEST(AppMainWindow, UncheckingAnIsolateHidesItsSeriesAndItsRows) {
    TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    QTreeWidgetItem* isolate = w->sources().topLevelItem(0)->child(1);
    const size_t series = size_t(isolate->data(0, SourcesPanel::kSeriesRole).toLongLong());
    const int rows = w->events().model().rowCount();
    const int hidden = int(w->session().timeline().series(series).size());
    isolate->setCheckState(0, Qt::Unchecked);
    QCoreApplication::processEvents();  // the table rebuilds once per burst of changes
    EXPECT_FALSE(w->session().isSeriesVisible(series));
    EXPECT_EQ(w->session().visibleSeries().size(), 2u);
    EXPECT_EQ(w->events().model().rowCount(), rows - hidden);
    // The log's own checkbox shows the mixed state, and checks them all again.
    QTreeWidgetItem* log = w->sources().topLevelItem(0);
    EXPECT_EQ(log->checkState(0), Qt::PartiallyChecked);
    log->setCheckState(0, Qt::Checked);
    QCoreApplication::processEvents();
    EXPECT_EQ(w->session().visibleSeries().size(), 3u);
    EXPECT_EQ(w->events().model().rowCount(), rows);
}

TEST(AppMainWindow, ALogsCheckboxHidesAndShowsAllItsIsolatesInOneChange) {
    TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    QTreeWidgetItem* log = w->sources().topLevelItem(0);
    const int rows = w->events().model().rowCount();
    // One change of the session, not one per isolate: every change has each view look at every
    // isolate, and a log of 20,000 isolates took seconds.
    QSignalSpy changes(&w->session(), &LogSession::seriesVisibilityChanged);
    log->setCheckState(0, Qt::Unchecked);
    QCoreApplication::processEvents();
    EXPECT_EQ(changes.count(), 1);
    EXPECT_TRUE(w->session().visibleSeries().empty());
    EXPECT_EQ(w->events().model().rowCount(), 0);
    EXPECT_EQ(log->checkState(0), Qt::Unchecked);
    for (int i = 0; i < log->childCount(); ++i)
        EXPECT_EQ(log->child(i)->checkState(0), Qt::Unchecked);

    log->setCheckState(0, Qt::Checked);
    QCoreApplication::processEvents();
    EXPECT_EQ(changes.count(), 2);
    EXPECT_EQ(w->session().visibleSeries().size(), 3u);
    EXPECT_EQ(w->events().model().rowCount(), rows);
    for (int i = 0; i < log->childCount(); ++i)
        EXPECT_EQ(log->child(i)->checkState(0), Qt::Checked);
}

TEST(AppMainWindow, DroppingTwoFilesOpensBoth) {
    TestWindow w;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(sample("node22-workers-trace-gc.log")),
                  QUrl::fromLocalFile(sample("node22-leak-trace-gc.log"))});
    const QPoint at(200, 200);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.window.get(), &drop);
    EXPECT_TRUE(drop.isAccepted());
    ASSERT_TRUE(w.waitIdle());
    ASSERT_EQ(w->session().sourceCount(), 2);
    EXPECT_TRUE(
        w->session().source(0).path.endsWith(QStringLiteral("node22-workers-trace-gc.log")));
    EXPECT_TRUE(w->session().source(1).path.endsWith(QStringLiteral("node22-leak-trace-gc.log")));
    EXPECT_EQ(w->sources().topLevelItemCount(), 2);
}

TEST(AppMainWindow, ADragWithoutLocalFilesIsRefused) {
    TestWindow w;
    QMimeData mime;
    mime.setText(QStringLiteral("not a file"));
    mime.setUrls({QUrl(QStringLiteral("https://example.com/gc.log"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QCoreApplication::sendEvent(w.window.get(), &enter);
    EXPECT_FALSE(enter.isAccepted());
    EXPECT_FALSE(w->loads().isBusy());
}

TEST(AppMainWindow, AMissingFileIsReportedAndTheOthersStillOpen) {
    TestWindow w;
    QSignalSpy failed(w.window.get(), &MainWindow::loadFailed);
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    ASSERT_TRUE(
        w.open({QStringLiteral("/nonexistent/gc.log"), sample("node22-leak-trace-gc.log")}));
    ASSERT_EQ(w.warnings.size(), 1);
    EXPECT_TRUE(w.warnings[0].contains(QStringLiteral("/nonexistent/gc.log")));
    EXPECT_TRUE(w.warnings[0].contains(QStringLiteral("no such file")));
    EXPECT_EQ(failed.count(), 1);
    // The first log is untouched, the third one opened.
    ASSERT_EQ(w->session().sourceCount(), 2);
    EXPECT_EQ(w->session().source(0).state, SourceInfo::State::Loaded);
    EXPECT_EQ(w->session().source(0).stats.gc_records, 101u);
    EXPECT_EQ(w->sources().topLevelItemCount(), 2);
    EXPECT_FALSE(w->settings().recentFiles().contains(QStringLiteral("/nonexistent/gc.log")));
}

TEST(AppMainWindow, CancelDropsTheQueuedLogs) {
    TestWindow w;
    w->openLogs({sample("node22-workers-trace-gc.log"), sample("node22-leak-trace-gc.log"),
                 sample("node22-oom-trace-gc.log")});
    EXPECT_TRUE(w->loads().isBusy());
    EXPECT_EQ(w->loads().pendingCount(), 2);
    w->loads().cancelAll();
    ASSERT_TRUE(w.waitIdle());
    EXPECT_EQ(w->session().sourceCount(), 1);
}

TEST(AppMainWindow, RecentFilesAndWindowStateAreRemembered) {
    TestWindow w;
    ASSERT_TRUE(
        w.open({sample("node22-leak-trace-gc.log"), sample("node22-workers-trace-gc.log")}));
    const QStringList recent = w->settings().recentFiles();
    ASSERT_EQ(recent.size(), 2);
    EXPECT_TRUE(
        recent[0].endsWith(QStringLiteral("/node22-workers-trace-gc.log")));  // latest first
    w->close();
    QSettings ini(w.iniPath(), QSettings::IniFormat);
    EXPECT_FALSE(ini.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    EXPECT_FALSE(ini.value(QStringLiteral("window/state")).toByteArray().isEmpty());
    EXPECT_EQ(ini.value(QStringLiteral("files/recent")).toStringList(), recent);
}

TEST(AppSettings, RecentFilesKeepTheTenLatestWithoutRepeats) {
    QTemporaryDir dir;
    AppSettings settings(
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    for (int i = 0; i < 12; ++i) settings.addRecentFile(QStringLiteral("/logs/%1.log").arg(i));
    settings.addRecentFile(QStringLiteral("/logs/5.log"));
    settings.addRecentFile(QStringLiteral("-"));  // standard input cannot be reopened
    const QStringList files = settings.recentFiles();
    ASSERT_EQ(files.size(), AppSettings::kMaxRecentFiles);
    EXPECT_EQ(files[0], QStringLiteral("/logs/5.log"));
    EXPECT_EQ(files[1], QStringLiteral("/logs/11.log"));
    EXPECT_EQ(files.count(QStringLiteral("/logs/5.log")), 1);
    EXPECT_FALSE(files.contains(QStringLiteral("/logs/0.log")));
    settings.removeRecentFile(QStringLiteral("/logs/5.log"));
    EXPECT_EQ(settings.recentFiles().first(), QStringLiteral("/logs/11.log"));
}

}  // namespace
}  // namespace gcscope::ui
