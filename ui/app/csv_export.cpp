#include "app/csv_export.hpp"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "csv_writer.hpp"
#include "gcscope/parser/input_source.hpp"
#include "log_source.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

namespace {

struct Cancelled {};

/// Passes the records of shown isolates to the CLI's CSV writer.
class FilteringSink final : public parser::RecordSink {
  public:
    FilteringSink(cli::EventWriter& writer, const std::vector<parser::IsolateKey>& hidden,
                  const std::atomic<bool>* cancel)
        : writer_(writer), hidden_(hidden), cancel_(cancel) {}
    void onGc(const parser::GcRecord& record) override {
        if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled{};
        if (std::find(hidden_.begin(), hidden_.end(), record.key) != hidden_.end()) return;
        writer_.write(record);
    }

  private:
    cli::EventWriter& writer_;
    const std::vector<parser::IsolateKey>& hidden_;
    const std::atomic<bool>* cancel_;
};

}  // namespace

CsvExportRequest csvExportRequest(const LogSession& session, const QString& out) {
    CsvExportRequest request;
    request.out = out;
    request.logs.resize(size_t(session.sourceCount()));
    for (int i = 0; i < session.sourceCount(); ++i)
        request.logs[size_t(i)].path = session.source(i).path;
    const model::Timeline& timeline = session.timeline();
    for (size_t s = 0; s < timeline.seriesCount(); ++s) {
        const model::Series& series = timeline.series(s);
        if (!session.isSeriesVisible(s) && series.source() < request.logs.size())
            request.logs[series.source()].hidden.push_back(series.key());
    }
    return request;
}

QString writeEventsCsv(const CsvExportRequest& request, const std::atomic<bool>* cancel) {
    for (const auto& log : request.logs) {
        if (log.path == QStringLiteral("-"))
            return QStringLiteral(
                "standard input cannot be read a second time; save the log to a file first");
        if (std::string problem = parser::checkLog(log.path.toStdString()); !problem.empty())
            return QString::fromStdString(problem);
    }
    const QByteArray out_path = QFile::encodeName(request.out);
    std::FILE* file = std::fopen(out_path.constData(), "wb");
    if (!file)
        return QStringLiteral("%1: %2").arg(request.out,
                                            QString::fromLocal8Bit(std::strerror(errno)));
    QString error;
    {
        cli::Output out(file);
        cli::CsvEventWriter writer(out);
        writer.begin();
        try {
            for (const auto& log : request.logs) {
                const std::string path = log.path.toStdString();
                writer.beginSource(path);
                FilteringSink sink(writer, log.hidden, cancel);
                const cli::SourceRun run = cli::parseSource(path, sink);
                if (!run.error.empty() && error.isEmpty())
                    error = QString::fromStdString(run.error);
            }
        } catch (const Cancelled&) {
            error = QStringLiteral("cancelled");
        }
        if (!out.flush() && error.isEmpty())
            error = QStringLiteral("%1: cannot write (disk full?)").arg(request.out);
    }
    if (std::fclose(file) != 0 && error.isEmpty())
        error =
            QStringLiteral("%1: %2").arg(request.out, QString::fromLocal8Bit(std::strerror(errno)));
    if (error == QStringLiteral("cancelled")) std::remove(out_path.constData());
    return error;
}

CsvExporter::~CsvExporter() {
    if (thread_) {
        cancel();
        thread_->wait();
        delete thread_;
    }
}

void CsvExporter::start(const CsvExportRequest& request) {
    if (thread_) return;
    cancel_.store(false);
    auto result = std::make_shared<QString>();
    thread_ =
        QThread::create([this, request, result] { *result = writeEventsCsv(request, &cancel_); });
    connect(thread_, &QThread::finished, this, [this, request, result] {
        thread_->deleteLater();
        thread_ = nullptr;
        emit finished(request.out, *result);
    });
    thread_->start();
}

}  // namespace gcscope::ui
