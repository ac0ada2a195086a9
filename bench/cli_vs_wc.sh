#!/usr/bin/env bash
# `gcscope-cli summary` on a >= 400 MB log, timed beside `wc -l` of the same file in the same run.
# Usage: bench/cli_vs_wc.sh BUILD_DIR [MB]
set -euo pipefail
build=${1:?usage: bench/cli_vs_wc.sh BUILD_DIR [MB]}
mb=${2:-400}
log=$(mktemp --suffix=.log)
trap 'rm -f "$log"' EXIT
"$build/bench/gcscope-bench-parse" --mb "$mb" --write "$log" > /dev/null
cat "$log" > /dev/null  # warm the page cache for both contenders
now() { date +%s.%N; }
t0=$(now); wc -l < "$log" > /dev/null; t1=$(now)
"$build/app/cli/gcscope-cli" summary "$log" > /dev/null; t2=$(now)
size=$(stat -c %s "$log")
awk -v s="$size" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    wc = b - a; cli = c - b;
    printf "file: %.1f MB\nwc -l:               %7.3f s  %8.1f MB/s\n", s / 1e6, wc, s / 1e6 / wc;
    printf "gcscope-cli summary: %7.3f s  %8.1f MB/s  = %.0f%% of wc -l speed (target >= 25%%)\n", cli, s / 1e6 / cli, 100 * wc / cli }'
