#!/usr/bin/env bash
# Installs what refchart needs on Debian/Ubuntu: Cairo, Pango and libcurl headers, pkg-config and fonts.
# Installs only what is missing, quietly; safe to run again. Swift 6.1 or newer must already be installed.
# Usage: scripts/setup.sh [EXTRA-PACKAGE …]   (install.sh adds libcurl4-openssl-dev for a static build)
set -euo pipefail

# Fonts: DejaVu (the charts' face), Noto core (Latin, Greek, Cyrillic, Arabic, Hebrew, Thai, Devanagari and
# more; 12 MB), Droid fallback (Chinese, Japanese; 4 MB), Nanum (Korean; 10 MB), Noto colour emoji (10 MB).
packages=(pkg-config libcairo2-dev libpango1.0-dev libpng-dev libcurl4-openssl-dev fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum
    fonts-noto-color-emoji "$@")

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "refchart setup: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "refchart setup: run as root or install sudo" >&2; exit 1; }
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "refchart setup: Swift 6.1 or newer is needed (https://www.swift.org/install/linux/); 'swift' is not on PATH" >&2
    exit 1
fi
