// What the app remembers between runs: window geometry and dock layout, recent files.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <memory>

namespace gcscope::ui {

/// A thin typed layer over QSettings (organisation "gcscope", application "gcscope" by default).
/// Tests pass their own QSettings (an INI file in a temporary directory) so the user's real
/// settings are never touched.
class AppSettings {
  public:
    static constexpr int kMaxRecentFiles = 10;

    /// `settings` null: the user's settings of gcscope.
    explicit AppSettings(std::unique_ptr<QSettings> settings = {});
    ~AppSettings();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray& geometry);
    void setWindowState(const QByteArray& state);

    /// Most recent first, at most kMaxRecentFiles, absolute paths.
    QStringList recentFiles() const;
    /// Moves (or adds) `path` to the front.
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();

    /// The directory of the last opened file (the Open dialog starts there).
    QString lastDirectory() const;

    void sync();

  private:
    void setRecentFiles(const QStringList& files);
    std::unique_ptr<QSettings> settings_;
};

}  // namespace gcscope::ui
