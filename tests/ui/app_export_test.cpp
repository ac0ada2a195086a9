// PNG export: `gcscope --export-png` as a user runs it (a subprocess without a display), and the
// window's own chart / dashboard export.
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

#include "app_test_support.hpp"

namespace gcscope::ui {
namespace {

using test::sample;

/// Pixels of a saturated colour: series are drawn in colours; axes, grid, text and background
/// are greys. A blank or axes-only chart has (almost) none.
int colouredPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int hi = std::max({c.red(), c.green(), c.blue()});
            const int lo = std::min({c.red(), c.green(), c.blue()});
            if (hi - lo > 80) ++n;
        }
    return n;
}

QString gcscopeBinary() {
    // The test runs from <build>/tests/ui; the app is <build>/app/gui/gcscope.
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/gui/gcscope");
}

struct ProcessRun {
    int status = -1;
    QString out, err;
};

/// Runs gcscope with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
ProcessRun runGcscope(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(var));
    p.setProcessEnvironment(env);
    p.start(gcscopeBinary(), args);
    if (!p.waitForFinished(60000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardOutput()),
            QString::fromLocal8Bit(p.readAllStandardError())};
}

TEST(AppExportPng, HeadlessExportWritesAPngOfTheRequestedSizeWithPlotContent) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("dash.png"));
    const ProcessRun run =
        runGcscope({QStringLiteral("--export-png"), out, QStringLiteral("--size"),
                    QStringLiteral("900x700"), sample("node22-workers-trace-gc.log")});
    ASSERT_EQ(run.status, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    const QImage image(out);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(900, 700));
    EXPECT_GT(colouredPixels(image), 500);
}

TEST(AppExportPng, AMissingLogExitsNonZeroWithOneLineOnStderr) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("dash.png"));
    const ProcessRun run =
        runGcscope({QStringLiteral("--export-png"), out, sample("node22-workers-trace-gc.log"),
                    dir.filePath(QStringLiteral("missing.log"))});
    EXPECT_EQ(run.status, 2);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.startsWith(QStringLiteral("gcscope: ")));
    EXPECT_TRUE(run.err.contains(QStringLiteral("missing.log: no such file")))
        << run.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
}

TEST(AppExportPng, ALogWithoutGcRecordsAndBadArgumentsFail) {
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("app.log"));
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("hello\nworld\n");
    f.close();
    const QString out = dir.filePath(QStringLiteral("dash.png"));
    ProcessRun run = runGcscope({QStringLiteral("--export-png"), out, text});
    EXPECT_EQ(run.status, 1);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("no GC record found")));
    EXPECT_FALSE(QFile::exists(out));

    run = runGcscope({QStringLiteral("--export-png"), out, QStringLiteral("--size"),
                      QStringLiteral("big"), sample("node22-workers-trace-gc.log")});
    EXPECT_EQ(run.status, 2);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();

    run = runGcscope({QStringLiteral("--export-png"),
                      dir.filePath(QStringLiteral("no/such/dir/x.png")),
                      sample("node22-workers-trace-gc.log")});
    EXPECT_EQ(run.status, 2);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
}

TEST(AppExportPng, VersionAndHelp) {
    ProcessRun run = runGcscope({QStringLiteral("--version")});
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(run.out, QStringLiteral("gcscope 0.1.0\n"));
    run = runGcscope({QStringLiteral("--help")});
    EXPECT_EQ(run.status, 0);
    EXPECT_TRUE(run.out.contains(QStringLiteral("--export-png")));
}

TEST(AppExportPng, TheWindowExportsAChartAndTheDashboardAtAChosenSize) {
    test::TestWindow w;
    ASSERT_TRUE(w.open({sample("node22-leak-trace-gc.log")}));
    QTemporaryDir dir;
    const QString chart = dir.filePath(QStringLiteral("chart.png"));
    const QString board = dir.filePath(QStringLiteral("board.png"));
    QString error;
    ASSERT_TRUE(w->exportChartPng(0, QSize(640, 360), chart, &error)) << error.toStdString();
    ASSERT_TRUE(w->exportDashboardPng(QSize(800, 900), board, &error)) << error.toStdString();
    const QImage c(chart), b(board);
    EXPECT_EQ(c.size(), QSize(640, 360));
    EXPECT_EQ(b.size(), QSize(800, 900));
    EXPECT_GT(colouredPixels(c), 200);
    EXPECT_GT(colouredPixels(b), 500);
    EXPECT_FALSE(w->exportChartPng(0, QSize(640, 360), dir.filePath(QStringLiteral("no/dir/x.png")),
                                   &error));
    EXPECT_FALSE(error.isEmpty());
}

}  // namespace
}  // namespace gcscope::ui
