#include "panels/sources_panel.hpp"

#include <QCheckBox>
#include <QDateTime>
#include <QFileInfo>
#include <QHeaderView>
#include <climits>

#include "panels/display_format.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {

/// Sets a field only when it differs: every set field of a log's item is a signal through the
/// tree's model.
void setIfChanged(QTreeWidgetItem* item, int column, int role, const QVariant& value) {
    if (item->data(column, role) != value) item->setData(column, role, value);
}

/// A log's item: its box says whether all, some or none of its isolates are shown. Qt works
/// that out (ItemIsAutoTristate) by reading every child's box whenever the item is drawn or
/// measured, 45,000 reads per paint of a large log; the panel keeps it instead (refreshTree()).
/// Clicking it checks or unchecks every isolate, in one change of the session (setData()).
class LogItem : public QTreeWidgetItem {
  public:
    LogItem(SourcesPanel* panel, int source) : QTreeWidgetItem(panel), source_(source) {}
    QVariant data(int column, int role) const override {
        if (role == Qt::CheckStateRole && column == SourcesPanel::NameColumn && childCount() > 0)
            return shown;
        return QTreeWidgetItem::data(column, role);
    }
    /// A click on the log's box shows or hides all its isolates in one change of the session;
    /// Qt's own tristate handling would set each isolate's box, one session change apiece.
    void setData(int column, int role, const QVariant& value) override {
        if (role == Qt::CheckStateRole && column == SourcesPanel::NameColumn && childCount() > 0) {
            static_cast<SourcesPanel*>(treeWidget())
                ->setLogVisible(source_, value.value<Qt::CheckState>() == Qt::Checked);
            return;
        }
        QTreeWidgetItem::setData(column, role, value);
    }
    Qt::CheckState shown = Qt::Checked;

  private:
    const int source_;
};

QString stateText(const SourceInfo& info, qint64 now_ms) {
    if (info.state == SourceInfo::State::Loaded && info.followable) {
        if (info.gone) return QStringLiteral("gone: ") + info.gone_message;
        if (info.isLive(now_ms)) return QStringLiteral("\u25CF live");
        if (info.following) return QStringLiteral("following");
    }
    switch (info.state) {
        case SourceInfo::State::Loading:
            if (info.bytes_total > 0)
                return QStringLiteral("loading %1 %").arg(100 * info.bytes_done / info.bytes_total);
            return QStringLiteral("loading…");
        case SourceInfo::State::Loaded:
            return QStringLiteral("loaded");
        case SourceInfo::State::Failed:
            return QStringLiteral("failed: ") + info.error;
        case SourceInfo::State::Cancelled:
            return QStringLiteral("cancelled");
    }
    return {};
}

}  // namespace

