// gcscope: the desktop app (and its headless `--export-png`). Everything is in gcscope_ui.
#include "app/app_main.hpp"

int main(int argc, char** argv) {
    return gcscope::ui::runGcscope(argc, argv, GCSCOPE_VERSION);
}
