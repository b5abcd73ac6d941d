#!/usr/bin/env bash
# Measures what one GET and one SET cost redis-server natively (docs/cost-model.md, KV_READ and KV_WRITE): a
# redis-server on its own port, no persistence, and redis-benchmark with 64 commands per round trip, so the server
# (single-threaded) is the bottleneck and the system calls are shared by 64 commands. Prints the requests per second
# and the cycles per command at this machine's clock. Best of three runs each. Needs redis-server and redis-benchmark
# (scripts/install-test-tools.sh).
set -euo pipefail
port="${PORT:-$((20000 + RANDOM % 20000))}"
redis-server --port "$port" --save "" --appendonly no --daemonize no --loglevel warning >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
mhz="$(awk -F: '/^cpu MHz/ {print $2; exit}' /proc/cpuinfo)"
for t in get set; do
    best=0
    for _ in 1 2 3; do
        rps="$(redis-benchmark -p "$port" -P 64 -n 2000000 -r 100000 -t "$t" --csv | awk -F, 'NR == 2 {gsub(/"/, "", $2); print int($2)}')"
        [ "$rps" -gt "$best" ] && best="$rps"
    done
    printf '%s: %d requests/s = %.0f cycles per command at %s MHz\n' "$t" "$best" \
        "$(echo "$mhz * 1000000 / $best" | bc -l)" "${mhz// /}"
done
