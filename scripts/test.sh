#!/usr/bin/env bash
# Runs refchart's tests: installs the system packages if missing, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
# rsvg-convert: a real SVG reader for the SVG tests; pdftotext: the PDF documents' text, read back;
# chromium: the HTML report opened in a browser (headless; 11 s to install here)
bash scripts/setup.sh librsvg2-bin poppler-utils chromium
swift test "$@"
