// Chart redraw time with millions of GC events: the time from a zoom or pan to charts ready to
// paint, and to painted, beside the decimation alone (no Qt) measured in the same run.
//
//   gcscope-bench-chart-redraw [--events N] [--width W] [--height H] [--steps S] [--log FILE]
//
// Generates N realistic --trace-gc lines (Node 22 format; 9 Scavenges per Mark-Compact, a sawtooth
// heap, a few long pauses) in memory, feeds them to a parser::StreamParser into the session's
// Timeline, shows a Dashboard offscreen at W×H, then runs S zoom and pan steps through
// LogSession::setVisibleRange. Each step times:
//   decimate  the baseline: the three main charts' decimation by scanning every event of the
//             range, no Qt (what a chart with no precomputed summaries cannot avoid)
//   redraw    Dashboard::redrawNow(): adapters + one replace() per series + axes + plot-area
//             alignment — what the 40 ms coalescing timer runs — and the charts' relayout
//   +paint    redraw, then the dashboard painted into an image (what the user waits for)
// The target is a zoom or pan under 50 ms with 3 million events. GCSCOPE_BENCH_DETAIL=1 also
// prints where each step's time goes (per chart, alignment, relayout, paint).
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "charts/chart_adapters.hpp"
#include "gcscope/parser/input_source.hpp"
#include "charts/dashboard.hpp"
#include "charts/pause_chart.hpp"
#include "charts/series_summary.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "session/log_session.hpp"

namespace {

using namespace gcscope;

/// Appends about `bytes` of log to `out`; `i` is the running event number.
void generate(std::string& out, size_t& i, size_t events, size_t bytes) {
    static const char* kReasons[] = {"allocation failure;", "allocation failure;", "task;",
                                     "allocation failure; scavenge might not succeed"};
    char line[320];
    while (out.size() < bytes && i < events) {
        const double t = 30 + double(i) * 2.4 + double(i % 13) * 0.1;
        const bool full = i % 10 == 9;
        // Heap: grows by 0.7 MB per Scavenge, a Mark-Compact brings it back; a slow leak on top.
        const double base = 40 + double(i) * 2e-5;
        const double before = base + double(i % 10) * 0.7;
        const double after = full ? base - 5 : before - 0.5;
        double pause = full ? 8 + double(i % 7) : 0.3 + double(i % 9) * 0.07;
        if (i % 100003 == 0) pause = 250;  // rare spikes that must survive decimation
        const int n = std::snprintf(line, sizeof line,
                                    "[4242:0x5be1000] %8.0f ms: %s %.1f (%.1f) -> %.1f (%.1f) MB, "
                                    "pooled: 0.0 MB, %.2f / 0.00 "
                                    "ms  (average mu = 0.981, current mu = 0.975) %s\n",
                                    t, full ? "Mark-Compact" : "Scavenge", before, before + 24,
                                    after, before + 24, pause, kReasons[i % 4]);
        out.append(line, size_t(n));
        ++i;
    }
}

struct Figures {
    std::vector<double> ms;
    void add(double v) { ms.push_back(v); }
    double median() const {
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    size_t events = 3'000'000;
    const char* log = nullptr;
    int width = 1600, height = 1000, steps = 20;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!std::strcmp(argv[a], "--events")) events = std::stoul(argv[a + 1]);
        if (!std::strcmp(argv[a], "--width")) width = std::stoi(argv[a + 1]);
        if (!std::strcmp(argv[a], "--height")) height = std::stoi(argv[a + 1]);
        if (!std::strcmp(argv[a], "--steps")) steps = std::stoi(argv[a + 1]);
        if (!std::strcmp(argv[a], "--log")) log = argv[a + 1];
    }
    QApplication app(argc, argv);

