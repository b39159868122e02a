#!/usr/bin/env bash
# bench/cluster_throughput.sh [ALGREG_BIN] [SERVER_BENCH_BIN]: HTTP throughput of `algreg serve`
# directly and through HAProxy (deploy/haproxy.cfg) with one and with two replicas, on loopback,
# for the figures in docs/scaling.md. Prints one table row per request and set-up (req/s,
# p50/p99 ms, failed requests, from bench/server_bench).
#
# Both replicas serve copies of one index of the bundled register (listing + 1.0 templates).
# "1 replica" points HAProxy's second server at a closed port, so HAProxy marks it DOWN, as it
# would a dead replica. Everything runs on this machine's cores: two replicas on the same
# cores cannot add CPU (docs/scaling.md says what the figures mean).
#
# Settings (environment): CONNECTIONS (16), SECONDS_EACH (10), PATHS (space-separated request
# paths), SERVE_ARGS (extra `algreg serve` options, e.g. "--cache-mb 0" for uncached answers). Needs haproxy, curl, jq, ss (.ci/setup-deps). A benchmark, never run by CI.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
algreg="${1:-$root/build/release/algreg}"
server_bench="${2:-$(dirname "$algreg")/bench/server_bench}"
connections="${CONNECTIONS:-16}"
seconds_each="${SECONDS_EACH:-10}"
read -r -a paths <<< "${PATHS:-/api/v1/search?q=parkeren /api/v1/entries/11234933}"
read -r -a serve_args <<< "${SERVE_ARGS:-}"

for tool in "$algreg" "$server_bench"; do
    [ -x "$tool" ] || { echo "cluster_throughput: no executable $tool" >&2; exit 2; }
done
for tool in haproxy curl jq ss; do
    command -v "$tool" > /dev/null || { echo "cluster_throughput: $tool missing" >&2; exit 2; }
done

work="$(mktemp -d -t algreg-throughput.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        ss -Hltn "sport = :$port" | grep -q . || { echo "$port"; return; }
    done
}
wait_healthy() { # wait_healthy PORT: up to 30 s
    for _ in $(seq 600); do
        curl -sf --max-time 1 "http://127.0.0.1:$1/healthz" > /dev/null && return 0
        sleep 0.05
    done
    echo "cluster_throughput: nothing healthy on port $1" >&2
    exit 1
}

"$algreg" index --quiet "$root/fixtures/register-2026-08-08.json" \
    "$root/fixtures/register-v1.0-templates.json" --db "$work/index1"
cp -a "$work/index1" "$work/index2"
p1=$(free_port)
p2=$(free_port)
"$algreg" serve --index "$work/index1" --port "$p1" --quiet "${serve_args[@]}" > "$work/r1.log" 2>&1 &
pids+=($!)
"$algreg" serve --index "$work/index2" --port "$p2" --quiet "${serve_args[@]}" > "$work/r2.log" 2>&1 &
pids+=($!)
wait_healthy "$p1"
wait_healthy "$p2"

haproxy_pid=""
start_haproxy() { # start_haproxy SECOND_REPLICA_ADDRESS
    [ -z "$haproxy_pid" ] || { kill "$haproxy_pid"; wait "$haproxy_pid" 2> /dev/null || true; }
    front=$(free_port)
    ALGREG_FRONT="127.0.0.1:$front" ALGREG_REPLICA1="127.0.0.1:$p1" ALGREG_REPLICA2="$1" \
        ALGREG_STATS="127.0.0.1:$(free_port)" haproxy -db -f "$root/deploy/haproxy.cfg" \
        > "$work/haproxy.log" 2>&1 &
    haproxy_pid=$!
    pids+=("$haproxy_pid")
    wait_healthy "$front"
    sleep 3 # two health checks: a closed second replica is DOWN by now
}

measure() { # measure LABEL PORT
    local path
    for path in "${paths[@]}"; do
        "$server_bench" --port "$2" --path "$path" --connections "$connections" \
            --seconds "$seconds_each" --label "$1 $path" 2>&1
    done
}

echo "algreg: $algreg ${serve_args[*]}; $connections connections, ${seconds_each} s each; $(nproc) cores;" \
    "load average at start: $(cut -d' ' -f1 /proc/loadavg)"
measure "direct, one server" "$p1"
start_haproxy "127.0.0.1:$(free_port)"
measure "HAProxy, 1 replica" "$front"
start_haproxy "127.0.0.1:$p2"
measure "HAProxy, 2 replicas" "$front"
echo "load average at end: $(cut -d' ' -f1 /proc/loadavg)"
