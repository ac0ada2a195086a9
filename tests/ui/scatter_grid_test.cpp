// Thinning the pause scatter of many isolates to one dot per grid cell, and the pause chart of a
// log with thousands of isolates staying within that bound.
#include "charts/scatter_grid.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include <QLineSeries>

#include "charts/pause_chart.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui::charts {
namespace {

TEST(ScatterGrid, KeepsTheFirstPointOfEachCellInOrder) {
    // A 10 x 10 grid over [0, 10] x [0, 100]: cells are 1 wide and 10 high.
    const ScatterGrid grid{0, 10, 0, 100, 10, 10};
    QList<QPointF> points{{0.5, 5}, {0.6, 6}, {0.5, 15}, {3.2, 50}, {0.7, 9}, {3.9, 59}, {9.9, 99}};
    thinToGrid(points, grid);
    EXPECT_EQ(points, (QList<QPointF>{{0.5, 5}, {0.5, 15}, {3.2, 50}, {9.9, 99}}));
}

TEST(ScatterGrid, PointsOutsideTheGridAreKeptAndAnEmptyGridChangesNothing) {
    QList<QPointF> points{{-1, 5}, {-1, 5}, {11, 5}, {5, 500}};
    thinToGrid(points, ScatterGrid{0, 10, 0, 100, 10, 10});
    EXPECT_EQ(points.size(), 4);
    QList<QPointF> same{{1, 1}, {1, 1}};
    thinToGrid(same, ScatterGrid{0, 0, 0, 100, 10, 10});  // no width: nothing to cut into cells
    EXPECT_EQ(same.size(), 2);
}

TEST(ScatterGrid, ThePauseChartOfThousandsOfIsolatesHoldsAtMostOneDotPerCell) {
    // 3000 isolates on the same clock (each counts from its own start), 40 GCs each.
    std::string text;
    char line[256];
    for (int iso = 0; iso < 3000; ++iso)
        for (int k = 0; k < 40; ++k) {
            std::snprintf(line, sizeof line,
                          "[%d:0x%x] %8d ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, %.2f / 0.00 ms  "
                          "(average mu = 1.000, current mu = 1.000) allocation failure;\n",
                          1000 + iso, 0x1000 + iso, 10 + 25 * k, 0.1 + 0.013 * ((iso * 7 + k) % 500));
            text += line;
        }
    LogSession session;
    model::Timeline& timeline = session.timeline();
    timeline.addSource("many.log");
    parser::StreamParser parser(timeline);
    parser.feed(text);
    parser.finish();
    session.noteLoadStarted(0, QStringLiteral("many.log"));
    session.noteLoadFinished(0, parser.stats(), QString());
    session.resetZoom();  // show everything
    ASSERT_EQ(timeline.seriesCount(), 3000u);

    PauseChart chart(session);
    chart.resize(1200, 400);
    chart.layoutNow();
    chart.redrawNow();
    const QLineSeries* dots = chart.familySeries(CollectorFamily::Scavenge);
    const int columns = chart.plotWidth() / PauseChart::kPixelsPerColumn;
    const int rows = int(chart.chart()->plotArea().height()) / PauseChart::kPixelsPerColumn;
    EXPECT_GT(dots->count(), 40);  // every distinct spot is still drawn …
    EXPECT_LE(dots->count(), columns * rows);  // … and no more than one dot per cell
    EXPECT_LT(dots->count(), 120000 / 10);
}

}  // namespace
}  // namespace gcscope::ui::charts
