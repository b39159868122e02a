#!/usr/bin/env bash
# deploy/loopback-cluster.sh [ALGREG_BIN]: the scale-out deployment of docs/scaling.md on one
# machine, on loopback ports, checked end to end:
#   1. the writer indexes the bundled register (with XAPIAN_MAX_CHANGESETS, so it writes
#      changesets); xapian-replicate-server publishes its index folder;
#   2. two replicas (xapian-replicate + `algreg serve --index COPY`), the writer's own
#      `algreg serve`, and HAProxy (deploy/haproxy.cfg) in front of the two replicas;
#   3. a later snapshot (one entry changed) is indexed on the writer: both replicas must serve
#      its revision (lag printed), with byte-identical answers to the writer's for a set of
#      searches (hits, totals, facets), an as_of search, the changes API and an entry history;
#   4. a full rebuild of the writer's index (a new database: replicas get a full copy and
#      switch to it) under requests through HAProxy: no request may fail;
#   5. one replica is killed (SIGKILL) under requests through HAProxy: no request may fail,
#      and HAProxy must take it out of rotation.
# Everything runs under one temporary folder; every process it starts is stopped on exit
# (trap). Exits non-zero with a message on the first failure. Needs xapian-tools, haproxy,
# curl and jq (.ci/setup-deps). The binary: first argument, else $ALGREG_BIN, else
# build/release/algreg.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
algreg="${1:-${ALGREG_BIN:-$root/build/release/algreg}}"
fixtures="$root/fixtures"
# Replication: the replicas ask the master every second (-i 1) and wait 1 s between two
# changesets applied in a row (-r 1; algreg's searchers reopen on every request and retry once
# on DatabaseModifiedError, so they need no longer).
replicate_interval=1

fail() {
    echo "loopback-cluster: FAILED: $*" >&2
    exit 1
}
note() { echo "loopback-cluster [${SECONDS} s]: $*"; }

[ -x "$algreg" ] || fail "no algreg binary at $algreg (pass it as the first argument or ALGREG_BIN)"
for tool in xapian-replicate xapian-replicate-server haproxy curl jq ss; do
    command -v "$tool" > /dev/null || fail "$tool is not installed (bash .ci/setup-deps)"
done

work="$(mktemp -d -t algreg-loopback.XXXXXX)"
declare -A pids=()
cleanup() {
    local status=$?
    for name in "${!pids[@]}"; do
        kill "${pids[$name]}" 2> /dev/null || true
    done
    for name in "${!pids[@]}"; do
        wait "${pids[$name]}" 2> /dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log; do
            [ -s "$log" ] && { echo "--- $log (last lines)"; tail -n 15 "$log"; } >&2
        done
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Free loopback ports: random ones nobody listens on (checked with ss), none twice.
declare -A taken=()
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        [ -z "${taken[$port]:-}" ] || continue
        ss -Hltn "sport = :$port" | grep -q . && continue
        taken[$port]=1
        echo "$port"
        return
    done
}
p_repl=$(free_port)
p_writer=$(free_port)
p_r1=$(free_port)
p_r2=$(free_port)
p_front=$(free_port)
p_stats=$(free_port)

start() { # start NAME COMMAND...: in the background, output to $work/NAME.log
    local name=$1
    shift
    # In a session of its own: a stopped xapian-replicate(-server) or HAProxy signals its whole
    # process group, which must not include this script (or CI).
    setsid "$@" > "$work/$name.log" 2>&1 < /dev/null &
    pids[$name]=$!
}
stop() { # stop NAME [SIGNAL]
    local name=$1 signal=${2:-TERM}
    kill "-$signal" "${pids[$name]}" 2> /dev/null || true
    wait "${pids[$name]}" 2> /dev/null || true
    unset "pids[$name]"
}
now_ms() { date +%s%3N; }
# wait_for SECONDS WHAT COMMAND...: polls COMMAND every 50 ms until it succeeds.
wait_for() {
    local limit=$1 what=$2
    shift 2
    local deadline=$(($(now_ms) + limit * 1000))
    until "$@" > /dev/null 2>&1; do
        [ "$(now_ms)" -lt "$deadline" ] || fail "$what: not within $limit s"
        sleep 0.05
    done
}
revision_at() { curl -sf --max-time 2 "http://127.0.0.1:$1/healthz" | jq -er .revision; }
serves_revision() { [ "$(revision_at "$1")" = "$2" ]; }
both_serve() { serves_revision "$p_r1" "$1" && serves_revision "$p_r2" "$1"; }

