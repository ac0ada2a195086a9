#include "app/headless_export.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QMetaObject>

#include "app/load_report.hpp"
#include "charts/dashboard.hpp"
#include "gcscope/parser/input_source.hpp"
#include "session/log_loader.hpp"
#include "session/log_session.hpp"

namespace gcscope::ui {

HeadlessExport::HeadlessExport()
    : session_(std::make_unique<LogSession>()), loader_(std::make_unique<LogLoader>(*session_)) {}

HeadlessExport::~HeadlessExport() = default;

ExportOutcome HeadlessExport::run(const QStringList& logs, const QString& out, QSize size) {
    // Every problem that can be seen before reading 400 MB is reported before reading it.
    for (const QString& log : logs)
        if (std::string problem = parser::checkLog(log.toStdString()); !problem.empty())
            return {2, QString::fromStdString(problem)};
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return {2, QStringLiteral("%1: %2").arg(out, file.errorString())};

    LogSession& session = *session_;
    LogLoader& loader = *loader_;
    QString read_error;
    QObject receiver;  // on this thread; its end disconnects the lambdas below
    QObject::connect(&loader, &LogLoader::failed, &receiver,
                     [&](const QString&, const QString& message) {
                         if (read_error.isEmpty()) read_error = message;
                     });
    QObject::connect(&loader, &LogLoader::finished, &receiver,
                     [&](int, const parser::ParseStats&, const QString& error) {
                         if (read_error.isEmpty() && !error.isEmpty()) read_error = error;
                     });
    for (const QString& log : logs)
        QMetaObject::invokeMethod(&loader, "open", Qt::QueuedConnection, Q_ARG(QString, log));
    loader.waitUntilIdle();
    QCoreApplication::processEvents();  // deliver the loader's queued notes to the session

    if (session.timeline().eventCount() == 0) {
        file.remove();
        parser::ParseStats all;
        for (int i = 0; i < session.sourceCount(); ++i) {
            all.lines += session.source(i).stats.lines;
            all.unrecognised_lines += session.source(i).stats.unrecognised_lines;
        }
        if (!read_error.isEmpty()) return {2, read_error};
        const QString where =
            logs.size() == 1 ? logs.first() : QStringLiteral("%1 logs").arg(logs.size());
        return {1, noGcRecordMessage(where, all)};
    }

    charts::Dashboard dashboard(session);
    const QImage image = dashboard.renderDashboard(size);
    if (image.isNull() || !image.save(&file, "PNG")) {
        file.remove();
        return {2, QStringLiteral("%1: cannot write the PNG (%2)").arg(out, file.errorString())};
    }
    // A log cut short (truncated gzip) still drew everything before the damage; say so.
    if (!read_error.isEmpty()) return {2, read_error};
    return {};
}

}  // namespace gcscope::ui
