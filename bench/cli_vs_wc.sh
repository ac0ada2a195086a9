#!/usr/bin/env bash
# `gcscope-cli summary` on a >= 400 MB log, timed beside `wc -l` of the same file in the same run,
# and its peak memory (/usr/bin/time -v) against the budget (GC records × 64 B) × 1.5 + 100 MB.
# Usage: bench/cli_vs_wc.sh BUILD_DIR [MB | LOG] [RUNS]
#   MB    size of a log built from sample-logs/ for the run (default 400; deleted afterwards)
#   LOG   an existing log instead
#   RUNS  times each contender runs (default 3): the best time counts, the largest peak memory.
# Exits 1 if the peak memory is over the budget (the speed target is not checked: the machines
# are shared, and a busy core halves the figure).
set -euo pipefail
build=${1:?usage: bench/cli_vs_wc.sh BUILD_DIR [MB | LOG] [RUNS]}
what=${2:-400}
runs=${3:-3}
report=$(mktemp)
usage=$(mktemp)
made=
trap 'rm -f "$report" "$usage" $made' EXIT
if [[ -f $what ]]; then
    log=$what
else
    log=$(mktemp --suffix=.log)
    made=$log
    "$build/bench/gcscope-bench-parse" --mb "$what" --write "$log" > /dev/null
fi
cat "$log" > /dev/null  # warm the page cache for both contenders
now() { date +%s.%N; }

wc_s=inf cli_s=inf cpu_s=inf rss_kb=0
for ((i = 0; i < runs; ++i)); do
    t0=$(now); wc -l < "$log" > /dev/null; t1=$(now)
    /usr/bin/time -v -o "$usage" "$build/app/cli/gcscope-cli" summary "$log" > "$report"; t2=$(now)
    read -r wc_s cli_s <<< "$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v w="$wc_s" -v s="$cli_s" \
        'BEGIN { x = b - a; y = c - b; if (w != "inf" && w < x) x = w; if (s != "inf" && s < y) y = s; print x, y }')"
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$usage")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$usage")
    if ((kb > rss_kb)); then rss_kb=$kb; fi
    cpu_s=$(awk -v a="$cpu" -v b="$cpu_s" 'BEGIN { print (b == "inf" || a < b) ? a : b }')
done
# "overall: 2,406,096 GC records in 1 log, …"
events=$(awk '/^overall:/ { gsub(",", "", $2); print $2; exit }' "$report")
size=$(stat -c %s "$log")

awk -v s="$size" -v wc="$wc_s" -v cli="$cli_s" -v cpu="$cpu_s" -v kb="$rss_kb" -v n="$events" -v runs="$runs" 'BEGIN {
    rss = kb * 1024 / 1e6; limit = n * 64 * 1.5 / 1e6 + 100;
    printf "file: %.1f MB, %d GC records (best of %d runs)\n", s / 1e6, n, runs;
    printf "wc -l:               %7.3f s  %8.1f MB/s\n", wc, s / 1e6 / wc;
    printf "gcscope-cli summary: %7.3f s  %8.1f MB/s  = %.0f%% of wc -l speed (target >= 25%%), %.2f s cpu\n",
           cli, s / 1e6 / cli, 100 * wc / cli, cpu;
    printf "peak RSS:            %7.1f MB  limit %.1f MB = (%d x 64 B) x 1.5 + 100 MB: %s\n",
           rss, limit, n, rss <= limit ? "ok" : "OVER";
    exit rss <= limit ? 0 : 1 }'
