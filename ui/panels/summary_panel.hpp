// Statistics and diagnosis of the visible range beside those of the whole log, for the shown
// isolates. Recomputed off the GUI thread when the range, the data or the shown isolates change,
// coalesced: at most half the time after the user's changes, and at most a fifth while data
// streams in (a big log's statistics take seconds, and the load needs the cores).
#pragma once

#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include "panels/summary_job.hpp"
#include "panels/summary_rows.hpp"
#include "session/refresh_pacer.hpp"

class QTableWidget;
class QTextBrowser;

namespace gcscope::ui {

class LogSession;

class SummaryPanel : public QWidget {
    Q_OBJECT
  public:
    enum Column { VisibleColumn = 0, WholeColumn = 1 };
    /// Changes within this delay are computed once (zoom and pan emit many ranges); a slow
    /// computation waits at least as long as it took before the next one.
    static constexpr int kCoalesceMs = 40;
    /// What asked for a new result: the user (zoom, pan, shown isolates), or arriving data, whose
    /// result is out of date within a tenth of a second while a log loads.
    enum class Cause { User, Data };
    /// The wait before the next computation, after the last one took `last_ms`: as long again for
    /// the user's changes; for data, kDataCostFactor times as long, at most kMaxDataDelayMs.
    static int delayMs(Cause cause, qint64 last_ms);
    /// The other paced views' factor: a slow view takes at most a fifth of the time.
    static constexpr qint64 kDataCostFactor = RefreshPacer::kCostFactor;
    static constexpr qint64 kMaxDataDelayMs = 2000;
    /// Findings listed per column at most (a log of thousands of isolates can have thousands).
    static constexpr int kMaxFindingsShown = 100;

    explicit SummaryPanel(LogSession& session, QWidget* parent = nullptr);
    ~SummaryPanel() override;

    /// The text shown for `row` in `column` (for tests and copy).
    QString text(SummaryRow row, Column column) const;
    /// The heading of `column` ("Whole log so far" while a log loads).
    QString title(Column column) const;
    /// Findings of the visible range / whole log ("pid 1234 · 0x…: message"), all of them (the
    /// panel lists the first kMaxFindingsShown).
    QStringList findings(Column column) const;

    QSize sizeHint() const override { return {420, 640}; }

  public slots:
    /// Computes now, on this thread, and shows the result (tests; the signals use the worker).
    void recomputeNow();

  signals:
    /// A new result is shown.
    void updated();

  private:
    void schedule(bool whole_too, Cause cause);
    void startJob();
    SummaryJob makeJob();
    void show(SummaryResult&& result, bool zoomed, bool loading);
    void fillColumn(Column column, const model::RangeStats& stats);
    const std::vector<model::Finding>& shownFindings(Column column) const;
    /// "pid 1234 · 0x…: " for a finding of an isolate, "" for one of a whole log.
    QString whereText(const model::Finding& finding) const;
    /// HTML for the findings of `column`.
    QString findingsHtml(Column column, const QString& scope) const;

    LogSession& session_;
    QTableWidget* table_;
    QTextBrowser* diagnosis_;
    /// Per column; the whole log's are kept between results, as it changes less often. Texts
    /// are made only for what is listed: a log of 45,000 isolates has tens of thousands.
    std::vector<model::Finding> findings_[2];
    bool zoomed_ = false;         ///< what the last result was computed for
    bool job_loading_ = false;    ///< the last computation started was of a log still loading
    QTimer timer_;
    QThreadPool pool_;  ///< one worker; waited for on destruction
    bool running_ = false;
    bool pending_ = false;       ///< a change arrived while the worker ran
    Cause pending_cause_ = Cause::Data;  ///< User if any of those changes was the user's
    bool whole_dirty_ = true;
    qint64 last_ms_ = 0;
};

}  // namespace gcscope::ui
