#!/usr/bin/env bash
# `gcscope --export-png` of a >= 400 MB log (parse on the loader thread, model, decimated charts,
# PNG), timed beside `wc -l` of the same file in the same run. The issue's bound: at most 3 s
# on the CI machines, about 30x a `wc -l`.
# Usage: bench/export_png_vs_wc.sh BUILD_DIR [MB] [WxH]
set -euo pipefail
build=${1:?usage: bench/export_png_vs_wc.sh BUILD_DIR [MB] [WxH]}
mb=${2:-400}
size=${3:-1600x1000}
log=$(mktemp --suffix=.log)
png=$(mktemp --suffix=.png)
trap 'rm -f "$log" "$png"' EXIT
"$build/bench/gcscope-bench-parse" --mb "$mb" --write "$log" > /dev/null
cat "$log" > /dev/null  # warm the page cache for both contenders
now() { date +%s.%N; }
t0=$(now); wc -l < "$log" > /dev/null; t1=$(now)
"$build/app/gui/gcscope" --export-png "$png" --size "$size" "$log"; t2=$(now)
bytes=$(stat -c %s "$log")
awk -v s="$bytes" -v a="$t0" -v b="$t1" -v c="$t2" -v size="$size" 'BEGIN {
    wc = b - a; png = c - b;
    printf "file: %.1f MB\nwc -l:                  %7.3f s  %8.1f MB/s\n", s / 1e6, wc, s / 1e6 / wc;
    printf "gcscope --export-png:   %7.3f s  %8.1f MB/s  = %.1fx wc -l (%s, %s the 3 s bound)\n",
           png, s / 1e6 / png, png / wc, size, png <= 3 ? "within" : "OVER" }'
