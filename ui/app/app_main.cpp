#include "app/app_main.hpp"

#include <QApplication>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

#include "app/app_icon.hpp"
#include "app/command_line.hpp"
#include "app/headless_export.hpp"
#include "app/load_queue.hpp"
#include "main_window.hpp"

namespace gcscope::ui {

namespace {

void printError(const QString& message) {
    std::fprintf(stderr, "gcscope: %s\n", message.toLocal8Bit().constData());
}

/// A command-line run reports its own errors in one line; Qt's notes about the platform
/// ("propagateSizeHints", fonts, XDG_RUNTIME_DIR) would only be noise there.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) printError(message);
}

void setApplicationNames(const char* version) {
    QCoreApplication::setOrganizationName(QStringLiteral("gcscope"));
    QCoreApplication::setApplicationName(QStringLiteral("gcscope"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version));
    QGuiApplication::setDesktopFileName(QStringLiteral("gcscope"));
}

/// --screenshot: once every log is loaded and the window has painted, grab it and quit.
void grabWhenLoaded(MainWindow& window, const QString& path) {
    auto grab = [&window, path] {
        QTimer::singleShot(800, &window, [&window, path] {
            const bool ok = window.grab().save(path, "PNG");
            if (!ok) printError(path + QStringLiteral(": cannot write the PNG"));
            QCoreApplication::exit(ok ? 0 : 2);
        });
    };
    if (window.loads().isBusy()) {
        QObject::connect(&window.loads(), &LoadQueue::busyChanged, &window, [grab](bool busy) {
            if (!busy) grab();
        });
    } else {
        grab();
    }
}

}  // namespace

int runGcscope(int argc, char** argv, const char* version) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine cl = parseCommandLine(arguments);
    switch (cl.action) {
        case CommandLine::Action::Help:
            std::fputs(cl.help.toLocal8Bit().constData(), stdout);
            return 0;
        case CommandLine::Action::Version:
            std::printf("gcscope %s\n", version);
            return 0;
        case CommandLine::Action::Error:
            printError(cl.error + QStringLiteral(" (see gcscope --help)"));
            return 2;
        case CommandLine::Action::ExportPng: {
            // No display needed: pick the offscreen platform before QApplication looks for one.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            qInstallMessageHandler(quietQtMessages);
            QApplication app(argc, argv);
            setApplicationNames(version);
            // Left to the exit: the model is not freed event by event (see HeadlessExport).
            auto* job = new HeadlessExport;
            const ExportOutcome outcome = job->run(cl.logs, cl.png, cl.size);
            if (!outcome.error.isEmpty()) printError(outcome.error);
            std::fflush(stdout);
            std::fflush(stderr);
            std::_Exit(outcome.status);
        }
        case CommandLine::Action::OpenWindow:
            break;
    }
    QApplication app(argc, argv);
    setApplicationNames(version);
    QApplication::setWindowIcon(appIcon());
    MainWindow window;
    window.show();
    window.openLogs(cl.logs);
    if (!cl.screenshot.isEmpty()) grabWhenLoaded(window, cl.screenshot);
    return app.exec();
}

}  // namespace gcscope::ui
