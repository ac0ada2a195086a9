#include "panels/summary_panel.hpp"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "gcscope/model/timeline.hpp"
#include "panels/display_format.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {

/// A coloured tag per severity; the message follows in the text colour.
QString severityTag(model::Severity s) {
    switch (s) {
        case model::Severity::Critical:
            return QStringLiteral("<span style='color:#c62828;font-weight:bold'>CRITICAL</span>");
        case model::Severity::Warning:
            return QStringLiteral("<span style='color:#b26a00;font-weight:bold'>WARNING</span>");
        case model::Severity::Info:
            break;
    }
    return QStringLiteral("<span style='color:#1565c0;font-weight:bold'>INFO</span>");
}

}  // namespace

SummaryPanel::SummaryPanel(LogSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      table_(new QTableWidget(int(SummaryRow::Count), 2, this)),
      diagnosis_(new QTextBrowser(this)) {
    table_->setHorizontalHeaderLabels({tr("Visible range"), tr("Whole log")});
    table_->setVerticalHeaderLabels(summaryRowLabels());
    const QStringList tips = summaryRowToolTips();
    for (int r = 0; r < table_->rowCount(); ++r) {
        table_->verticalHeaderItem(r)->setToolTip(tips[r]);
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem(kAbsentText);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setToolTip(tips[r]);
            table_->setItem(r, c, item);
        }
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    table_->setWordWrap(false);
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Tall enough for every row: the statistics are the point of the panel.
    table_->setMinimumHeight(
        table_->verticalHeader()->defaultSectionSize() * (table_->rowCount() + 1) + 4);

    diagnosis_->setOpenLinks(false);
    diagnosis_->setFrameShape(QFrame::StyledPanel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(table_, 3);
    layout->addWidget(new QLabel(tr("<b>Diagnosis</b> (leak, GC pressure, heap limit)"), this));
    layout->addWidget(diagnosis_, 2);

    pool_.setMaxThreadCount(1);
    timer_.setObjectName(QStringLiteral("summary refresh"));
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SummaryPanel::startJob);
    connect(&session, &LogSession::visibleRangeChanged, this, [this] {
        schedule(false, session_.isAnnouncingData() ? Cause::Data : Cause::User);
    });
    connect(&session, &LogSession::dataAppended, this, [this] { schedule(true, Cause::Data); });
    connect(&session, &LogSession::seriesVisibilityChanged, this,
            [this] { schedule(true, Cause::User); });
    // The end of a load is not paced like the data before it: its statistics are the final ones.
    connect(&session, &LogSession::sourcesChanged, this, [this] {
        if (job_loading_ && !session_.isLoading()) schedule(true, Cause::User);
    });
    recomputeNow();
}

SummaryPanel::~SummaryPanel() {
    pool_.waitForDone();
}

int SummaryPanel::delayMs(Cause cause, qint64 last_ms) {
    const qint64 wait =
        cause == Cause::User ? last_ms : std::min(kDataCostFactor * last_ms, kMaxDataDelayMs);
    return int(std::max<qint64>(kCoalesceMs, wait));
}

void SummaryPanel::schedule(bool whole_too, Cause cause) {
    whole_dirty_ = whole_dirty_ || whole_too;
    if (running_) {
        if (!pending_ || cause == Cause::User) pending_cause_ = cause;
        pending_ = true;
        return;
    }
    // A user's change while a data-paced computation waits comes sooner.
    const int delay = delayMs(cause, last_ms_);
    if (!timer_.isActive() || timer_.remainingTime() > delay) timer_.start(delay);
}

SummaryJob SummaryPanel::makeJob() {
    SummaryJob job;
    job.series = session_.visibleSeries();
    job.range = session_.visibleRange();
    job.zoomed = session_.isZoomed();
    job.whole = whole_dirty_;
    job.loading = job_loading_ = session_.isLoading();
    whole_dirty_ = false;
    return job;
}

void SummaryPanel::startJob() {
    running_ = true;
    pending_ = false;
    const SummaryJob job = makeJob();
    const model::Timeline& timeline = session_.timeline();
    pool_.start([this, job, &timeline] {
        auto result = std::make_shared<SummaryResult>(computeSummary(timeline, job));
        QMetaObject::invokeMethod(
            this,
            [this, result, zoomed = job.zoomed, loading = job.loading] {
                running_ = false;
                last_ms_ = result->elapsed_ms;
                show(std::move(*result), zoomed, loading);
                if (pending_) schedule(false, pending_cause_);
            },
            Qt::QueuedConnection);
    });
}

void SummaryPanel::recomputeNow() {
    timer_.stop();
    pool_.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);  // a finished job's result first
    const SummaryJob job = makeJob();
    show(computeSummary(session_.timeline(), job), job.zoomed, job.loading);
}

