// The logs the user opened and their isolates, each with a checkbox that shows or hides its series.
#pragma once

#include <QTimer>
#include <QTreeWidget>
#include <algorithm>
#include <climits>
#include <set>
#include <utility>
#include <vector>

#include "session/refresh_pacer.hpp"

class QCheckBox;

namespace gcscope::ui {

class LogSession;

/// A tree: log (file name, GC count, Follow toggle, state: loading N % / loaded / live / following
/// / gone: why / failed: why / cancelled) → isolates ("pid 1234 · 0x5dad670 · worker"). Checking
/// an isolate calls LogSession::setSeriesVisible; the log's own checkbox toggles all of its
/// isolates; its Follow box asks the loader to follow it or stop.
class SourcesPanel : public QTreeWidget {
    Q_OBJECT
  public:
    enum Column { NameColumn, GcsColumn, FollowColumn, StateColumn };
    /// Item data role holding the series index of an isolate item (-1 on log items).
    static constexpr int kSeriesRole = Qt::UserRole + 1;

    explicit SourcesPanel(LogSession& session, QWidget* parent = nullptr);

    /// Brings the tree up to date with the session (called on its signals).
    void refresh() { pacer_.runNow(); }
    /// Arriving data is paced once a refresh took `ms` (RefreshPacer::kSlowMs by default; 0:
    /// always): with tens of thousands of isolates a refresh walks all of them.
    void setPacedFromMs(qint64 ms) { pacer_.setPacedFromMs(ms); }
    bool refreshPending() const { return pacer_.pending(); }
    /// Shows or hides every isolate of log `source` (its checkbox), in one change.
    void setLogVisible(int source, bool visible);

    QSize sizeHint() const override { return {470, 150}; }

  private:
    /// The rows of one log whose items changed in a column, from the first to the last: the
    /// view hears of them in one notice. While a log loads, the isolates that grow are usually
    /// the newest few (a range of all 45,000 made the view walk every row).
    struct ChangedRows {
        int first = INT_MAX, last = -1;
        void add(int row) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    };
    void notifyChanged(const std::vector<ChangedRows>& changed, int column);
    void refreshTree();
    void onItemChanged(QTreeWidgetItem* item, int column);
    QTreeWidgetItem* sourceItem(int source);
    /// The item of `series`; a new one waits in new_items_ until refresh() adds it to its log.
    QTreeWidgetItem* seriesItem(size_t series);
    /// The Follow box of a followable log (made on first use).
    QCheckBox* followBox(int source);

    LogSession& session_;
    QTimer badge_timer_;  ///< while a source is live: its badge goes out kLiveForMs after growth
    /// Arriving data refreshes through it.
    RefreshPacer pacer_{QStringLiteral("logs panel refresh"), [this] { refreshTree(); }};
    std::vector<QTreeWidgetItem*> source_items_;
    std::vector<QTreeWidgetItem*> series_items_;
    std::vector<int> series_rows_;     ///< per series: its item's row in its log
    /// Per source: items made in this refresh, added in one insertion (one by one, each set
    /// field of each of thousands of new isolates was a signal through the tree's model).
    std::vector<QList<QTreeWidgetItem*>> new_items_;
    std::vector<QCheckBox*> follow_boxes_;  ///< per source, null until it is followable
    std::vector<size_t> shown_sizes_;              ///< per series: the GC count on its item
    std::set<std::pair<uint32_t, int64_t>> pids_;  ///< (source, pid) of the items made so far
    bool visibility_changed_ = false;  ///< since the last refresh(): check boxes to sync
    bool updating_ = false;  ///< refresh() is setting items: their changes are not the user's
    bool applying_ = false;  ///< a click is being applied to the session
    bool log_boxes_posted_ = false;  ///< a refresh after clicks is due (the logs' boxes)
};

}  // namespace gcscope::ui
