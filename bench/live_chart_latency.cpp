// Following in the app: how soon a record appended to a followed log is drawn in the pause chart
// (target: within 250 ms), and what following an unchanged file costs the app (target: under 1%
// of a core). In-process, offscreen: a MainWindow follows a temporary log.
//
//   gcscope-bench-live-chart [--runs N] [--idle-seconds S]
//
// Latency: one write() of one record line at a random moment (the poll timer's phase matters);
// the clock stops at the first pause-chart redraw after the model holds the new event. Printed
// beside the parts: the write -> model time (poll + parse), and the app's fixed delays (the
// session's 100 ms coalescing, the chart's 40 ms redraw timer), all from the same run.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "app/load_queue.hpp"
#include "charts/dashboard.hpp"
#include "charts/pause_chart.hpp"
#include "main_window.hpp"
#include "session/log_loader.hpp"
#include "session/log_session.hpp"

using namespace gcscope;

namespace {

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Runs the event loop (sleeping between events, as the app does) for `ms`, or until quit().
void runEventLoop(QEventLoop& loop, int ms) {
    QTimer deadline;  // ends with this call: no stray timeout quits a later run
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(ms);
    loop.exec();
}

void printStats(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[size_t(q * double(ms.size() - 1))]; };
    std::printf("  %-34s median %6.1f ms   p90 %6.1f ms   max %6.1f ms\n", what, at(0.5), at(0.9),
                ms.back());
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 40;
    int idle_seconds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--idle-seconds")) idle_seconds = std::atoi(argv[i + 1]);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("gc.log"));
    QFile sample(QStringLiteral(GCSCOPE_SAMPLE_LOGS_DIR "/node22-workers-trace-gc.log"));
    if (!sample.open(QIODevice::ReadOnly)) return 2;
    const QByteArray text = sample.readAll();
    {
        QFile out(log);
        if (!out.open(QIODevice::WriteOnly)) return 2;
        out.write(text);
    }
    // A record of the main thread, appended again and again (the model keeps every event).
    QByteArray record;
    for (const QByteArray& line : text.split('\n'))
        if (line.contains("Scavenge")) record = line + '\n';

    auto settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("bench.ini")),
                                                QSettings::IniFormat);
    ui::MainWindow window(std::move(settings));
    window.resize(1400, 900);
    window.show();
    QEventLoop loop;
    QObject::connect(&window.loads(), &ui::LoadQueue::busyChanged, &loop, &QEventLoop::quit);
    window.openLogs({log});
    runEventLoop(loop, 10000);
    QObject::disconnect(&window.loads(), nullptr, &loop, nullptr);
    ui::charts::PauseChart* pause = nullptr;
    for (auto* c : window.dashboard().charts())
        if (auto* p = qobject_cast<ui::charts::PauseChart*>(c)) pause = p;
    const model::Timeline& timeline = window.session().timeline();

    QElapsedTimer clock;
    clock.start();
    qint64 model_at = -1, chart_at = -1;
    uint64_t expected = 0;
    QObject::connect(&window.session(), &ui::LogSession::dataAppended, [&] {
        if (model_at < 0 && timeline.eventCount() >= expected) model_at = clock.nsecsElapsed();
    });
    QObject::connect(pause, &ui::charts::ChartView::redrawn, [&] {
        if (chart_at < 0 && model_at >= 0) {
            chart_at = clock.nsecsElapsed();
            loop.quit();
        }
    });

    const int fd = ::open(log.toLocal8Bit().constData(), O_WRONLY | O_APPEND);
    std::mt19937 rng(7);
    std::vector<double> to_model, to_chart;
    for (int r = 0; r < runs; ++r) {
        const int pause_ms = 50 + int(rng() % 400);
        runEventLoop(loop, pause_ms);
        expected = timeline.eventCount() + 1;
        model_at = chart_at = -1;
        const qint64 start = clock.nsecsElapsed();
        if (::write(fd, record.constData(), size_t(record.size())) != record.size()) return 2;
        runEventLoop(loop, 5000);
        if (chart_at < 0) {
            std::printf("run %d: not drawn within 5 s\n", r);
            return 1;
        }
        to_model.push_back(double(model_at - start) / 1e6);
        to_chart.push_back(double(chart_at - start) / 1e6);
    }
    std::printf("append -> pause chart, %d runs (target: within 250 ms)\n", runs);
    printStats("write -> session announces it", to_model);
    printStats("write -> drawn in the pause chart", to_chart);
    std::printf("  fixed delays in the path: session coalescing <= %d ms, chart redraw timer %d ms,"
                " poll timer %d ms, or %d ms without an inotify hint (GCSCOPE_WATCH_POLL_ONLY=1)\n",
                ui::LogSession::kAppendedIntervalMs, ui::charts::ChartView::kRedrawDelayMs,
                ui::LogLoader::kPollIntervalMs, ui::LogLoader::kBlindPollIntervalMs);

    // Idle: the log stops growing; the badge goes out after a few seconds, then measure.
    runEventLoop(loop, int(ui::SourceInfo::kLiveForMs) + 1500);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    runEventLoop(loop, idle_seconds * 1000);
    const double cpu = cpuSeconds() - cpu0;
    std::printf("following an unchanged log for %d s: %.3f s CPU = %.3f%% of one core "
                "(target < 1%%)\n",
                idle_seconds, cpu, 100.0 * cpu / (double(wall.elapsed()) / 1000.0));
    ::close(fd);
    return 0;
}
