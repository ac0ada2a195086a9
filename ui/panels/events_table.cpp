#include "panels/events_table.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

#include "panels/display_format.hpp"
#include "panels/events_table_model.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

EventsTable::EventsTable(LogSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(new EventsTableModel(session, this)),
      view_(new QTableView(this)),
      generation_(new QComboBox(this)),
      collector_(new QComboBox(this)),
      in_range_(new QCheckBox(tr("Visible range only"), this)),
      count_(new QLabel(this)) {
    generation_->addItem(tr("Young and old"));
    generation_->addItem(tr("Young only"), int(parser::Generation::Young));
    generation_->addItem(tr("Old only"), int(parser::Generation::Old));
    generation_->setToolTip(tr("Show the GCs of one generation"));
    collector_->setToolTip(tr("Show the GCs of one collector"));
    collector_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    collector_->setMinimumContentsLength(18);
    in_range_->setToolTip(tr("When zoomed, list only the GCs of the time range the charts show"));
    in_range_->setChecked(true);
    fillCollectors();

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(generation_);
    filters->addWidget(collector_);
    filters->addWidget(in_range_);
    filters->addStretch();
    filters->addWidget(count_);

    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setSortIndicatorClearable(true);
    view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setHighlightSections(false);
    view_->setSortingEnabled(true);
    // Widths from sample text, not from the rows: measuring millions of rows would stall.
    const QFontMetrics fm = view_->fontMetrics();
    const char* const kSamples[] = {"node22-workers-trace-gc.log",
                                    "pid 123456 · 0x7f71a4001000",
                                    "1234567",
                                    "Time (ms)",
                                    "young",
                                    "Mark-Compact (reduce)",
                                    "Pause (ms)",
                                    "Before (MB)",
                                    "After (MB)",
                                    "Committed (MB)"};
    for (int c = 0; c < int(std::size(kSamples)); ++c)
        view_->setColumnWidth(c, fm.horizontalAdvance(QString::fromUtf8(kSamples[c])) + 24);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(view_);

    connect(generation_, &QComboBox::currentIndexChanged, this, &EventsTable::applyFilter);
    connect(collector_, &QComboBox::currentIndexChanged, this, &EventsTable::applyFilter);
    connect(model_, &EventsTableModel::collectorsChanged, this, &EventsTable::fillCollectors);
    connect(model_, &EventsTableModel::modelReset, this, [this] {
        updateCount();
        showSelection(session_.selectedEvent());
    });
    connect(model_, &EventsTableModel::rowsInserted, this, &EventsTable::updateCount);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentRowChanged(current.row()); });
    // Millions of rows make each insertion slow (the view's header keeps one entry per row):
    // arriving rows are then paced. The end of a load (sourcesChanged) is taken in at once, a
    // slice at a time if it is large (updateRows()).
    connect(&session, &LogSession::dataAppended, this, [this] {
        // A sorted table re-sorts on a worker: arriving rows wait for that sort, then as long as
        // the pacer asks for its cost, so sorts do not run back to back beside the loader.
        if (model_->sortPending()) {
            rows_after_sort_ = true;
        } else {
            row_pacer_.request();
        }
    });
    connect(
        model_, &EventsTableModel::sortSettled, this,
        [this](qint64 worker_ms) {
            row_pacer_.noteCost(worker_ms);
            if (std::exchange(rows_after_sort_, false)) row_pacer_.request();
        },
        Qt::QueuedConnection);
    connect(&session, &LogSession::sourcesChanged, this, [this] { row_pacer_.runNow(); });
    // The total grows with a followed log even when no new row falls in the range shown.
    connect(&session, &LogSession::dataAppended, this, &EventsTable::updateCount);
    // Checking a log shows each of its isolates in turn: rebuild once, after the last. Zoom and
    // pan emit many ranges: follow them at most every 40 ms.
    update_timer_.setObjectName(QStringLiteral("events table range"));
    update_timer_.setSingleShot(true);
    connect(&update_timer_, &QTimer::timeout, model_, [this] { model_->update(); });
    connect(&session, &LogSession::seriesVisibilityChanged, this,
            [this] { update_timer_.start(0); });
    connect(&session, &LogSession::visibleRangeChanged, this, [this] {
        // A view that follows the data moves with it: the paced data path updates the rows.
        if (session_.isAnnouncingData()) return;
        if (in_range_->isChecked() && !update_timer_.isActive()) update_timer_.start(40);
    });
    connect(in_range_, &QCheckBox::toggled, this, &EventsTable::applyFilter);
    connect(&session, &LogSession::selectionChanged, this, &EventsTable::showSelection);
    // With a single log (isolate) its name on every row says nothing.
    connect(&session, &LogSession::sourcesChanged, this, &EventsTable::hideConstantColumns);
    connect(&session, &LogSession::dataAppended, this, &EventsTable::hideConstantColumns);
    hideConstantColumns();
    applyFilter();
    model_->update();
    updateCount();
}

void EventsTable::updateRows() {
    // Millions of rows inserted at once held the GUI thread for over 0.1 s (the view's header
    // allocates an entry per row): a large load's rows come a slice at a time, paced.
    if (!model_->update(max_new_rows_)) QTimer::singleShot(0, this, [this] { row_pacer_.request(); });
}

void EventsTable::hideConstantColumns() {
    view_->setColumnHidden(EventsTableModel::LogColumn, session_.sourceCount() < 2);
    view_->setColumnHidden(EventsTableModel::IsolateColumn, session_.timeline().seriesCount() < 2);
}

void EventsTable::fillCollectors() {
    const QVariant current = collector_->currentData();
    const QSignalBlocker block(collector_);
    collector_->clear();
    collector_->addItem(tr("All collectors"));
    for (model::CollectorKey key : model_->collectors())
        collector_->addItem(model_->collectorName(key), int(key));
    const int at = current.isValid() ? collector_->findData(current) : 0;
    collector_->setCurrentIndex(std::max(at, 0));
}

void EventsTable::applyFilter() {
    EventsTableModel::Filter filter;
    if (const QVariant g = generation_->currentData(); g.isValid())
        filter.generation = parser::Generation(g.toInt());
    if (const QVariant c = collector_->currentData(); c.isValid())
        filter.collector = model::CollectorKey(c.toInt());
    filter.visible_range_only = in_range_->isChecked();
    model_->setFilter(filter);
}

void EventsTable::updateCount() {
    uint64_t total = 0;
    for (size_t s : session_.visibleSeries()) total += session_.timeline().series(s).size();
    const uint64_t shown = uint64_t(model_->rowCount());
    count_->setText(shown == total
                        ? tr("%1 events").arg(formatCount(total))
                        : tr("%1 of %2 events").arg(formatCount(shown), formatCount(total)));
}

QString EventsTable::countText() const {
    return count_->text();
}

void EventsTable::onCurrentRowChanged(int row) {
    if (syncing_) return;
    const EventRef event = model_->eventAt(row);
    if (event.valid()) session_.selectEvent(event);
}

void EventsTable::showSelection(EventRef event) {
    syncing_ = true;
    const int row = model_->rowOf(event);
    if (row < 0) {
        view_->selectionModel()->clear();
    } else {
        const QModelIndex index = model_->index(row, 0);
        view_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(index, QAbstractItemView::EnsureVisible);
    }
    syncing_ = false;
}

}  // namespace gcscope::ui
