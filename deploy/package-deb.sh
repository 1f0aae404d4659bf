#!/usr/bin/env bash
# Makes han's .deb from a published han (release.sh calls it once per architecture).
#
#   deploy/package-deb.sh PUBLISH_DIR ARCH VERSION COMMIT OUTPUT_DIR
#
# What goes where (and why):
#   /usr/lib/han/han, libSystem.IO.Ports.Native.so   the program; the native parts of System.IO.Ports
#   /usr/lib/han/libe_sqlite3.so                     and of SQLite (the history) must sit beside the real file
#   /usr/bin/han -> ../lib/han/han                   on PATH; .NET finds its folder through the link
#   /lib/systemd/system/han.service                  the service, not enabled (see debian/postinst)
#   /etc/han/han.yaml                                the example configuration, a conffile: dpkg keeps
#                                                    the user's edits on upgrade
#   /var/lib/han/                                    the service's state folder (its outputs)
#   /usr/share/doc/han/                              README, copyright, and examples/: the udev rule
#                                                    (an example only, see its header) and ser2net files
# Maintainer scripts: debian/postinst, prerm, postrm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
(($# == 5)) || { echo "package-deb.sh: give PUBLISH_DIR ARCH VERSION COMMIT OUTPUT_DIR" >&2; exit 2; }
publish="$1" arch="$2" version="$3" commit="$4" output="$5"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"

install -d -m 0755 "$root/usr/lib/han" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/han" \
  "$root/usr/share/doc/han/examples" "$root/DEBIAN"
# han's state folder; the postinst's statoverride makes it han:han.
install -d -m 0750 "$root/var/lib/han"
install -m 0755 "$publish/han" "$root/usr/lib/han/han"
# Shared objects need no execute bit (the NuGet package ships it 0744).
install -m 0644 "$publish/libSystem.IO.Ports.Native.so" "$publish/libe_sqlite3.so" "$root/usr/lib/han/"
ln -s ../lib/han/han "$root/usr/bin/han"
install -m 0644 "$here/han.service" "$root/lib/systemd/system/han.service"
# 0640: the postinst's statoverride makes it root:han; until then root alone reads it.
install -m 0640 "$here/han.yaml" "$root/etc/han/han.yaml"
install -m 0644 "$repo/README.md" "$here/debian/copyright" "$root/usr/share/doc/han/"
install -m 0644 "$here/99-han-serial.rules" "$here/ser2net.yaml" "$here/ser2net.conf" "$root/usr/share/doc/han/examples/"

install -m 0644 "$here/debian/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$root/DEBIAN/"
# Depends (debian/control), from what the binaries ask for: libc6 >= 2.27 and libstdc++6, libgcc-s1
# (objdump -T han: GLIBC_2.27 is the newest symbol version); libssl3 for AES-GCM (encrypted meters),
# which .NET loads when first used; adduser for the maintainer scripts. Installed-Size in KiB.
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCHITECTURE@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" -e "s/@COMMIT@/$commit/" \
  "$here/debian/control" > "$root/DEBIAN/control"

# --root-owner-group: every file root:root without fakeroot (dpkg-deb(1), dpkg >= 1.19.0).
dpkg-deb --build --root-owner-group "$root" "$output/han_${version}_${arch}.deb" >&2
