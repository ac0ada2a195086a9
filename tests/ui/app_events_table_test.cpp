// The events table: rows over the model without copies, filters, sorting, selection binding, and
// rows appended while a log loads.
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "app_test_support.hpp"
#include "gcscope/parser/stream_parser.hpp"
#include "panels/events_table.hpp"
#include "panels/events_table_model.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {
namespace {

using test::sample;
using Model = EventsTableModel;

QString cell(const Model& m, int row, int column) {
    return m.data(m.index(row, column), Qt::DisplayRole).toString();
}

class AppEventsTable : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(w.open({sample("node22-workers-trace-gc.log")})); }
    EventsTable& table() { return w->events(); }
    Model& model() { return w->events().model(); }
    test::TestWindow w;
};

TEST_F(AppEventsTable, OldOnlyShowsOnlyOldGenerationRows) {
    QComboBox& generation = table().generationFilter();
    generation.setCurrentIndex(generation.findText(QStringLiteral("Old only")));
    ASSERT_EQ(model().rowCount(), 3);
    for (int r = 0; r < model().rowCount(); ++r) {
        EXPECT_EQ(cell(model(), r, Model::GenerationColumn), QStringLiteral("old"));
        const EventRef e = model().eventAt(r);
        EXPECT_EQ(w->session().timeline().series(size_t(e.series)).generation(size_t(e.index)),
                  parser::Generation::Old);
    }
    generation.setCurrentIndex(generation.findText(QStringLiteral("Young only")));
    EXPECT_EQ(model().rowCount(), 98);
    generation.setCurrentIndex(0);
    EXPECT_EQ(model().rowCount(), 101);
}

TEST_F(AppEventsTable, CollectorFilterListsTheCollectorsSeen) {
    QComboBox& collector = table().collectorFilter();
    const int mc = collector.findText(QStringLiteral("Mark-Compact"));
    ASSERT_GE(mc, 0);
    EXPECT_GE(collector.findText(QStringLiteral("Scavenge")), 0);
    collector.setCurrentIndex(mc);
    ASSERT_GT(model().rowCount(), 0);
    for (int r = 0; r < model().rowCount(); ++r)
        EXPECT_EQ(cell(model(), r, Model::CollectorColumn), QStringLiteral("Mark-Compact"));
}

TEST_F(AppEventsTable, SortingByPauseAndBackToLogOrder) {
    QStringList log_order;
    for (int r = 0; r < model().rowCount(); ++r) log_order << cell(model(), r, Model::LineColumn);
    table().view().sortByColumn(Model::PauseColumn, Qt::DescendingOrder);
    EXPECT_EQ(cell(model(), 0, Model::PauseColumn), QStringLiteral("11.03"));  // the summary's max
    double previous = 1e9;
    for (int r = 0; r < model().rowCount(); ++r) {
        const double p = cell(model(), r, Model::PauseColumn).toDouble();
        EXPECT_LE(p, previous) << "row " << r;
        previous = p;
    }
    table().view().sortByColumn(Model::CollectorColumn, Qt::AscendingOrder);
    EXPECT_EQ(cell(model(), 0, Model::CollectorColumn), QStringLiteral("Mark-Compact"));
    EXPECT_EQ(cell(model(), 100, Model::CollectorColumn), QStringLiteral("Scavenge"));
    // Rows of one collector stay in log order.
    for (int r = 1; r < model().rowCount(); ++r) {
        if (cell(model(), r, Model::CollectorColumn) !=
            cell(model(), r - 1, Model::CollectorColumn))
            continue;
        EXPECT_LT(log_order.indexOf(cell(model(), r - 1, Model::LineColumn)),
                  log_order.indexOf(cell(model(), r, Model::LineColumn)))
            << "row " << r;
    }
    // A third click on the header clears the indicator: log order again.
    table().view().horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    for (int r = 0; r < model().rowCount(); ++r)
        ASSERT_EQ(cell(model(), r, Model::LineColumn), log_order[r]);
}

