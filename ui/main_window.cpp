#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "app/app_settings.hpp"
#include "app/csv_export.hpp"
#include "app/file_drop_filter.hpp"
#include "app/load_queue.hpp"
#include "app/load_report.hpp"
#include "app/png_export_dialog.hpp"
#include "app/recent_files_menu.hpp"
#include "charts/dashboard.hpp"
#include "gcscope/parser/input_source.hpp"
#include "panels/diagnostics_view.hpp"
#include "panels/display_format.hpp"
#include "panels/events_table.hpp"
#include "panels/live_indicator.hpp"
#include "panels/sources_panel.hpp"
#include "panels/summary_panel.hpp"
#include "session/log_loader.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {
const QString kLogFilter = QStringLiteral("GC logs (*.log *.txt *.gz *.out);;All files (*)");

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name,
                  QWidget* content) {
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name);  // saveState() needs it
    d->setWidget(content);
    d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                   QDockWidget::DockWidgetClosable);
    return d;
}
}  // namespace

MainWindow::MainWindow(std::unique_ptr<QSettings> settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(std::make_unique<AppSettings>(std::move(settings))),
      session_(std::make_unique<LogSession>()),
      loader_(std::make_unique<LogLoader>(*session_, /*follow=*/true)),
      queue_(new LoadQueue(*loader_, this)),
      csv_(new CsvExporter(this)),
      dashboard_(new charts::Dashboard(*session_, this)),
      sources_(new SourcesPanel(*session_)),
      events_(new EventsTable(*session_)),
      summary_(new SummaryPanel(*session_)),
      diagnostics_(new DiagnosticsView(*session_)) {
    setCentralWidget(dashboard_);
    createDocks();
    createMenus();
    createStatusBar();

    setAcceptDrops(true);
    auto* drops = new FileDropFilter(this);
    installEventFilter(drops);
    connect(drops, &FileDropFilter::filesDropped, this, &MainWindow::openLogs);

    warn_ = [this](const QString& title, const QString& text) {
        QMessageBox::warning(this, title, text);
    };
    connect(queue_, &LoadQueue::started, this,
            [this](const QString& path) { settings_->addRecentFile(path); });
    connect(queue_, &LoadQueue::failed, this, &MainWindow::onLoadFailed);
    connect(queue_, &LoadQueue::progress, this, &MainWindow::onProgress);
    connect(queue_, &LoadQueue::finished, this, &MainWindow::onLoadFinished);
    connect(queue_, &LoadQueue::busyChanged, this, [this](bool busy) {
        progress_->setVisible(busy);
        cancel_->setVisible(busy);
        for (QAction* a : busy_disabled_) a->setEnabled(!busy && !csv_->isBusy());
    });
    connect(csv_, &CsvExporter::finished, this, [this](const QString& path, const QString& error) {
        for (QAction* a : busy_disabled_) a->setEnabled(!queue_->isBusy());
        if (error.isEmpty())
            statusBar()->showMessage(tr("Events written to %1").arg(path), 5000);
        else
            warn_(tr("Cannot export events"), error);
        emit csvExported(path, error);
    });
    connect(session_.get(), &LogSession::sourcesChanged, this, &MainWindow::updateTitle);
    connect(session_.get(), &LogSession::dataAppended, this, &MainWindow::updateStatus);
    connect(session_.get(), &LogSession::visibleRangeChanged, this, &MainWindow::updateStatus);
    connect(session_.get(), &LogSession::seriesVisibilityChanged, this, &MainWindow::updateStatus);
    restoreLayout();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() {
    queue_->cancelAll();
    loader_->cancel();
    // The widgets read the session (the summary on a worker thread): they go before it does.
    delete takeCentralWidget();
    qDeleteAll(findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly));
}

void MainWindow::createDocks() {
    setDockNestingEnabled(true);
    auto* sources = dock(this, tr("Logs"), QStringLiteral("sources"), sources_);
    auto* summary = dock(this, tr("Summary"), QStringLiteral("summary"), summary_);
    auto* events = dock(this, tr("Events"), QStringLiteral("events"), events_);
    auto* diagnostics =
        dock(this, tr("Unrecognised lines"), QStringLiteral("diagnostics"), diagnostics_);
    // Left column, full height: the logs above their numbers. The charts keep the width (time
    // needs it) with the events below them.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, sources);
    addDockWidget(Qt::LeftDockWidgetArea, summary);
    addDockWidget(Qt::BottomDockWidgetArea, events);
    addDockWidget(Qt::BottomDockWidgetArea, diagnostics);
    tabifyDockWidget(events, diagnostics);
    events->raise();
}

void MainWindow::applyDefaultDockSizes() {
    auto* sources = findChild<QDockWidget*>(QStringLiteral("sources"));
    auto* summary = findChild<QDockWidget*>(QStringLiteral("summary"));
    auto* events = findChild<QDockWidget*>(QStringLiteral("events"));
    resizeDocks({sources}, {470}, Qt::Horizontal);
    resizeDocks({sources, summary}, {140, 700}, Qt::Vertical);
    resizeDocks({events}, {300}, Qt::Vertical);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::onOpen);
    open->setShortcut(QKeySequence::Open);
    auto* recent = new RecentFilesMenu(*settings_, this);
    connect(recent, &RecentFilesMenu::openRequested, this,
            [this](const QString& p) { openLogs({p}); });
    file->addMenu(recent);
    file->addSeparator();
    QAction* chart = file->addAction(tr("&Export chart as PNG…"), this, &MainWindow::onExportChart);
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* board =
        file->addAction(tr("Export &dashboard as PNG…"), this, &MainWindow::onExportDashboard);
    board->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction* csv = file->addAction(tr("Export events as &CSV…"), this, &MainWindow::onExportCsv);
    busy_disabled_ << csv;
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QMenu* copy = edit->addMenu(tr("&Copy chart"));
    connect(copy, &QMenu::aboutToShow, this, [this, copy] {
        copy->clear();
        const QStringList titles = chartTitles();
        for (int i = 0; i < titles.size(); ++i)
            copy->addAction(titles[i], this, [this, i] {
                dashboard_->copyChartToClipboard(i);
                statusBar()->showMessage(tr("Chart copied to the clipboard"), 3000);
            });
    });

    view_menu_ = menuBar()->addMenu(tr("&View"));
    QAction* reset =
        view_menu_->addAction(tr("&Reset zoom"), session_.get(), &LogSession::resetZoom);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* live =
        view_menu_->addAction(tr("Jump to &live"), session_.get(), &LogSession::jumpToLive);
    live->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view_menu_->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view_menu_->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About gcscope"), this, &MainWindow::onAbout);
}