void SummaryPanel::show(SummaryResult&& r, bool zoomed, bool loading) {
    fillColumn(VisibleColumn, r.visible);
    if (r.whole) fillColumn(WholeColumn, *r.whole);
    if (r.whole_findings) findings_[WholeColumn] = std::move(*r.whole_findings);
    findings_[VisibleColumn] = std::move(r.visible_findings);
    zoomed_ = zoomed;
    // While a log loads, the numbers trail the counts elsewhere (they are recomputed less often
    // than the data arrives): the heading says they are of the log so far.
    const QString whole = loading ? tr("Whole log so far") : tr("Whole log");
    table_->horizontalHeaderItem(WholeColumn)->setText(whole);
    const QString whole_html =
        findingsHtml(WholeColumn, zoomed ? whole : tr("%1 (all visible)").arg(whole));
    diagnosis_->setHtml(zoomed ? findingsHtml(VisibleColumn, tr("Visible range")) + whole_html
                               : whole_html);
    emit updated();
}

void SummaryPanel::fillColumn(Column column, const model::RangeStats& stats) {
    for (int r = 0; r < int(SummaryRow::Count); ++r)
        table_->item(r, column)->setText(summaryCell(stats, SummaryRow(r)));
}

const std::vector<model::Finding>& SummaryPanel::shownFindings(Column column) const {
    // Unzoomed, the visible range is the whole log: one list says it all.
    return zoomed_ ? findings_[column] : findings_[WholeColumn];
}

QString SummaryPanel::whereText(const model::Finding& finding) const {
    if (finding.series < 0) return {};
    const model::Series& s = session_.timeline().series(size_t(finding.series));
    return isolateLabel(s.key(), s.isolateText()) + QStringLiteral(": ");
}

QStringList SummaryPanel::findings(Column column) const {
    QStringList texts;
    for (const model::Finding& f : shownFindings(column))
        texts << whereText(f) + QString::fromStdString(f.message);
    return texts;
}

QString SummaryPanel::findingsHtml(Column column, const QString& scope) const {
    const std::vector<model::Finding>& found = shownFindings(column);
    if (found.empty()) return QStringLiteral("<p><b>%1:</b> nothing to report.</p>").arg(scope);
    QString items;
    const size_t listed = std::min(found.size(), size_t(kMaxFindingsShown));
    for (size_t i = 0; i < listed; ++i) {
        const model::Finding& f = found[i];
        items += QStringLiteral("<li>%1 <i>%2</i>%3</li>")
                     .arg(severityTag(f.severity), whereText(f).toHtmlEscaped(),
                          QString::fromStdString(f.message).toHtmlEscaped());
    }
    if (found.size() > listed)
        items += QStringLiteral("<li>… and %1 more</li>").arg(formatCount(uint64_t(found.size() - listed)));
    const QString count = found.size() == 1
                              ? tr("1 finding")
                              : tr("%1 findings").arg(formatCount(uint64_t(found.size())));
    return QStringLiteral("<p><b>%1:</b> %2</p><ul style='margin-left:-20px'>%3</ul>")
        .arg(scope, count, items);
}

QString SummaryPanel::text(SummaryRow row, Column column) const {
    return table_->item(int(row), column)->text();
}

QString SummaryPanel::title(Column column) const {
    return table_->horizontalHeaderItem(column)->text();
}

}  // namespace gcscope::ui
