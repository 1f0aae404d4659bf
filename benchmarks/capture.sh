# Sourced by the end-to-end scripts: builds a large capture by repeating one real Kamstrup frame
# (corpus case amsreader-kamstrup-no-gh862-3, 228 bytes), and the Release build of han.
# make_capture DIR MIB: writes DIR/capture.bin of whole frames, at most MIB MiB; prints the frame count.
make_capture() {
  local work="$1" size_mib="$2" here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  # The first frame of samples/kamstrup-no-list2.hex is that case (32 bytes per line there).
  local frame_hex
  frame_hex="$(head -n 8 "$here/samples/kamstrup-no-list2.hex" | tr -d ' \n' | cut -c1-456)"
  printf '%s' "$frame_hex" | sed 's/../\\x&/g' | xargs -0 printf '%b' > "$work/frame.bin"
  [[ $(stat -c %s "$work/frame.bin") -eq 228 ]] || { echo "could not extract the 228-byte frame" >&2; return 1; }
  cp "$work/frame.bin" "$work/capture.bin"
  local target=$((size_mib * 1024 * 1024))
  while [[ $(stat -c %s "$work/capture.bin") -lt $target ]]; do
    cat "$work/capture.bin" "$work/capture.bin" > "$work/double.bin" && mv "$work/double.bin" "$work/capture.bin"
  done
  truncate -s $(( (target / 228) * 228 )) "$work/capture.bin"
  echo $(( $(stat -c %s "$work/capture.bin") / 228 ))
}

# build_han: builds the CLI in Release (quietly) and prints the executable's path.
build_han() {
  local here log
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if ! log=$(dotnet build "$here/src/Han.Cli/Han.Cli.csproj" -c Release -v quiet -nologo -tl:off 2>&1); then
    printf '%s\n' "$log" >&2
    return 1
  fi
  echo "$here/src/Han.Cli/bin/Release/net10.0/han"
}

# peak_rss_mib TIME_FILE / wall_seconds TIME_FILE: figures from /usr/bin/time -v output.
peak_rss_kb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
# The RSS of process $1 now, in kB (VmRSS of /proc).
rss_kb_of() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
# The report of a han run sampled every 5 s: samples (kB) in "${@:2}", /usr/bin/time -v's log in $1.
report_rss_and_cpu() {
  local log="$1"; shift
  local samples=("$@")
  echo "RSS samples (MiB, every 5 s): $(for s in "${samples[@]}"; do printf '%d ' $((s / 1024)); done)"
  echo "RSS first: $((${samples[0]} / 1024)) MiB, last: $((${samples[-1]} / 1024)) MiB, peak: $(($(peak_rss_kb "$log") / 1024)) MiB"
  echo "CPU: user $(sed -n 's/.*User time (seconds): //p' "$log") s, system $(sed -n 's/.*System time (seconds): //p' "$log") s"
}
wall_seconds() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
    awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'
}