writer_index() { # the writer's `algreg index`, writing changesets
    XAPIAN_MAX_CHANGESETS=20 "$algreg" index --quiet "$@" \
        --assessments "$fixtures/assessments-2023-06-19.csv" \
        --abbreviations "$fixtures/abbreviations-nl.tsv"
}
serve() { # serve NAME PORT INDEX
    start "$1" "$algreg" serve --index "$3" --port "$2" --host 127.0.0.1 --threads 16 --quiet
    wait_for 30 "$1 answering /healthz" revision_at "$2"
}
replica() { # replica N: xapian-replicate keeping $work/replicaN/index
    mkdir -p "$work/replica$1"
    start "replicate$1" xapian-replicate -h 127.0.0.1 -p "$p_repl" -m index \
        -i "$replicate_interval" -r 1 "$work/replica$1/index"
}

# Requests through HAProxy, one after another with keep-alive off, counting failures (no
# answer, or a status other than 200), until the file $1 exists (at most 5,000 requests or
# 120 s). Writes "ok failed" to $2.
through_front() {
    local stop_file=$1 ok=0 failed=0 status i=0
    local targets=("/api/v1/search?q=parkeren" "/api/v1/search" "/api/v1/entries/11136893"
        "/api/v1/changes" "/api/v1/search?q=fraude&size=20")
    local deadline=$(($(now_ms) + 120000))
    while [ ! -e "$stop_file" ] && [ "$i" -lt 5000 ] && [ "$(now_ms)" -lt "$deadline" ]; do
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
            "http://127.0.0.1:$p_front${targets[i % ${#targets[@]}]}" || true)
        if [ "$status" = 200 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
        i=$((i + 1))
    done
    echo "$ok $failed" > "$2"
}
load_start() { # load_start NAME: requests through HAProxy in the background
    rm -f "$work/$1.stop"
    through_front "$work/$1.stop" "$work/$1.requests" &
    load_pid=$!
}
load_check() { # load_check NAME WHILE: stops the requests; fails when any failed
    touch "$work/$1.stop"
    wait "$load_pid"
    local ok failed
    read -r ok failed < "$work/$1.requests"
    [ "$ok" -gt 0 ] || fail "no request through HAProxy answered $2"
    [ "$failed" -eq 0 ] || fail "$failed of $((ok + failed)) requests through HAProxy failed $2"
    note "$2: $ok requests through HAProxy, $failed failed"
}

# --- 1. the writer ---------------------------------------------------------------------------
mkdir -p "$work/writer"
note "work folder $work; ports: replication $p_repl, writer $p_writer, replicas $p_r1 $p_r2, HAProxy $p_front"
writer_index "$fixtures/register-2026-08-08.json" --db "$work/writer/index" > "$work/index.log" 2>&1 ||
    fail "algreg index of the bundled register (see $work/index.log)"
start replicate-server xapian-replicate-server -I 127.0.0.1 -p "$p_repl" "$work/writer"
serve writer "$p_writer" "$work/writer/index"
first=$(revision_at "$p_writer")

# --- 2. replicas and HAProxy -----------------------------------------------------------------
replica 1
replica 2
# `algreg serve` indexes the bundled register into an empty path: start it only once the
# replica holds a copy (the stub file xapian-replicate writes after the first copy).
wait_for 30 "replica 1: first copy" test -s "$work/replica1/index/XAPIANDB"
wait_for 30 "replica 2: first copy" test -s "$work/replica2/index/XAPIANDB"
serve serve1 "$p_r1" "$work/replica1/index"
serve serve2 "$p_r2" "$work/replica2/index"
wait_for 30 "both replicas at the writer's revision $first" both_serve "$first"
ALGREG_FRONT="127.0.0.1:$p_front" ALGREG_REPLICA1="127.0.0.1:$p_r1" \
    ALGREG_REPLICA2="127.0.0.1:$p_r2" ALGREG_STATS="127.0.0.1:$p_stats" \
    start haproxy haproxy -db -f "$here/haproxy.cfg"
wait_for 10 "HAProxy answering /healthz" revision_at "$p_front"
note "writer and both replicas serve revision $first"

# --- 3. a later snapshot: one entry changed --------------------------------------------------
jq '.fetched_at = "2026-08-09T06:20:11Z"
    | (.algoritmes[] | select(.id == "11136893") | .doel) |= . + " Sinds 9 augustus ook voor vacatures."' \
    "$fixtures/register-2026-08-08.json" > "$work/register-2026-08-09.json"
writer_index "$work/register-2026-08-09.json" --db "$work/writer/index" > "$work/index.log" 2>&1 ||
    fail "algreg index of the later snapshot (see $work/index.log)"
