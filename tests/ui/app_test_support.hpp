// Shared by the app_*_test.cpp suites: a MainWindow with throw-away settings and no modal dialogs,
// and waiting for loads.
#pragma once

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "app/load_queue.hpp"
#include "main_window.hpp"

namespace gcscope::ui::test {

inline QString sample(const char* name) {
    return QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR "/") + QString::fromLatin1(name);
}

/// A MainWindow whose settings live in a temporary INI file (never the user's) and whose
/// warnings are recorded instead of shown.
struct TestWindow {
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    QStringList warnings;

    TestWindow() {
        window = std::make_unique<MainWindow>(
            std::make_unique<QSettings>(iniPath(), QSettings::IniFormat));
        window->setWarningHandler(
            [this](const QString&, const QString& text) { warnings << text; });
        window->resize(1400, 900);
    }
    QString iniPath() const { return dir.filePath(QStringLiteral("gcscope.ini")); }
    MainWindow* operator->() { return window.get(); }

    /// Opens `paths` and waits until every queued log is loaded (or failed).
    bool open(const QStringList& paths) {
        window->openLogs(paths);
        return waitIdle();
    }
    bool waitIdle(int ms = 20000) {
        const bool ok = QTest::qWaitFor([&] { return !window->loads().isBusy(); }, ms);
        QCoreApplication::processEvents();
        return ok;
    }
};

}  // namespace gcscope::ui::test
