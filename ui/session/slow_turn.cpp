#include "session/slow_turn.hpp"

#include <QTimer>

namespace gcscope::ui::slow_turn {
namespace {
bool g_taken = false;
}  // namespace

bool taken() {
    return g_taken;
}

void note(qint64 ms) {
    if (ms < kSlowMs || g_taken) return;
    g_taken = true;
    QTimer::singleShot(0, [] { g_taken = false; });
}

}  // namespace gcscope::ui::slow_turn
