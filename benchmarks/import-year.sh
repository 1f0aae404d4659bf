#!/usr/bin/env bash
# han import of a year of a simulated Aidon meter (a list every 2.5 s: about 12.6 million lists) into
# a new SQLite store, under /usr/bin/time -v. The capture (about 3 GB) is made once by
# `han simulate --capture` and kept in $HAN_BENCH_DIR (default: $TMPDIR/han-import-year) for the next
# run; the store is made new each run. The year ends now, so its last 30 days are kept as raw lists
# (the default raw_days) and the rest is summed into per-minute power and hourly registers.
# Prints the lists/s, the elapsed time, the peak RSS and the size of the store on disk, with and
# without the raw lists of the last 30 days.
# Usage: benchmarks/import-year.sh [days, default 365]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
days="${1:-365}"
dir="${HAN_BENCH_DIR:-${TMPDIR:-/tmp}/han-import-year}"
mkdir -p "$dir"
exe=$(build_han)
capture="$dir/year-$days.han"
if [[ ! -s "$capture" ]]; then
  start=$(date -u -d "-$days days" +%Y-%m-%dT%H:00:00Z)
  "$exe" simulate --meter aidon --seed 2026 --start "$start" --duration "${days}d" --capture "$capture.partial"
  mv "$capture.partial" "$capture"
fi

store="$dir/han.db"
rm -f "$store" "$store-wal" "$store-shm"
/usr/bin/time -v "$exe" import "$capture" --sqlite "$store" --time-zone Europe/Oslo > "$dir/summary.txt" 2> "$dir/time.txt"
cat "$dir/summary.txt"
lists=$(grep -o '^han import: [0-9,]* lists' "$dir/summary.txt" | tr -dc '0-9')
seconds=$(wall_seconds "$dir/time.txt")
rss_kb=$(peak_rss_kb "$dir/time.txt")
# The write-ahead log is checkpointed into the file when han closes it; count it too if it is left.
size=$(( $(stat -c %s "$store") + $( [[ -f "$store-wal" ]] && stat -c %s "$store-wal" || echo 0) ))
without="$dir/han-without-raw.db"
cp "$store" "$without"
sqlite3 "$without" "DELETE FROM raw_lists; VACUUM;"
echo "capture: $(stat -c %s "$capture") bytes"
echo "wall clock: ${seconds} s; lists/s: $(awk -v r="$lists" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
echo "peak RSS: $((rss_kb / 1024)) MiB ($rss_kb kB)"
echo "store on disk: $size bytes with the raw lists of the last 30 days; $(stat -c %s "$without") bytes without them"
sqlite3 "$store" "SELECT 'rows: raw_lists ' || (SELECT count(*) FROM raw_lists) || ', minute_power ' || (SELECT count(*) FROM minute_power) || ', hourly_registers ' || (SELECT count(*) FROM hourly_registers) || ', energy_aggregates ' || (SELECT count(*) FROM energy_aggregates)"
rm -f "$without"
