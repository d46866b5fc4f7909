#!/usr/bin/env bash
# Starts the server for the browser tests: a fresh SQLite database with the demo district, a copy
# of the built front ends in test-results/site (a test deploys a new version there), and the log
# SMS sender writing to test-results/server.log, where the tests read the one-time codes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$(mktemp -d)"
site="$here/test-results/site"
mkdir -p "$here/test-results"
rm -rf "$site"
cp -r "$root/dist" "$site"
export BIND_ADDR="127.0.0.1:${1:-3107}" DATA_DIR="$data" DEMO=1 SITE_DIR="$site" SMS_SENDER=log TEST_CLOCK=1 RUST_LOG="info,sqlx=warn,tower_http=warn"
exec "${SERVER_BIN:-$root/target/debug/server}" > "$here/test-results/server.log" 2>&1
