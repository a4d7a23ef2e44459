#!/usr/bin/env bash
# Runs refchart's tests: installs the system packages if missing, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh librsvg2-bin  # rsvg-convert: a real SVG reader for the SVG tests
swift test "$@"
