#include "reason_tail.hpp"

#include <array>

namespace gcscope::parser {

namespace {

/// Collector reasons (V8's GarbageCollector selection reasons). Before V8 ~10 the reason and the
/// collector reason were joined by one space, so the split is found by matching these suffixes.
constexpr std::array kCollectorReasons = {
    std::string_view("GC in old space requested"),
    std::string_view("GC in old space forced by flags"),
    std::string_view("promotion limit reached"),
    std::string_view("old generations exhausted"),
    std::string_view("scavenge might not succeed"),
    std::string_view("incremental marking delaying mark-sweep"),
    std::string_view("Incremental marking needs finalization"),
    std::string_view("Incremental marking forced finalization"),
    std::string_view("MinorMS finalization for starting major GC"),
    std::string_view("Concurrent MinorMS needs finalization"),
};

}  // namespace

std::string_view trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

void parseReasonTail(std::string_view tail, GcRecord& rec, bool& cut) {
    tail = trimSpaces(tail);
    if (tail.empty()) return;
    if (tail.front() == '[') {  // V8 <= 5.4: " [reason] [collector reason]."
        const size_t close = tail.find(']');
        if (close == std::string_view::npos) {
            cut = true;
            return;
        }
        rec.reason = tail.substr(1, close - 1);
        std::string_view rest = trimSpaces(tail.substr(close + 1));
        if (!rest.empty() && rest.front() == '[') {
            const size_t close2 = rest.find(']');
            if (close2 == std::string_view::npos) {
                cut = true;
                return;
            }
            rec.collector_reason = rest.substr(1, close2 - 1);
        }
        return;
    }
    if (tail.front() == '(') {  // "(average mu = 0.800, cu": a clause cut short
        cut = true;
        return;
    }
    const size_t semi = tail.find(';');
    if (semi != std::string_view::npos) {  // V8 >= ~10: "reason; collector reason"
        rec.reason = trimSpaces(tail.substr(0, semi));
        rec.collector_reason = trimSpaces(tail.substr(semi + 1));
        return;
    }
    for (auto collector : kCollectorReasons) {  // V8 5.5-9.x: "reason collector reason"
        if (tail.size() >= collector.size() &&
            tail.substr(tail.size() - collector.size()) == collector) {
            rec.collector_reason = collector;
            rec.reason = trimSpaces(tail.substr(0, tail.size() - collector.size()));
            return;
        }
    }
    rec.reason = tail;
}

}  // namespace gcscope::parser
