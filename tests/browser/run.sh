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

if [ ! -x /usr/bin/chromium ]; then
    echo "run.sh: installing chromium (Debian package)"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
fi
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "run.sh: node and npm are needed (apt-get install nodejs npm, Node 20 or later)" >&2
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
node --test --test-concurrency=1 "$@" tests/
