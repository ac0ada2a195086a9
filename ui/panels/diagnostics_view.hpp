// What the parser could not read: per log, where every line went, and the unrecognised lines
// (line number and text) it kept.
#pragma once

#include <QTreeWidget>

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
    LogSession& session_;
};

/// "1,234 lines: 101 GC records, 5 known, 3 unrecognised"-style summary of a parse.
QString lineCountsText(const SourceInfo& info);

}  // namespace gcscope::ui
