// File → Export events as CSV: the rows `gcscope-cli events` writes for the same logs (same
// columns, same number formatting: it is the CLI's writer), minus the isolates the user hid.
// The logs are read again rather than formatted from the model, so the file is exact: the model
// keeps sizes as floats and one collector name per type, the log has the printed text.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <vector>

#include "gcscope/parser/gc_record.hpp"

namespace gcscope::ui {

class LogSession;

struct CsvExportRequest {
    struct Log {
        QString path;
        std::vector<parser::IsolateKey> hidden;  ///< isolates whose rows are left out
    };
    QString out;
    std::vector<Log> logs;
};

/// The session's logs (in the order opened) and hidden isolates.
CsvExportRequest csvExportRequest(const LogSession& session, const QString& out);

/// Writes the CSV. Returns "" on success, else one line saying what went wrong. Blocking: it
/// reads every log again (run it off the GUI thread; CsvExporter does).
QString writeEventsCsv(const CsvExportRequest& request, const std::atomic<bool>* cancel = nullptr);

/// Runs writeEventsCsv on a thread of its own and reports on the GUI thread.
class CsvExporter : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;
    ~CsvExporter() override;
    bool isBusy() const { return thread_ != nullptr; }
    void start(const CsvExportRequest& request);
    void cancel() { cancel_.store(true); }

  signals:
    /// `error` empty on success.
    void finished(const QString& out, const QString& error);

  private:
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

}  // namespace gcscope::ui
