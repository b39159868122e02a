#!/usr/bin/env bash
# Memory figures of issue 18, printed, never asserted (bench/README.md):
#
#   bench/memory.sh indexer  ALGREG [MB...]   peak RSS of `algreg index` on MB megabytes of
#                                             minimal records (default 36 360), from a
#                                             generated NDJSON file: {"id","title","organisatie"}
#   bench/memory.sh server   ALGREG [N]       RSS of `algreg serve` fresh, then after N
#                                             (default 100) index revisions picked up under load
#
# Use a release build (build/release/algreg); a debug build is several times slower.
set -euo pipefail
mode=${1:?indexer or server}
algreg=$(realpath "${2:?path to algreg}")
shift 2
work=$(mktemp -d)
trap 'kill ${server_pid:-} ${load_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fixtures=$(cd "$(dirname "$0")/../fixtures" && pwd)

minimal_records() { # MB FILE: that many megabytes of minimal records, one per line, valid ids
    awk -v bytes=$(($1 * 1024 * 1024)) 'BEGIN {
        srand(20260808);
        for (n = 0; size < bytes; n++) {
            # 8-digit ids from a counter; titles and organisations vary a little.
            line = sprintf("{\"id\": \"%08d\", \"title\": \"Algoritme %d voor parkeren\", \"organisatie\": \"Gemeente %d\"}", 10000000 + n, n, n % 300);
            print line; size += length(line) + 1;
        }
    }' >"$2"
}

peak_rss_kb() { # COMMAND...: runs it, prints the peak RSS in KB (GNU time)
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/time"
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

case "$mode" in
indexer)
    sizes=("$@")
    ((${#sizes[@]})) || sizes=(36 360)
    for mb in "${sizes[@]}"; do
        minimal_records "$mb" "$work/records.ndjson"
        rm -rf "$work/db"
        records=$(wc -l <"$work/records.ndjson")
        peak=$(peak_rss_kb "$algreg" index --quiet --no-abbreviations --db "$work/db" \
            "$work/records.ndjson")
        printf 'indexer: %4d MB, %8d minimal records: peak RSS %6d MB\n' "$mb" "$records" \
            $((peak / 1024))
    done
    ;;
server)
    revisions=${1:-100}
    "$algreg" index --quiet --db "$work/db" "$fixtures/register-2026-08-08.json" >/dev/null
    port=$((20000 + RANDOM % 20000))
    "$algreg" serve --quiet --index "$work/db" --port "$port" &
    server_pid=$!
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
        sleep 0.1
    done
    # Load: searches of every kind while the revisions come.
    (while true; do
        for q in parkeren fraude 'wmo%20OR%20jeugdzorg' '' toeslag; do
            curl -fs "http://127.0.0.1:$port/api/v1/search?q=$q" >/dev/null || true
            curl -fs "http://127.0.0.1:$port/?q=$q" >/dev/null || true
        done
    done) &
    load_pid=$!
    sleep 2
    fresh=$(rss_kb "$server_pid")
    for ((i = 1; i <= revisions; i++)); do
        # Alternately with and without the 1.0 templates: every run is a new revision.
        inputs=("$fixtures/register-2026-08-08.json")
        ((i % 2)) && inputs+=("$fixtures/register-v1.0-templates.json")
        "$algreg" index --quiet --db "$work/db" "${inputs[@]}" >/dev/null || true
        curl -fs "http://127.0.0.1:$port/api/v1/search?q=parkeren" >/dev/null
    done
    sleep 2
    after=$(rss_kb "$server_pid")
    printf 'server: RSS fresh (under load) %d MB, after %d revisions %d MB\n' \
        $((fresh / 1024)) "$revisions" $((after / 1024))
    ;;
*)
    echo "usage: bench/memory.sh indexer|server ALGREG [...]" >&2
    exit 64
    ;;
esac
