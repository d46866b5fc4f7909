#!/usr/bin/env bash
# Builds the release: one folder, target/fai-portal/ (and target/fai-portal.tar.gz), holding the
# server binary and both built front ends. It runs on a plain Linux host: the binary needs only
# the C library, and nothing else is installed there (see docs/DEPLOY.md).
#   scripts/release.sh               set up, build everything, assemble
#   scripts/release.sh --reuse-web   use the dist/ already built (the test command does this)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--reuse-web" ]]; then
  scripts/setup.sh
  scripts/build-web.sh
fi
test -f dist/index.html -a -f dist/desk/index.html || { echo "dist/ is not built: run scripts/build-web.sh" >&2; exit 1; }
cargo build --locked --release -p server

out=target/fai-portal
rm -rf "$out" target/fai-portal.tar.gz
mkdir -p "$out"
cp target/release/server "$out/server"
strip "$out/server" 2>/dev/null || true
cp -r dist "$out/dist"
cat > "$out/README.txt" <<'TEXT'
法i社区 — the portal, ready to run.

  ./server                 serve on 127.0.0.1:3000 (SQLite in ./data, the front end in ./dist)
  DEMO=1 ./server          the same with the demo district in a new database
  ./server help            the other commands: migrate, check-config, backup, restore

Settings are environment variables; docs/DEPLOY.md in the source explains each, with a systemd
unit, a TLS proxy, backups and upgrades.
TEXT
tar -C target -czf target/fai-portal.tar.gz fai-portal
echo "release: $out ($(du -sh "$out" | cut -f1)), target/fai-portal.tar.gz ($(du -h target/fai-portal.tar.gz | cut -f1))"