    // ---- the model: a synthetic log through the real parser
    // --------------------------------------
    ui::LogSession session;
    QElapsedTimer load;
    load.start();
    {
        model::Timeline& timeline = session.timeline();
        const uint32_t source = timeline.addSource(log ? log : "synthetic-trace-gc.log");
        parser::StreamParser parser(timeline);
        if (log) {
            // A real log instead: e.g. one of thousands of isolates, each on its own clock.
            const std::string error =
                parser::readLog(log, [&](std::string_view chunk) { parser.feed(chunk); });
            if (!error.empty()) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return 2;
            }
        }
        std::string chunk;
        size_t i = 0;
        while (!log && i < events) {
            chunk.clear();
            generate(chunk, i, events, size_t(8) << 20);
            parser.feed(chunk);
        }
        parser.finish();
        timeline.setSourceStats(source, parser.stats());
    }
    session.noteDataAppended();
    const uint64_t count = session.timeline().eventCount();
    std::printf("events: %llu in %zu isolate(s), loaded in %.1f s\n", (unsigned long long)count,
                session.timeline().seriesCount(), load.elapsed() / 1000.0);
    if (count < 3'000'000) std::printf("note: fewer than 3 million events\n");

    // ---- the dashboard, offscreen
    // ------------------------------------------------------------------
    ui::charts::Dashboard dashboard(session);
    dashboard.resize(width, height);
    dashboard.show();
    QApplication::processEvents();
    dashboard.redrawNow();
    QApplication::processEvents();
    QImage canvas(dashboard.size(), QImage::Format_ARGB32_Premultiplied);

    // The steps: zoom in 8 times around 40 % of the span, pan 6 times, zoom out 5 times; the first
    // and every zoom-out that reaches the whole log scan every event.
    const model::TimeRange full = session.fullRange();
    std::vector<model::TimeRange> ranges;
    model::TimeRange r = full;
    ranges.push_back(r);
    for (int k = 0; k < steps - 1; ++k) {
        const double span = r.to_ms - r.from_ms;
        const int phase = k % 19;
        if (phase < 8) {
            const double c = r.from_ms + span * 0.4;
            r = {c - span * 0.4 * 0.6, c + span * 0.6 * 0.6};
        } else if (phase < 14) {
            const double shift = span * (phase % 2 ? 0.15 : -0.1);
            r = {r.from_ms + shift, r.to_ms + shift};
        } else {
            const double c = (r.from_ms + r.to_ms) / 2;
            r = {std::max(full.from_ms, c - span * 1.2), std::min(full.to_ms, c + span * 1.2)};
        }
        ranges.push_back(r);
    }

    auto* heap = qobject_cast<ui::charts::TimeChartView*>(dashboard.charts()[0]);
    const int plot_width = heap->plotWidth();
    // The frequency chart's interval follows the log's mean pause, computed once.
    const double mean_pause = ui::charts::meanPauseMs(session.timeline(), session.visibleSeries(),
                                                      model::TimeRange::all());
    Figures decimate, redraw, painted;
    std::printf("\n%4s %14s %10s %10s %10s %10s\n", "step", "span (s)", "in range", "decimate",
                "redraw", "+paint");
    for (size_t k = 0; k < ranges.size(); ++k) {
        const model::TimeRange range = ranges[k];
        const std::vector<size_t> series = session.visibleSeries();
        uint64_t in_range = 0;
        for (size_t s : series) in_range += session.timeline().series(s).locate(range).size();

        // Baseline: the decimation the three main charts need, without Qt.
        QElapsedTimer t;
        t.start();
        size_t points = 0;
        for (size_t s : series) {
            const model::Series& ser = session.timeline().series(s);
            const ui::charts::HeapLines heap_lines = ui::charts::heapLines(ser, range, plot_width);
            points += size_t(heap_lines.used.size() + heap_lines.committed.size());
            const int columns = plot_width / ui::charts::PauseChart::kPixelsPerColumn;
            for (const auto& f : ui::charts::pausePointsByFamily(ser, range, columns))
                points += size_t(f.size());
        }
        const double interval =
            ui::charts::frequencyInterval(range.to_ms - range.from_ms, plot_width, mean_pause);
        points += size_t(
            ui::charts::gcFrequency(session.timeline(), series, range, interval).total.size());
        const double d = double(t.nsecsElapsed()) / 1e6;
        if (qEnvironmentVariableIsSet("GCSCOPE_BENCH_DETAIL")) {
            QElapsedTimer c;
            const model::Series& ser = session.timeline().series(series[0]);
            ui::charts::SummaryCache& cache = ui::charts::SummaryCache::of(session);
            const ui::charts::SeriesSummary* summary = &cache.get(series[0]);
            c.start();
            ui::charts::heapLines(ser, range, plot_width, nullptr, summary);
            const double h = double(c.nsecsElapsed()) / 1e6;
            c.restart();
            ui::charts::pausePointsByFamily(ser, range, plot_width / 3, summary);
            const double pp = double(c.nsecsElapsed()) / 1e6;
            c.restart();
            ui::charts::gcFrequency(session.timeline(), series, range, interval,
                                    [&](size_t k) { return &cache.get(k); });
            std::printf("     with block summaries: heap %.1f pause %.1f frequency %.1f ms\n", h,
                        pp, double(c.nsecsElapsed()) / 1e6);
        }

        // The redraw the timer would run, forced now.
        t.restart();
        session.setVisibleRange(range);
        dashboard.redrawNow();
        // The charts' relayout (new axis labels) Qt would run before painting.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const double w = double(t.nsecsElapsed()) / 1e6;
        {
            QPainter painter(&canvas);
            dashboard.render(&painter);
        }
        const double p = double(t.nsecsElapsed()) / 1e6;
        if (qEnvironmentVariableIsSet("GCSCOPE_BENCH_DETAIL")) {
            // Where the time goes, on a second identical redraw: each chart, the alignment, the
            // relayout, each chart's paint.
            QElapsedTimer c;
            QString line;
            for (ui::charts::ChartView* v : dashboard.charts()) {
                c.start();
                v->redrawNow();
                line += QStringLiteral(" %1 %2")
                            .arg(v->title().left(5))
                            .arg(double(c.nsecsElapsed()) / 1e6, 0, 'f', 1);
            }
            c.start();
            dashboard.redrawNow();
            line +=
                QStringLiteral(" | all+align %1").arg(double(c.nsecsElapsed()) / 1e6, 0, 'f', 1);
            c.start();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            line += QStringLiteral(" | layout %1 | paint")
                        .arg(double(c.nsecsElapsed()) / 1e6, 0, 'f', 1);
            for (ui::charts::ChartView* v : dashboard.charts()) {
                QPainter painter(&canvas);
                c.start();
                v->render(&painter);
                line += QStringLiteral(" %1").arg(double(c.nsecsElapsed()) / 1e6, 0, 'f', 1);
            }
            std::printf("     %s\n", qPrintable(line));
        }
        decimate.add(d);
        redraw.add(w);
        painted.add(p);
        std::printf("%4zu %14.3f %10llu %8.1f ms %8.1f ms %8.1f ms   (%zu points)\n", k,
                    (range.to_ms - range.from_ms) / 1000, (unsigned long long)in_range, d, w, p,
                    points);
    }
    std::printf("\n%-10s median %7.1f ms   max %7.1f ms   (baseline: scan decimation, no Qt)\n",
                "decimate", decimate.median(), decimate.max());
    std::printf("%-10s median %7.1f ms   max %7.1f ms\n", "redraw", redraw.median(), redraw.max());
    std::printf("%-10s median %7.1f ms   max %7.1f ms   (target < 50 ms)\n", "+paint",
                painted.median(), painted.max());

    // The headless export's work once the log is loaded: a fresh offscreen copy of each chart.
    session.resetZoom();
    QElapsedTimer e;
    e.start();
    const QImage image = dashboard.renderDashboard(QSize(width, height));
    std::printf("renderDashboard(%dx%d) of the whole log: %.1f ms%s\n", width, height,
                double(e.nsecsElapsed()) / 1e6, image.isNull() ? " (null image!)" : "");
    return 0;
}
