// The events table: every GC of the visible isolates, sortable, filterable by generation and
// collector, its selection bound to the session's selected event (which the charts highlight).
#pragma once

#include <QTimer>
#include <QWidget>

#include "session/event_ref.hpp"
#include "session/refresh_pacer.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace gcscope::ui {

class EventsTableModel;
class LogSession;

class EventsTable : public QWidget {
    Q_OBJECT
  public:
    /// Rows an update adds at most by default; the rest follow in later turns of the event loop.
    static constexpr size_t kMaxNewRowsPerUpdate = size_t(1) << 18;

    explicit EventsTable(LogSession& session, QWidget* parent = nullptr);

    EventsTableModel& model() { return *model_; }
    QTableView& view() { return *view_; }
    QComboBox& generationFilter() { return *generation_; }
    QComboBox& collectorFilter() { return *collector_; }
    QCheckBox& visibleRangeOnly() { return *in_range_; }
    /// What the count label says: "101 events", "25 of 101 events".
    QString countText() const;
    /// Arriving events become rows paced once an update took `ms` (RefreshPacer::kSlowMs by
    /// default; 0: always); rowsPending() while paced rows wait.
    void setPacedFromMs(qint64 ms) { row_pacer_.setPacedFromMs(ms); }
    bool rowsPending() const { return row_pacer_.pending(); }
    void setMaxNewRowsPerUpdate(size_t rows) { max_new_rows_ = rows; }

  private:
    void applyFilter();
    void hideConstantColumns();
    void fillCollectors();
    void updateCount();
    void updateRows();
    void onCurrentRowChanged(int row);
    void showSelection(EventRef event);

    LogSession& session_;
    EventsTableModel* model_;
    QTableView* view_;
    QComboBox* generation_;
    QComboBox* collector_;
    QCheckBox* in_range_;
    QLabel* count_;  ///< "25 of 101 events"
    QTimer update_timer_;  ///< coalesces visibility and range changes into one update
    /// Arriving events become rows through it.
    RefreshPacer row_pacer_{QStringLiteral("events table rows"), [this] { updateRows(); }};
    bool rows_after_sort_ = false;  ///< data arrived while a sort ran
    bool syncing_ = false;
    size_t max_new_rows_ = kMaxNewRowsPerUpdate;
};

}  // namespace gcscope::ui
