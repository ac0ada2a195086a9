// What to tell the user about a log that was read: nothing, or one clear sentence.
#pragma once

#include <QString>

#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::ui {

/// "no GC record found in gc.log (3 lines read, 3 unrecognised)" for a log with no GC record
/// (empty, binary, another program's output, one 100 MB line); empty when it had one. `where` names
/// the log or logs.
QString noGcRecordMessage(const QString& where, const parser::ParseStats& stats);

/// The message for a log read to its end: what went wrong part-way (`error`), or that it holds no
/// GC record — with, for a log that is `followed`, that its GCs will be drawn as they come.
/// Empty when there is nothing to say.
QString loadProblem(const QString& path, const parser::ParseStats& stats, const QString& error,
                    bool followed);

}  // namespace gcscope::ui
