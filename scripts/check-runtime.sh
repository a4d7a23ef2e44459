#!/usr/bin/env bash
# Proves the Containerfile's runtime stage without a container engine: builds its root file system with
# debootstrap (Debian 12 minbase + exactly scripts/runtime-packages.txt), copies the installed binary in,
# and inside it, with chroot and as an unprivileged user, renders the sample chart and runs the weekly
# report. A chroot sees only its own files, so no host library can leak in.
# Usage (root): scripts/check-runtime.sh [INSTALLED-REFCHART]   (default: scripts/install.sh into .build-prefix)
# The root file system is kept in /var/tmp/refchart-rootfs-<hash of the package list> for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
# Exit 77: the chroot cannot be built on this machine (not root, no Debian mirror): a skip, said so.
if [ "$(id -u)" -ne 0 ]; then echo "check-runtime: skipped: needs root (debootstrap, chroot)" >&2; exit 77; fi
command -v debootstrap >/dev/null || bash scripts/setup.sh debootstrap
binary="${1:-}"
if [ -z "$binary" ]; then
    bash scripts/install.sh "$PWD/.build-prefix" >/dev/null
    binary="$PWD/.build-prefix/bin/refchart"
fi
packages="$(grep -v '^#' scripts/runtime-packages.txt | paste -sd, -)"
root="/var/tmp/refchart-rootfs-$(echo "$packages" | sha1sum | cut -c1-12)"
if [ ! -f "$root/.complete" ]; then
    rm -rf "$root"
    echo "check-runtime: debootstrap bookworm minbase + $packages" >&2
    if ! debootstrap --variant=minbase --include="$packages" bookworm "$root" http://deb.debian.org/debian >"$root.log" 2>&1; then
        tail -20 "$root.log" >&2
        # A package name that does not exist is this project's fault; a mirror out of reach is the machine's.
        if grep -q "Couldn't find these debs\|Failure while unpacking\|E: Couldn't" "$root.log"; then exit 1; fi
        echo "check-runtime: skipped: debootstrap could not reach Debian's mirror" >&2
        exit 77
    fi
    touch "$root/.complete"
fi
install -m 0755 "$binary" "$root/usr/local/bin/refchart"
rm -rf "$root/srv/reports" && mkdir -p "$root/srv/reports" && cp -r samples/. "$root/srv/reports/"
mkdir -p "$root/srv/out" && chown 65534:65534 "$root/srv/out"
# /proc, as a container has it: Swift reads its arguments from /proc/self/cmdline, and report starts its
# workers from /proc/self/exe.
if ! mountpoint -q "$root/proc" && ! mount -t proc proc "$root/proc"; then
    echo "check-runtime: skipped: this machine does not let root mount /proc in a chroot" >&2
    exit 77
fi
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
chroot "$root" /bin/true || { echo "check-runtime: skipped: chroot is not allowed here" >&2; exit 77; }
run() { chroot --userspec=65534:65534 "$root" /usr/bin/env -i HOME=/srv/out PATH=/usr/bin:/bin "$@"; }
# Every library the binary links resolves inside the root file system.
if chroot "$root" /usr/bin/ldd /usr/local/bin/refchart | grep -q "not found"; then
    chroot "$root" /usr/bin/ldd /usr/local/bin/refchart | grep "not found" >&2
    echo "check-runtime: a library is missing from scripts/runtime-packages.txt" >&2
    exit 1
fi
run /usr/local/bin/refchart render --csv /srv/reports/pageviews.csv --references /srv/reports/references.json \
    --title "Pageviews, last 90 days" --timezone Europe/Berlin -o /srv/out/pageviews.png --layout-report /srv/out/layout.json
run /usr/local/bin/refchart render --csv /srv/reports/pageviews.csv -o /srv/out/pageviews.svg
# The weekly report, its outputs redirected to the writable folder (the samples stay read-only).
sed 's#\.\./out/weekly/#/srv/out/weekly/#' samples/weekly.yaml >"$root/srv/reports/weekly.yaml"
run /usr/local/bin/refchart report /srv/reports/weekly.yaml --summary /srv/out/summary.json --quiet
python3 - "$root/srv/out" <<'PY'
import json, struct, sys
out = sys.argv[1]
png = open(f"{out}/pageviews.png", "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", png[16:24])
assert (width, height) == (1200, 600), (width, height)
layout = json.load(open(f"{out}/layout.json"))
assert not any(r.get("missingGlyphs") for r in layout["references"]), "glyphs missing: fonts"
summary = json.load(open(f"{out}/summary.json"))
assert summary["state"] == "complete" and summary["failed"] == 0, summary
assert summary["pdf"] and not summary["pdf"].get("error"), summary["pdf"]
print(f"check-runtime: in the chroot, PNG {width}x{height}, SVG, and {summary['ok']} report charts + a {summary['pdf']['pages']}-page PDF")
PY
