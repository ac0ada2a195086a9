#include "timeline_loader.hpp"

namespace gcscope::cli {

model::Timeline& statisticsTimeline() {
    // Reachable through this pointer until exit, so leak checkers do not report it.
    static model::Timeline* const timeline = new model::Timeline(
        model::TimelineOptions{.keep_nvp = false, .keep_heap_spaces = false, .keep_incremental = false});
    return *timeline;
}

std::vector<SourceRun> loadTimeline(const std::vector<std::string>& paths, model::Timeline& timeline) {
    std::vector<SourceRun> runs;
    runs.reserve(paths.size());
    for (const auto& path : paths) {
        const uint32_t source = timeline.addSource(path);
        runs.push_back(parseSource(path, timeline));
        timeline.setSourceStats(source, runs.back().stats);
    }
    return runs;
}

}  // namespace gcscope::cli
