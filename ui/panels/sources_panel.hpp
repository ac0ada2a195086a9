// The logs the user opened and their isolates, each with a checkbox that shows or hides its series.
#pragma once

#include <QTreeWidget>
#include <set>
#include <utility>
#include <vector>

namespace gcscope::ui {

class LogSession;

/// A tree: log (file name, GC count, state: loading N % / loaded / failed: why / cancelled) →
/// isolates ("pid 1234 · 0x5dad670 · worker"). Checking an isolate calls
/// LogSession::setSeriesVisible; the log's own checkbox toggles all of its isolates.
class SourcesPanel : public QTreeWidget {
    Q_OBJECT
  public:
    enum Column { NameColumn, GcsColumn, StateColumn };
    /// Item data role holding the series index of an isolate item (-1 on log items).
    static constexpr int kSeriesRole = Qt::UserRole + 1;

    explicit SourcesPanel(LogSession& session, QWidget* parent = nullptr);

    /// Brings the tree up to date with the session (called on its signals).
    void refresh();

    QSize sizeHint() const override { return {420, 150}; }

  private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    QTreeWidgetItem* sourceItem(int source);
    QTreeWidgetItem* seriesItem(size_t series);

    LogSession& session_;
    std::vector<QTreeWidgetItem*> source_items_;
    std::vector<QTreeWidgetItem*> series_items_;
    std::vector<size_t> shown_sizes_;              ///< per series: the GC count on its item
    std::set<std::pair<uint32_t, int64_t>> pids_;  ///< (source, pid) of the items made so far
    bool updating_ = false;  ///< refresh() is setting items: their changes are not the user's
    bool applying_ = false;  ///< a click is being applied to the session
};

}  // namespace gcscope::ui
