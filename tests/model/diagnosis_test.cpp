// The diagnosis rules on made-up isolates whose verdict is known.
#include <gtest/gtest.h>

#include "gcscope/model/diagnosis.hpp"
#include "gcscope/model/timeline.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

std::vector<Finding> diagnoseGcs(const std::vector<Gc>& gcs) {
    Timeline t;
    fill(t, gcs);
    return diagnose(t);
}

const Finding* find(const std::vector<Finding>& fs, FindingKind k) {
    for (const Finding& f : fs)
        if (f.kind == k) return &f;
    return nullptr;
}

std::vector<Point> points(const std::vector<std::pair<double, double>>& tv) {
    std::vector<Point> out;
    for (const auto& [t, v] : tv) out.push_back({t, v, out.size()});
    return out;
}

TEST(Leak, SteadyGrowthIsALeakWithItsEvidence) {
    // 9 full GCs a minute apart, the live set growing 12 MB each: 12 MB/min, R² 1.
    std::vector<Gc> gcs;
    for (int i = 0; i < 9; ++i) {
        gcs.push_back(full(i * 60000.0, 100 + 12 * i));
        gcs.push_back(young(i * 60000.0 + 30000, 1));
    }
    const auto fs = diagnoseGcs(gcs);
    const Finding* leak = find(fs, FindingKind::Leak);
    ASSERT_NE(leak, nullptr);
    EXPECT_EQ(leak->severity, Severity::Warning);  // 100 -> 196 MB: not yet doubled
    EXPECT_EQ(leak->message,
              "live set grows 12.0 MB/min over 9 full GCs (R² 1.00): 100.0 → 196.0 MB between 0 "
              "and 480000 ms");
    EXPECT_EQ(leak->series, 0);
}

TEST(Leak, DoublingLiveSetIsCritical) {
    std::vector<Point> live;
    for (int i = 0; i < 8; ++i) live.push_back({i * 1000.0, 20.0 + 5 * i, size_t(i)});
    const LeakAssessment a = assessLiveSet(live);
    EXPECT_TRUE(a.leak);
    EXPECT_TRUE(a.critical);  // 20 -> 55 MB
    EXPECT_NEAR(a.all.slope * 60000, 300, 1e-9);
}

TEST(Leak, CacheThatFillsThenStaysFlatIsNotALeak) {
    // Fills fast, then flat with noise: a straight line fits well overall (R² > 0.8), but the
    // later half hardly grows.
    const auto live = points({{0, 10}, {1000, 20}, {2000, 30}, {3000, 40}, {4000, 50}, {5000, 60},
                              {6000, 70}, {7000, 78}, {8000, 80}, {9000, 80}, {10000, 81},
                              {11000, 80}, {12000, 81}, {13000, 81}});
    const LeakAssessment a = assessLiveSet(live);
    EXPECT_GT(a.all.r2, 0.8);
    EXPECT_FALSE(a.leak);
    EXPECT_NE(a.reason.find("flattens"), std::string::npos) << a.reason;
}

TEST(Leak, SteadySawtoothIsNotALeak) {
    std::vector<Point> live;
    for (int i = 0; i < 30; ++i) live.push_back({i * 1000.0, 50.0 + (i % 5) * 4, size_t(i)});
    const LeakAssessment a = assessLiveSet(live);
    EXPECT_FALSE(a.leak) << a.reason;
}

TEST(Leak, AHandfulOfFullGcsIsNotEnough) {
    // Five perfectly growing full GCs: could be start-up.
    const auto live = points({{0, 10}, {1000, 20}, {2000, 30}, {3000, 40}, {4000, 50}});
    const LeakAssessment a = assessLiveSet(live);
    EXPECT_FALSE(a.leak);
    EXPECT_EQ(a.reason, "only 5 full GCs (6 needed)");
    // One more and it is.
    auto six = live;
    six.push_back({5000, 60, 5});
    EXPECT_TRUE(assessLiveSet(six).leak);
}

