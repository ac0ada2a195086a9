// `gcscope --export-png OUT.png [--size WxH] LOG...`: load synchronously, render the dashboard,
// save. No window is created; main() has chosen the offscreen platform.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>

namespace gcscope::ui {

class LogLoader;
class LogSession;

struct ExportOutcome {
    /// 0 written; 1 no GC record in the logs; 2 a log or OUT could not be read / written (the
    /// same statuses as gcscope-cli).
    int status = 0;
    QString error;  ///< one line, empty when status is 0
};

/// Owns the model it loads. A process that exits right after run() may skip destroying it:
/// freeing millions of events costs about half a second and gives nothing back.
class HeadlessExport {
  public:
    HeadlessExport();
    ~HeadlessExport();

    /// Needs a QApplication. Blocks until done.
    ExportOutcome run(const QStringList& logs, const QString& out, QSize size);

  private:
    std::unique_ptr<LogSession> session_;
    std::unique_ptr<LogLoader> loader_;
};

}  // namespace gcscope::ui
