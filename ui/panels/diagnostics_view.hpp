// What the parser could not read: per log, where every line went, and the unrecognised lines
// (line number and text) it kept.
#pragma once

#include <QTreeWidget>
#include <cstdint>
#include <vector>

namespace gcscope::ui {

class LogSession;
struct SourceInfo;

/// Log items carry the line counts; their children are the first unrecognised lines
/// (parser::ParseStats::first_unrecognised), shown printable (escapes and invalid UTF-8 made
/// visible) and clipped.
class DiagnosticsView : public QTreeWidget {
    Q_OBJECT
  public:
    enum Column { LineColumn, TextColumn };
    explicit DiagnosticsView(LogSession& session, QWidget* parent = nullptr);

    /// Rebuilds the tree from the session's sources.
    void refresh();

  private:
    /// A followed log grew: rebuild only if an unrecognised line was added (a rebuild collapses
    /// what the user expanded), else just update the counts.
    void onDataAppended();
    QString countsText(const SourceInfo& info) const;

    LogSession& session_;
    std::vector<uint64_t> shown_unrecognised_;  ///< per source, at the last rebuild
};

/// "1,234 lines: 101 GC records, 5 known, 3 unrecognised"-style summary of a parse.
QString lineCountsText(const SourceInfo& info);

}  // namespace gcscope::ui
