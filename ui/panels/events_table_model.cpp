#include "panels/events_table_model.hpp"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <utility>

#include "panels/display_format.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {

constexpr int kIndexBits = 40;
/// Collector keys and reason ids are 16-bit.
constexpr size_t kTextIds = size_t(1) << 16;
uint64_t pack(EventRef e) {
    return (uint64_t(e.series) << kIndexBits) | uint64_t(e.index);
}
EventRef unpack(uint64_t v) {
    return {int64_t(v >> kIndexBits), int64_t(v & ((uint64_t(1) << kIndexBits) - 1))};
}

QString numberText(double v, char format, int precision) {
    return std::isnan(v) ? QString() : QString::number(v, format, precision);
}

bool isNumeric(int column) {
    switch (column) {
        case EventsTableModel::LineColumn:
        case EventsTableModel::TimeColumn:
        case EventsTableModel::PauseColumn:
        case EventsTableModel::UsedBeforeColumn:
        case EventsTableModel::UsedAfterColumn:
        case EventsTableModel::CommittedAfterColumn:
            return true;
        default:
            return false;
    }
}

}  // namespace

EventsTableModel::EventsTableModel(const LogSession& session, QObject* parent)
    : QAbstractTableModel(parent),
      session_(session),
      sorter_(this, [this] { return sortWork(); }) {}

int EventsTableModel::rowCount(const QModelIndex& parent) const {
    const size_t rows = shows_sorted_ ? sorted_.size() : rows_;
    return parent.isValid() ? 0 : int(std::min<size_t>(rows, INT32_MAX));
}

int EventsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole)
        return int((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    static const char* const kTitles[ColumnCount] = {
        "Log",        "Isolate",     "Line",       "Time (ms)",      "Gen",   "Collector",
        "Pause (ms)", "Before (MB)", "After (MB)", "Committed (MB)", "Reason"};
    static const char* const kTips[ColumnCount] = {
        "The log file",
        "Process and isolate address (worker threads differ here)",
        "1-based line of the record in its log",
        "V8's clock: ms since that isolate started",
        "young (Scavenge, Minor …) or old (Mark-Compact, Mark-sweep …)",
        "V8's collector name with its modifiers",
        "Main-thread pause",
        "Heap used before the GC",
        "Heap used after the GC",
        "Heap committed after the GC",
        "Why V8 collected"};
    return tr(role == Qt::DisplayRole ? kTitles[section] : kTips[section]);
}

const QString& EventsTableModel::logName(uint32_t source) const {
    if (log_names_.size() <= source) log_names_.resize(source + 1);
    QString& name = log_names_[source];
    if (name.isEmpty() && int(source) < session_.sourceCount())
        name = QFileInfo(session_.source(int(source)).path).fileName();
    return name;
}

const QString& EventsTableModel::isolateName(size_t series) const {
    if (isolate_names_.size() <= series) isolate_names_.resize(series + 1);
    QString& name = isolate_names_[series];
    if (name.isEmpty()) {
        const model::Series& s = session_.timeline().series(series);
        name = isolateLabel(s.key(), s.isolateText());
    }
    return name;
}

QString EventsTableModel::collectorName(model::CollectorKey key) const {
    auto it = collector_names_.find(key);
    if (it == collector_names_.end())
        it = collector_names_.insert(key, QString::fromStdString(model::collectorName(key)));
    return *it;
}

QString EventsTableModel::cellText(EventRef e, int column) const {
    const model::Timeline& timeline = session_.timeline();
    const model::Series& s = timeline.series(size_t(e.series));
    const size_t i = size_t(e.index);
    switch (column) {
        case LogColumn:
            return logName(s.source());
        case IsolateColumn:
            return isolateName(size_t(e.series));
        case LineColumn:
            return QString::number(s.line(i));
        case TimeColumn:
            return numberText(s.timeMs(i), 'g', 15);
        case GenerationColumn:
            return QString::fromLatin1(parser::generationName(s.generation(i)));
        case CollectorColumn:
            return collectorName(s.collector(i));
        case PauseColumn:
            return numberText(s.pauseMs(i), 'f', 2);
        case UsedBeforeColumn:
            return numberText(s.usedBeforeMb(i), 'f', 1);
        case UsedAfterColumn:
            return numberText(s.usedAfterMb(i), 'f', 1);
        case CommittedAfterColumn:
            return numberText(s.committedAfterMb(i), 'f', 1);
        case ReasonColumn: {
            const std::string_view r = timeline.strings().at(s.reason(i));
            return QString::fromUtf8(r.data(), qsizetype(r.size()));
        }
        default:
            return {};
    }
}

QVariant EventsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (role == Qt::TextAlignmentRole)
        return int((isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const EventRef e = eventAt(index.row());
    if (!e.valid()) return {};
    return cellText(e, index.column());
}

bool EventsTableModel::passes(size_t series, size_t index) const {
    const model::Series& s = session_.timeline().series(series);
    if (filter_.generation && s.generation(index) != *filter_.generation) return false;
    if (filter_.collector && s.collector(index) != *filter_.collector) return false;
    return true;
}

EventRef EventsTableModel::eventAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    if (shows_sorted_) return unpack(sorted_[size_t(row)]);
    // The last block starting at or before `row`.
    auto it = std::upper_bound(blocks_.begin(), blocks_.end(), size_t(row),
                               [](size_t r, const Block& b) { return r < b.offset; });
    const Block& b = *(it - 1);
    const size_t k = size_t(row) - b.offset;
    return {int64_t(b.series), int64_t(filtered() ? b.rows[k] : b.begin + k)};
}

int EventsTableModel::rowOf(EventRef event) const {
    if (!event.valid()) return -1;
    if (shows_sorted_) {
        auto it = std::find(sorted_.begin(), sorted_.end(), pack(event));
        return it == sorted_.end() ? -1 : int(it - sorted_.begin());
    }
    for (const Block& b : blocks_) {
        if (b.series != size_t(event.series)) continue;
        const size_t i = size_t(event.index);
        if (i < b.begin || i >= b.end) return -1;
        if (!filtered()) return int(b.offset + i - b.begin);
        auto it = std::lower_bound(b.rows.begin(), b.rows.end(), uint32_t(i));
        if (it == b.rows.end() || *it != uint32_t(i)) return -1;
        return int(b.offset + size_t(it - b.rows.begin()));
    }
    return -1;
}

model::IndexRange EventsTableModel::eventsOf(size_t series) const {
    const model::Series& s = session_.timeline().series(series);
    if (filter_.visible_range_only && session_.isZoomed()) return s.locate(session_.visibleRange());
    return {0, s.size()};
}

void EventsTableModel::rebuild() {
    blocks_.clear();
    rows_ = 0;
    for (size_t series : session_.visibleSeries()) {
        Block b;
        b.series = series;
        const model::IndexRange events = eventsOf(series);
        b.begin = events.begin;
        b.end = events.end;
        b.offset = rows_;
        if (filtered()) {
            for (size_t i = b.begin; i < b.end; ++i)
                if (passes(series, i)) b.rows.push_back(uint32_t(i));
        }
        rows_ += b.rowCount(filtered());
        blocks_.push_back(std::move(b));
    }
    sortRows();
}

bool EventsTableModel::update(size_t max_new_events) {
    scanCollectors();
    const std::vector<size_t> visible = session_.visibleSeries();
    // Log order and growth at the end only, new isolates after the others (they are numbered in
    // order of appearance): rows can be inserted in place.
    bool in_place = visible.size() >= blocks_.size();
    for (size_t k = 0; in_place && k < blocks_.size(); ++k) {
        const Block& b = blocks_[k];
        const model::IndexRange now = eventsOf(visible[k]);
        in_place = b.series == visible[k] && now.begin == b.begin && now.end >= b.end;
    }
    // Each insertion costs the view about as much as a reset (its header moves an entry per row
    // after the insertion point): with many isolates growing at once, one reset is cheaper.
    size_t growing = visible.size() - std::min(visible.size(), blocks_.size());
    for (size_t k = 0; in_place && k < blocks_.size(); ++k)
        growing += eventsOf(blocks_[k].series).end != blocks_[k].end;
    if (in_place && growing == 0) return true;
    if (!in_place || growing > kMaxInsertionsPerUpdate || sort_column_ >= 0) {
        beginResetModel();
        rebuild();
        endResetModel();
        return true;
    }
    for (size_t k = blocks_.size(); k < visible.size(); ++k) {
        Block& b = blocks_.emplace_back();
        b.series = visible[k];
        b.begin = b.end = eventsOf(visible[k]).begin;
        b.offset = rows_;
    }
    // The new events of each series are rows inserted at its block's end.
    size_t shift = 0;
    size_t budget = max_new_events;
    bool caught_up = true;
    for (Block& b : blocks_) {
        b.offset += shift;
        const size_t available = eventsOf(b.series).end;
        const size_t now = b.end + std::min(available - b.end, budget);
        caught_up = caught_up && now == available;
        budget -= now - b.end;
        if (now == b.end) continue;
        const size_t old_rows = b.rowCount(filtered());
        std::vector<uint32_t> added;
        if (filtered()) {
            for (size_t i = b.end; i < now; ++i)
                if (passes(b.series, i)) added.push_back(uint32_t(i));
        }
        const size_t new_rows = filtered() ? added.size() : now - b.end;
        if (new_rows == 0) {
            b.end = now;
            continue;
        }
        const int first = int(b.offset + old_rows);
        beginInsertRows({}, first, first + int(new_rows) - 1);
        b.end = now;
        b.rows.insert(b.rows.end(), added.begin(), added.end());
        rows_ += new_rows;
        endInsertRows();
        shift += new_rows;
    }
    return caught_up;
}

void EventsTableModel::setFilter(const Filter& filter) {
    if (filter == filter_) return;
    sorter_.cancel();  // its rows are not the filter's
    beginResetModel();
    filter_ = filter;
    rebuild();
    endResetModel();
}

void EventsTableModel::sort(int column, Qt::SortOrder order) {
    if (column >= ColumnCount) column = -1;
    if (column == sort_column_ && order == sort_order_) return;
    sorter_.cancel();  // a running sort's order is not wanted any more
    relayout([&] {
        sort_column_ = column;
        sort_order_ = order;
        sortRows();
    });
}

void EventsTableModel::relayout(const std::function<void()>& change) {
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<EventRef> refs;
    refs.reserve(size_t(before.size()));
    for (const QModelIndex& i : before) refs.push_back(eventAt(i.row()));
    change();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int row = rowOf(refs[size_t(k)]);
        after.append(row < 0 ? QModelIndex() : index(row, before[k].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

double EventsTableModel::sortKey(const model::Series& s, int column, EventRef e) {
    const size_t i = size_t(e.index);
    switch (column) {
        case LogColumn:
            return s.source();
        case IsolateColumn:
            return double(e.series);
        case LineColumn:
            return double(s.line(i));
        case TimeColumn:
            return s.sortTimeMs(i);
        case GenerationColumn:
            return double(s.generation(i));
        case CollectorColumn:
            return s.collector(i);
        case PauseColumn:
            return s.pauseMs(i);
        case UsedBeforeColumn:
            return s.usedBeforeMb(i);
        case UsedAfterColumn:
            return s.usedAfterMb(i);
        case CommittedAfterColumn:
            return s.committedAfterMb(i);
        case ReasonColumn:
            return s.reason(i);
        default:
            return 0;
    }
}

void EventsTableModel::sortRows() {
    if (sort_column_ < 0 || rows_ < background_sort_rows_) {
        sorter_.cancel();
        shows_sorted_ = sort_column_ >= 0;
        sorted_ = shows_sorted_ ? sortedOrder(session_.timeline(), makeSortJob())
                                : std::vector<uint64_t>();
        if (std::exchange(sort_pending_, false)) emit sortSettled(0);
        return;
    }
    // The rows shown so far stay (sorted_ if shown, else the blocks): every row they refer to
    // still exists. A running sort is not cancelled (a loading log or a wheel zoom would starve
    // it): its order of slightly older rows is shown, then the one asked for now.
    sort_pending_ = true;
    sorter_.request();
}

EventsTableModel::SortJob EventsTableModel::makeSortJob() const {
    SortJob job;
    job.blocks = blocks_;
    job.filtered = filtered();
    job.column = sort_column_;
    job.ascending = sort_order_ == Qt::AscendingOrder;
    if (sort_column_ == CollectorColumn || sort_column_ == ReasonColumn) job.rank = rankByName();
    return job;
}

charts::ChartWorker::Work EventsTableModel::sortWork() {
    return charts::timedWork(
        makeSortJob(),
        [&timeline = session_.timeline()](const SortJob& job) {
            return sortedOrder(timeline, job);
        },
        [this](const SortJob&, std::vector<uint64_t>&& order, qint64 ms) {
            applySortedOrder(std::move(order), ms);
        });
}

std::vector<uint64_t> EventsTableModel::sortedOrder(const model::Timeline& timeline,
                                                    const SortJob& job) {
    // Keys are read once into a vector: the sort then costs no column lookups. Absent values
    // (NaN) go last in either order; ties keep log order (orderByKey is stable).
    size_t rows = 0;
    for (const Block& b : job.blocks) rows += b.rowCount(job.filtered);
    std::vector<model::KeyedRow> keyed;
    keyed.reserve(rows);
    for (const Block& b : job.blocks) {
        const model::Series& s = timeline.series(b.series);
        const size_t n = b.rowCount(job.filtered);
        for (size_t k = 0; k < n; ++k) {
            const EventRef e{int64_t(b.series), int64_t(job.filtered ? b.rows[k] : b.begin + k)};
            keyed.push_back({sortKey(s, job.column, e), pack(e)});
        }
    }
    if (!job.rank.empty())  // text columns sort by name
        for (model::KeyedRow& k : keyed) k.key = job.rank[size_t(k.key)];
    return model::orderByKey(std::move(keyed), job.ascending);
}

std::vector<double> EventsTableModel::rankByName() const {
    // The keys are 16-bit ids (collector keys, interned reasons): each becomes the rank of its
    // name among the ids known so far. Ids not known yet (a log loading, not scanned) go after.
    std::vector<std::pair<QString, size_t>> names;
    if (sort_column_ == CollectorColumn) {
        for (size_t id = 0; id < kTextIds; ++id)
            if (collector_seen_[id]) names.emplace_back(collectorName(model::CollectorKey(id)), id);
    } else {
        const model::StringTable& strings = session_.timeline().strings();
        for (size_t id = 0; id < std::min(strings.size(), kTextIds); ++id) {
            const std::string_view r = strings.at(uint32_t(id));
            names.emplace_back(QString::fromUtf8(r.data(), qsizetype(r.size())), id);
        }
    }
    std::sort(names.begin(), names.end());
    std::vector<double> rank(kTextIds);
    for (size_t id = 0; id < kTextIds; ++id) rank[id] = double(names.size() + id);
    for (size_t r = 0; r < names.size(); ++r) rank[names[r].second] = double(r);
    return rank;
}

void EventsTableModel::applySortedOrder(std::vector<uint64_t>&& order, qint64 ms) {
    sort_pending_ = false;
    if (order.size() == size_t(rowCount())) {
        // The same rows in another order: the view keeps its selection.
        relayout([&] {
            sorted_ = std::move(order);
            shows_sorted_ = true;
        });
    } else {
        beginResetModel();
        sorted_ = std::move(order);
        shows_sorted_ = true;
        endResetModel();
    }
    emit sortSettled(ms);
}

void EventsTableModel::scanCollectors() {
    const model::Timeline& timeline = session_.timeline();
    const size_t n = timeline.seriesCount();
    if (collector_scanned_.size() < n) collector_scanned_.resize(n, 0);
    bool added = false;
    for (size_t k = 0; k < n; ++k) {
        const model::Series& s = timeline.series(k);
        const size_t size = s.size();
        for (size_t i = collector_scanned_[k]; i < size; ++i) {
            const model::CollectorKey key = s.collector(i);
            if (!collector_seen_[key]) {
                collector_seen_[key] = true;
                added = true;
            }
        }
        collector_scanned_[k] = size;
    }
    if (added) emit collectorsChanged();
}

std::vector<model::CollectorKey> EventsTableModel::collectors() const {
    std::vector<model::CollectorKey> keys;
    for (size_t k = 0; k < collector_seen_.size(); ++k)
        if (collector_seen_[k]) keys.push_back(model::CollectorKey(k));
    std::sort(keys.begin(), keys.end(),
              [this](auto a, auto b) { return collectorName(a) < collectorName(b); });
    return keys;
}

}  // namespace gcscope::ui
