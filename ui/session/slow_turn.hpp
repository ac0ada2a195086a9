// Spreading slow GUI-thread work over turns of the event loop. While a large log loads, the
// charts' redraws and the panels' refreshes fall due together (they follow the same "data
// appended" notice) and ran back to back in one turn: the window froze for their sum.
#pragma once

#include <QtGlobal>

namespace gcscope::ui::slow_turn {

/// Work that took this long lets pending input and timers in before the next slow work.
constexpr qint64 kSlowMs = 20;

/// Whether slow work already ran in this turn of the event loop (GUI thread only): work that is
/// not urgent then waits for a later turn (a 0 ms timer, which is not due in the turn that
/// starts it).
bool taken();
/// Notes work of `ms` milliseconds done in this turn; from kSlowMs on, taken() until the next.
void note(qint64 ms);

}  // namespace gcscope::ui::slow_turn
