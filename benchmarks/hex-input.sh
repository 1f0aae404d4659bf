#!/usr/bin/env bash
# Time and memory of `han decode --format json` on one capture written as hex text in three forms
# (xxd -p, xxd, hexdump -C), next to the binary itself: what reading hex costs on top of decoding.
# Built like end-to-end.sh; checks that every form gives every reading.
# Usage: benchmarks/hex-input.sh [size-in-MiB of frames, default 20]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
frames=$(make_capture "$work" "${1:-20}")
exe=$(build_han)

xxd -p "$work/capture.bin" > "$work/capture.xxd-p"
xxd "$work/capture.bin" > "$work/capture.xxd"
hexdump -C "$work/capture.bin" > "$work/capture.hexdump-C"
echo "capture: $(stat -c %s "$work/capture.bin") bytes, $frames frames"
for form in bin xxd-p xxd hexdump-C; do
  file="$work/capture.$form"
  /usr/bin/time -v "$exe" decode --format json "$file" > "$work/out.jsonl" 2> "$work/time.txt"
  readings=$(grep -c '"active_power_import"' "$work/out.jsonl")
  [[ $readings -eq $frames ]] || { echo "$form: only $readings readings from $frames frames" >&2; exit 1; }
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
  rss_kb=$(peak_rss_kb "$work/time.txt")
  printf '%-10s %10d bytes  wall %5s s  user %5s s  peak RSS %d MiB\n' \
    "$form" "$(stat -c %s "$file")" "$(wall_seconds "$work/time.txt")" "$user" "$((rss_kb / 1024))"
done
