// --trace-gc-nvp in its key=value eras and Node 26's JSON form (formats file §4).
#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace gcscope::testing {
namespace {

TEST(NvpKeyValue, EveryKeyKeptAndSizesFromTotalSize) {
    auto r = parseOne(
        "[87623]    21738 ms: pause=1.2 mutator=69.5 gc=s external=0.0 mark=0.0 "
        "total_size_before=410249136 "
        "total_size_after=396809216 promotion_rate=8.7% semi_space_copy_rate=8.7% steps_count=0 "
        "steps_took=0.0 ");
    EXPECT_EQ(r.form, RecordForm::Nvp);
    EXPECT_EQ(r.type, GcType::Scavenge);
    EXPECT_EQ(r.key.pid, 87623);
    EXPECT_EQ(r.time_ms, 21738);
    EXPECT_EQ(r.pause_ms, 1.2);
    EXPECT_EQ(r.used_before_mb, 410249136 / 1048576.0);
    EXPECT_EQ(r.used_after_mb, 396809216 / 1048576.0);
    EXPECT_TRUE(isAbsent(r.committed_before_mb));
    ASSERT_EQ(r.fields.size(), 11u);
    EXPECT_EQ(r.fields[0], (std::pair<std::string, std::string>{"pause", "1.2"}));
    EXPECT_EQ(r.fields[2], (std::pair<std::string, std::string>{"gc", "s"}));
    EXPECT_EQ(r.field("promotion_rate"), 8.7);
    EXPECT_EQ(r.field("mutator"), 69.5);
    EXPECT_FALSE(r.has(kTruncated));
}

TEST(NvpKeyValue, IsolateEchoPrefixAndNegativeMutator) {
    auto r = parseOne(
        "[2927:0x1915ffd0] [I:0x1915ffd0]       59 ms: pause=3.1 mutator=-1795565088297.5 gc=s "
        "external=0.0 ");
    EXPECT_EQ(r.key.isolate, 0x1915ffd0u);
    EXPECT_EQ(r.time_ms, 59);
    EXPECT_EQ(r.field("mutator"), -1795565088297.5);
}

TEST(NvpKeyValue, GluedKeysAreSplit) {
    auto r = parseOne(
        "[1:0x2]      100 ms: pause=2.9 mutator=5.0 gc=s reduce_memory=0 "
        "scavenge.weak_global_handles.identify="
        "0.00scavenge.weak_global_handles.process=0.00scavenge.parallel=2.22 "
        "clear.join_filter_job=0.0clear."
        "join_job=0.0");
    EXPECT_EQ(r.field("scavenge.weak_global_handles.identify"), 0.0);
    EXPECT_EQ(r.field("scavenge.weak_global_handles.process"), 0.0);
    EXPECT_EQ(r.field("scavenge.parallel"), 2.22);
    EXPECT_EQ(r.field("clear.join_job"), 0.0);
    EXPECT_EQ(r.fields.size(), 9u);
}

TEST(NvpKeyValue, WrappedUnsignedAndThreePartPrefixAndModernSizes) {
    auto r = parseOne(
        "[14281:0x155c9000:0]       51 ms: pause=5.7 mutator=1.0 gc=mc reduce_memory=1 allocated="
        "18446744073709551615 start_object_size=2097152 end_object_size=1048576 "
        "start_memory_size=4194304 "
        "end_memory_size=3145728 during_sweeping=1");
    EXPECT_EQ(r.type, GcType::MarkCompact);
    EXPECT_EQ(r.key.isolate_id, 0);
    EXPECT_EQ(r.field("allocated"), 18446744073709551615.0);
    EXPECT_EQ(r.used_before_mb, 2.0);
    EXPECT_EQ(r.used_after_mb, 1.0);
    EXPECT_EQ(r.committed_before_mb, 4.0);
    EXPECT_EQ(r.committed_after_mb, 3.0);
    EXPECT_TRUE(r.has(kReduce));
    EXPECT_TRUE(r.has(kDuringSweeping));
    EXPECT_EQ(r.collectorName(), "Mark-Compact (reduce) (during sweeping)");
}

TEST(NvpKeyValue, CutOffLineKeepsWhatWasPrintedAndIsMarked) {
    auto r =
        parseOne("[51548:0x102004600]     3912 ms: pause=2.4 mutator=383.5 gc=s reduce_memory=");
    EXPECT_EQ(r.pause_ms, 2.4);
    EXPECT_TRUE(r.has(kTruncated));
    EXPECT_EQ(r.fields.size(), 3u);
}

TEST(NvpKeyValue, PairsWithoutGcCodeOrPauseAreNotRecords) {
    for (const char* line : {"[10114:0x102004600]    15896 ms: pause=what mutator=229.5 gc=s",
                             "[10114:0x102004600]    15896 ms: pause8.9 mutator=229.5 gc=s",
                             "[10114:0x102004600]    15896 ms: pau se=8.9 mutator=229.5 gc=s",
                             "[10114:0x102004600]    15896 ms: mutator=229.5 reduce_memory=0"}) {
        Parsed p = parse(line);
        EXPECT_TRUE(p.sink.records.empty()) << line;
        EXPECT_EQ(p.stats.unrecognised_lines, 1u) << line;
    }
}

TEST(NvpJson, Node26GcObject) {
    auto r = parseOne(
        R"([15469:0x15503000:0]       55 ms: GC: {"pause":2.254,"mutator":43.921,"gc":"s","reduce_memory":false,)"
        R"("time_to_safepoint":0,"stack":"","reason":"allocation failure","collector_reason":"",)"
        R"("start_object_size":3145728,"end_object_size":2097152,"start_memory_size":5242880,)"
        R"("end_memory_size":6291456,"allocated":1.07374e+09,"during_sweeping":true,"promotion_rate":1e-05})");
    EXPECT_EQ(r.form, RecordForm::NvpJson);
    EXPECT_EQ(r.type, GcType::Scavenge);
    EXPECT_EQ(r.time_ms, 55);
    EXPECT_EQ(r.pause_ms, 2.254);
    EXPECT_EQ(r.reason_text, "allocation failure");
    EXPECT_EQ(r.collector_reason_text, "");
    EXPECT_EQ(r.used_before_mb, 3.0);
    EXPECT_EQ(r.used_after_mb, 2.0);
    EXPECT_EQ(r.committed_before_mb, 5.0);
    EXPECT_EQ(r.committed_after_mb, 6.0);
    EXPECT_FALSE(r.has(kReduce));
    EXPECT_TRUE(r.has(kDuringSweeping));
    EXPECT_EQ(r.field("allocated"), 1.07374e+09);
    EXPECT_EQ(r.field("promotion_rate"), 1e-05);
    EXPECT_EQ(r.fields.size(), 15u);
}

TEST(NvpJson, IncrementalMarkCompactFromIsIncremental) {
    auto r = parseOne(
        R"([1:0x2:0]  9 ms: GC: {"pause":1.5,"gc":"mc","reduce_memory":true,"is_incremental":true})");
    EXPECT_EQ(r.type, GcType::IncrementalMarkCompact);
    EXPECT_TRUE(r.has(kReduce));
}

TEST(NvpJson, UnclosedObjectIsNotARecord) {
    Parsed p = parse(R"([1:0x2:0]  9 ms: GC: {"pause":1.5,"gc":"mc","reduce_mem)");
    EXPECT_TRUE(p.sink.records.empty());
    EXPECT_EQ(p.stats.unrecognised_lines, 1u);
}

}  // namespace
}  // namespace gcscope::testing
