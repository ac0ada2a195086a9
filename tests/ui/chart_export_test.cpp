// Charts as images, offscreen: the dashboard and single charts exported in light and dark
// palettes, the extra chart below the main three, a chart copied to the clipboard.
#include <gtest/gtest.h>

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

#include "chart_test_support.hpp"
#include "charts/chart_colours.hpp"
#include "charts/dashboard.hpp"

namespace gcscope::ui::charts {
namespace {

using test::load;

/// Pixels close to `color` in `rect`.
int countNear(const QImage& image, const QColor& color, const QRect& rect, int tolerance = 40) {
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                    std::abs(c.blue() - color.blue()) <=
                tolerance)
                ++n;
        }
    return n;
}

TEST(ChartExport, DashboardImageHasTheRequestedSizeAndPlotContent) {
    LogSession session;
    load(session, QStringLiteral("node22-workers-trace-gc.log"));
    Dashboard dashboard(session);  // never shown: the headless export path
    const QImage image = dashboard.renderDashboard(QSize(1200, 900));
    ASSERT_EQ(image.size(), QSize(1200, 900));
    const QRect all(0, 0, 1200, 900);
    const QColor background = dashboard.palette().color(QPalette::Window);
    const int plain = countNear(image, background, all, 6);
    EXPECT_LT(plain, 1200 * 900 * 97 / 100) << "almost blank";
    // Scavenge dots (pause chart, middle third) and the first isolate's heap line (top third).
    EXPECT_GT(
        countNear(image, familyColor(CollectorFamily::Scavenge, false), QRect(0, 330, 1200, 300)),
        200);
    EXPECT_GT(countNear(image, isolateColor(0, false), QRect(0, 24, 1200, 320)), 200);
    // The frequency chart's young area, bottom.
    QColor young = familyColor(CollectorFamily::Scavenge, false);
    EXPECT_GT(countNear(image, young, QRect(0, 620, 1200, 280), 200), 200);
}

TEST(ChartExport, SingleChartAndDarkPalette) {
    LogSession session;
    load(session, QStringLiteral("node26-oom-trace-gc.log"));
    Dashboard dashboard(session);
    const QImage chart = dashboard.renderChart(1, QSize(800, 300));
    ASSERT_EQ(chart.size(), QSize(800, 300));
    EXPECT_GT(
        countNear(chart, familyColor(CollectorFamily::MarkCompact, false), QRect(0, 0, 800, 300)),
        100);
    EXPECT_GT(countNear(chart, oomColor(false), QRect(0, 0, 800, 300)), 50);
    EXPECT_TRUE(dashboard.renderChart(7, QSize(800, 300)).isNull());
    EXPECT_TRUE(dashboard.renderChart(0, QSize()).isNull());

    dashboard.setDarkPalette(true);
    const QImage dark = dashboard.renderDashboard(QSize(1000, 700));
    ASSERT_EQ(dark.size(), QSize(1000, 700));
    EXPECT_LT(dark.pixelColor(5, 690).lightness(), 80);  // a dark background
    EXPECT_GT(
        countNear(dark, familyColor(CollectorFamily::MarkCompact, true), QRect(0, 0, 1000, 700)),
        100);
    dashboard.setDarkPalette(false);
    EXPECT_GT(dashboard.renderChart(0, QSize(400, 200)).pixelColor(2, 198).lightness(), 170);
}

TEST(ChartExport, ExtraChartIsRenderedBelowTheMainThree) {
    LogSession session;
    load(session, QStringLiteral("node18-churn-trace-gc-verbose.log"));
    Dashboard dashboard(session);
    QSignalSpy changed(&dashboard, &Dashboard::extraChartChanged);
    dashboard.setExtraChart(Dashboard::ChartKind::HeapSpaces);
    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(dashboard.charts().size(), 4);
    EXPECT_EQ(dashboard.chartKinds().back(), Dashboard::ChartKind::HeapSpaces);
    const QImage image = dashboard.renderDashboard(QSize(1000, 1000));
    ASSERT_EQ(image.size(), QSize(1000, 1000));
    dashboard.setExtraChart(std::nullopt);
    EXPECT_EQ(dashboard.charts().size(), 3);
}

