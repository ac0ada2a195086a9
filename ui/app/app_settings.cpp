#include "app/app_settings.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace gcscope::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kRecent = QStringLiteral("files/recent");
}  // namespace

AppSettings::AppSettings(std::unique_ptr<QSettings> settings) : settings_(std::move(settings)) {
    if (!settings_)
        settings_ =
            std::make_unique<QSettings>(QStringLiteral("gcscope"), QStringLiteral("gcscope"));
}

AppSettings::~AppSettings() = default;

QByteArray AppSettings::windowGeometry() const {
    return settings_->value(kGeometry).toByteArray();
}
QByteArray AppSettings::windowState() const {
    return settings_->value(kState).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    settings_->setValue(kGeometry, geometry);
}
void AppSettings::setWindowState(const QByteArray& state) {
    settings_->setValue(kState, state);
}

QStringList AppSettings::recentFiles() const {
    return settings_->value(kRecent).toStringList();
}

void AppSettings::setRecentFiles(const QStringList& files) {
    settings_->setValue(kRecent, files.mid(0, kMaxRecentFiles));
}

void AppSettings::addRecentFile(const QString& path) {
    if (path == QStringLiteral("-")) return;  // standard input cannot be opened again
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    setRecentFiles(files);
}

void AppSettings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    setRecentFiles(files);
}

void AppSettings::clearRecentFiles() {
    settings_->remove(kRecent);
}

QString AppSettings::lastDirectory() const {
    const QStringList files = recentFiles();
    return files.isEmpty() ? QDir::homePath() : QFileInfo(files.first()).absolutePath();
}

void AppSettings::sync() {
    settings_->sync();
}

}  // namespace gcscope::ui