TEST(Leak, NegligibleGrowthIsNotALeak) {
    // +0.5 MB over a 100 MB live set, however straight.
    std::vector<Point> live;
    for (int i = 0; i < 10; ++i) live.push_back({i * 1000.0, 100.0 + i * 0.05, size_t(i)});
    EXPECT_FALSE(assessLiveSet(live).leak);
}

TEST(GcPressure, OverheadAboveTenPercentInAStretch) {
    // 4 s: the first second healthy (1%), the second 20% (10 GCs of 20 ms), then healthy.
    std::vector<Gc> gcs;
    for (int i = 0; i < 4; ++i) {
        for (int k = 0; k < 10; ++k) {
            const bool busy = i == 1;
            gcs.push_back(young(i * 1000.0 + k * 100 + 50, busy ? 20 : 1));
        }
    }
    gcs.push_back(young(4000, 1));
    const auto fs = diagnoseGcs(gcs);
    const Finding* p = find(fs, FindingKind::GcPressure);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->severity, Severity::Warning);
    EXPECT_EQ(p->message,
              "GC takes more than 10% of the time in 1 of 4 stretches of 1000 ms (worst 20.0% at "
              "1000–2000 ms, 10 GCs); overall 231.0 ms paused in 41 GCs over 3950 ms (5.8%)");
}

TEST(GcPressure, HealthyServiceHasNone) {
    std::vector<Gc> gcs;
    for (int i = 0; i < 600; ++i) gcs.push_back(young(i * 100.0, 2));  // 2%
    EXPECT_EQ(find(diagnoseGcs(gcs), FindingKind::GcPressure), nullptr);
}

TEST(GcPressure, TimeBetweenGcsShorterThanGcTimeIsCritical) {
    // Healthy, then 6 full GCs of 40 ms each 10 ms of run time apart (ends at t, so the next
    // ends 50 ms later), then healthy again.
    std::vector<Gc> gcs;
    for (int i = 0; i < 20; ++i) gcs.push_back(young(i * 100.0, 1));
    for (int i = 1; i <= 6; ++i) gcs.push_back(old(1900 + i * 50.0, 40));
    for (int i = 1; i <= 20; ++i) gcs.push_back(young(2200 + i * 100.0, 1));
    const auto fs = diagnoseGcs(gcs);
    const Finding* p = find(fs, FindingKind::GcPressure);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->severity, Severity::Critical);
    EXPECT_EQ(p->message.rfind("GC runs back to back: 6 GCs in a row between 1900 and 2200 ms "
                               "paused 240.0 ms and let the application run 60.0 ms",
                               0),
              0u)
        << p->message;
}

TEST(GcPressure, ShortLogsAreNotJudged) {
    std::vector<Gc> gcs;
    for (int i = 0; i < 20; ++i) gcs.push_back(young(i * 40.0, 6));  // 15%, but only 760 ms
    EXPECT_EQ(find(diagnoseGcs(gcs), FindingKind::GcPressure), nullptr);
}

TEST(NearHeapLimit, IneffectiveFullGcsWithLowUtilisation) {
    std::vector<Gc> gcs;
    for (int i = 0; i < 10; ++i) gcs.push_back(young(i * 100.0, 1));
    // Three full GCs 60 ms apart pausing 50 ms (mu 1/6), each reclaiming 1 of 100 MB.
    for (int i = 1; i <= 3; ++i) {
        Gc g = old(900 + i * 60.0, 50);
        g.used_before = 100;
        g.used_after = 99;
        gcs.push_back(g);
    }
    const auto fs = diagnoseGcs(gcs);
    const Finding* h = find(fs, FindingKind::NearHeapLimit);
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->severity, Severity::Warning);
    EXPECT_EQ(h->message,
              "the last 3 full GCs reclaimed 1.0% (300.0 → 297.0 MB together), mutator "
              "utilisation 0.17, the heap stays at its highest (99.0 MB after the last one): it "
              "is at its limit and GC no longer frees memory");
}

