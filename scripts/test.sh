#!/usr/bin/env bash
# Runs refchart's tests: installs the system packages if missing, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
# rsvg-convert: a real SVG reader for the SVG tests; pdftotext: the PDF documents' text, read back;
# chromium: the HTML report opened in a browser (headless; 11 s to install here); openssl and Python's
# aiosmtpd (PyPI): a real SMTP server with STARTTLS for the e-mail tests
bash scripts/setup.sh librsvg2-bin poppler-utils chromium openssl
python3 -c "import aiosmtpd" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check aiosmtpd \
    || echo "test.sh: aiosmtpd could not be installed: the e-mail tests will say they are skipped" >&2
swift test "$@"
