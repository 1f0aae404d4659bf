#!/usr/bin/env bash
# han run --mqtt --homeassistant publishing to a real mosquitto: N meters at real cadence (`han simulate`
# Aidons at speed 1 serving the meters' TCP sources), for SECONDS. Prints, from an independent
# mosquitto_sub that notes the time each state message arrives (%U), the latency from the reading's
# receive time (`received`, when its last byte reached han) to its arrival at the subscriber (median,
# p99, max: decoding, the output queue, han's MQTT queue, the broker and the subscriber, which bounds
# "frame decoded to PUBLISH sent" from above), and han run's CPU time and peak RSS.
#
# SIMULATORS=K (default 1) starts K simulators, 2.5/K s apart, and shares the meters out among them in
# turn: with 1, every meter's list arrives in the same millisecond (the worst case for han's MQTT queue);
# with more, the meters' clocks are spread over the cadence, as real meters' are.
#
#   benchmarks/mqtt-meters.sh [METERS] [SECONDS]        (default 100 120; HAN=path/to/han to measure another)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
meters="${1:-100}"
seconds="${2:-120}"
han="${HAN:-$repo/src/Han.Cli/bin/Release/net10.0/han}"
[[ -x "$han" ]] || { echo "mqtt-meters.sh: no han at $han; build it (./han --version) or set HAN=" >&2; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
broker_port="$(free_port)"
simulators="${SIMULATORS:-1}"
# max_queued_messages: a subscriber that falls behind on a loaded machine would otherwise lose QoS 1 messages past mosquitto's default of 1000
printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 100000\n' "$broker_port" > "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" 2>"$work/mosquitto.log" & broker_pid=$!; pids+=($broker_pid)
meter_ports=()
for ((k = 0; k < simulators; k++)); do
  meter_ports+=("$(free_port)")
  "$han" simulate --meter aidon --speed 1 --seed "$((k + 1))" --serve "tcp://127.0.0.1:${meter_ports[k]}" 2>"$work/simulate-$k.log" & pids+=($!)
  (( k + 1 < simulators )) && sleep "$(python3 -c "print(2.5 / $simulators)")"
done
{
  echo "meters:"
  for ((i = 1; i <= meters; i++)); do printf '  - name: m%d\n    source: tcp://127.0.0.1:%d\n' "$i" "${meter_ports[(i - 1) % simulators]}"; done
} > "$work/han.yaml"
sleep 1
mosquitto_sub -p "$broker_port" -t 'han/+/state' -q 1 -F '%U %p' > "$work/states" & pids+=($!)
"$han" run --config "$work/han.yaml" --mqtt "127.0.0.1:$broker_port" --homeassistant 2>"$work/han.log" & han_pid=$!; pids+=($han_pid)
sleep 5 # connected, every meter's first list in
window_start=$(date +%s.%N) # readings received before this (the first lists, JIT) are not counted
ticks_before=$(awk '{print $14 + $15}' "/proc/$han_pid/stat")
broker_before=$(awk '{print $14 + $15}' "/proc/$broker_pid/stat")
sleep "$seconds"
ticks_after=$(awk '{print $14 + $15}' "/proc/$han_pid/stat")
broker_after=$(awk '{print $14 + $15}' "/proc/$broker_pid/stat")
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$han_pid/status")
peak_kib=$(awk '/VmHWM/ {print $2}' "/proc/$han_pid/status") # after VmRSS: the peak so far includes it
kill -TERM "$han_pid"; wait "$han_pid" || true
hz=$(getconf CLK_TCK)
python3 - "$work/states" "$meters" "$simulators" "$seconds" "$(( ticks_after - ticks_before ))" "$hz" "$rss_kib" "$peak_kib" "$window_start" "$(( broker_after - broker_before ))" <<'PY'
import json, statistics, sys
from datetime import datetime, timezone
path, meters, simulators, seconds, ticks, hz, rss, peak = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
window_start, broker_ticks = float(sys.argv[9]), int(sys.argv[10])
seen, latencies = set(), []
for line in open(path):
    stamp, payload = line.split(" ", 1)
    state = json.loads(payload)
    key = (state["meter"], state.get("received"))
    if "received" not in state or key in seen:
        continue  # a line-status update repeats the last reading's time: only a reading's first arrival counts
    seen.add(key)
    received = datetime.strptime(state["received"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
    if received >= window_start:
        latencies.append((float(stamp) - received) * 1000)
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{meters} meters ({simulators} simulator(s)), {seconds} s: {len(latencies)} readings at the subscriber; latency received -> subscriber: "
      f"median {statistics.median(latencies):.1f} ms, p99 {p(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
print(f"han run: CPU {ticks / hz:.1f} s in {seconds} s ({100 * ticks / hz / seconds:.1f} % of one core), RSS {rss / 1024:.0f} MiB (peak {peak / 1024:.0f} MiB); mosquitto: CPU {broker_ticks / hz:.1f} s ({100 * broker_ticks / hz / seconds:.1f} % of one core)")
PY
grep -E "mqtt: final totals|MQTT:" "$work/han.log" | tail -3 >&2
