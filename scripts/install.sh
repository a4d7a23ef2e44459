#!/usr/bin/env bash
# Builds refchart with the Swift standard library and Foundation linked in, and installs it with shell
# completions and man pages (argument-parser's generate-manual: `man refchart`, `man refchart.report`…). The installed binary needs only the system's libraries (Cairo, Pango, curl): no Swift.
# Usage: scripts/install.sh [PREFIX]   (default /usr/local: PREFIX/bin/refchart)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
# libcurl's development files: the static FoundationNetworking links against the system's libcurl.
bash scripts/setup.sh libcurl4-openssl-dev
swift build -c release --product refchart --static-swift-stdlib --scratch-path .build-static
built="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/refchart"
install -d "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1"
install -m 0755 "$built" "$prefix/bin/refchart"
strip "$prefix/bin/refchart" 2>/dev/null || true
"$prefix/bin/refchart" --generate-completion-script bash > "$prefix/share/bash-completion/completions/refchart"
"$prefix/bin/refchart" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_refchart"
"$prefix/bin/refchart" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/refchart.fish"
# One page per command; the hidden worker commands get none.
swift build -c release --product generate-manual --scratch-path .build-static >/dev/null
manuals="$(mktemp -d)"
"$(swift build -c release --scratch-path .build-static --show-bin-path)/generate-manual" "$prefix/bin/refchart" --multi-page \
    --output-directory "$manuals"
rm -f "$manuals/refchart.bench-run.1" "$manuals/refchart.report-worker.1"
install -m 0644 "$manuals"/*.1 "$prefix/share/man/man1/"
rm -rf "$manuals"
if ldd "$prefix/bin/refchart" | grep -q libswift; then
    echo "refchart install: the binary still links a Swift library dynamically" >&2
    exit 1
fi
echo "Installed $("$prefix/bin/refchart" --version) at $prefix/bin/refchart ($(du -h "$prefix/bin/refchart" | cut -f1))"