TEST(ChartExport, CopyChartPutsItsImageOnTheClipboard) {
    LogSession session;
    load(session, QStringLiteral("node22-leak-trace-gc.log"));
    Dashboard dashboard(session);
    dashboard.copyChartToClipboard(1, QSize(640, 240));
    const QImage copied = QGuiApplication::clipboard()->image();
    ASSERT_EQ(copied.size(), QSize(640, 240));
    EXPECT_GT(
        countNear(copied, familyColor(CollectorFamily::Scavenge, false), QRect(0, 0, 640, 240)),
        50);
}

/// Not a check: writes dashboards of several logs to $GCSCOPE_CHART_SCREENSHOTS (light and dark),
/// for a person to look at.
TEST(ChartExport, Screenshots) {
    const QString dir = qEnvironmentVariable("GCSCOPE_CHART_SCREENSHOTS");
    if (dir.isEmpty()) GTEST_SKIP() << "set GCSCOPE_CHART_SCREENSHOTS=DIR to write screenshots";
    QDir().mkpath(dir);
    const QStringList logs{QStringLiteral("node22-workers-trace-gc.log"),
                           QStringLiteral("node26-oom-trace-gc.log"),
                           QStringLiteral("node22-leak-trace-gc.log"),
                           QStringLiteral("node18-churn-trace-gc-verbose.log")};
    for (const QString& log : logs) {
        LogSession session;
        load(session, log);
        Dashboard dashboard(session);
        if (log.contains(QStringLiteral("verbose")))
            dashboard.setExtraChart(Dashboard::ChartKind::HeapSpaces);
        if (log.contains(QStringLiteral("leak")))
            dashboard.setExtraChart(Dashboard::ChartKind::MutatorUtilisation);
        if (log.contains(QStringLiteral("workers"))) session.selectEvent({1, 5});
        for (bool dark : {false, true}) {
            dashboard.setDarkPalette(dark);
            const QString base = dir + QLatin1Char('/') + QFileInfo(log).baseName() +
                                 (dark ? QStringLiteral("-dark") : QString());
            EXPECT_TRUE(
                dashboard.renderDashboard(QSize(1400, 1000)).save(base + QStringLiteral(".png")));
        }
        // On screen (the widget itself, not the export path).
        dashboard.setDarkPalette(false);
        dashboard.resize(1400, 1000);
        dashboard.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&dashboard));
        QTest::qWait(4 * ChartView::kRedrawDelayMs);
        dashboard.grab().save(dir + QLatin1Char('/') + QFileInfo(log).baseName() +
                              QStringLiteral("-screen.png"));
        dashboard.hide();
        // The other extra charts, zoomed.
        const model::TimeRange full = session.fullRange();
        session.setVisibleRange({full.from_ms + (full.to_ms - full.from_ms) * 0.3,
                                 full.from_ms + (full.to_ms - full.from_ms) * 0.6});
        dashboard.setDarkPalette(false);
        dashboard.setExtraChart(Dashboard::ChartKind::PauseHistogram);
        dashboard.renderDashboard(QSize(1400, 1000))
            .save(dir + QLatin1Char('/') + QFileInfo(log).baseName() +
                  QStringLiteral("-zoom-hist.png"));
        dashboard.setExtraChart(Dashboard::ChartKind::AllocationRate);
        dashboard.renderChart(3, QSize(900, 300))
            .save(dir + QLatin1Char('/') + QFileInfo(log).baseName() +
                  QStringLiteral("-alloc.png"));
    }
}

}  // namespace
}  // namespace gcscope::ui::charts
