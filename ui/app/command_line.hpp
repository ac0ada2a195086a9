// `gcscope [--export-png OUT.png [--size WxH]] [LOG...]`: parsed before any QApplication exists,
// because --export-png must pick the offscreen platform first.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace gcscope::ui {

struct CommandLine {
    enum class Action { OpenWindow, ExportPng, Help, Version, Error };
    Action action = Action::OpenWindow;
    QStringList logs;
    QString png;         ///< --export-png
    QSize size;          ///< --size; invalid when not given
    QString screenshot;  ///< --screenshot (hidden): grab the window once loaded, exit
    QString error;       ///< Action::Error: one line, without the program name
    QString help;        ///< the --help text
};

/// Default size of a headless dashboard export.
inline constexpr QSize kDefaultExportSize{1600, 1000};

/// "1600x900" -> QSize(1600, 900); invalid for anything else (each side 16..16384).
QSize parseSize(const QString& text);

/// `arguments` includes the program name, as QCoreApplication::arguments() does.
CommandLine parseCommandLine(const QStringList& arguments);

}  // namespace gcscope::ui
