// The window icon. Qt here has no SVG engine, so the picture of app/gui/gcscope.svg is painted
// in code; an installed theme icon "gcscope" (the SVG) is preferred where one can be drawn.
#pragma once

#include <QIcon>

namespace gcscope::ui {

QIcon appIcon();

}  // namespace gcscope::ui
