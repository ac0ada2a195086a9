#include "panels/summary_job.hpp"

#include <QElapsedTimer>
#include <algorithm>

#include "gcscope/model/timeline.hpp"

namespace gcscope::ui {

namespace {

std::vector<model::Finding> findingsOf(const model::Timeline& timeline,
                                       const std::vector<size_t>& shown,
                                       const model::TimeRange& range) {
    std::vector<model::Finding> out;
    for (model::Finding& f : model::diagnose(timeline, range))
        if (f.series < 0 || std::binary_search(shown.begin(), shown.end(), size_t(f.series)))
            out.push_back(std::move(f));
    std::stable_sort(out.begin(), out.end(), [](const model::Finding& a, const model::Finding& b) {
        return a.severity > b.severity;
    });
    return out;
}

}  // namespace

SummaryResult computeSummary(const model::Timeline& timeline, const SummaryJob& job) {
    QElapsedTimer clock;
    clock.start();
    SummaryResult r;
    std::vector<size_t> shown = job.series;
    std::sort(shown.begin(), shown.end());
    if (job.whole || !job.zoomed) {
        r.whole = model::combinedStats(timeline, shown, {});
        r.whole_findings = findingsOf(timeline, shown, {});
    }
    if (job.zoomed) {
        r.visible = model::combinedStats(timeline, shown, job.range);
        r.visible_findings = findingsOf(timeline, shown, job.range);
    } else {
        r.visible = *r.whole;
    }
    r.elapsed_ms = clock.elapsed();
    return r;
}

}  // namespace gcscope::ui
