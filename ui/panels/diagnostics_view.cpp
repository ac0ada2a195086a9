#include "panels/diagnostics_view.hpp"

#include <QFileInfo>
#include <QHeaderView>

#include "panels/display_format.hpp"
#include "session/log_session.hpp"
#include "text_format.hpp"

namespace gcscope::ui {

namespace {
/// Lines longer than this are clipped in the view (the tool tip shows up to the kept 512 bytes).
constexpr size_t kShownBytes = 240;

QString printable(const std::string& text, size_t max_bytes) {
    std::string out;
    cli::appendPrintable(out, text, max_bytes);
    return QString::fromStdString(out);
}
}  // namespace

QString lineCountsText(const SourceInfo& info) {
    const parser::ParseStats& s = info.stats;
    QString text =
        QStringLiteral("%1 lines: %2 with GC records, %3 known V8 lines, %4 unrecognised")
            .arg(formatCount(s.lines), formatCount(s.record_lines), formatCount(s.known_lines),
                 formatCount(s.unrecognised_lines));
    text += QStringLiteral(" · %1 GCs").arg(formatCount(s.gc_records));
    if (s.duplicate_records)
        text += QStringLiteral(", %1 repeats dropped").arg(formatCount(s.duplicate_records));
    if (s.heap_space_samples)
        text += QStringLiteral(", %1 heap-space samples").arg(formatCount(s.heap_space_samples));
    if (s.oom_markers) text += QStringLiteral(", %1 OOM markers").arg(formatCount(s.oom_markers));
    if (s.overlong_lines)
        text += QStringLiteral(", %1 over-long lines").arg(formatCount(s.overlong_lines));
    return text;
}

DiagnosticsView::DiagnosticsView(LogSession& session, QWidget* parent)
    : QTreeWidget(parent), session_(session) {
    setHeaderLabels({tr("Line"), tr("Text")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    setColumnWidth(
        LineColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("node22-workers-trace-gc.log")) + 40);
    connect(&session, &LogSession::sourcesChanged, this, &DiagnosticsView::refresh);
    connect(&session, &LogSession::dataAppended, this, &DiagnosticsView::onDataAppended);
    refresh();
}

QString DiagnosticsView::countsText(const SourceInfo& info) const {
    QString counts =
        info.state == SourceInfo::State::Loading ? tr("loading…") : lineCountsText(info);
    if (!info.error.isEmpty()) counts += QStringLiteral(" · ") + info.error;
    return counts;
}

void DiagnosticsView::onDataAppended() {
    bool rebuild = topLevelItemCount() != session_.sourceCount();
    for (int i = 0; i < session_.sourceCount() && !rebuild; ++i)
        rebuild = session_.source(i).stats.unrecognised_lines != shown_unrecognised_[size_t(i)];
    if (rebuild) {
        refresh();
        return;
    }
    for (int i = 0; i < session_.sourceCount(); ++i) {
        const QString counts = countsText(session_.source(i));
        topLevelItem(i)->setText(TextColumn, counts);
        topLevelItem(i)->setToolTip(TextColumn, counts);
    }
}

void DiagnosticsView::refresh() {
    clear();
    shown_unrecognised_.assign(size_t(session_.sourceCount()), 0);
    for (int i = 0; i < session_.sourceCount(); ++i) {
        const SourceInfo& info = session_.source(i);
        shown_unrecognised_[size_t(i)] = info.stats.unrecognised_lines;
        auto* top = new QTreeWidgetItem(this);
        top->setText(LineColumn, QFileInfo(info.path).fileName());
        top->setToolTip(LineColumn, info.path);
        const QString counts = countsText(info);
        top->setText(TextColumn, counts);
        top->setToolTip(TextColumn, counts);
        for (const auto& u : info.stats.first_unrecognised) {
            auto* item = new QTreeWidgetItem(top);
            item->setText(LineColumn, QString::number(u.line));
            item->setTextAlignment(LineColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(TextColumn, printable(u.text, kShownBytes));
            item->setToolTip(TextColumn, printable(u.text, SIZE_MAX));
        }
        const uint64_t kept = info.stats.first_unrecognised.size();
        if (info.stats.unrecognised_lines > kept) {
            auto* more = new QTreeWidgetItem(top);
            more->setText(TextColumn, tr("… %1 more unrecognised lines (the first %2 are kept)")
                                          .arg(formatCount(info.stats.unrecognised_lines - kept),
                                               formatCount(kept)));
        }
        top->setExpanded(session_.sourceCount() <= 3);
    }
}

}  // namespace gcscope::ui
