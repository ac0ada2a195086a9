#include "charts/chart_colours.hpp"

#include <iterator>

namespace gcscope::ui::charts {

QColor familyColor(CollectorFamily family, bool dark) {
    switch (family) {
        case CollectorFamily::Scavenge:
            return dark ? QColor(0x6f, 0xa8, 0xdc) : QColor(0x1f, 0x6f, 0xb4);
        case CollectorFamily::MarkCompact:
            return dark ? QColor(0xff, 0x8a, 0x5c) : QColor(0xd9, 0x48, 0x1c);
        case CollectorFamily::Minor:
            return dark ? QColor(0x7d, 0xd3, 0x7a) : QColor(0x2e, 0x8b, 0x3e);
        case CollectorFamily::Other:
            break;
    }
    return dark ? QColor(0xc9, 0xa0, 0xdc) : QColor(0x8e, 0x5b, 0xa8);
}

QColor isolateColor(size_t k, bool dark) {
    // Tableau 10, lightened on dark backgrounds.
    static const QRgb kLight[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0xb07aa1,
                                  0x76b7b2, 0xedc948, 0x9c755f, 0xff9da7, 0xbab0ac};
    const QColor c = QColor::fromRgb(kLight[k % std::size(kLight)]);
    return dark ? c.lighter(125) : c.darker(110);
}

QColor oomColor(bool dark) {
    return dark ? QColor(0xff, 0x55, 0x55) : QColor(0xc0, 0x10, 0x10);
}

}  // namespace gcscope::ui::charts
