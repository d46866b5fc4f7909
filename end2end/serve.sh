#!/usr/bin/env bash
# Starts the server for the browser tests: a fresh SQLite database with the demo district, a copy
# of the built front ends in test-results/site (a test deploys a new version there), and the log
# SMS sender writing to test-results/server.log, where the tests read the one-time codes.
# `serve.sh PORT empty`: an empty database instead (no demo) in test-results/empty-data, its SMS
# in test-results/empty-server.log: a district going live from nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mkdir -p "$here/test-results"
if [ "${2:-}" = "empty" ]; then
  data="$here/test-results/empty-data"
  rm -rf "$data" && mkdir -p "$data"
  export BIND_ADDR="127.0.0.1:$1" DATA_DIR="$data" SITE_DIR="$root/dist" SMS_SENDER=log RUST_LOG="info,sqlx=warn,tower_http=warn"
  exec "${SERVER_BIN:-$root/target/debug/server}" > "$here/test-results/empty-server.log" 2>&1
fi
data="$(mktemp -d)"
site="$here/test-results/site"
rm -rf "$site"
cp -r "$root/dist" "$site"
# Every browser signs in from this one address, as residents behind one carrier's address do.
export BIND_ADDR="127.0.0.1:${1:-3107}" DATA_DIR="$data" DEMO=1 SITE_DIR="$site" SMS_SENDER=log TEST_CLOCK=1 RUST_LOG="info,sqlx=warn,tower_http=warn" CODES_PER_ADDRESS_PER_HOUR=200
exec "${SERVER_BIN:-$root/target/debug/server}" > "$here/test-results/server.log" 2>&1
