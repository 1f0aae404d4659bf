#!/usr/bin/env bash
# Memory of `han run` over a simulated day (issue 8: RSS flat, under 60 MB steady state): two
# simulated meters, an Aidon served over TCP and a Kamstrup on a socat pseudo-terminal, both with
# damaged frames, at SPEED times real time (default 360: a day in four minutes), with every output
# on (capture, JSON lines). RSS is sampled from /proc every 5 s; the first sample after the first
# readings, the last and the peak (from /usr/bin/time -v) are printed, with the final totals.
# Usage: benchmarks/run-day.sh [speed, default 360] [meter time, default 1d]
# HAN=PATH measures that han instead of the Release build, e.g. the trimmed single file users install:
#   deploy/release.sh linux-x64 && HAN=artifacts/release-build/publish/linux-x64/han benchmarks/run-day.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
speed="${1:-360}"
span="${2:-1d}"
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
exe="${HAN:-$(build_han)}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

socat pty,raw,echo=0,link="$work/meter" pty,raw,echo=0,link="$work/ttyHAN" 2>/dev/null & pids+=($!)
for _ in $(seq 100); do [[ -e "$work/ttyHAN" ]] && break; sleep 0.05; done
cat > "$work/han.yaml" <<YAML
meters:
  - name: house
    source: tcp://127.0.0.1:$port
  - name: cabin
    source: $work/ttyHAN
    baud: 2400
    parity: none
outputs:
  capture: $work/{meter}.han
  json_lines: $work/{meter}.jsonl
YAML

/usr/bin/time -v "$exe" run --config "$work/han.yaml" 2> "$work/run.log" & timer=$!; pids+=($timer)
sleep 1
han=$(pgrep -P "$timer" -x han)
faults="bad-crc:0.01,truncated:0.01,garbage:0.01"
"$exe" simulate --meter aidon --speed "$speed" --duration "$span" --seed 1 --faults "$faults" --serve "tcp://127.0.0.1:$port" 2> "$work/aidon.log" & aidon=$!
"$exe" simulate --meter kamstrup --speed "$speed" --duration "$span" --seed 2 --faults "$faults" --pty "$work/meter" 2> "$work/kamstrup.log" & kamstrup=$!
pids+=($aidon $kamstrup)

rss() { rss_kb_of "$han"; }
samples=()
while kill -0 "$aidon" 2>/dev/null || kill -0 "$kamstrup" 2>/dev/null; do
  sleep 5
  samples+=("$(rss)")
done
sleep 2
kill -TERM "$han"
wait "$timer" || true

echo "$exe run, two meters, $span of meter time at speed $speed"
report_rss_and_cpu "$work/run.log" "${samples[@]}"
grep -h "done:" "$work/aidon.log" "$work/kamstrup.log"
grep "final totals" "$work/run.log"
