#include "charts/series_summary.hpp"

#include <cmath>

#include "session/log_session.hpp"

namespace gcscope::ui::charts {

void SeriesSummary::update(const model::Series& s) {
    const size_t complete = s.size() / kBlock;
    if (blocks_.size() >= complete) return;
    while (blocks_.size() < complete) {
        const size_t begin = blocks_.size() * kBlock;
        Block b;
        s.forEachSpan(begin, begin + kBlock, [&](const model::EventSpan& e) {
            for (size_t k = 0; k < e.count; ++k) {
                const size_t i = e.first + k;
                const double t = e.time[k];
                if (i == begin) b.t_first = t;
                b.t_last = t;
                if (const double v = e.used_before[k]; !std::isnan(v)) b.used.add({t, v, 2 * i});
                if (const double v = e.used_after[k]; !std::isnan(v)) b.used.add({t, v, 2 * i + 1});
                if (const double v = e.committed_before[k]; !std::isnan(v))
                    b.committed.add({t, v, 2 * i});
                if (const double v = e.committed_after[k]; !std::isnan(v))
                    b.committed.add({t, v, 2 * i + 1});
                const auto type = parser::GcType(e.type[k]);
                const double p = e.pause[k];
                if (!std::isnan(p)) b.pause[size_t(familyOf(type))].add({t, p, i});
                if (parser::generationOf(type) == parser::Generation::Young) {
                    ++b.young;
                    if (!std::isnan(p)) b.young_pause_ms += p;
                } else {
                    ++b.old;
                    if (!std::isnan(p)) b.old_pause_ms += p;
                }
            }
        });
        blocks_.push_back(b);
    }
}

SummaryCache::SummaryCache(LogSession& session) : QObject(&session), session_(session) {
    setObjectName(QStringLiteral("gcscope chart summaries"));
}

SummaryCache& SummaryCache::of(LogSession& session) {
    if (auto* cache = session.findChild<SummaryCache*>(QString(), Qt::FindDirectChildrenOnly))
        return *cache;
    return *new SummaryCache(session);
}

const SeriesSummary& SummaryCache::get(size_t series) {
    if (summaries_.size() <= series) summaries_.resize(series + 1);
    summaries_[series].update(session_.timeline().series(series));
    return summaries_[series];
}

}  // namespace gcscope::ui::charts