TEST_F(AppEventsTable, TableSelectionSelectsTheEventAndBack) {
    QTableView& view = table().view();
    view.selectRow(7);
    EXPECT_EQ(w->session().selectedEvent(), model().eventAt(7));
    // A chart click: the session selects an event of the second isolate.
    const size_t second = w->session().visibleSeries()[1];
    const EventRef picked{int64_t(second), 4};
    w->session().selectEvent(picked);
    const int row = model().rowOf(picked);
    ASSERT_GE(row, 0);
    EXPECT_EQ(view.currentIndex().row(), row);
    EXPECT_TRUE(view.selectionModel()->isRowSelected(row, {}));
    EXPECT_EQ(model().eventAt(row), picked);
    // Still selected after sorting and filtering, and cleared when filtered out.
    view.sortByColumn(Model::PauseColumn, Qt::AscendingOrder);
    EXPECT_EQ(model().eventAt(view.currentIndex().row()), picked);
    QComboBox& generation = table().generationFilter();
    generation.setCurrentIndex(generation.findText(QStringLiteral("Old only")));
    EXPECT_FALSE(view.selectionModel()->hasSelection());
    generation.setCurrentIndex(0);
    EXPECT_EQ(model().eventAt(view.currentIndex().row()), picked);
}

TEST_F(AppEventsTable, ZoomingListsTheEventsOfTheVisibleRange) {
    const model::TimeRange full = w->session().fullRange();
    const model::TimeRange first_half{full.from_ms, (full.from_ms + full.to_ms) / 2};
    w->session().setVisibleRange(first_half);
    uint64_t in_range = 0;
    for (size_t s : w->session().visibleSeries())
        in_range += w->session().timeline().series(s).locate(first_half).size();
    ASSERT_GT(in_range, 0u);
    ASSERT_LT(in_range, 101u);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().rowCount() == int(in_range); }, 2000));
    for (int r = 0; r < model().rowCount(); ++r) {
        const EventRef e = model().eventAt(r);
        EXPECT_TRUE(first_half.contains(
            w->session().timeline().series(size_t(e.series)).sortTimeMs(size_t(e.index))));
        EXPECT_EQ(model().rowOf(e), r);
    }
    table().visibleRangeOnly().setChecked(false);
    EXPECT_EQ(model().rowCount(), 101);
    table().visibleRangeOnly().setChecked(true);
    EXPECT_EQ(model().rowCount(), int(in_range));
    w->session().resetZoom();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().rowCount() == 101; }, 2000));
}

/// The events of the model's rows, in order.
std::vector<EventRef> rows(const Model& m) {
    std::vector<EventRef> out;
    for (int r = 0; r < m.rowCount(); ++r) out.push_back(m.eventAt(r));
    return out;
}

TEST_F(AppEventsTable, LargeTablesSortOnAWorkerShowingTheRowsTheyHadMeanwhile) {
    // Sorting millions of rows held the GUI thread 0.2-0.4 s, at every zoom while sorted. Forced
    // here (from 0 rows) on 101; the GUI-thread sorts give the expected orders.
    QTableView& view = table().view();
    const std::vector<EventRef> log_order = rows(model());
    view.sortByColumn(Model::PauseColumn, Qt::DescendingOrder);
    const std::vector<EventRef> by_pause = rows(model());
    view.sortByColumn(Model::CollectorColumn, Qt::AscendingOrder);
    const std::vector<EventRef> by_collector = rows(model());
    view.horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    ASSERT_EQ(rows(model()), log_order);
    ASSERT_NE(by_pause, log_order);

    model().setBackgroundSortFromRows(0);
    view.selectRow(7);
    const EventRef picked = model().eventAt(7);
    view.sortByColumn(Model::PauseColumn, Qt::DescendingOrder);
    EXPECT_TRUE(model().sortPending());
    EXPECT_EQ(rows(model()), log_order);  // until the order arrives
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().sortPending(); }, 5000));
    EXPECT_EQ(rows(model()), by_pause);
    EXPECT_EQ(model().eventAt(view.currentIndex().row()), picked);  // the selection moved along

    view.sortByColumn(Model::CollectorColumn, Qt::AscendingOrder);
    EXPECT_EQ(rows(model()), by_pause);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().sortPending(); }, 5000));
    EXPECT_EQ(rows(model()), by_collector);

    // Zoomed while sorted: the rows of the whole log stay until those of the range arrive.
    const model::TimeRange full = w->session().fullRange();
    const model::TimeRange first_half{full.from_ms, (full.from_ms + full.to_ms) / 2};
    w->session().setVisibleRange(first_half);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().sortPending(); }, 2000));
    EXPECT_EQ(rows(model()), by_collector);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model().sortPending(); }, 5000));
    const model::Timeline& timeline = w->session().timeline();
    std::vector<EventRef> in_range;
    for (const EventRef& e : by_collector)
        if (first_half.contains(timeline.series(size_t(e.series)).sortTimeMs(size_t(e.index))))
            in_range.push_back(e);
    ASSERT_LT(in_range.size(), by_collector.size());
    EXPECT_EQ(rows(model()), in_range);
}

