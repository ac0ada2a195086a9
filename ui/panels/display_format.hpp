// Numbers as the panels show them to people: fixed decimals, thousands separators, "—" for absent
// (NaN). Locale-independent, so screenshots and tests read the same everywhere.
#pragma once

#include <QString>
#include <cstdint>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::ui {

inline const QString kAbsentText = QStringLiteral("—");

/// 1234567 -> "1,234,567".
QString formatCount(uint64_t n);
/// `v` with `decimals` places and `unit` appended after a space ("12.5 ms"), or "—".
QString formatFixed(double v, int decimals, const QString& unit = {});
/// A duration: "850 µs", "12.3 ms", "4.56 s", "3.2 min", "1.5 h" — the unit that keeps 3 digits.
QString formatDuration(double ms);
/// A pause in ms with two decimals (V8 prints two): "1.25 ms".
QString formatPause(double ms);
QString formatMb(double mb);
QString formatPercent(double pct);
/// "pid 1234 · 0x5dad670", "pid 1234", "no pid".
QString isolateLabel(const parser::IsolateKey& key, const std::string& isolate_text);

}  // namespace gcscope::ui
