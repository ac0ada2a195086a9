// Opening a large log in the app: total time, how often progress was shown, how long the GUI
// thread was ever kept from its event loop (responsiveness), and peak memory. Offscreen.
//
//   gcscope-bench-gui-load LOG
//
// A 10 ms timer on the GUI thread measures the stalls: the longest gap between two of its ticks
// beyond its 10 ms is the longest the window would have been frozen. Printed beside the load time.
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/load_queue.hpp"
#include "main_window.hpp"
#include "session/log_session.hpp"

using namespace gcscope;

namespace {

/// Times every event the GUI thread handles, to name the slowest (what a stall was made of).
class TimedApplication : public QApplication {
  public:
    using QApplication::QApplication;
    struct Slow {
        qint64 ms;
        QString what;
    };
    std::vector<Slow> slowest;

    bool notify(QObject* receiver, QEvent* event) override {
        // Only the GUI thread's events (the loader's thread delivers its own through here too).
        if (QThread::currentThread() != thread()) return QApplication::notify(receiver, event);
        if (depth_++ > 0) {  // nested: counted in the outer event
            const bool r = QApplication::notify(receiver, event);
            --depth_;
            return r;
        }
        QElapsedTimer t;
        t.start();
        const bool r = QApplication::notify(receiver, event);
        --depth_;
        const qint64 ms = t.elapsed();
        if (ms >= 20)
            slowest.push_back({ms, QStringLiteral("%1 (%2) event %3")
                                       .arg(QString::fromLatin1(receiver->metaObject()->className()),
                                            receiver->objectName())
                                       .arg(int(event->type()))});
        return r;
    }

  private:
    int depth_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: gcscope-bench-gui-load LOG\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    const QString log = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir dir;
    ui::MainWindow window(std::make_unique<QSettings>(dir.filePath(QStringLiteral("b.ini")),
                                                      QSettings::IniFormat));
    window.setWarningHandler([](const QString&, const QString& text) {
        std::fprintf(stderr, "warning: %s\n", qPrintable(text));
    });
    window.resize(1600, 1000);
    window.show();

    QElapsedTimer clock, tick_gap;
    qint64 worst_gap_ms = 0;
    int progress_updates = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        worst_gap_ms = std::max(worst_gap_ms, tick_gap.restart());
    });
    QObject::connect(&window.loads(), &ui::LoadQueue::progress, [&] { ++progress_updates; });
    QEventLoop loop;
    QObject::connect(&window.loads(), &ui::LoadQueue::busyChanged, &loop, [&](bool busy) {
        if (!busy) loop.quit();
    });
    clock.start();
    tick_gap.start();
    ticker.start();
    window.openLogs({log});
    loop.exec();
    const double seconds = double(clock.elapsed()) / 1000.0;
    ticker.stop();
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const double mb = double(QFileInfo(log).size()) / 1e6;
    std::printf("%s: %.1f MB, %llu GCs\n", qPrintable(log), mb,
                static_cast<unsigned long long>(window.session().timeline().eventCount()));
    std::printf("  loaded in %.2f s (%.0f MB/s), %d progress updates\n", seconds, mb / seconds,
                progress_updates);
    std::printf("  longest GUI-thread stall during the load: %lld ms (timer period 10 ms)\n",
                static_cast<long long>(worst_gap_ms));
    std::printf("  peak RSS %.0f MB\n", double(u.ru_maxrss) / 1024.0);
    std::sort(app.slowest.begin(), app.slowest.end(),
              [](const auto& a, const auto& b) { return a.ms > b.ms; });
    std::printf("  slowest GUI-thread events (QEvent type; 43 = a queued signal, 1 = a timer):\n");
    for (size_t i = 0; i < std::min<size_t>(8, app.slowest.size()); ++i)
        std::printf("    %4lld ms  %s\n", static_cast<long long>(app.slowest[i].ms),
                    qPrintable(app.slowest[i].what));
    return 0;
}
