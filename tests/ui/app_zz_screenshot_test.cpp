// THROWAWAY (not committed): README screenshots of the real window.
#include <QTableView>
#include "app_test_support.hpp"
#include "charts/dashboard.hpp"
#include "panels/events_table.hpp"
#include "panels/events_table_model.hpp"
#include "session/log_session.hpp"
namespace gcscope::ui {
TEST(ZzShots, Take) {
    const QByteArray dir = qgetenv("SHOTS");
    if (dir.isEmpty()) GTEST_SKIP();
    const QString d = QString::fromLocal8Bit(dir);
    {
        test::TestWindow w;
        w->resize(1440, 900);
        w->show();
        ASSERT_TRUE(w.open({test::sample("node22-workers-trace-gc.log")}));
        QTest::qWait(600);
        w->grab().save(d + QStringLiteral("/readme-workers.png"));
    }
    {
        test::TestWindow w;
        w->resize(1440, 900);
        w->show();
        ASSERT_TRUE(w.open({test::sample("node22-leak-trace-gc.log")}));
        QTest::qWait(300);
        const model::TimeRange full = w->session().fullRange();
        w->session().setVisibleRange({full.from_ms + (full.to_ms - full.from_ms) * 0.55, full.to_ms});
        QTest::qWait(300);
        w->events().view().sortByColumn(EventsTableModel::PauseColumn, Qt::DescendingOrder);
        w->events().view().selectRow(0);
        QTest::qWait(600);
        w->grab().save(d + QStringLiteral("/readme-leak-zoomed.png"));
    }
}
}  // namespace gcscope::ui
