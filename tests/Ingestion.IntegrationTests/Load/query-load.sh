#!/usr/bin/env bash
# Bounded HTTP load on a running local host's query API, from this (second) process, on loopback only.
# Usage: query-load.sh [base-url] [duration] [connections]   (defaults: http://127.0.0.1:7071 20s 16)
# Needs wrk (Debian: apt-get install wrk). Prints wrk's report, then key=value totals (requests, non_2xx, p99_ms, ...).
set -euo pipefail
url="${1:-http://127.0.0.1:7071}"
duration="${2:-20s}"
connections="${3:-16}"
case "$url" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "refusing $url: this load is for a local host on loopback only" >&2; exit 2 ;;
esac
exec wrk --threads 2 --connections "$connections" --duration "$duration" --timeout 5s --latency \
  --script "$(dirname "$0")/query-load.lua" "$url"
