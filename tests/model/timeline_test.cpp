// Timeline: series per (source, pid, isolate), columns that print back what the log printed,
// interning, sparse columns, and "appending in pieces gives the same model".
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

#include "gcscope/model/range_stats.hpp"
#include "gcscope/model/timeline.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

const std::string kMarkCompactJ =
    "[6650:0x140008000]    28117 ms: Mark-Compact (reduce) 2034.1 (2085.4) -> 2034.1 (2085.7) "
    "MB, 817.29 / 0.00 ms  (average mu = 0.197, current mu = 0.122) allocation failure; GC in old "
    "space requested\n";
const std::string kIncremental =
    "[8660:0x3b1ed000]      104 ms: Mark-Compact 20.8 (46.7) -> 17.1 (53.5) MB, pooled: 0 MB, 2.88 / "
    "0.00 ms  (+ 1.0 ms in 0 steps since start of marking, biggest step 0.0 ms, walltime since "
    "start of marking 14 ms) (average mu = 0.962, current mu = 0.962) finalize incremental marking "
    "via stack guard; GC in old space requested\n";
const std::string kNvp =
    "[51548:0x102004600]     3912 ms: pause=2.4 mutator=383.5 gc=s reduce_memory=0 "
    "scavenge=2.18 old_new=0.12 total_size_before=2621440 total_size_after=1048576 "
    "holes_size_before=0 holes_size_after=0 allocated=1572864 promoted=524288\n";

TEST(Timeline, ColumnsPrintBackWhatTheLogPrinted) {
    Timeline t;
    parseInto(t, kMarkCompactJ);
    ASSERT_EQ(t.seriesCount(), 1u);
    const Series& s = t.series(0);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s.key().pid, 6650);
    EXPECT_EQ(s.isolateText(), "0x140008000");
    EXPECT_EQ(s.timeMs(0), 28117);
    EXPECT_EQ(s.pauseMs(0), 817.29);
    // Sizes are kept as float; they come back as the double of the printed decimal.
    EXPECT_EQ(s.usedBeforeMb(0), 2034.1);
    EXPECT_EQ(s.committedBeforeMb(0), 2085.4);
    EXPECT_EQ(s.usedAfterMb(0), 2034.1);
    EXPECT_EQ(s.committedAfterMb(0), 2085.7);
    EXPECT_EQ(s.externalMs(0), 0);
    EXPECT_TRUE(std::isnan(s.pooledMb(0)));
    EXPECT_EQ(s.muAverage(0), 0.197);
    EXPECT_EQ(s.muCurrent(0), 0.122);
    EXPECT_EQ(s.line(0), 1u);
    EXPECT_EQ(s.type(0), parser::GcType::MarkCompact);
    EXPECT_EQ(s.generation(0), parser::Generation::Old);
    EXPECT_EQ(collectorName(s.collector(0)), "Mark-Compact (reduce)");
    EXPECT_EQ(t.strings().at(s.reason(0)), "allocation failure");
    EXPECT_EQ(t.strings().at(s.collectorReason(0)), "GC in old space requested");
    EXPECT_FALSE(s.incremental(0).has_value());
}

TEST(Timeline, IncrementalClauseIsASparseColumn) {
    Timeline t;
    parseInto(t, kIncremental + kMarkCompactJ);
    const Series& s = t.series(0);
    ASSERT_TRUE(s.incremental(0).has_value());
    EXPECT_EQ(s.incremental(0)->ms, 1.0);
    EXPECT_EQ(s.incremental(0)->steps, 0);
    EXPECT_EQ(s.incremental(0)->biggest_step_ms, 0.0);
    EXPECT_EQ(s.incremental(0)->walltime_ms, 14);
    EXPECT_EQ(s.pooledMb(0), 0);
    EXPECT_EQ(s.usedAfterMb(0), 17.1);
}

TEST(Timeline, NvpKeysBecomeColumnsByKey) {
    Timeline t;
    parseInto(t, kNvp);
    const Series& s = t.series(0);
    const uint32_t promoted = t.nvpKeys().find("promoted");
    ASSERT_NE(promoted, UINT32_MAX);
    EXPECT_EQ(s.nvpValue(0, promoted), 524288);
    EXPECT_EQ(s.nvpValue(0, t.nvpKeys().find("scavenge")), 2.18);
    EXPECT_TRUE(std::isnan(s.nvpValue(0, t.nvpKeys().find("gc"))));  // text value: not a column
    EXPECT_EQ(s.usedBeforeMb(0), 2.5);  // total_size_before in MiB
    EXPECT_EQ(s.form(0), parser::RecordForm::Nvp);
}

