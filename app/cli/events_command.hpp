#pragma once

#include <memory>

#include "event_writer.hpp"
#include "options.hpp"

namespace gcscope::cli {

/// `gcscope-cli events`: streams one row per GC record to stdout. Returns the exit status.
int runEvents(const Options& options);

/// The row writer for --format (shared by `events` and `watch`).
std::unique_ptr<EventWriter> makeEventWriter(EventFormat format, Output& out);

}  // namespace gcscope::cli
