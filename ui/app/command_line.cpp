#include "app/command_line.hpp"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace gcscope::ui {

QSize parseSize(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) return {};
    const int w = m.captured(1).toInt(), h = m.captured(2).toInt();
    if (w < 16 || h < 16 || w > 16384 || h > 16384) return {};
    return {w, h};
}

CommandLine parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Charts, statistics and diagnosis of V8 garbage-collector traces\n"
                       "(node --trace-gc, --trace-gc-nvp, --trace-gc-verbose, OOM reports)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption png(
        QStringLiteral("export-png"),
        QStringLiteral("Render the dashboard of the LOGs to OUT.png without "
                       "opening a window (no display needed), then exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Size of the --export-png image (default %1x%2).")
                                      .arg(kDefaultExportSize.width())
                                      .arg(kDefaultExportSize.height()),
                                  QStringLiteral("WxH"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window once the LOGs are loaded, then exit."),
        QStringLiteral("FILE.png"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, png, size, screenshot});
    parser.addPositionalArgument(
        QStringLiteral("LOG"),
        QStringLiteral("GC logs to open (plain or gzip; \"-\" = standard input)."),
        QStringLiteral("[LOG...]"));

    CommandLine cl;
    // The usage line names the program "gcscope" whatever argv[0] (or a test binary) says.
    cl.help = parser.helpText();
    cl.help.replace(0, cl.help.indexOf(QLatin1Char('\n')),
                    QStringLiteral("Usage: gcscope [options] [LOG...]"));
    cl.help += QStringLiteral(
        "\nExamples:\n"
        "  gcscope gc.log gc.log.1.gz              open the window with two logs\n"
        "  gcscope --export-png gc.png --size 1600x900 gc.log\n"
        "                                          render the dashboard, no display needed\n"
        "\nExit status of --export-png: 0 written, 1 no GC record in the logs, 2 a log or\n"
        "OUT.png could not be read or written, or a usage error (one line on stderr).\n");
    if (!parser.parse(arguments)) {
        cl.action = CommandLine::Action::Error;
        cl.error = parser.errorText();
        return cl;
    }
    if (parser.isSet(help)) {
        cl.action = CommandLine::Action::Help;
        return cl;
    }
    if (parser.isSet(version)) {
        cl.action = CommandLine::Action::Version;
        return cl;
    }
    cl.logs = parser.positionalArguments();
    cl.screenshot = parser.value(screenshot);
    if (parser.isSet(size)) {
        cl.size = parseSize(parser.value(size));
        if (!cl.size.isValid()) {
            cl.action = CommandLine::Action::Error;
            cl.error =
                QStringLiteral(
                    "bad --size '%1': expected WIDTHxHEIGHT, e.g. 1600x900 (16 to 16384 each)")
                    .arg(parser.value(size));
            return cl;
        }
    }
    if (parser.isSet(png)) {
        cl.action = CommandLine::Action::ExportPng;
        cl.png = parser.value(png);
        if (!cl.size.isValid()) cl.size = kDefaultExportSize;
        if (cl.logs.isEmpty()) {
            cl.action = CommandLine::Action::Error;
            cl.error = QStringLiteral("--export-png needs at least one LOG");
        }
        return cl;
    }
    if (parser.isSet(size)) {
        cl.action = CommandLine::Action::Error;
        cl.error = QStringLiteral("--size only applies to --export-png");
    }
    return cl;
}

}  // namespace gcscope::ui
