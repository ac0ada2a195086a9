// File → Open Recent: the remembered logs, rebuilt each time the menu opens.
#pragma once

#include <QMenu>

namespace gcscope::ui {

class AppSettings;

class RecentFilesMenu : public QMenu {
    Q_OBJECT
  public:
    RecentFilesMenu(AppSettings& settings, QWidget* parent = nullptr);

    /// Rebuilds the entries from the settings (also done before the menu shows).
    void rebuild();

  signals:
    void openRequested(const QString& path);

  private:
    AppSettings& settings_;
};

}  // namespace gcscope::ui
