#include "summary_data.hpp"

namespace gcscope::cli {

uint64_t Summary::gcRecords() const {
    uint64_t n = 0;
    for (const auto& s : sources) n += s.stats.gc_records;
    return n;
}

PauseTotals Summary::young() const {
    PauseTotals t;
    for (const auto& s : sources)
        for (const auto& i : s.isolates) t.merge(i.young);
    return t;
}

PauseTotals Summary::old() const {
    PauseTotals t;
    for (const auto& s : sources)
        for (const auto& i : s.isolates) t.merge(i.old);
    return t;
}

size_t Summary::isolateCount() const {
    size_t n = 0;
    for (const auto& s : sources) n += s.isolates.size();
    return n;
}

double Summary::spanMs() const {
    double span = parser::kAbsent;
    for (const auto& s : sources)
        for (const auto& i : s.isolates) {
            double v = i.spanMs();
            if (!parser::isAbsent(v) && (parser::isAbsent(span) || v > span)) span = v;
        }
    return span;
}

}  // namespace gcscope::cli
