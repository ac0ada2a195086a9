// Every bad input of the hardening issue opened in the app: one dialog with one clear message
// each, nothing crashes or hangs, and a good log opened next still loads.
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cstdlib>
#include <string>

#include "app_test_support.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;
using test::TestWindow;

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

struct BadInput {
    QString path;
    QString message;  ///< what the one warning starts with
};

TEST(AppBadInputs, EachGivesOneDialogAndTheNextLogStillLoads) {
    QTemporaryDir dir;
    QByteArray noise(64 * 1024, '\0');
    QRandomGenerator rng(3);
    for (char& c : noise) c = char(rng.bounded(256));
    QList<BadInput> inputs = {
        {dir.path(), dir.path() + QStringLiteral(": is a directory")},
        {dir.filePath(QStringLiteral("missing.log")),
         dir.filePath(QStringLiteral("missing.log")) + QStringLiteral(": no such file")},
        {write(dir, QStringLiteral("empty.log"), {}),
         QStringLiteral("no GC record found in empty.log (0 lines read, 0 unrecognised).")},
        {write(dir, QStringLiteral("binary.bin"), noise),
         QStringLiteral("no GC record found in binary.bin (")},
        {write(dir, QStringLiteral("app.log"), "Server listening on port 3000\nGET / 200\n"),
         QStringLiteral("no GC record found in app.log (2 lines read, 2 unrecognised).")},
        {write(dir, QStringLiteral("huge.log"), QByteArray(100 << 20, 'x')),
         QStringLiteral("no GC record found in huge.log (1 lines read, 1 unrecognised).")},
    };
    // Unreadable: a write-only procfs file refuses even root (CI runs as root; chmod 000 would not).
    const QString unreadable = QStringLiteral("/proc/sys/vm/compact_memory");
    if (QFile::exists(unreadable) && !QFile(unreadable).open(QIODevice::ReadOnly))
        inputs.append({unreadable, unreadable + QStringLiteral(": permission denied")});
    for (const BadInput& in : inputs) {
        SCOPED_TRACE(in.path.toStdString());
        TestWindow w;
        ASSERT_TRUE(w.open({in.path}));
        ASSERT_EQ(w.warnings.size(), 1) << w.warnings.join(QLatin1Char('|')).toStdString();
        EXPECT_TRUE(w.warnings[0].startsWith(in.message)) << w.warnings[0].toStdString();
        ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")}));
        EXPECT_EQ(w.warnings.size(), 1);
        EXPECT_EQ(w->session().timeline().eventCount(), 101u);
    }
}

TEST(AppBadInputs, AFollowedEmptyLogSaysItWillDrawWhatComes) {
    QTemporaryDir dir;
    TestWindow w;
    ASSERT_TRUE(w.open({write(dir, QStringLiteral("gc.log"), {})}));
    ASSERT_EQ(w.warnings.size(), 1);
    EXPECT_TRUE(w.warnings[0].contains(QStringLiteral("GCs written to it from now on will be drawn")));
}

TEST(AppBadInputs, ACutGzipKeepsWhatWasReadAndSaysWhere) {
    QTemporaryDir dir;
    const QString packed = dir.filePath(QStringLiteral("gc.log.gz"));
    const std::string gzip = "gzip -c '" + sample("node22-workers-trace-gc.log").toStdString() +
                             "' > '" + packed.toStdString() + "'";
    ASSERT_EQ(std::system(gzip.c_str()), 0);
    QFile f(packed);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray whole = f.readAll();
    const QString cut = write(dir, QStringLiteral("cut.gz"), whole.left(whole.size() * 2 / 3));
    TestWindow w;
    ASSERT_TRUE(w.open({cut}));
    ASSERT_EQ(w.warnings.size(), 1);
    EXPECT_TRUE(w.warnings[0].contains(QStringLiteral("gzip data is corrupt after")))
        << w.warnings[0].toStdString();
    EXPECT_GT(w->session().timeline().eventCount(), 0u);  // what came before the damage stays
}

TEST(AppBadInputs, AbsurdNumbersLoadWithoutAWord) {
    QTemporaryDir dir;
    TestWindow w;
    ASSERT_TRUE(w.open({write(
        dir, QStringLiteral("absurd.log"),
        "[1:0x1]  1e308 ms: Scavenge 1e308 (nan) -> 99999999999999999999 (6.4) MB, nan / 0.00 ms  "
        "allocation failure;\n"
        "[1:0x1]       12 ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, 12345678901234567890.5 / 0.00 "
        "ms  allocation failure;\n")}));
    EXPECT_TRUE(w.warnings.isEmpty()) << w.warnings.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(w->session().timeline().eventCount(), 2u);
    w->show();
    QCoreApplication::processEvents();  // the charts draw them (no crash, no hang)
}

TEST(AppBadInputs, ALogDeletedWhileItLoadsIsReadToItsEnd) {
    QTemporaryDir dir;
    QFile sample_file(sample("node22-workers-trace-gc.log"));
    ASSERT_TRUE(sample_file.open(QIODevice::ReadOnly));
    const QByteArray one = sample_file.readAll();
    QByteArray big;
    for (int i = 0; i < 3000; ++i) big += one;  // ~30 MB: still loading when it is deleted
    const QString path = write(dir, QStringLiteral("gc.log"), big);
    TestWindow w;
    w->openLogs({path});
    QTest::qWait(5);
    QFile::remove(path);
    ASSERT_TRUE(w.waitIdle());
    if (!w.warnings.isEmpty()) {
        // Deleted before the loader opened it: that is a missing file.
        EXPECT_TRUE(w.warnings[0].endsWith(QStringLiteral(": no such file")));
    } else {
        EXPECT_EQ(w->session().timeline().eventCount(), 101u * 3000u);
        EXPECT_TRUE(QTest::qWaitFor([&] { return w->session().source(0).gone; }, 5000));
    }
}

}  // namespace
}  // namespace gcscope::ui
