#!/usr/bin/env bash
# Checks the Swift sources against .swift-format (hummingbird's settings, arguments packed as we write them).
# Fix what it reports with: swift format format -i -r Sources Tests Package.swift
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
    echo "lint: 'swift format' is missing: it ships with Swift 6 toolchains (install one from swift.org)" >&2
    exit 1
fi
swift format lint --strict --parallel -r Sources Tests Package.swift
echo "lint: $(git ls-files '*.swift' | wc -l) files follow .swift-format"
bash scripts/check-imports.sh
