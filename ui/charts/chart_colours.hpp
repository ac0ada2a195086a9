// The charts' colours, one set for light and one for dark palettes: collector families keep
// their colour in every chart, isolates cycle through a palette that stays distinct.
#pragma once

#include <QColor>
#include <cstddef>

#include "charts/chart_adapters.hpp"

namespace gcscope::ui::charts {

QColor familyColor(CollectorFamily family, bool dark);
QColor isolateColor(size_t k, bool dark);  ///< k-th distinct colour (cycles)
QColor oomColor(bool dark);

}  // namespace gcscope::ui::charts
