#!/usr/bin/env bash
# End-to-end throughput and memory of `han decode --format json` on a large capture built by
# repeating one real Kamstrup frame (corpus case amsreader-kamstrup-no-gh862-3, 228 bytes).
# Usage: benchmarks/end-to-end.sh [size-in-MiB, default 100]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first frame of samples/kamstrup-no-list2.hex is that case (32 bytes per line there).
frame_hex="$(head -n 8 "$here/samples/kamstrup-no-list2.hex" | tr -d ' \n' | cut -c1-456)"
printf '%s' "$frame_hex" | sed 's/../\\x&/g' | xargs -0 printf '%b' > "$work/frame.bin"
[[ $(stat -c %s "$work/frame.bin") -eq 228 ]] || { echo "could not extract the 228-byte frame" >&2; exit 1; }

cp "$work/frame.bin" "$work/capture.bin"
target=$((size_mib * 1024 * 1024))
while [[ $(stat -c %s "$work/capture.bin") -lt $target ]]; do
  cat "$work/capture.bin" "$work/capture.bin" > "$work/double.bin" && mv "$work/double.bin" "$work/capture.bin"
done
truncate -s $(( (target / 228) * 228 )) "$work/capture.bin"
frames=$(( $(stat -c %s "$work/capture.bin") / 228 ))

if ! log=$(dotnet build "$here/src/Han.Cli/Han.Cli.csproj" -c Release -v quiet -nologo -tl:off 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
exe="$here/src/Han.Cli/bin/Release/net10.0/han"

/usr/bin/time -v "$exe" decode --format json "$work/capture.bin" > "$work/out.jsonl" 2> "$work/time.txt"
readings=$(grep -c '"active_power_import"' "$work/out.jsonl")
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
seconds=$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$elapsed")
if [[ $readings -ne $frames ]]; then
  echo "only $readings readings from $frames frames: the decode lost frames" >&2
  exit 1
fi
echo "capture: $(stat -c %s "$work/capture.bin") bytes, $frames frames"
echo "readings written: $readings"
echo "wall clock: ${seconds} s; readings/s: $(awk -v r="$readings" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
echo "peak RSS: $((rss_kb / 1024)) MiB ($rss_kb kB)"
