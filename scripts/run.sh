#!/usr/bin/env bash
# Sets up, builds and runs the portal on its embedded default: SQLite under ./data, uploads on
# local disk, the log SMS sender, and the demo district on a new database.
# Settings come from the environment (see README); BIND_ADDR defaults to 127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-web.sh
cargo build --locked --release -p server
export DEMO="${DEMO:-1}" SITE_DIR="${SITE_DIR:-$PWD/dist}"
echo "法i社区 on http://${BIND_ADDR:-127.0.0.1:3000}"
exec target/release/server
