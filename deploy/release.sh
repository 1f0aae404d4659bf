#!/usr/bin/env bash
# Builds han's release files: per architecture a self-contained han (no .NET needed on the target)
# and a .deb that installs it as a service.
#
#   deploy/release.sh [--output DIR] [linux-x64|linux-arm64]...     (default: both, into artifacts/release)
#
# Gives DIR/han-VERSION-RID.tar.gz and DIR/han_VERSION_ARCH.deb. The version is <Version> of
# Directory.Build.props, the one place it is kept; `han --version` adds the git commit (SourceLink).
# dpkg-deb compresses with xz; DPKG_DEB_COMPRESSOR_TYPE=gzip (dpkg-deb(1)) makes it much faster.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

output="$repo/artifacts/release"
rids=()
while (($# > 0)); do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    linux-x64|linux-arm64) rids+=("$1"); shift ;;
    *) echo "release.sh: '$1' is not an option; use --output DIR, linux-x64 or linux-arm64" >&2; exit 2 ;;
  esac
done
((${#rids[@]} > 0)) || rids=(linux-x64 linux-arm64)

for tool in dotnet dpkg-deb git; do
  command -v "$tool" >/dev/null || { echo "release.sh: $tool is missing" >&2; exit 1; }
done

cli="$repo/src/Han.Cli/Han.Cli.csproj"
version="$(dotnet msbuild "$cli" -getProperty:Version -nologo)"
commit="$(git -C "$repo" rev-parse HEAD)"
# Debian sorts ~ before anything, so 1.0.0-rc.1 (SemVer) becomes 1.0.0~rc.1 and comes before 1.0.0.
deb_version="${version//-/\~}"
if [[ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]]; then
  echo "release.sh: the work tree has changes that are not committed; the packages hold them, yet name commit $commit" >&2
fi
mkdir -p "$output"

# The build's own bin/ and obj/ (dotnet --artifacts-path), apart from those of `dotnet build`: a
# RID-specific restore and publish never touch what the tests and ./han run, and stay incremental.
build="$repo/artifacts/release-build"

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64) arch=amd64 ;;
    linux-arm64) arch=arm64 ;;
  esac
  echo "release.sh: han $version ($commit) for $rid" >&2
  publish="$build/publish/$rid"
  rm -rf "$publish"
  # Self-contained single file: the runtime and han's assemblies in one executable. Globalization is
  # invariant already (Directory.Build.props: han formats with the invariant culture and reads time
  # zones from tzdata, not ICU), so no libicu is needed. Analyzers ran in the normal build; skipped
  # here they save a minute. No .pdb files: the package carries the program only.
  # System.IO.Ports' native part stays beside the executable (it is never bundled into it unless
  # extracted at run time to a writable folder, which the service's read-only system would refuse).
  # Trimmed: only the code han can reach is kept, 18 MB instead of 76 (24 MB with the web server), and `han run` needs 39 MiB
  # of memory instead of 57 (docs/performance.md, docs/decisions.md). The trim analyzers run in every
  # build (src/Directory.Build.props), and the trimmer's own warnings are errors here too.
  dotnet publish "$cli" -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:PublishTrimmed=true -p:DebugType=none -p:RunAnalyzers=false \
    --artifacts-path "$build" -o "$publish" -nologo -v quiet -nodeReuse:false >&2

  tar -C "$publish" -czf "$output/han-$version-$rid.tar.gz" --owner=0 --group=0 .
  "$here/package-deb.sh" "$publish" "$arch" "$deb_version" "$commit" "$output"
done