void MainWindow::createStatusBar() {
    status_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop reading (what was read stays) and skip the logs still queued"));
    connect(cancel_, &QPushButton::clicked, queue_, &LoadQueue::cancelAll);
    live_ = new LiveIndicator(*session_, this);
    statusBar()->addPermanentWidget(live_);
    statusBar()->addPermanentWidget(status_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    progress_->hide();
    cancel_->hide();
}

void MainWindow::restoreLayout() {
    if (!restoreGeometry(settings_->windowGeometry())) {
        // The first start: roomy, but never larger than the screen (a 1280x800 laptop).
        QSize size(1440, 900);
        if (const QScreen* s = screen()) size = size.boundedTo(s->availableGeometry().size() * 0.95);
        resize(size);
    }
    // Dock sizes only take once the window is laid out: the first time, after show().
    if (!restoreState(settings_->windowState()))
        QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    settings_->setWindowGeometry(saveGeometry());
    settings_->setWindowState(saveState());
    settings_->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::openLogs(const QStringList& paths) {
    if (!paths.isEmpty()) queue_->enqueue(paths);
}

void MainWindow::onLoadFailed(const QString& path, const QString& message) {
    settings_->removeRecentFile(path);
    emit loadFailed(path, message);
    warn_(tr("Cannot open log"), message);
}

void MainWindow::onLoadFinished(const QString& path, const parser::ParseStats& stats,
                                const QString& error) {
    const QString problem =
        loadProblem(path, stats, error, parser::isFollowableFile(path.toStdString()));
    if (problem.isEmpty()) {
        statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 3000);
        return;
    }
    statusBar()->showMessage(problem, 10000);
    warn_(error.isEmpty() ? tr("No GC record") : tr("Log read in part"), problem);
}

void MainWindow::onProgress(const QString& path, qint64 done, qint64 total) {
    if (total <= 0) {
        progress_->setRange(0, 0);  // standard input: size unknown
    } else {
        progress_->setRange(0, 1000);
        progress_->setValue(int(1000 * done / total));
    }
    const QString queued =
        queue_->pendingCount() ? tr(" (+%1 queued)").arg(queue_->pendingCount()) : QString();
    progress_->setFormat(QFileInfo(path).fileName() + QStringLiteral(" %p%") + queued);
}

void MainWindow::updateStatus() {
    const model::Timeline& timeline = session_->timeline();
    uint64_t shown = 0;
    const std::vector<size_t> visible = session_->visibleSeries();
    for (size_t s : visible) shown += timeline.series(s).size();
    QString text = visible.size() == 1
                       ? tr("%1 GCs in 1 isolate").arg(formatCount(shown))
                       : tr("%1 GCs in %2 isolates").arg(formatCount(shown)).arg(visible.size());
    if (session_->isZoomed()) {
        const model::TimeRange r = session_->visibleRange();
        if (session_->isLive())
            text += tr(" · following the newest %1").arg(formatDuration(r.to_ms - r.from_ms));
        else
            text += tr(" · zoomed to %1 – %2 (Ctrl+0 resets)")
                        .arg(formatDuration(r.from_ms), formatDuration(r.to_ms));
    }
    status_->setText(text);
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("gcscope");
    if (session_->sourceCount() > 0) {
        title = QFileInfo(session_->source(0).path).fileName();
        if (session_->sourceCount() > 1) title += tr(" (+%1)").arg(session_->sourceCount() - 1);
        title += QStringLiteral(" — gcscope");
    }
    setWindowTitle(title);
}

void MainWindow::onOpen() {
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open GC logs"),
                                                            settings_->lastDirectory(), kLogFilter);
    openLogs(paths);
}

