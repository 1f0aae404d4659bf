#!/usr/bin/env bash
# End-to-end throughput and memory of `han decode --format json` on a large capture built by
# repeating one real Kamstrup frame (corpus case amsreader-kamstrup-no-gh862-3, 228 bytes).
# Usage: benchmarks/end-to-end.sh [size-in-MiB, default 100]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
frames=$(make_capture "$work" "${1:-100}")
exe=$(build_han)

/usr/bin/time -v "$exe" decode --format json "$work/capture.bin" > "$work/out.jsonl" 2> "$work/time.txt"
readings=$(grep -c '"active_power_import"' "$work/out.jsonl")
seconds=$(wall_seconds "$work/time.txt")
rss_kb=$(peak_rss_kb "$work/time.txt")
if [[ $readings -ne $frames ]]; then
  echo "only $readings readings from $frames frames: the decode lost frames" >&2
  exit 1
fi
echo "capture: $(stat -c %s "$work/capture.bin") bytes, $frames frames"
echo "readings written: $readings"
echo "wall clock: ${seconds} s; readings/s: $(awk -v r="$readings" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
echo "peak RSS: $((rss_kb / 1024)) MiB ($rss_kb kB)"
