// The summary panel's rows: RangeStats turned into labelled text, one function per column so the
// "visible range" and "whole log" columns can never disagree on what a row means.
#pragma once

#include <QString>
#include <QStringList>

#include "gcscope/model/range_stats.hpp"

namespace gcscope::ui {

enum class SummaryRow {
    Span,
    Events,
    Isolates,
    YoungGcs,
    YoungPause,
    OldGcs,
    OldPause,
    PauseTotal,
    PauseMean,
    PauseMax,
    PauseP50,
    PauseP95,
    PauseP99,
    PauseP999,
    GcOverhead,
    BetweenMedian,
    BetweenMin,
    MaxCommitted,
    MaxUsed,
    LiveSetTrend,
    LiveSetFit,
    Count
};

/// Row labels, in SummaryRow order.
QStringList summaryRowLabels();
/// Tool tips explaining each row, in SummaryRow order.
QStringList summaryRowToolTips();
/// The cell of `row` for these statistics.
QString summaryCell(const model::RangeStats& stats, SummaryRow row);

}  // namespace gcscope::ui
