#pragma once

#include "options.hpp"

namespace gcscope::cli {

/// `gcscope-cli watch`: follows one LOG as it grows (gcscope::follow::FileFollower: truncation,
/// rotation, deletion), printing each GC record's `events` row as soon as its line is complete,
/// stdout flushed after every poll that printed. Runs until SIGINT or SIGTERM, then parses a last
/// unterminated line and returns 0. Returns 2 when the LOG cannot be followed at the start.
int runWatch(const Options& options);

}  // namespace gcscope::cli
