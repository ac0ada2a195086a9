#include "charts/scatter_grid.hpp"

#include <cmath>
#include <vector>

namespace gcscope::ui::charts {

void thinToGrid(QList<QPointF>& points, const ScatterGrid& grid) {
    const double dx = grid.x_max - grid.x_min, dy = grid.y_max - grid.y_min;
    if (grid.columns <= 0 || grid.rows <= 0 || !(dx > 0) || !(dy > 0)) return;
    std::vector<bool> taken(size_t(grid.columns) * size_t(grid.rows), false);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF p = points[i];
        const double cx = std::floor((p.x() - grid.x_min) / dx * grid.columns);
        const double cy = std::floor((p.y() - grid.y_min) / dy * grid.rows);
        const bool inside = cx >= 0 && cx < grid.columns && cy >= 0 && cy < grid.rows;
        if (inside) {
            const size_t cell = size_t(cx) * size_t(grid.rows) + size_t(cy);
            if (taken[cell]) continue;
            taken[cell] = true;
        }
        points[kept++] = p;
    }
    points.resize(kept);
}

}  // namespace gcscope::ui::charts