TEST(Timeline, OneSeriesPerSourcePidAndIsolate) {
    Timeline t;
    t.addSource("a.log");
    Gc main = young(10, 1), worker = young(5, 1), other_pid = young(7, 1);
    worker.isolate = 0x2;
    other_pid.pid = 200;
    append(t, {main, worker, main, other_pid, worker});
    t.addSource("b.log");  // same pid and isolate in another log: another series
    append(t, {main});
    ASSERT_EQ(t.seriesCount(), 4u);
    EXPECT_EQ(t.series(0).size(), 2u);
    EXPECT_EQ(t.series(1).size(), 2u);
    EXPECT_EQ(t.series(1).key().isolate, 0x2u);
    EXPECT_EQ(t.series(2).key().pid, 200);
    EXPECT_EQ(t.series(3).source(), 1u);
    EXPECT_EQ(t.findSeries(1, main.record().key), 3);
    EXPECT_EQ(t.eventCount(), 6u);
}

TEST(Timeline, ReasonsAreInternedOnce) {
    Timeline t;
    Gc a = young(1, 1), b = young(2, 1);
    b.reason = "task";
    fill(t, {a, a, b, a});
    const Series& s = t.series(0);
    EXPECT_EQ(s.reason(0), s.reason(1));
    EXPECT_EQ(s.reason(0), s.reason(3));
    EXPECT_NE(s.reason(0), s.reason(2));
    EXPECT_EQ(t.strings().size(), 3u);  // "", "allocation failure", "task"
}

TEST(Timeline, ReasonAndCollectorReasonEachKeepTheirOwnId) {
    // Both are interned per record, alternately: each field's memo must give its own string.
    Timeline t;
    t.addSource("log");
    parser::GcRecord r;
    const char* reasons[][2] = {{"allocation failure", "scavenge might not succeed"},
                                {"allocation failure", "scavenge might not succeed"},
                                {"task", "scavenge might not succeed"},
                                {"task", ""},
                                {"allocation failure", "task"}};
    for (auto& [reason, collector] : reasons) {
        r.reason = reason;
        r.collector_reason = collector;
        t.onGc(r);
    }
    const Series& s = t.series(0);
    for (size_t i = 0; i < std::size(reasons); ++i) {
        EXPECT_EQ(t.strings().at(s.reason(i)), reasons[i][0]) << i;
        EXPECT_EQ(t.strings().at(s.collectorReason(i)), reasons[i][1]) << i;
    }
    EXPECT_EQ(t.strings().size(), 4u);  // "", and the three strings
}

TEST(Timeline, TimeGoingBackwardsIsKeptButRangesStaySorted) {
    Timeline t;
    Gc nan_time = young(parser::kAbsent, 1);
    fill(t, {young(10, 1), young(20, 1), young(15, 1), nan_time, young(30, 1)});
    const Series& s = t.series(0);
    EXPECT_EQ(s.timeMs(2), 15);  // as printed
    EXPECT_EQ(s.sortTimeMs(2), 20);
    EXPECT_TRUE(std::isnan(s.timeMs(3)));
    EXPECT_EQ(s.sortTimeMs(3), 20);
    EXPECT_TRUE(s.flags(2) & kTimeAdjusted);
    EXPECT_FALSE(s.flags(1) & kTimeAdjusted);
    const IndexRange r = s.locate({20, 20});
    EXPECT_EQ(r.begin, 1u);
    EXPECT_EQ(r.end, 4u);
}

TEST(Timeline, OomMarkerFindsItsIsolateEvenWhenPrintedBeforeItsRecords) {
    Timeline t;
    parseInto(t, readFile(std::string(GCSCOPE_SAMPLE_LOGS_DIR) + "/node20-oom-none.log"));
    ASSERT_EQ(t.oomCount(), 2u);
    ASSERT_EQ(t.seriesCount(), 1u);
    EXPECT_EQ(t.seriesOf(t.oom(0)), 0);
    EXPECT_EQ(t.seriesOf(t.oom(1)), 0);
    EXPECT_EQ(t.oom(1).kind, parser::OomMarker::Kind::FatalError);
}

