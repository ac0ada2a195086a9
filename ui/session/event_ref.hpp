#pragma once

#include <cstddef>
#include <cstdint>

namespace gcscope::ui {

/// One GC event: a series of the Timeline and the event's index in it.
struct EventRef {
    int64_t series = -1;
    int64_t index = -1;
    bool valid() const { return series >= 0 && index >= 0; }
    friend bool operator==(const EventRef&, const EventRef&) = default;
};

}  // namespace gcscope::ui
