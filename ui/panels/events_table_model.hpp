// The GC events of the visible isolates as a table model, without copying them: a row is a
// (series, index) pair resolved against the model's columns when the view asks for a cell.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "charts/chart_worker.hpp"
#include "gcscope/model/collector.hpp"
#include "gcscope/model/key_sort.hpp"
#include "gcscope/model/time_range.hpp"
#include "gcscope/parser/gc_record.hpp"
#include "session/event_ref.hpp"

namespace gcscope::model {
class Series;
class Timeline;
}  // namespace gcscope::model

namespace gcscope::ui {

class LogSession;

/// Rows, unsorted: each visible series in order, its events in log order. Memory is O(series)
/// then; a filter keeps 4 bytes per passing event, a sort 8 bytes per row. Growth of the series
/// (a log still loading) arrives as row insertions when unsorted and not limited to a range, as
/// a reset otherwise.
///
/// Sorting millions of rows takes 0.2-0.4 s: from kBackgroundSortRows rows it runs on a worker,
/// and the rows shown so far (the previous order, or log order) stay until the new order arrives.
class EventsTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        LogColumn,
        IsolateColumn,
        LineColumn,
        TimeColumn,
        GenerationColumn,
        CollectorColumn,
        PauseColumn,
        UsedBeforeColumn,
        UsedAfterColumn,
        CommittedAfterColumn,
        ReasonColumn,
        ColumnCount
    };
    struct Filter {
        std::optional<parser::Generation> generation;
        std::optional<model::CollectorKey> collector;
        /// Only the events of the session's visible range, when it is zoomed.
        bool visible_range_only = false;
        friend bool operator==(const Filter&, const Filter&) = default;
    };

    explicit EventsTableModel(const LogSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// column -1 restores the log order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const Filter& filter);
    const Filter& filter() const { return filter_; }
    /// Collectors seen in any series so far, by name.
    std::vector<model::CollectorKey> collectors() const;
    QString collectorName(model::CollectorKey key) const;

    EventRef eventAt(int row) const;
    /// The row showing `event`, or -1 (hidden series, filtered out, not loaded).
    int rowOf(EventRef event) const;

    /// Isolates that grow in one update(): more are shown by a reset instead of insertions.
    static constexpr size_t kMaxInsertionsPerUpdate = 8;
    /// Tables of this many rows are sorted on a worker (a few ms below).
    static constexpr size_t kBackgroundSortRows = 100'000;

    /// Sorts of `rows` rows or more run on the worker (kBackgroundSortRows by default).
    void setBackgroundSortFromRows(size_t rows) { background_sort_rows_ = rows; }
    /// A sort asked for runs on the worker: the rows shown are the previous ones until it is done.
    /// (Not one cancelled by a new column, order or filter: its result is dropped unseen.)
    bool sortPending() const { return sort_pending_; }

    /// Picks up appended events and visibility changes. Takes in at most `max_new_events`
    /// appended events (rows inserted at once cost the view an allocation per row); returns
    /// false when more are waiting.
    bool update(size_t max_new_events = SIZE_MAX);

  signals:
    void collectorsChanged();
    /// sortPending() turned false: the order arrived after `worker_ms` on the worker, or the
    /// rows are now ordered on the GUI thread (a new column, order or filter; worker_ms 0).
    /// Emitted inside a layout change or reset: connect queued to touch the model.
    void sortSettled(qint64 worker_ms);

  private:
    struct Block {
        size_t series = 0;
        size_t begin = 0, end = 0;   ///< events of the series taken into account
        size_t offset = 0;           ///< first row (unsorted)
        std::vector<uint32_t> rows;  ///< passing event indexes, when filtered by kind
        size_t rowCount(bool filtered) const { return filtered ? rows.size() : end - begin; }
    };

    /// What sorting the rows takes, copied so that a worker can do it.
    struct SortJob {
        std::vector<Block> blocks;
        bool filtered = false;
        int column = -1;
        bool ascending = true;
        std::vector<double> rank;  ///< text columns: the rank of each id's name
    };
    /// The packed EventRefs of the job's rows in sorted order. Reads only the Timeline.
    static std::vector<uint64_t> sortedOrder(const model::Timeline& timeline, const SortJob& job);
    static double sortKey(const model::Series& s, int column, EventRef e);

    bool filtered() const { return filter_.generation || filter_.collector; }
    /// The events of `series` to show: all, or those in the zoomed range.
    model::IndexRange eventsOf(size_t series) const;
    bool passes(size_t series, size_t index) const;
    void rebuild();
    void scanCollectors();
    /// Orders the rows by the sort column, now or (many rows) on the worker.
    void sortRows();
    SortJob makeSortJob() const;
    /// The sorter's work: a job of the rows now, sorted on the worker, applied on return.
    charts::ChartWorker::Work sortWork();
    /// Text columns: the rank of each id's name (collector keys, interned reasons).
    std::vector<double> rankByName() const;
    /// Shows `order`, the rows sorted on the worker, keeping the selection where it can.
    void applySortedOrder(std::vector<uint64_t>&& order, qint64 ms);
    /// Runs `change` between layoutAboutToBeChanged and layoutChanged, moving the persistent
    /// indexes (the view's selection) with their events.
    void relayout(const std::function<void()>& change);
    QString cellText(EventRef e, int column) const;
    const QString& logName(uint32_t source) const;
    const QString& isolateName(size_t series) const;

    const LogSession& session_;
    Filter filter_;
    std::vector<Block> blocks_;
    size_t rows_ = 0;
    int sort_column_ = -1;
    Qt::SortOrder sort_order_ = Qt::AscendingOrder;
    std::vector<uint64_t> sorted_;  ///< packed EventRefs (series << 40 | index), when sorted
    bool shows_sorted_ = false;     ///< the rows shown are sorted_ (else the blocks)
    bool sort_pending_ = false;     ///< sortPending()
    size_t background_sort_rows_ = kBackgroundSortRows;

    std::vector<size_t> collector_scanned_;  ///< per series: events scanned for collectors
    std::vector<bool> collector_seen_ = std::vector<bool>(size_t(1) << 16, false);  ///< by key
    mutable QHash<model::CollectorKey, QString> collector_names_;
    mutable std::vector<QString> log_names_;
    mutable std::vector<QString> isolate_names_;
    charts::ChartWorker sorter_;  ///< last: destroyed (waiting for its work) before the rest
};

}  // namespace gcscope::ui