TEST(Timeline, HeapSpaceSamplesArePerSeries) {
    Timeline t;
    parseInto(t, sampleLog("node12-churn-trace-gc-verbose.log"));
    ASSERT_EQ(t.seriesCount(), 1u);
    const Series& s = t.series(0);
    EXPECT_EQ(s.heapSpaceCount(), 190u);  // tests/data/sample-logs.expected.tsv
    const uint32_t old_space = t.spaces().find("Old space");
    ASSERT_NE(old_space, UINT32_MAX);
    size_t old_samples = 0;
    for (size_t j = 0; j < s.heapSpaceCount(); ++j) old_samples += s.heapSpace(j).space == old_space;
    EXPECT_EQ(old_samples, 19u);  // one per GC record
}

TEST(Timeline, WhatTheOptionsLeaveOutIsNotKeptButSeriesAreTheSame) {
    const std::string log = sampleLog("node12-churn-trace-gc-verbose.log") + kIncremental;
    Timeline all, lean({.keep_nvp = false, .keep_heap_spaces = false, .keep_incremental = false});
    parseInto(all, log);
    parseInto(lean, log);
    ASSERT_EQ(lean.seriesCount(), all.seriesCount());
    for (size_t k = 0; k < all.seriesCount(); ++k) {
        const Series &a = all.series(k), &b = lean.series(k);
        EXPECT_EQ(b.key(), a.key());
        ASSERT_EQ(b.size(), a.size());
        EXPECT_EQ(b.heapSpaceCount(), 0u);
        for (size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(b.flags(i), a.flags(i));  // kHasIncremental still says the record had one
            EXPECT_FALSE(b.incremental(i).has_value());
        }
    }
    EXPECT_GT(all.series(0).heapSpaceCount(), 0u);
    EXPECT_TRUE(all.series(1).incremental(0).has_value());
}

TEST(Timeline, ManySmallIsolatesStayWithinTheMemoryBudget) {
    // A log of tens of thousands of isolates of ~100 GCs each (one per process): each series'
    // first blocks and its last block's unused rows are paid per isolate. The core columns must
    // stay within 64 bytes per event and the whole model within 1.5 times that.
    Timeline t;
    t.addSource("many.log");
    constexpr size_t kIsolates = 2000, kGcs = 91;
    parser::GcRecord r;
    r.pause_ms = 1.5;
    r.reason = "allocation failure";
    for (size_t i = 0; i < kIsolates * kGcs; ++i) {
        r.key.pid = int64_t(1000 + i / kGcs);  // each process's records in a run, as logs have them
        r.key.isolate = 0x5000;
        r.time_ms = double(i % kGcs) * 10;
        r.type = i % 10 == 9 ? parser::GcType::MarkCompact : parser::GcType::Scavenge;
        r.incremental_ms = i % 10 == 9 ? 1.0 : parser::kAbsent;
        t.onGc(r);
    }
    const double events = double(t.eventCount());
    size_t core = 0;
    for (size_t k = 0; k < t.seriesCount(); ++k) core += t.series(k).coreBytes();
    EXPECT_LE(double(core) / events, 64.0);
    EXPECT_LE(double(t.allocatedBytes()) / events, 96.0);
}

/// Every column of every series, as text, to compare two models.
std::string dump(const Timeline& t) {
    std::string out;
    char buf[512];
    for (size_t k = 0; k < t.seriesCount(); ++k) {
        const Series& s = t.series(k);
        out += "series " + std::to_string(s.source()) + " " + std::to_string(s.key().pid) + " " +
               s.isolateText() + " " + std::to_string(s.isolateId()) + "\n";
        for (size_t i = 0; i < s.size(); ++i) {
            std::snprintf(buf, sizeof buf, "%.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %llu %u %u %u %u %u\n",
                          s.timeMs(i), s.sortTimeMs(i), s.pauseMs(i), s.usedBeforeMb(i),
                          s.committedBeforeMb(i), s.usedAfterMb(i), s.committedAfterMb(i),
                          s.externalMs(i), s.pooledMb(i), s.muAverage(i), s.muCurrent(i),
                          (unsigned long long)s.line(i), unsigned(s.type(i)), unsigned(s.flags(i)),
                          unsigned(s.form(i)), unsigned(s.reason(i)), unsigned(s.collectorReason(i)));
            out += buf;
            if (auto inc = s.incremental(i)) out += "inc " + std::to_string(inc->ms) + "\n";
        }
        for (size_t c = 0; c < s.nvpColumnCount(); ++c) {
            const NvpColumn& col = s.nvpColumn(c);
            out += "nvp " + std::string(t.nvpKeys().at(col.key));
            for (size_t j = 0; j < col.size(); ++j)
                out += " " + std::to_string(col.event[j]) + "=" + std::to_string(col.value[j]);
            out += "\n";
        }
        for (size_t j = 0; j < s.heapSpaceCount(); ++j)
            out += "heap " + std::string(t.spaces().at(s.heapSpace(j).space)) + " " +
                   std::to_string(s.heapSpace(j).used_kb) + "\n";
    }
    for (size_t i = 0; i < t.oomCount(); ++i) out += "oom " + std::to_string(t.oom(i).line) + " " + t.oom(i).message + "\n";
    return out;
}

