// Memory per GC event of the model, and the cost of appending, with at least 3 million events.
//
//   gcscope-bench-model [--events N] [--isolates K]
//
// Appends N synthetic records (a realistic mix: 9 Scavenges per Mark-Compact, the usual
// reasons, mu and pooled printed as by Node 22) to one Timeline, spread over K isolates, and
// prints the bytes per event of the core columns (what the 64-byte target is about), of the whole
// model, and what malloc reports, beside the time per append.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/timeline.hpp"

namespace {

using Clock = std::chrono::steady_clock;

size_t mallocInUse() { return mallinfo2().uordblks + mallinfo2().hblkhd; }

}  // namespace

int main(int argc, char** argv) {
    size_t events = 3'000'000;
    size_t isolates = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--events")) events = std::stoul(argv[i + 1]);
        if (!std::strcmp(argv[i], "--isolates")) isolates = std::stoul(argv[i + 1]);
    }
    if (events < 3'000'000) std::fprintf(stderr, "note: fewer than 3 million events\n");

    const char* reasons[] = {"allocation failure", "allocation failure", "task", "testing",
                             "finalize incremental marking via stack guard"};
    const size_t before = mallocInUse();
    gcscope::model::Timeline timeline;
    timeline.addSource("bench.log");
    gcscope::parser::GcRecord r;
    r.key.pid = 4242;
    r.pooled_mb = 0;
    r.external_ms = 0;
    r.mu_average = 0.981;
    r.mu_current = 0.975;
    r.collector_reason = "";
    const auto t0 = Clock::now();
    for (size_t i = 0; i < events; ++i) {
        r.key.isolate = 0x5000000 + (i % isolates) * 0x10000;
        r.line = i + 1;
        r.time_ms = double(i / isolates) * 3.0 + 17;
        const bool full = i % 10 == 9;
        r.type = full ? gcscope::parser::GcType::MarkCompact : gcscope::parser::GcType::Scavenge;
        r.collector_reason = full ? "GC in old space requested" : "";
        r.pause_ms = full ? 12.34 : 0.5 + double(i % 7) * 0.11;
        r.used_before_mb = 40.0 + double(i % 100) * 0.1;
        r.committed_before_mb = 64.5;
        r.used_after_mb = full ? 20.3 : 35.2;
        r.committed_after_mb = 66.1;
        r.reason = reasons[i % 5];
        timeline.onGc(r);
    }
    const auto t1 = Clock::now();
    const size_t after = mallocInUse();

    size_t core = 0;
    for (size_t k = 0; k < timeline.seriesCount(); ++k) core += timeline.series(k).coreBytes();
    const double n = double(timeline.eventCount());
    const double append_ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / n;

    const auto s0 = Clock::now();
    const gcscope::model::RangeStats stats = gcscope::model::combinedStats(timeline);
    const auto s1 = Clock::now();

    std::printf("events: %.0f in %zu isolate(s)\n", n, timeline.seriesCount());
    std::printf("core columns:  %6.2f bytes/event  (target <= 64)\n", double(core) / n);
    std::printf("whole model:   %6.2f bytes/event  (Timeline::allocatedBytes: sparse columns, "
                "strings, directories)\n",
                double(timeline.allocatedBytes()) / n);
    std::printf("malloc in use: %6.2f bytes/event  (mallinfo2 before/after)\n", double(after - before) / n);
    std::printf("append:        %6.1f ns/event\n", append_ns);
    std::printf("statistics of everything: %.3f s (%llu events, p99 %.2f ms)\n",
                std::chrono::duration<double>(s1 - s0).count(), (unsigned long long)stats.events,
                stats.all.p99_ms);
    return double(core) / n <= 64 ? 0 : 1;
}
