#!/usr/bin/env bash
# Memory of `han diagnose` with its default bundle on a large capture (an overnight recording is
# 10 MB; issue 7 asks for 200 MB under 80 MB peak RSS). Built like end-to-end.sh; checks that the
# report names every frame and that the bundle was written.
# Usage: benchmarks/diagnose-large.sh [size-in-MiB, default 200]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capture.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
frames=$(make_capture "$work" "${1:-200}")
exe=$(build_han)

# The default bundle name goes into the working folder.
(cd "$work" && /usr/bin/time -v "$exe" diagnose capture.bin > report.txt 2> time.txt)
grep -q "; $frames readings decode from it" "$work/report.txt" || { echo "the report does not name all $frames readings" >&2; cat "$work/report.txt" >&2; exit 1; }
bundle=$(ls "$work"/han-diagnose-*.zip)
echo "capture: $(stat -c %s "$work/capture.bin") bytes, $frames frames"
echo "bundle: $(stat -c %s "$bundle") bytes ($(unzip -Z1 "$bundle" | tr '\n' ' '))"
echo "wall clock: $(wall_seconds "$work/time.txt") s"
rss_kb=$(peak_rss_kb "$work/time.txt")
echo "peak RSS: $((rss_kb / 1024)) MiB ($rss_kb kB)"
