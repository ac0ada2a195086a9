// Thinning a scatter drawn from many isolates: their pauses land on the same few pixels.
#pragma once

#include <QList>
#include <QPointF>

namespace gcscope::ui::charts {

/// The plot a scatter is drawn into, in data units, cut into cells of a few pixels.
struct ScatterGrid {
    double x_min = 0, x_max = 1;
    double y_min = 0, y_max = 1;
    int columns = 1;
    int rows = 1;
};

/// Keeps the first point of each cell of `grid` and drops the others, in order; points outside the
/// grid are kept. Each series is already decimated to about two points per column, but a log of
/// thousands of isolates puts thousands of series on one time axis (each isolate counts from its
/// own start): 26,000 isolates made 2.4 million dots and a 3 s redraw. A dot is wider than a cell,
/// so the picture is the same with at most columns × rows points.
void thinToGrid(QList<QPointF>& points, const ScatterGrid& grid);

}  // namespace gcscope::ui::charts