TEST(NearHeapLimit, AHeapBelowItsHighestIsNotAtTheLimit) {
    // The same three busy full GCs freeing little, but an earlier full GC left 200 MB: the heap
    // has come down from there, so it is not at its limit.
    std::vector<Gc> gcs;
    Gc earlier = old(500, 50);
    earlier.used_before = 230;
    earlier.used_after = 200;
    gcs.push_back(earlier);
    for (int i = 1; i <= 3; ++i) {
        Gc g = old(900 + i * 60.0, 50);
        g.used_before = 100;
        g.used_after = 99;
        gcs.push_back(g);
    }
    EXPECT_EQ(find(diagnoseGcs(gcs), FindingKind::NearHeapLimit), nullptr);
}

TEST(NearHeapLimit, IdleGcsThatFreeLittleAreNotTheLimit) {
    // Memory-reducer GCs of an idle process: little reclaimed, but the application ran 99.9%.
    std::vector<Gc> gcs;
    for (int i = 0; i < 5; ++i) {
        Gc g = old(i * 10000.0, 10);
        g.used_before = 50;
        g.used_after = 49.5;
        gcs.push_back(g);
    }
    EXPECT_EQ(find(diagnoseGcs(gcs), FindingKind::NearHeapLimit), nullptr);
}

TEST(NearHeapLimit, OomMarkerIsCritical) {
    Timeline t;
    parseInto(t, sampleLog("node22-oom-trace-gc.log"));
    const auto fs = diagnose(t);
    const Finding* h = find(fs, FindingKind::NearHeapLimit);
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->severity, Severity::Critical);
    EXPECT_EQ(h->message.rfind("out of memory (line 35): Ineffective mark-compacts near heap limit "
                               "Allocation failed - JavaScript heap out of memory; the last 3 full "
                               "GCs reclaimed 4.1%",
                               0),
              0u)
        << h->message;
}

TEST(Diagnosis, RangeLimitsTheEvidence) {
    // A leak in the first 10 minutes, flat afterwards: the whole log flattens, the first part leaks.
    std::vector<Gc> gcs;
    for (int i = 0; i < 20; ++i) gcs.push_back(full(i * 60000.0, i < 10 ? 100 + 10 * i : 190));
    Timeline t;
    fill(t, gcs);
    EXPECT_EQ(find(diagnose(t), FindingKind::Leak), nullptr);
    const auto early = diagnose(t, {0, 9 * 60000.0});
    ASSERT_NE(find(early, FindingKind::Leak), nullptr);
    EXPECT_NE(find(early, FindingKind::Leak)->message.find("over 10 full GCs"), std::string::npos);
}

TEST(Diagnosis, Names) {
    EXPECT_EQ(findingKindName(FindingKind::Leak), "leak");
    EXPECT_EQ(findingKindName(FindingKind::GcPressure), "gc-pressure");
    EXPECT_EQ(findingKindName(FindingKind::NearHeapLimit), "near-heap-limit");
    EXPECT_EQ(severityName(Severity::Info), "info");
    EXPECT_EQ(severityName(Severity::Warning), "warning");
    EXPECT_EQ(severityName(Severity::Critical), "critical");
}

TEST(Diagnosis, ThreadsKeepSeriesOrder) {
    Timeline t;
    std::vector<Gc> gcs;
    for (int iso = 0; iso < 900; ++iso)
        for (int i = 0; i < 8; ++i) {
            // Every third isolate leaks.
            Gc g = full(i * 1000.0, iso % 3 == 0 ? 10.0 + 5 * i : 10.0 + (i % 2));
            g.isolate = 0x1000 + uint64_t(iso);
            gcs.push_back(g);
        }
    fill(t, gcs);
    const auto serial = diagnose(t);
    const auto threaded = diagnose(t, {}, 3);
    ASSERT_EQ(serial.size(), 300u);
    ASSERT_EQ(threaded.size(), serial.size());
    for (size_t i = 0; i < serial.size(); ++i) {
        EXPECT_EQ(threaded[i].series, serial[i].series);
        EXPECT_EQ(threaded[i].message, serial[i].message);
    }
    EXPECT_EQ(threaded[1].series, 3);
}

}  // namespace
}  // namespace gcscope::model::test
