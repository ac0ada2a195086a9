#include "app/load_report.hpp"

#include <QFileInfo>

#include "panels/display_format.hpp"

namespace gcscope::ui {

QString noGcRecordMessage(const QString& where, const parser::ParseStats& stats) {
    return QStringLiteral("no GC record found in %1 (%2 lines read, %3 unrecognised)")
        .arg(where, formatCount(stats.lines), formatCount(stats.unrecognised_lines));
}

QString loadProblem(const QString& path, const parser::ParseStats& stats, const QString& error,
                    bool followed) {
    if (!error.isEmpty()) return error;
    if (stats.gc_records != 0 || stats.oom_markers != 0 || stats.heap_space_samples != 0) return {};
    QString text = noGcRecordMessage(QFileInfo(path).fileName(), stats) + QLatin1Char('.');
    if (stats.unrecognised_lines != 0)
        text += QStringLiteral(" Its lines are listed under Unrecognised lines. A log of "
                               "node --trace-gc, --trace-gc-nvp or --trace-gc-verbose is expected.");
    if (followed)
        text += QStringLiteral(" gcscope follows it: GCs written to it from now on will be drawn.");
    return text;
}

}  // namespace gcscope::ui
