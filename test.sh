#!/usr/bin/env bash
# Runs every test of han and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need when it is missing (Debian; uses sudo when not root).
# Exit code: 0 when every test passed, 1 otherwise.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Debian packages the tests need; each test that needs a server starts its own.
# (xxd and bsdextrautils: the hex input tests read real xxd and hexdump output; od comes with
# coreutils. socat makes the pseudo-terminal pairs of the serial tests and of han simulate --pty;
# ser2net bridges one to TCP and runs deploy/'s examples. systemd brings systemd-analyze, which checks
# deploy/han.service; nothing starts it. dpkg-deb, which builds and reads the .deb, comes with dpkg.
# mosquitto is the real MQTT broker the MQTT, Home Assistant and Domoticz tests start on a free port,
# mosquitto-clients its mosquitto_sub and mosquitto_pub, the independent clients that check han's
# messages and send it frames; openssl makes the certificates of the TLS tests. postgresql brings the
# server the storage tests start in a temporary folder on a free port (its initdb and postgres; the
# system's own cluster is not used). chromium is Debian's browser that the dashboard's browser tests
# drive through Playwright (tests/Han.Browser.Tests; Playwright's own browser download is not used).)
required_packages=(xxd bsdextrautils socat ser2net systemd mosquitto mosquitto-clients openssl postgresql chromium)

missing=()
for package in "${required_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "test.sh: installing ${missing[*]}" >&2
  $sudo apt-get update && $sudo apt-get install -y "${missing[@]}" || echo "test.sh: could not install ${missing[*]}" >&2
fi

results="$here/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test Han.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if ((files == 0)); then
  echo "test.sh: no test results were written (did the build fail?)" >&2
  failed=$((failed + 1))
fi

line="$passed passed, $failed failed"
((skipped > 0)) && line="$line, $skipped skipped"
echo "$line"
[[ $status -eq 0 && $failed -eq 0 ]]
