#!/usr/bin/env bash
# Crash test: `algreg index` killed with SIGKILL at many points while it writes, then the index
# must open and hold exactly the old revision or exactly the new one, never a mix; and a
# following run must complete. A "signature" is the search of every entry sorted by name as
# JSON (revision, total, every facet count, the first 100 hits) without its timing.
#
#   tests/crash/kill-index.sh [ALGREG_BINARY]       (default build/release/algreg)
#   CRASH_POINTS=40 CRASH_SECONDS=120               points to try, and a time budget for them
#
# Exit 0 when every point gave old or new; 1 on the first mixed or unreadable index.
set -euo pipefail
cd "$(dirname "$0")/../.."
algreg=$(realpath "${1:-build/release/algreg}")
points=${CRASH_POINTS:-40}
budget_s=${CRASH_SECONDS:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

old_inputs=(fixtures/register-2026-08-08.json)
# The new revision changes, adds and removes nothing by accident: the same listing plus the
# 2023 register (more entries), dated a day later.
new_inputs=(fixtures/register-2026-08-08.json fixtures/register-2023-06-19-full.json)
index_new() { # DB: write the new revision; exit 0 or 1 (some records rejected) is success
    "$algreg" index --quiet --db "$1" --as-of 2026-08-09 "${new_inputs[@]}" >/dev/null 2>&1
}
signature() { # DB
    "$algreg" search --db "$1" --json --sort name --size 100 2>/dev/null |
        sed '/"timing"/,/}/d' | sha256sum | cut -c1-16
}
now_ms() { date +%s%3N; }

"$algreg" index --quiet --db "$work/base" "${old_inputs[@]}" >/dev/null
old=$(signature "$work/base")
cp -a "$work/base" "$work/full"
t0=$(now_ms)
index_new "$work/full" || [ $? -eq 1 ]
duration_ms=$(($(now_ms) - t0))
new=$(signature "$work/full")
if [ "$old" = "$new" ]; then
    echo "crash test: the old and new revisions look the same; fix the inputs" >&2
    exit 1
fi
echo "crash test: a full run takes ${duration_ms} ms; killing at $points points across it"

start_s=$(date +%s)
declare -A outcomes=()
tried=0
for ((i = 1; i <= points; i++)); do
    if (($(date +%s) - start_s > budget_s)); then
        echo "crash test: time budget of ${budget_s} s reached"
        break
    fi
    rm -rf "$work/run" "$work/run.rejects.jsonl"
    cp -a "$work/base" "$work/run"
    # Spread over the run (and a little past it), with the points' order interleaved.
    delay_ms=$((duration_ms * ((i * 37) % (points + 2)) / (points)))
    # algreg itself in the background (not a function: that would be a subshell, and the
    # SIGKILL would hit the subshell and leave algreg running).
    "$algreg" index --quiet --db "$work/run" --as-of 2026-08-09 "${new_inputs[@]}" \
        >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    if ((rc == 137)); then killed=killed; else killed=finished; fi
    got=$(signature "$work/run" || true)
    if [ "$got" = "$old" ]; then
        state=old
    elif [ "$got" = "$new" ]; then
        state=new
    else
        echo "crash test: FAILED at ${delay_ms} ms ($killed): the index is neither the old" \
            "nor the new revision (signature '$got')" >&2
        exit 1
    fi
    # The next run after a crash must complete and give the new revision.
    if ((i % 4 == 0)); then
        index_new "$work/run" || [ $? -eq 1 ]
        if [ "$(signature "$work/run")" != "$new" ]; then
            echo "crash test: FAILED: the run after a crash at ${delay_ms} ms did not complete" >&2
            exit 1
        fi
    fi
    outcomes["$killed/$state"]=$((${outcomes["$killed/$state"]:-0} + 1))
    tried=$((tried + 1))
done
summary=""
for key in "${!outcomes[@]}"; do summary+=" $key=${outcomes[$key]}"; done
echo "crash test: $tried points, no mixed index;$summary (killed/old: killed before the" \
    "commit, killed/new: after it, finished/new: the run ended first)"
