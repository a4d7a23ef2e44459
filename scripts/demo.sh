#!/usr/bin/env bash
# Sets up, builds refchart (release) and renders the bundled samples. No credentials needed.
# Usage: scripts/demo.sh [output-dir]   (default: out/; `scripts/demo.sh samples` refreshes the README images)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
bash scripts/setup.sh
swift build -c release --product refchart
bin="$(swift build -c release --show-bin-path)/refchart"
mkdir -p "$out"
"$bin" render --csv samples/pageviews.csv --references samples/references.json \
    --title "Pageviews, last 90 days" -o "$out/pageviews.png" --layout-report "$out/pageviews-layout.json"
"$bin" render --csv samples/pageviews.csv --references samples/references.json \
    --title "Pageviews, last 90 days" -o "$out/pageviews.svg"
"$bin" render --csv samples/pageviews.csv --references samples/references.json \
    --title "Pageviews, last 90 days" --theme dark --scale 2 -o "$out/pageviews-dark@2x.png"
"$bin" render --csv samples/pageviews.csv --references samples/dense-references.json \
    --title "Pageviews with 200 references" -o "$out/dense-200.png" --footnotes-file "$out/dense-200-footnotes.md"
"$bin" render --csv samples/pageviews.csv --references samples/references.json --title "Impact" --impact \
    --impact-window 7d --y-label "Pageviews per hour" --from 2024-09-01 -o "$out/pageviews-impact.png"
"$bin" render --csv samples/conversions.csv --references samples/references.json --title "Daily conversions" \
    --type bar --stacked --y-label "Accounts per day" --from 2024-09-01 --to 2024-10-31 -o "$out/conversions-stacked-bars.png"
"$bin" render --csv samples/traffic-signups.csv --references samples/references.json --title "Traffic and signups" \
    --right-axis signups --y-label "Visits per day" -o "$out/traffic-right-axis.png"
# The weekly report job: ten charts and one combined PDF. Its outputs are set in the jobs file
# (relative to it): out/weekly/ at the top of the repository.
"$bin" report samples/weekly.yaml --summary "$out/weekly-summary.json"
echo "Rendered:"
for file in pageviews.png pageviews.svg pageviews-dark@2x.png pageviews-layout.json dense-200.png dense-200-footnotes.md \
    pageviews-impact.png conversions-stacked-bars.png traffic-right-axis.png weekly-summary.json; do
    echo "  $(cd "$out" && pwd)/$file"
done
echo "  $(pwd)/out/weekly/ (the weekly report: $(ls out/weekly | tr '\n' ' '))"
