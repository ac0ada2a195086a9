#include "summary_builder.hpp"

#include <thread>

namespace gcscope::cli {

Summary buildSummary(const model::Timeline& timeline, const std::vector<SourceRun>& runs,
                     const model::TimeRange& range) {
    Summary summary;
    summary.range = range;
    summary.sources.resize(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
        SourceSummary& s = summary.sources[i];
        s.path = runs[i].path;
        s.stats = runs[i].stats;
        s.error = runs[i].error;
    }

    // Isolates are what printed a GC: a series can exist with heap-space samples only. Counted
    // first, so each source's list is allocated once at its size (tens of thousands of isolates).
    std::vector<size_t> all;
    std::vector<size_t> per_source(summary.sources.size(), 0);
    for (size_t i = 0; i < timeline.seriesCount(); ++i) {
        const model::Series& series = timeline.series(i);
        if (series.size() == 0 || series.source() >= summary.sources.size()) continue;
        all.push_back(i);
        ++per_source[series.source()];
    }
    for (size_t s = 0; s < summary.sources.size(); ++s)
        summary.sources[s].isolates.reserve(per_source[s]);
    std::vector<IsolateSummary*> slot(all.size());
    for (size_t k = 0; k < all.size(); ++k) {
        const model::Series& series = timeline.series(all[k]);
        IsolateSummary& iso = summary.sources[series.source()].isolates.emplace_back();
        iso.series = all[k];
        iso.key = series.key();
        iso.key.isolate_id = series.isolateId();
        iso.isolate_text = series.isolateText();
        slot[k] = &iso;
    }
    // Each isolate's statistics and the overall ones in one pass over the events, each isolate's
    // stored straight into its summary. All cores: a log of thousands of isolates spends most of
    // its time in per-isolate work.
    // The diagnosis reads the same (no longer growing) timeline and needs nothing from the
    // statistics, so it runs beside them: on a one-process log the statistics of its single
    // isolate keep one core busy on their own.
    std::vector<model::Finding> findings;
    std::jthread diagnosis([&] { findings = model::diagnose(timeline, range, 0); });
    auto store = [&](size_t k, model::RangeStats&& stats) { slot[k]->stats = std::move(stats); };
    summary.overall = model::combinedStats(timeline, all, range, store, 0);
    diagnosis.join();

    for (size_t i = 0; i < timeline.oomCount(); ++i) {
        const model::OomEntry& e = timeline.oom(i);
        if (e.source >= summary.sources.size()) continue;
        SourceSummary& s = summary.sources[e.source];
        if (s.ooms.size() >= SourceSummary::kMaxKeptOoms) continue;
        OomSummary& o = s.ooms.emplace_back();
        o.line = e.line;
        o.key = e.key;
        o.isolate_text = e.key.isolateText();
        o.time_ms = e.time_ms;
        o.kind = e.kind;
        o.message = e.message;
    }

    for (model::Finding& f : findings) {
        FindingSummary& fs = summary.diagnosis.emplace_back();
        fs.source = f.source < summary.sources.size() ? summary.sources[f.source].path : std::string();
        if (f.series >= 0) {
            const model::Series& series = timeline.series(size_t(f.series));
            fs.has_isolate = true;
            fs.key = series.key();
            fs.key.isolate_id = series.isolateId();
            fs.isolate_text = series.isolateText();
        }
        fs.finding = std::move(f);
    }
    return summary;
}

}  // namespace gcscope::cli
