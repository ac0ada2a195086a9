// What the summary panel computes, as a value: statistics and findings of the shown isolates over
// the visible range and the whole log. Pure and thread-safe under the Timeline's reading rule, so
// it runs off the GUI thread (a million events in thousands of isolates take seconds).
#pragma once

#include <QtGlobal>
#include <optional>
#include <vector>

#include "gcscope/model/diagnosis.hpp"
#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/time_range.hpp"

namespace gcscope::model {
class Timeline;
}

namespace gcscope::ui {

struct SummaryJob {
    std::vector<size_t> series;  ///< the shown series
    model::TimeRange range;      ///< the visible range
    bool zoomed = false;         ///< range differs from the whole log (else computed once)
    bool whole = true;           ///< also the whole log (it changes with data and visibility only)
    bool loading = false;        ///< a log was still loading: the result is of the log so far
};

struct SummaryResult {
    model::RangeStats visible;
    std::optional<model::RangeStats> whole;
    /// Findings of the shown series (and OOM reports of isolates without a record), most severe
    /// first. Unzoomed, `visible_findings` is empty and the whole log's stand for both.
    std::vector<model::Finding> visible_findings;
    std::optional<std::vector<model::Finding>> whole_findings;
    qint64 elapsed_ms = 0;
};

SummaryResult computeSummary(const model::Timeline& timeline, const SummaryJob& job);

}  // namespace gcscope::ui
