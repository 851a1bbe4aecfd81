#!/usr/bin/env bash
# End-to-end browser tests: `kehoach demo` on a fresh database and a free
# local port, driven by tests/browser/run.mjs in headless Chromium (Debian's
# chromium package, installed here if missing; playwright-core from npm, no
# browser download). Full-page screenshots go to target/browser-artifacts/.
# Exit status: the runner's (0 when every check passed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CHROMIUM=${KEHOACH_CHROMIUM:-/usr/bin/chromium}
ARTIFACTS="$ROOT/target/browser-artifacts"
started_at=$(date +%s)

say() { echo "browser-test: $*"; }
die() { echo "browser-test: $*" >&2; echo "browser tests: 0 passed, 1 failed ($*)"; exit 1; }

install_chromium() {
    [ -x "$CHROMIUM" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        die "$CHROMIUM is missing and installing it needs root: run 'apt-get install -y chromium' as root, or set KEHOACH_CHROMIUM"
    fi
    say "installing Debian's chromium (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$CHROMIUM" ] || die "apt-get installed chromium but $CHROMIUM is still missing"
}

# A port nobody listens on right now (the kernel picks it).
free_port() {
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# The demo's account table, lines "  LOGIN    ROLE         PASSWORD", as JSON.
accounts_json() {
    awk '
        /^accounts/ { inside = 1; next }
        /^database:/ { inside = 0 }
        inside && NF == 3 && $3 ~ /^[0-9a-f]+$/ {
            printf "%s\"%s\":{\"role\":\"%s\",\"password\":\"%s\"}", sep, $1, $2, $3; sep = ","
        }
        BEGIN { printf "{" } END { print "}" }
    ' "$1"
}

install_chromium
command -v node >/dev/null || die "node is missing (Node 20 or later is needed)"
command -v npm >/dev/null || die "npm is missing"
command -v curl >/dev/null || die "curl is missing (apt-get install -y curl)"

say "npm ci in tests/browser"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

say "cargo build --bin kehoach"
cargo build --locked --quiet --bin kehoach

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-browser.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
say "kehoach demo on $BASE"
target/debug/kehoach demo --data "$WORK/data" --listen "127.0.0.1:$PORT" >"$WORK/demo.log" 2>&1 &
SERVER_PID=$!

# Importing the corpus takes a few seconds before the server listens.
for _ in $(seq 1 240); do
    if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/demo.log" >&2; die "kehoach demo exited before serving"; }
    sleep 0.25
done
curl -fsS "$BASE/healthz" >/dev/null 2>&1 || { cat "$WORK/demo.log" >&2; die "no answer on $BASE/healthz after 60 s"; }

accounts_json "$WORK/demo.log" >"$WORK/accounts.json"
grep -q '"admin"' "$WORK/accounts.json" || { cat "$WORK/demo.log" >&2; die "no accounts table in the demo's output"; }

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
status=0
node tests/browser/run.mjs "$BASE" "$WORK/accounts.json" "$ARTIFACTS" || status=$?

say "screenshots in ${ARTIFACTS#"$ROOT"/}:"
for shot in "$ARTIFACTS"/*.png; do
    if [ -e "$shot" ]; then echo "  ${shot#"$ROOT"/}"; fi
done
if [ "$status" != 0 ]; then
    say "server log (last lines):"
    tail -n 20 "$WORK/demo.log" | sed 's/^/  /'
fi
say "finished in $(($(date +%s) - started_at)) s"
exit "$status"
