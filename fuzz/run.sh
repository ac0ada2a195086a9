#!/usr/bin/env bash
# Runs the three fuzzers for SECONDS each, seeded from sample-logs/ (one file per sample and one
# per line kind), keeping their corpora in BUILD_DIR/corpus-*. Crashers land in BUILD_DIR/crash-*;
# turn each into a regression test beside the behaviour it guards (tests/parser/).
# Usage: fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
samples="$here/../sample-logs"
mkdir -p "$build/corpus-stream" "$build/corpus-nvp" "$build/corpus-common"
for f in "$samples"/*.log; do
    # stream: the first 4 KiB of each sample, behind a byte that picks the chunk sizes
    { printf '\007'; head -c 4096 "$f"; } > "$build/corpus-stream/$(basename "$f")"
    # common: the first 2 KiB of each sample, lines as they are
    head -c 2048 "$f" > "$build/corpus-common/$(basename "$f")"
done
# nvp: the body after "ms: " of nvp lines, both forms
grep -h -o 'ms: pause=.*' "$samples"/*nvp*.log | awk 'NR <= 50' | sed 's/^ms: //' | split -l 1 - "$build/corpus-nvp/kv-"
grep -h -o 'ms: GC: {.*' "$samples"/*nvp*.log | awk 'NR <= 50' | sed 's/^ms: GC: {//' | split -l 1 - "$build/corpus-nvp/json-"
cd "$build"
./fuzz_stream_parser -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 corpus-stream
./fuzz_nvp -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 corpus-nvp
./fuzz_common_line -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 corpus-common
