#!/usr/bin/env bash
# Load figures for `refchart serve` (issue 27), from a second process on loopback with wrk (Debian: wrk):
#   1. cached PNG: the same 1200×600 chart of 10k points and 50 references, 4 connections;
#   2. uncached: the same chart with the image cache off (cacheEntries: 0), one connection, then two;
#   3. mixed (scripts/load/mixed.lua): cached PNG/SVG, layout reports, one request in ten a new window;
#   4. overload: 64 connections on the uncached server with a queue of 4 (503s expected, nothing else);
#   5. RSS of the server after the mixed case (its image cache full) and after 100,000 more requests.
# Usage: scripts/load.sh [BINARY]   (default .build/release/refchart; build it with swift build -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/refchart}
seconds=${LOAD_SECONDS:-10}
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$binary" ] || { echo "load.sh: no $binary (swift build -c release --product refchart)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# 10,000 hourly points from 2024-01-01 and 50 references spread over them.
python3 - "$work" <<'PY'
import json, math, sys, datetime as dt
out = sys.argv[1]
start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
with open(f"{out}/dense.csv", "w") as f:
    f.write("timestamp,visits\n")
    for k in range(10_000):
        t = start + dt.timedelta(hours=k)
        f.write(f"{t:%Y-%m-%dT%H:%M:%SZ},{1000 + 400 * math.sin(k / 24 * 2 * math.pi) + (k * 37 % 101):.0f}\n")
refs = [{"id": f"r{k}", "title": f"Release {k // 10}.{k % 10}", "date": (start + dt.timedelta(hours=200 * k + 17)).strftime("%Y-%m-%dT%H:%M:%SZ"),
         "category": ["release", "marketing", "incident"][k % 3]} for k in range(50)]
json.dump(refs, open(f"{out}/dense-references.json", "w"))
PY

start_server() {  # $1: name, $2: extra serve settings
    cat > "$work/$1.yaml" <<YAML
serve:
  concurrency: 2
  accessLog: off
$2
charts:
  - name: dense
    csv: dense.csv
    references: [dense-references.json]
    width: 1200
    height: 600
YAML
    "$binary" serve --config "$work/$1.yaml" --listen 127.0.0.1:0 2> "$work/$1.log" &
    local pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$work/$1.log" && break; sleep 0.1; done
    url=$(grep -o 'http://[0-9.:]*' "$work/$1.log" | head -1)
    server_pid=$pid
}

rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$1/status"; }
run() { echo "\$ wrk $*"; wrk "$@" | grep -E "Latency|Requests/sec|requests in|Non-2xx|Socket errors|^ +(50|75|90|99)%"; }

start_server cached "  cacheEntries: 256"
curl -sf -o /dev/null "$url/v1/charts/dense.png"
echo "== 1. cached PNG (RSS $(rss "$server_pid"))"
run -t2 -c4 -d"${seconds}s" --latency "$url/v1/charts/dense.png"

echo "== 3. mixed"
run -t2 -c4 -d"${seconds}s" --latency -s scripts/load/mixed.lua "$url"

echo "== 5. RSS over 100,000 requests (cached images, layouts, listings)"
before=$(rss "$server_pid")
base=$(curl -s "$url/metrics" | awk '/^refchart_requests_total/ {n += $2} END {print n + 0}')
wrk -t2 -c4 -d600s -s scripts/load/cached.lua "$url" > "$work/long.txt" &
wrk_pid=$!
requests=0
until [ "$requests" -ge 100000 ]; do
    sleep 2
    requests=$(( $(curl -s "$url/metrics" | awk '/^refchart_requests_total/ {n += $2} END {print n + 0}') - base ))
done
kill "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
echo "RSS after the mixed case: $before; after $requests more requests: $(rss "$server_pid")"
curl -s "$url/metrics" | grep -E '^refchart_requests_total|^refchart_cache_(hits|misses)'
kill "$server_pid"

start_server uncached "  cacheEntries: 0
  queue: 4"
curl -sf -o /dev/null "$url/v1/charts/dense.png"
echo "== 2. uncached (every request renders; the sources stay parsed)"
run -t1 -c1 -d"${seconds}s" --latency "$url/v1/charts/dense.png"
run -t2 -c2 -d"${seconds}s" --latency "$url/v1/charts/dense.png"
echo "== 4. overload: 64 connections, 2 renders at once, 4 waiting"
run -t2 -c64 -d"${seconds}s" --latency "$url/v1/charts/dense.png"
curl -s "$url/metrics" | grep -E '^refchart_requests_total'
