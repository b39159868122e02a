#!/usr/bin/env bash
# PostgreSQL's full-text index over the same generated corpus that index_bench indexes, on this
# machine: the yardstick the indexing target is stated against ("faster than PostgreSQL"), and
# what the official register itself uses (one Dutch tsvector per entry, official-api.md).
#
#   bench/postgres_fts.sh INDEX_BENCH [N]
#
# INDEX_BENCH is the index_bench binary (it writes the corpus), N the number of entries
# (default 100000). Needs the Debian package postgresql-15 (a benchmark tool only, not a
# dependency of algreg: `apt-get install postgresql-15`). Runs a throwaway cluster in a
# temporary directory on a Unix socket (no TCP), as user postgres when started as root, and
# removes it afterwards.
#
# Timed, each as its own statement with \timing:
#   1. tsvector: jsonb_to_tsvector('dutch', entry, '["string"]') for every entry: every string
#      field of the record (HTML tags are tokens the Dutch configuration drops), with
#      positions, as ours indexes every text field with positions;
#   2. GIN index over those tsvectors.
# Loading the JSON into the table is not timed (ours is timed after reading too).
set -euo pipefail

bench=${1:?usage: postgres_fts.sh INDEX_BENCH [N]}
n=${2:-100000}
pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ]; then
    echo "postgres_fts.sh: PostgreSQL 15 is not installed; run: apt-get install postgresql-15" >&2
    exit 64
fi
bench=$(readlink -f "$bench")

work=$(mktemp -d /tmp/algreg-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$work"
    as_pg=(runuser -u postgres --)
fi
cleanup() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== corpus: $n entries"
"$bench" --write-corpus "$work/corpus.json" --n "$n"
chmod a+r "$work/corpus.json"

"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
# Settings for a bulk build on a 2-core machine with 24 GB: enough memory for the GIN build
# to stay in memory, parallel workers for the tsvector scan, no durability work.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/log" -w start -o \
    "-k $work -c listen_addresses='' -c shared_buffers=2GB -c maintenance_work_mem=4GB \
     -c work_mem=256MB -c max_parallel_workers_per_gather=2 -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=10GB" >/dev/null

psql=("${as_pg[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$work" -U postgres -d postgres)
"${psql[@]}" <<SQL
CREATE UNLOGGED TABLE raw (line text);
-- CSV with quote and delimiter characters that JSON never holds: lines are taken verbatim,
-- backslash escapes included.
COPY raw FROM '$work/corpus.json' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02');
CREATE UNLOGGED TABLE entries AS
    SELECT rtrim(line, ',')::jsonb AS entry FROM raw WHERE line LIKE '{%';
DROP TABLE raw;
VACUUM ANALYZE entries;
SQL
echo "== entries loaded: $("${psql[@]}" -t -A -c 'SELECT count(*) FROM entries')"

"${psql[@]}" <<'SQL'
\timing on
\echo == 1. tsvector of every entry
CREATE UNLOGGED TABLE fts AS
    SELECT jsonb_to_tsvector('dutch', entry, '["string"]') AS tsv FROM entries;
\echo == 2. GIN index
CREATE INDEX fts_tsv ON fts USING gin (tsv);
\timing off
SELECT 'index size: ' || pg_size_pretty(pg_relation_size('fts_tsv'))
       || ', tsvectors: ' || pg_size_pretty(pg_relation_size('fts'));
SELECT 'phrase check, "menselijke tussenkomst": '
       || count(*) FROM fts WHERE tsv @@ phraseto_tsquery('dutch', 'menselijke tussenkomst');
SQL
