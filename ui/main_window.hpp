// The main window: thin wiring of the session, the loader, the dashboard and the panels to
// menus, shortcuts, docks and the status bar. Each job lives in its own class (ui/panels/,
// ui/app/); this file only connects them.
#pragma once

#include <QMainWindow>
#include <QSize>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
#include <QSettings>

#include "gcscope/parser/parse_stats.hpp"

namespace gcscope::ui {

namespace charts {
class Dashboard;
}
class AppSettings;
class CsvExporter;
class DiagnosticsView;
class EventsTable;
class LiveIndicator;
class LoadQueue;
class LogLoader;
class LogSession;
class SourcesPanel;
class SummaryPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    /// `settings` null: the user's settings (QSettings "gcscope"/"gcscope"); tests pass their own.
    explicit MainWindow(std::unique_ptr<QSettings> settings = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    LogSession& session() { return *session_; }
    LoadQueue& loads() { return *queue_; }
    charts::Dashboard& dashboard() { return *dashboard_; }
    SourcesPanel& sources() { return *sources_; }
    EventsTable& events() { return *events_; }
    SummaryPanel& summary() { return *summary_; }
    DiagnosticsView& diagnostics() { return *diagnostics_; }
    LiveIndicator& liveIndicator() { return *live_; }
    AppSettings& settings() { return *settings_; }

    /// Shows a problem to the user. The default is a QMessageBox::warning; tests replace it so no
    /// modal dialog blocks.
    using WarningHandler = std::function<void(const QString& title, const QString& text)>;
    void setWarningHandler(WarningHandler handler) { warn_ = std::move(handler); }

    bool exportChartPng(int chart, QSize size, const QString& path, QString* error = nullptr);
    bool exportDashboardPng(QSize size, const QString& path, QString* error = nullptr);
    /// Starts writing the CSV on a worker thread; csvExported() tells when done.
    void exportEventsCsv(const QString& path);

  public slots:
    /// Opens logs (in the background, one after another). Failures go to the warning handler.
    void openLogs(const QStringList& paths);

  signals:
    void loadFailed(const QString& path, const QString& message);
    void csvExported(const QString& path, const QString& error);

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void restoreLayout();
    void applyDefaultDockSizes();
    void updateStatus();
    void updateTitle();
    void onLoadFailed(const QString& path, const QString& message);
    void onLoadFinished(const QString& path, const parser::ParseStats& stats, const QString& error);
    void onProgress(const QString& path, qint64 done, qint64 total);
    void onOpen();
    void onExportChart();
    void onExportDashboard();
    void onExportCsv();
    void onAbout();
    QString savePath(const QString& title, const QString& suggested, const QString& filter);
    QStringList chartTitles() const;

    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<LogSession> session_;
    std::unique_ptr<LogLoader> loader_;  ///< after session_: destroyed (thread stopped) first
    LoadQueue* queue_;
    CsvExporter* csv_;
    charts::Dashboard* dashboard_;
    SourcesPanel* sources_;
    EventsTable* events_;
    SummaryPanel* summary_;
    DiagnosticsView* diagnostics_;
    LiveIndicator* live_;
    QLabel* status_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QMenu* view_menu_ = nullptr;
    QList<QAction*> busy_disabled_;  ///< actions that read the logs again: off while loading
    WarningHandler warn_;
};

}  // namespace gcscope::ui
