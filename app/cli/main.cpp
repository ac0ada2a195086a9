// gcscope-cli: argument parsing and dispatch only; each command lives in its own file.
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "check_command.hpp"
#include "events_command.hpp"
#include "log_source.hpp"
#include "options.hpp"
#include "summary_command.hpp"
#include "watch_command.hpp"

using namespace gcscope::cli;

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    ParsedArguments parsed = parseArguments(args);
    if (!parsed.error.empty()) {
        printError(parsed.error);
        std::fputs("try 'gcscope-cli --help'\n", stderr);
        return 2;
    }
    const Options& options = parsed.options;
    if (options.help) {
        std::fwrite(helpText().data(), 1, helpText().size(), stdout);
        return 0;
    }
    if (options.version) {
        std::fputs(versionText().c_str(), stdout);
        return 0;
    }

    // Every LOG is checked before any output, so a bad path yields no partial report.
    std::vector<std::string> problems = checkReadable(options.logs);
    if (!problems.empty()) {
        for (const auto& p : problems) printError(p);
        return 2;
    }

    try {
        switch (options.command) {
            case Command::Events: return runEvents(options);
            case Command::Check: return runCheck(options);
            case Command::Watch: return runWatch(options);
            default: return runSummary(options);
        }
    } catch (const std::exception& e) {
        printError(std::string("internal error: ") + e.what());
        return 2;
    }
}