SourcesPanel::SourcesPanel(LogSession& session, QWidget* parent)
    : QTreeWidget(parent), session_(session) {
    setHeaderLabels({tr("Log / isolate"), tr("GCs"), tr("Follow"), tr("State")});
    headerItem()->setToolTip(FollowColumn, tr("Read what is appended to the log while it grows"));
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    // The name takes what is left; counts and state keep their own width.
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(GcsColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(FollowColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    // Fitted to the rows on screen: measuring the text of a thousand rows (Qt's default) on every
    // refresh of a log of tens of thousands of isolates was a third of the GUI thread's time.
    header()->setResizeContentsPrecision(0);
    badge_timer_.setInterval(1000);
    connect(&badge_timer_, &QTimer::timeout, this, &SourcesPanel::refresh);
    setTextElideMode(Qt::ElideMiddle);
    connect(this, &QTreeWidget::itemChanged, this, &SourcesPanel::onItemChanged);
    connect(&session, &LogSession::sourcesChanged, this, &SourcesPanel::refresh);
    connect(&session, &LogSession::dataAppended, this, [this] { pacer_.request(); });
    connect(&session, &LogSession::seriesVisibilityChanged, this, [this] {
        visibility_changed_ = true;
        refresh();
    });
}

QTreeWidgetItem* SourcesPanel::sourceItem(int source) {
    while (source_items_.size() <= size_t(source)) {
        auto* item = new LogItem(this, int(source_items_.size()));
        item->setData(NameColumn, kSeriesRole, -1);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        item->setExpanded(true);
        item->setTextAlignment(GcsColumn, Qt::AlignRight | Qt::AlignVCenter);
        source_items_.push_back(item);
    }
    return source_items_[size_t(source)];
}

QCheckBox* SourcesPanel::followBox(int source) {
    if (follow_boxes_.size() <= size_t(source)) follow_boxes_.resize(size_t(source) + 1, nullptr);
    QCheckBox*& box = follow_boxes_[size_t(source)];
    if (!box) {
        // A widget, not the item's check state: the log item's checkboxes are tristate over its
        // isolates, which Qt applies to every column.
        box = new QCheckBox(this);
        box->setToolTip(tr("Follow this log: read what is appended while it grows"));
        connect(box, &QCheckBox::toggled, this, [this, source](bool on) {
            if (!updating_) session_.requestFollow(source, on);
        });
        setItemWidget(sourceItem(source), FollowColumn, box);
    }
    return box;
}

QTreeWidgetItem* SourcesPanel::seriesItem(size_t series) {
    if (series_items_.size() <= series) series_items_.resize(series + 1, nullptr);
    QTreeWidgetItem*& item = series_items_[series];
    if (!item) {
        const model::Series& s = session_.timeline().series(series);
        item = new QTreeWidgetItem();
        if (new_items_.size() <= s.source()) new_items_.resize(s.source() + 1);
        // Items join their log in the order they are made, after those already added to it and
        // those waiting: their row is known now.
        if (series_rows_.size() <= series) series_rows_.resize(series + 1, 0);
        series_rows_[series] =
            sourceItem(int(s.source()))->childCount() + int(new_items_[s.source()].size());
        new_items_[s.source()].append(item);
        item->setData(NameColumn, kSeriesRole, qlonglong(series));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(NameColumn,
                            session_.isSeriesVisible(series) ? Qt::Checked : Qt::Unchecked);
        item->setTextAlignment(GcsColumn, Qt::AlignRight | Qt::AlignVCenter);
        // Isolates of a pid after its first are worker threads (or other isolates of the process).
        // Items are made in series order, which is the order of the isolates' first records.
        const bool later_of_pid = !pids_.insert({s.source(), s.key().pid}).second;
        QString label = isolateLabel(s.key(), s.isolateText());
        if (later_of_pid) label += QStringLiteral(" · worker");
        item->setText(NameColumn, label);
        item->setToolTip(
            NameColumn,
            later_of_pid
                ? tr("Another isolate of the same process: a worker thread (or a second isolate)")
                : tr("The first isolate of this process that printed a GC: usually the main "
                     "thread"));
    }
    return item;
}

void SourcesPanel::refreshTree() {
    if (applying_) return;  // the tree already shows what the user just clicked
    updating_ = true;
    const model::Timeline& timeline = session_.timeline();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool any_live = false;
    for (int i = 0; i < session_.sourceCount(); ++i) {
        const SourceInfo& info = session_.source(i);
        QTreeWidgetItem* item = sourceItem(i);
        // Only what changed: each change of a log's item re-reads the check states of all its
        // isolates (the log's box is their tristate sum), tens of thousands in a large log.
        setIfChanged(item, NameColumn, Qt::DisplayRole, QFileInfo(info.path).fileName());
        setIfChanged(item, NameColumn, Qt::ToolTipRole, info.path);
        const QString state = stateText(info, now);
        setIfChanged(item, StateColumn, Qt::DisplayRole, state);
        setIfChanged(item, StateColumn, Qt::ToolTipRole, state);
        const bool bad = info.state == SourceInfo::State::Failed || info.gone;
        setIfChanged(item, StateColumn, Qt::ForegroundRole,
                     bad ? QVariant(QBrush(Qt::darkRed)) : QVariant());
        if (info.followable) followBox(i)->setChecked(info.following);
        any_live = any_live || info.isLive(now);
    }
    // The badge must go out when growth stops, which no signal announces.
    if (any_live && !badge_timer_.isActive()) badge_timer_.start();
    if (!any_live) badge_timer_.stop();
    std::vector<uint64_t> per_source(size_t(session_.sourceCount()), 0);
    const size_t n = timeline.seriesCount();
    if (shown_sizes_.size() < n) shown_sizes_.resize(n, 0);
    // Counts and check boxes change quietly, then the view hears once per log and column: one
    // notice per isolate made the tree re-measure each changed row, tens of thousands of them.
    std::vector<ChangedRows> changed_counts(per_source.size()), changed_checks(per_source.size());
    std::vector<size_t> isolates(per_source.size(), 0), shown(per_source.size(), 0);
    {
        const QSignalBlocker quiet(model());
        for (size_t i = 0; i < n; ++i) {
            const model::Series& s = timeline.series(i);
            const size_t size = s.size();
            if (s.source() >= per_source.size() || size == 0) continue;  // source not announced yet
            per_source[s.source()] += size;
            ++isolates[s.source()];
            const bool visible = session_.isSeriesVisible(i);
            shown[s.source()] += visible;
            QTreeWidgetItem* item = seriesItem(i);
            // A new item joins its log below, with the text and box it was made with.
            const bool added = item->parent() != nullptr;
            // Check boxes only change with the visibility: reading 30,000 of them on every growth
            // of a log kept the GUI thread busy while it loaded.
            const Qt::CheckState check = visible ? Qt::Checked : Qt::Unchecked;
            if (visibility_changed_ && item->checkState(NameColumn) != check) {
                item->setCheckState(NameColumn, check);
                if (added) changed_checks[s.source()].add(series_rows_[i]);
            }
            // Only what changed: a log of thousands of isolates refreshes ten times a second.
            if (shown_sizes_[i] == size) continue;
            shown_sizes_[i] = size;
            item->setText(GcsColumn, formatCount(size));
            if (added) changed_counts[s.source()].add(series_rows_[i]);
        }
    }
    notifyChanged(changed_counts, GcsColumn);
    notifyChanged(changed_checks, NameColumn);
    for (size_t i = 0; i < new_items_.size(); ++i) {
        if (new_items_[i].isEmpty()) continue;
        sourceItem(int(i))->addChildren(new_items_[i]);
        new_items_[i].clear();
    }
    for (size_t i = 0; i < per_source.size(); ++i) {
        auto* log = static_cast<LogItem*>(source_items_[i]);
        setIfChanged(log, GcsColumn, Qt::DisplayRole, formatCount(per_source[i]));
        if (log->childCount() == 0) log->setData(NameColumn, Qt::CheckStateRole, {});
        const Qt::CheckState state = shown[i] == isolates[i] ? Qt::Checked
                                     : shown[i] == 0         ? Qt::Unchecked
                                                             : Qt::PartiallyChecked;
        if (log->shown != state) {
            log->shown = state;
            emit model()->dataChanged(indexFromItem(log, NameColumn), indexFromItem(log, NameColumn));
        }
    }
    updating_ = false;
    visibility_changed_ = false;
}

void SourcesPanel::notifyChanged(const std::vector<ChangedRows>& changed, int column) {
    for (size_t source = 0; source < changed.size(); ++source) {
        const ChangedRows rows = changed[source];
        if (rows.last < 0) continue;
        QTreeWidgetItem* log = source_items_[source];
        emit model()->dataChanged(indexFromItem(log->child(rows.first), column),
                                  indexFromItem(log->child(rows.last), column));
    }
}

void SourcesPanel::setLogVisible(int source, bool visible) {
    std::vector<size_t> series;
    const model::Timeline& timeline = session_.timeline();
    for (size_t i = 0; i < timeline.seriesCount(); ++i)
        if (timeline.series(i).source() == uint32_t(source)) series.push_back(i);
    session_.setSeriesVisible(series, visible);  // refresh() follows: the boxes, the log's too
}

void SourcesPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (updating_ || column != NameColumn) return;
    const qlonglong series = item->data(NameColumn, kSeriesRole).toLongLong();
    if (series < 0) return;  // a log item: its box is LogItem::setData()'s
    applying_ = true;
    session_.setSeriesVisible(size_t(series), item->checkState(NameColumn) == Qt::Checked);
    applying_ = false;
    // The log's box (all, some, none) follows in a refresh after the click: one for all the
    // clicks of a turn of the event loop.
    if (!log_boxes_posted_) {
        log_boxes_posted_ = true;
        QTimer::singleShot(0, this, [this] {
            log_boxes_posted_ = false;
            refresh();
        });
    }
}

}  // namespace gcscope::ui
