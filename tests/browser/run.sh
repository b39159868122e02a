#!/usr/bin/env bash
# Browser tests of the web pages: installs what they need (Debian's chromium, the npm packages
# pinned in package-lock.json), builds a test index once, and runs the Node test suite against
# the real `algreg serve`. Screenshots of every page land in tests/browser/screenshots/.
#
#   tests/browser/run.sh                      uses ALGREG_BIN, else the newest build/*/algreg
#   ALGREG_BIN=build/dev/algreg tests/browser/run.sh [node --test options, e.g. --test-name-pattern=axe]
set -euo pipefail

# A relative ALGREG_BIN is relative to where the script was started, not to this folder.
if [ -n "${ALGREG_BIN:-}" ] && [ "${ALGREG_BIN#/}" = "$ALGREG_BIN" ]; then
    ALGREG_BIN="$PWD/$ALGREG_BIN"
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

# Debian's own packages only: chromium, and nodejs + npm when the machine has none (Debian 12
# ships Node 18; the npm packages are pinned to versions that support it).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node > /dev/null || need+=(nodejs)
command -v npm > /dev/null || need+=(npm)
if ((${#need[@]})); then
    echo "run.sh: installing ${need[*]} (Debian packages)"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
    echo "run.sh: Node $(node --version) is too old; the browser tests need Node 18 or later" >&2
    exit 2
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

if [ -z "${ALGREG_BIN:-}" ]; then
    ALGREG_BIN="$(ls -t "$repo"/build/*/algreg 2> /dev/null | head -n 1 || true)"
fi
if [ -z "$ALGREG_BIN" ] || [ ! -x "$ALGREG_BIN" ]; then
    echo "run.sh: no algreg binary; build one (cmake --workflow --preset dev) or set ALGREG_BIN" >&2
    exit 2
fi
export ALGREG_BIN
echo "run.sh: using $ALGREG_BIN"

# One index for every test file (each file starts its own server on it): first the register's
# history replayed (38 daily revisions up to the 2026-08-08 listing, for the changes pages),
# then the bundled register with the templates, the hostile entry and the assessments.
work="$(mktemp -d "${TMPDIR:-/tmp}/algreg-browser.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$ALGREG_BIN" index "$repo/fixtures/register-history.jsonl" --db "$work/index" --quiet
"$ALGREG_BIN" index \
    "$repo/fixtures/register-2026-08-08.json" \
    "$repo/fixtures/register-v1.0-templates.json" \
    "$here/fixtures/hostile-entry.json" \
    --assessments "$repo/fixtures/assessments-2023-06-19.csv" \
    --db "$work/index" --quiet
export ALGREG_TEST_INDEX="$work/index"
export ALGREG_STATIC_DIR="${ALGREG_STATIC_DIR:-$repo/web/static}"

rm -rf screenshots
mkdir -p screenshots
# One test file at a time (each starts its own server and browser; Node 18's runner has no
# --test-concurrency), then one closing line over all files.
passed=0
failed=0
for file in tests/*.test.js; do
    echo "== $file"
    log="$work/$(basename "$file").tap"
    status=0
    node --test --test-reporter=tap "$@" "$file" > "$log" 2>&1 || status=$?
    cat "$log"
    pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -n 1)"
    fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -n 1)"
    passed=$((passed + ${pass:-0}))
    # A file that crashed before reporting counts as one failure.
    if [ "$status" -ne 0 ] && [ "${fail:-0}" -eq 0 ]; then fail=1; fi
    failed=$((failed + ${fail:-0}))
done
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