TEST(Timeline, AppendingInPiecesGivesTheSameModelAsAtOnce) {
    for (const char* name : {"node26-workers-trace-gc-nvp.log", "node22-oom-trace-gc.log",
                             "node12-churn-trace-gc-verbose.log", "node22-leaky-handler-trace-gc.log"}) {
        SCOPED_TRACE(name);
        const std::string text = sampleLog(name);
        Timeline whole;
        parseInto(whole, text, name);
        const std::string expected = dump(whole);
        ASSERT_GT(whole.eventCount(), 10u);
        std::mt19937 rng(7);
        for (size_t chunk : {size_t(1), size_t(7), size_t(4096)}) {
            Timeline pieces;
            parseInto(pieces, text, name, chunk);
            EXPECT_EQ(dump(pieces), expected) << "chunk " << chunk;
        }
        // Random cuts, and statistics equal too.
        Timeline random;
        const uint32_t source = random.addSource(name);
        {
            parser::StreamParserOptions options;
            options.threads = 1;
            parser::StreamParser p(random, options);
            for (size_t i = 0; i < text.size();) {
                const size_t n = std::min(text.size() - i, size_t(rng() % 300));
                p.feed(std::string_view(text).substr(i, n));
                i += n;
            }
            p.finish();
            random.setSourceStats(source, p.stats());
        }
        EXPECT_EQ(dump(random), expected);
        const RangeStats a = combinedStats(whole), b = combinedStats(random);
        EXPECT_EQ(a.all.total_ms, b.all.total_ms);
        EXPECT_EQ(a.all.p99_ms, b.all.p99_ms);
        EXPECT_EQ(a.events, b.events);
    }
}

TEST(Timeline, AppendingRecordsOneByOneOrAllAtOnceIsTheSame) {
    std::vector<Gc> gcs;
    for (int i = 0; i < 1000; ++i) gcs.push_back(i % 10 == 9 ? full(i * 10.0, 50 + i * 0.1) : young(i * 10.0, 0.5 + i % 3));
    Timeline at_once, in_pieces;
    fill(at_once, gcs);
    in_pieces.addSource("test.log");
    for (size_t i = 0; i < gcs.size(); i += 137)
        append(in_pieces, std::vector<Gc>(gcs.begin() + long(i), gcs.begin() + long(std::min(gcs.size(), i + 137))));
    EXPECT_EQ(dump(in_pieces), dump(at_once));
}

// The GUI contract: a reader may compute statistics on the published prefix while the writer
// appends. Run under -fsanitize=thread to check the ordering.
TEST(Timeline, ReaderComputesStatisticsWhileWriterAppends) {
    Timeline t;
    t.addSource("live.log");
    append(t, {young(0, 1)});
    std::atomic<bool> done{false};
    std::atomic<bool> bad{false};
    std::thread reader([&] {
        while (!done) {
            const Series& s = t.series(0);
            const size_t n = s.size();
            const RangeStats st = seriesStats(t, 0, {0, double(n)});
            // Every event i has time i and pause 1: all published events are complete.
            if (st.events < n || st.all.total_ms != double(st.events)) bad = true;
        }
    });
    for (int i = 1; i < 200000; ++i) t.onGc(young(i, 1).record());
    done = true;
    reader.join();
    EXPECT_FALSE(bad);
    EXPECT_EQ(t.series(0).size(), 200000u);
}

}  // namespace
}  // namespace gcscope::model::test
