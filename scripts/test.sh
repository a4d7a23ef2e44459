#!/usr/bin/env bash
# Runs refchart's tests: installs the system packages if missing, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift test "$@"
