// File → Export events as CSV: exactly the rows `gcscope-cli events` writes, minus hidden isolates.
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include "app/csv_export.hpp"
#include "app_test_support.hpp"
#include "event_writer.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray cliEvents(const QStringList& logs) {
    QProcess p;
    p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/cli/gcscope-cli"),
            QStringList{QStringLiteral("events")} + logs);
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

TEST(AppCsvExport, TheFileIsWhatGcscopeCliEventsWrites) {
    test::TestWindow w;
    const QStringList logs{sample("node22-workers-trace-gc.log"),
                           sample("node26-leak-trace-gc-nvp.log")};
    ASSERT_TRUE(w.open(logs));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("events.csv"));
    QSignalSpy done(w.window.get(), &MainWindow::csvExported);
    w->exportEventsCsv(out);
    // The signal comes from another thread and may fire before a QSignalSpy::wait() begins.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !done.isEmpty(); }, 20000));
    EXPECT_EQ(done.at(0).at(1).toString(), QString());
    const QByteArray csv = readAll(out);
    const QList<QByteArray> lines = csv.split('\n');
    std::string header;
    for (size_t i = 0; i < cli::kEventColumns.size(); ++i)
        header += (i ? "," : "") + std::string(cli::kEventColumns[i]);
    EXPECT_EQ(lines.at(0).toStdString(), header);
    EXPECT_EQ(uint64_t(csv.count('\n')), 1 + w->session().timeline().eventCount());
    const QByteArray cli = cliEvents(logs);
    ASSERT_FALSE(cli.isEmpty());
    EXPECT_TRUE(csv == cli);
}

TEST(AppCsvExport, HiddenIsolatesAreLeftOut) {
    test::TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
    w->session().setSeriesVisible(1, false);
    const uint64_t hidden = w->session().timeline().series(1).size();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("events.csv"));
    EXPECT_EQ(writeEventsCsv(csvExportRequest(w->session(), out)), QString());
    EXPECT_EQ(uint64_t(readAll(out).count('\n')), 1 + 101 - hidden);
}

TEST(AppCsvExport, ProblemsAreOneLine) {
    CsvExportRequest request;
    QTemporaryDir dir;
    request.out = dir.filePath(QStringLiteral("no/such/dir/events.csv"));
    request.logs.push_back({sample("node22-workers-trace-gc.log"), {}});
    EXPECT_TRUE(writeEventsCsv(request).contains(QStringLiteral("No such file or directory")));
    request.out = dir.filePath(QStringLiteral("events.csv"));
    request.logs.push_back({QStringLiteral("-"), {}});
    EXPECT_TRUE(writeEventsCsv(request).contains(QStringLiteral("standard input")));
}

}  // namespace
}  // namespace gcscope::ui
