#!/usr/bin/env bash
# Sets up and runs every check: formatting, clippy for the server and the browser targets, the
# Rust tests on SQLite and PostgreSQL, the front-end build with its size budget, and the browser
# tests. PostgreSQL is taken from TEST_POSTGRES_URL (default: the local server); if it cannot be
# reached, that part is skipped with a warning and the script says so at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

step() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

step "format"
cargo fmt --all --check

step "clippy: server (native, ssr)"
cargo clippy --locked -p app -p server --features app/ssr --all-targets -- -D warnings
step "clippy: browser (wasm32, csr)"
cargo clippy --locked -p app --features csr,workbench --target wasm32-unknown-unknown -- -D warnings

step "unit tests: shared code"
cargo test --locked -p app --features ssr

step "server tests on SQLite"
cargo test --locked -p server --lib --bins --test api --test properties --test layers

postgres_ran=no
if psql "$TEST_POSTGRES_URL" -Atqc "SELECT 1" >/dev/null 2>&1; then
  step "server tests on PostgreSQL"
  # Databases left by earlier runs (each test makes its own).
  psql "$TEST_POSTGRES_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'fai_test_%'" |
    while read -r db; do psql "$TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null; done
  TEST_DATABASE=postgres cargo test --locked -p server --test api
  # The database going away while serving, and coming back.
  cargo test --locked -p server --test outage
  postgres_ran=yes
else
  printf '\033[1;33mWARNING: PostgreSQL is not reachable at %s: the PostgreSQL store suite was NOT run.\033[0m\n' "$TEST_POSTGRES_URL"
fi

full_disk_ran=no
if [[ $(id -u) -eq 0 ]]; then
  step "a full disk: SQLite and uploads on a small tmpfs that fills up"
  cargo test --locked -p server --test full_disk
  full_disk_ran=yes
else
  printf '\033[1;33mWARNING: not root, so no tmpfs can be mounted: the full-disk test was NOT run.\033[0m\n'
fi

step "front end: build and size budget"
scripts/build-web.sh

step "browser tests"
cargo build --locked -p server
(cd end2end && npx playwright test --config playwright.config.ts)

step "release: one folder that runs with no toolchain"
scripts/release.sh --reuse-web
scripts/release-check.sh

if [[ "$full_disk_ran" == no ]]; then
  printf '\033[1;33mWARNING: the full-disk test was NOT run (it needs root to mount a tmpfs).\033[0m\n'
fi
if [[ "$postgres_ran" == no ]]; then
  printf '\033[1;33mWARNING: all checks passed on SQLite only; the PostgreSQL suite was NOT run.\033[0m\n'
fi