std::string readSample(const char* name) {
    std::ifstream in(sample(name).toStdString(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// A table sorted on the worker (from 0 rows) while the workers log arrives in thirds.
class SortedTableLoading : public ::testing::Test {
  protected:
    void SetUp() override {
        table.model().setBackgroundSortFromRows(0);
        table.view().sortByColumn(Model::PauseColumn, Qt::DescendingOrder);
        session.timeline().addSource("workers.log");
    }
    /// Appends text[from, to) and announces it at once (not on a timer: the session's interval
    /// has passed). No event is handled meanwhile, so no sort's result can have arrived.
    void append(size_t from, size_t to) {
        parser.feed(std::string_view(text).substr(from, to - from));
        if (to == text.size()) parser.finish();
        std::this_thread::sleep_for(std::chrono::milliseconds(LogSession::kAppendedIntervalMs + 5));
        session.noteDataAppended();
    }
    int eventsSoFar() const {
        int n = 0;
        for (size_t s : session.visibleSeries()) n += int(session.timeline().series(s).size());
        return n;
    }

    LogSession session;
    EventsTable table{session};
    const std::string text = readSample("node22-workers-trace-gc.log");
    const size_t third = text.find('\n', text.size() / 3) + 1;
    const size_t two_thirds = text.find('\n', 2 * text.size() / 3) + 1;
    parser::StreamParser parser{session.timeline()};
};

TEST_F(SortedTableLoading, EventsArrivingWhileASortRunsWaitForIt) {
    // Otherwise a loading log's sorts run back to back on the worker, beside the loader.
    append(0, third);
    ASSERT_TRUE(table.model().sortPending());
    QSignalSpy reset(&table.model(), &Model::modelReset);
    append(third, two_thirds);
    EXPECT_EQ(reset.count(), 0);  // no update while the sort runs, nor one waiting on a timer
    EXPECT_FALSE(table.rowsPending());
    ASSERT_TRUE(QTest::qWaitFor([&] { return table.model().rowCount() > 0; }, 5000));
    // Then they arrive, sorted.
    append(two_thirds, text.size());
    ASSERT_TRUE(QTest::qWaitFor([&] { return table.model().rowCount() == 101; }, 5000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !table.model().sortPending(); }, 5000));
    EXPECT_EQ(cell(table.model(), 0, Model::PauseColumn), QStringLiteral("11.03"));
}

TEST_F(SortedTableLoading, EventsHeldBackForASortArriveWhenItIsCancelled) {
    // The cancelled sort's result is dropped unseen: rows waiting for it would wait for the next
    // append, which a quiet followed log may not write for hours.
    append(0, third);
    ASSERT_TRUE(table.model().sortPending());
    append(third, two_thirds);  // held back for the sort
    // Back to log order before the sort is done: the rows held back arrive without more data.
    table.view().horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    EXPECT_FALSE(table.model().sortPending());
    const int so_far = eventsSoFar();
    EXPECT_TRUE(QTest::qWaitFor([&] { return table.model().rowCount() == so_far; }, 2000));
    // And rows arriving after the cancel are not held back either.
    append(two_thirds, text.size());
    EXPECT_TRUE(QTest::qWaitFor([&] { return table.model().rowCount() == 101; }, 2000));
}

TEST(AppEventsTableModel, EventsAppendedWhileLoadingArriveAsInsertedRows) {
    LogSession session;
    Model model(session);
    const std::string text = readSample("node22-workers-trace-gc.log");
    const size_t half = text.find('\n', text.size() / 2) + 1;
    session.timeline().addSource("workers.log");
    session.sourceInfo(0).path = QStringLiteral("workers.log");
    parser::StreamParser parser(session.timeline());
    parser.feed(std::string_view(text).substr(0, half));
    session.noteDataAppended();
    model.update();
    const int first = model.rowCount();
    ASSERT_GT(first, 0);
    ASSERT_LT(first, 101);
    const EventRef kept = model.eventAt(first / 2);
    QSignalSpy inserted(&model, &Model::rowsInserted);
    QSignalSpy reset(&model, &Model::modelReset);
    parser.feed(std::string_view(text).substr(half));
    parser.finish();
    session.noteDataAppended();
    model.update();
    EXPECT_EQ(model.rowCount(), 101);
    EXPECT_GE(inserted.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(model.eventAt(model.rowOf(kept)), kept);
    for (int r = 0; r < model.rowCount(); ++r) ASSERT_EQ(model.rowOf(model.eventAt(r)), r);
}

}  // namespace
}  // namespace gcscope::ui
