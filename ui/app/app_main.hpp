// What `gcscope` does with its command line: help, version, a headless PNG export, or the window.
#pragma once

namespace gcscope::ui {

/// The whole program; app/gui/main.cpp only calls this. `version` is PROJECT_VERSION.
int runGcscope(int argc, char** argv, const char* version);

}  // namespace gcscope::ui
