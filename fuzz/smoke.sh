#!/usr/bin/env bash
# CI's fuzz smoke run: builds the three libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz and runs
# each for SECONDS (default 20) from the sample-log seeds. A crash, a sanitizer report, a leak or a
# timeout fails the run and leaves its input in build-fuzz/ (crash-*, leak-*, timeout-*) for a
# regression test. The 10-minute runs are fuzz/run.sh's job.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j 2 > /dev/null
if ! fuzz/run.sh build-fuzz "$seconds" > build-fuzz/smoke.log 2>&1; then
    tail -n 60 build-fuzz/smoke.log >&2
    echo "fuzz smoke: a finding, see build-fuzz/" >&2
    exit 1
fi
grep -E "^Done " build-fuzz/smoke.log
echo "fuzz smoke: no finding"