committed=$(now_ms)
ls "$work/writer/index" | grep -q '^changes' || fail "the writer wrote no changeset (XAPIAN_MAX_CHANGESETS)"
writer_moved() { [ "$(revision_at "$p_writer")" != "$first" ]; }
wait_for 10 "the writer serving its new revision" writer_moved
second=$(revision_at "$p_writer")
wait_for 30 "both replicas at revision $second" both_serve "$second"
note "one-entry change: revision $second served by both replicas $(($(now_ms) - committed)) ms after the commit"

# Byte-identical answers: the writer's and each replica's.
compare_targets=(
    "/api/v1/search?q=parkeren"
    "/api/v1/search?q=vacatures"
    "/api/v1/search?q=fraude&size=50&sort=naam"
    "/api/v1/search?organisatietype=gemeente&page=2"
    "/api/v1/search"
    "/api/v1/stats"
    "/api/v1/changes"
    "/api/v1/changes?since=2026-08-09"
    "/api/v1/search?q=vacatures&as_of=2026-08-08"
    "/api/v1/entries/11136893"
    "/api/v1/entries/11136893/history"
    "/api/v1/suggest?q=park"
    "/api/v1/facets/organisatie?q=gemeente"
)
# An answer's bytes without the search's own time measurement ("timing":{"parse_us":…}), which
# differs between any two requests, also to the same server. Up to 60 s: the first as_of
# request builds that day's index.
answer() { # answer PORT TARGET
    curl -sf --max-time 60 "http://127.0.0.1:$1$2" | sed -E 's/"timing":\{[^}]*\}//g'
    [ "${PIPESTATUS[0]}" -eq 0 ]
}
compare_all() {
    local target n=0
    for target in "${compare_targets[@]}"; do
        answer "$p_writer" "$target" > "$work/answer.writer" || fail "writer: GET $target"
        for port in "$p_r1" "$p_r2"; do
            answer "$port" "$target" > "$work/answer.replica" || fail "replica on $port: GET $target"
            cmp -s "$work/answer.writer" "$work/answer.replica" ||
                fail "replica on $port answers GET $target differently from the writer:
$(diff <(jq -S . "$work/answer.writer") <(jq -S . "$work/answer.replica") | head -n 20)"
        done
        n=$((n + 1))
    done
    note "$n answers byte-identical on the writer and both replicas"
}
compare_all
grep -q 'vacatures' <(curl -sf "http://127.0.0.1:$p_r1/api/v1/changes?since=2026-08-09") ||
    fail "the replica's changes API does not show the new change"

# --- 4. a full rebuild on the writer: the replicas get a full copy --------------------------
# Built beside the live index, then renamed into place (the writer's own server is restarted:
# it had the old folder open). Requests keep going through HAProxy meanwhile.
writer_index "$fixtures/register-2026-08-08.json" "$fixtures/register-v1.0-templates.json" \
    --db "$work/writer/index.rebuild" > "$work/index.log" 2>&1 ||
    fail "algreg index of the rebuild (see $work/index.log)"
load_start rebuild
stop writer
mv "$work/writer/index" "$work/writer/index.old" && mv "$work/writer/index.rebuild" "$work/writer/index"
committed=$(now_ms)
serve writer "$p_writer" "$work/writer/index"
third=$(revision_at "$p_writer")
wait_for 60 "both replicas at the rebuilt index" \
    bash -c "[ \"\$(curl -sf http://127.0.0.1:$p_r1/healthz | jq .entries)\" = 1557 ] &&
             [ \"\$(curl -sf http://127.0.0.1:$p_r2/healthz | jq .entries)\" = 1557 ]"
note "full rebuild: both replicas serve the full copy $(($(now_ms) - committed)) ms after the switch"
sleep 1
load_check rebuild "during the full copy"
both_serve "$third" || fail "replicas not at the writer's revision $third after the full copy"
rm -rf "$work/writer/index.old"
compare_all

# --- 5. one replica dies ---------------------------------------------------------------------
load_start kill
sleep 0.5
stop serve2 KILL
killed=$(now_ms)
wait_for 10 "HAProxy marking the killed replica DOWN" \
    bash -c "curl -sf 'http://127.0.0.1:$p_stats/;csv' | grep -q '^replicas,replica2,.*,DOWN,'"
note "killed replica out of rotation $(($(now_ms) - killed)) ms after SIGKILL"
sleep 1
load_check kill "while a replica was killed"
revision_at "$p_front" > /dev/null || fail "HAProxy does not answer with one replica left"

note "all checks passed"
