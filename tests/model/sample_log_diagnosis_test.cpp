// The diagnosis on real logs of official Node binaries (scripts/make-sample-logs.sh), made for
// it: a leaking handler, a busy healthy service, a cache that fills to its cap, a leak that runs
// out of memory, and a service under heavy allocation.
#include <gtest/gtest.h>

#include <filesystem>

#include "gcscope/model/diagnosis.hpp"
#include "gcscope/model/timeline.hpp"
#include "model_test_support.hpp"

namespace gcscope::model::test {
namespace {

std::vector<Finding> diagnoseLog(const std::string& name) {
    Timeline t;
    parseInto(t, sampleLog(name), name);
    return diagnose(t);
}

const Finding* find(const std::vector<Finding>& fs, FindingKind k) {
    for (const Finding& f : fs)
        if (f.kind == k) return &f;
    return nullptr;
}

std::string describe(const std::vector<Finding>& fs) {
    std::string s;
    for (const Finding& f : fs)
        s += std::string(severityName(f.severity)) + " " + std::string(findingKindName(f.kind)) + ": " + f.message + "\n";
    return s.empty() ? "(no finding)" : s;
}

TEST(SampleLogDiagnosis, LeakingHandlerIsALeakWithoutGcPressure) {
    for (const char* name : {"node22-leaky-handler-trace-gc.log", "node26-leaky-handler-trace-gc.log"}) {
        const auto fs = diagnoseLog(name);
        SCOPED_TRACE(std::string(name) + "\n" + describe(fs));
        const Finding* leak = find(fs, FindingKind::Leak);
        ASSERT_NE(leak, nullptr);
        EXPECT_EQ(leak->severity, Severity::Critical);  // the live set grows ninefold
        EXPECT_EQ(find(fs, FindingKind::GcPressure), nullptr);
        EXPECT_EQ(find(fs, FindingKind::NearHeapLimit), nullptr);
    }
    const auto fs = diagnoseLog("node22-leaky-handler-trace-gc.log");
    EXPECT_EQ(find(fs, FindingKind::Leak)->message,
              "live set grows 150.5 MB/min over 8 full GCs (R² 1.00): 9.2 → 83.3 MB between 304 "
              "and 29357 ms");
}

TEST(SampleLogDiagnosis, GlobalGcLeaksAreLeaks) {
    for (const char* name : {"node18-leak-trace-gc.log", "node22-leak-trace-gc.log",
                             "node26-leak-trace-gc.log", "node26-leak-trace-gc-nvp.log"}) {
        const auto fs = diagnoseLog(name);
        SCOPED_TRACE(std::string(name) + "\n" + describe(fs));
        ASSERT_NE(find(fs, FindingKind::Leak), nullptr);
        EXPECT_NE(find(fs, FindingKind::Leak)->message.find("over 10 full GCs (R² 1.00)"), std::string::npos);
    }
}

TEST(SampleLogDiagnosis, BusyHealthyServiceHasNoFinding) {
    for (const char* name : {"node22-busy-service-trace-gc.log", "node26-busy-service-trace-gc.log"}) {
        const auto fs = diagnoseLog(name);
        EXPECT_TRUE(fs.empty()) << name << "\n" << describe(fs);
    }
}

TEST(SampleLogDiagnosis, CacheThatFillsToItsCapIsNotALeak) {
    for (const char* name : {"node18-cache-trace-gc.log", "node22-cache-trace-gc.log",
                             "node26-cache-trace-gc.log", "node22-cache-service-trace-gc.log",
                             "node26-cache-service-trace-gc.log"}) {
        const auto fs = diagnoseLog(name);
        EXPECT_EQ(find(fs, FindingKind::Leak), nullptr) << name << "\n" << describe(fs);
        EXPECT_EQ(find(fs, FindingKind::NearHeapLimit), nullptr) << name;
    }
    // The service-style cache waits between requests: no GC pressure either.
    for (const char* name : {"node22-cache-service-trace-gc.log", "node26-cache-service-trace-gc.log"})
        EXPECT_TRUE(diagnoseLog(name).empty()) << name;
}

TEST(SampleLogDiagnosis, HeavyAllocationIsGcPressure) {
    // 773 GCs in 1.2 s, 17% of the time in GC.
    const auto fs = diagnoseLog("node22-churn-heavy-trace-gc.log");
    ASSERT_EQ(fs.size(), 1u) << describe(fs);
    EXPECT_EQ(fs[0].kind, FindingKind::GcPressure);
    EXPECT_EQ(fs[0].severity, Severity::Warning);
    EXPECT_EQ(fs[0].message,
              "GC takes more than 10% of the time in 1 of 1 stretch of 1000 ms (worst 16.6% at "
              "0–1000 ms, 630 GCs); overall 206.1 ms paused in 773 GCs over 1198 ms (17.2%)");
}

TEST(SampleLogDiagnosis, EveryOutOfMemoryLogIsCriticallyNearTheHeapLimit) {
    size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(GCSCOPE_SAMPLE_LOGS_DIR)) {
        const std::string name = entry.path().filename().string();
        if (name.find("-oom-") == std::string::npos) continue;
        const auto fs = diagnoseLog(name);
        SCOPED_TRACE(name + "\n" + describe(fs));
        const Finding* h = find(fs, FindingKind::NearHeapLimit);
        ASSERT_NE(h, nullptr);
        EXPECT_EQ(h->severity, Severity::Critical);
        EXPECT_EQ(h->message.rfind("out of memory (line ", 0), 0u);
        EXPECT_NE(h->message.find("out of memory"), std::string::npos);
        ++checked;
    }
    EXPECT_GE(checked, 12u);
}

}  // namespace
}  // namespace gcscope::model::test
