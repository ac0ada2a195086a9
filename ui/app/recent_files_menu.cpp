#include "app/recent_files_menu.hpp"

#include <QDir>
#include <QFileInfo>

#include "app/app_settings.hpp"

namespace gcscope::ui {

RecentFilesMenu::RecentFilesMenu(AppSettings& settings, QWidget* parent)
    : QMenu(tr("Open &Recent"), parent), settings_(settings) {
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

void RecentFilesMenu::rebuild() {
    clear();
    const QStringList files = settings_.recentFiles();
    int n = 0;
    for (const QString& path : files) {
        ++n;
        // "&1 name.log   (/dir)": a mnemonic digit for the first nine, the directory to tell
        // same-named logs apart.
        const QString label =
            (n < 10 ? QStringLiteral("&%1 ").arg(n) : QStringLiteral("%1 ").arg(n)) +
            QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&")) +
            QStringLiteral("   (") + QDir::toNativeSeparators(QFileInfo(path).path()) +
            QLatin1Char(')');
        QAction* action = addAction(label);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (files.isEmpty()) {
        addAction(tr("No recent logs"))->setEnabled(false);
        return;
    }
    addSeparator();
    connect(addAction(tr("&Clear list")), &QAction::triggered, this, [this] {
        settings_.clearRecentFiles();
        rebuild();
    });
}

}  // namespace gcscope::ui
