#!/usr/bin/env bash
# Memory of `han run` with its history (SQLite), the web server and MQTT with Home Assistant discovery
# over a simulated month (issue 10: under 120 MB RSS steady state). One Aidon (a list every 2.5 s, the
# hourly list every hour) served over TCP at SPEED times real time (default 4320: a month in ten
# minutes) into han run, which writes every list to SQLite in its state folder, publishes to a real
# mosquitto and serves the dashboard's API; a client reads the API once a second as a browser would.
# RSS is sampled from /proc every 5 s; the first sample, the last and the peak (/usr/bin/time -v) are
# printed with the size of the store.
# Usage: benchmarks/run-month.sh [speed, default 4320] [meter time, default 30d]
# HAN=PATH measures that han instead of the Release build (e.g. the trimmed single file).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
speed="${1:-4320}"
span="${2:-30d}"
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
exe="${HAN:-$(build_han)}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
meter_port=$(free_port); broker_port=$(free_port); web_port=$(free_port)

printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$broker_port" > "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" 2>"$work/mosquitto.log" & pids+=($!)
cat > "$work/han.yaml" <<YAML
meters:
  - name: house
    source: tcp://127.0.0.1:$meter_port
mqtt:
  host: 127.0.0.1
  port: $broker_port
homeassistant: {}
web:
  listen: 127.0.0.1:$web_port
YAML

mkdir -p "$work/state"
STATE_DIRECTORY="$work/state" /usr/bin/time -v "$exe" run --config "$work/han.yaml" 2> "$work/run.log" & timer=$!; pids+=($timer)
sleep 1
han=$(pgrep -P "$timer" -x han)
"$exe" simulate --meter aidon --speed "$speed" --duration "$span" --seed 1 --serve "tcp://127.0.0.1:$meter_port" 2> "$work/aidon.log" & meter=$!
pids+=($meter)

rss() { rss_kb_of "$han"; }
samples=()
ticks=0
while kill -0 "$meter" 2>/dev/null; do
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null "http://127.0.0.1:$web_port/api/meters/house/live" || true
    curl -s -o /dev/null "http://127.0.0.1:$web_port/api/meters/house/energy?resolution=hour" || true
    sleep 1
  done
  samples+=("$(rss)")
done
sleep 3
kill -TERM "$han"
wait "$timer" || true

echo "$exe run with SQLite, web and MQTT (Home Assistant), one Aidon, $span of meter time at speed $speed"
report_rss_and_cpu "$work/run.log" "${samples[@]}"
echo "store: $(du -sh "$work/state" | cut -f1) in $work/state ($(ls "$work/state" | tr '\n' ' '))"
grep -h "done:" "$work/aidon.log" || true
grep "final totals" "$work/run.log" || tail -5 "$work/run.log"