QStringList MainWindow::chartTitles() const {
    QStringList titles;
    const auto charts = dashboard_->charts();
    for (int i = 0; i < charts.size(); ++i) {
        const QString t = charts[i]->title();
        titles << (t.isEmpty() ? tr("Chart %1").arg(i + 1) : t);
    }
    return titles;
}

QString MainWindow::savePath(const QString& title, const QString& suggested,
                             const QString& filter) {
    const QString dir = QFileInfo(settings_->lastDirectory()).absoluteFilePath();
    return QFileDialog::getSaveFileName(this, title, dir + QLatin1Char('/') + suggested, filter);
}

bool MainWindow::exportChartPng(int chart, QSize size, const QString& path, QString* error) {
    const QImage image = dashboard_->renderChart(chart, size);
    if (!image.isNull() && image.save(path, "PNG")) return true;
    if (error) *error = tr("%1: cannot write the PNG").arg(path);
    return false;
}

bool MainWindow::exportDashboardPng(QSize size, const QString& path, QString* error) {
    const QImage image = dashboard_->renderDashboard(size);
    if (!image.isNull() && image.save(path, "PNG")) return true;
    if (error) *error = tr("%1: cannot write the PNG").arg(path);
    return false;
}

void MainWindow::onExportChart() {
    QList<QSize> sizes;
    for (auto* view : dashboard_->charts()) sizes << view->size();
    PngExportDialog dialog(chartTitles(), sizes, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = savePath(tr("Export chart as PNG"), QStringLiteral("gc-chart.png"),
                                  tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportChartPng(dialog.chart(), dialog.size(), path, &error))
        warn_(tr("Cannot export the chart"), error);
}

void MainWindow::onExportDashboard() {
    PngExportDialog dialog({}, {dashboard_->size()}, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = savePath(tr("Export dashboard as PNG"), QStringLiteral("gc-dashboard.png"),
                                  tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportDashboardPng(dialog.size(), path, &error))
        warn_(tr("Cannot export the dashboard"), error);
}

void MainWindow::exportEventsCsv(const QString& path) {
    for (QAction* a : busy_disabled_) a->setEnabled(false);
    statusBar()->showMessage(tr("Writing %1…").arg(path));
    csv_->start(csvExportRequest(*session_, path));
}

void MainWindow::onExportCsv() {
    if (session_->sourceCount() == 0) return;
    const QString path = savePath(tr("Export events as CSV"), QStringLiteral("gc-events.csv"),
                                  tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportEventsCsv(path);
}

void MainWindow::onAbout() {
    QMessageBox::about(
        this, tr("About gcscope"),
        tr("<h3>gcscope %1</h3><p>Charts, statistics and diagnosis of V8 garbage-collector traces "
           "(<code>node --trace-gc</code>, <code>--trace-gc-nvp</code>, "
           "<code>--trace-gc-verbose</code>, out-of-memory reports).</p>"
           "<p>Drag the mouse over a chart to zoom, hover an event for its values, click it to "
           "find "
           "it in the events table. Ctrl+0 shows everything again.</p>")
            .arg(QApplication::applicationVersion()));
}

}  // namespace gcscope::ui
