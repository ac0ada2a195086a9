#include "summary_builder.hpp"

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

    std::vector<size_t> all;
    for (size_t i = 0; i < timeline.seriesCount(); ++i) {
        const model::Series& series = timeline.series(i);
        // A series can exist with heap-space samples only; isolates are what printed a GC.
        if (series.size() == 0 || series.source() >= summary.sources.size()) continue;
        all.push_back(i);
        IsolateSummary& iso = summary.sources[series.source()].isolates.emplace_back();
        iso.series = i;
        iso.key = series.key();
        iso.key.isolate_id = series.isolateId();
        iso.isolate_text = series.isolateText();
    }
    // Each isolate's statistics and the overall ones in one pass over the events.
    std::vector<model::RangeStats> per_isolate;
    // All cores: a log of thousands of isolates spends most of its time in per-isolate work.
    summary.overall = model::combinedStats(timeline, all, range, &per_isolate, 0);
    std::vector<size_t> position(timeline.seriesCount());
    for (size_t k = 0; k < all.size(); ++k) position[all[k]] = k;
    for (SourceSummary& source : summary.sources)
        for (IsolateSummary& iso : source.isolates) iso.stats = std::move(per_isolate[position[iso.series]]);

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

    for (model::Finding& f : model::diagnose(timeline, range, 0)) {
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
