#!/usr/bin/env bash
# Every figure docs/PERFORMANCE.md keeps, measured in one run and printed as one table: the first
# loads' bytes and Lighthouse's mobile scores; bookings and the hot paths on SQLite and
# PostgreSQL, without and with ten years of history; the coverage board at a district's and a
# country's size; memory. Each timing stands beside /healthz measured in the same run. Each
# benchmark's own full table is kept in target/bench/.
#
#   scripts/bench.sh
#
# Settings (environment): BENCH_SECONDS per load (5), BENCH_HISTORY scale (1: ten million past
# bookings), BENCH_NATIONAL communities (600000), BENCH_RUNS board reads (15), BENCH_POSTGRES
# (postgres://postgres@127.0.0.1:5432/test). The first run generates the history's and the
# board's PostgreSQL databases and keeps them (at the defaults about 25 GB and an hour); later
# runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${BENCH_SECONDS:-5}
history=${BENCH_HISTORY:-1}
national=${BENCH_NATIONAL:-600000}
runs=${BENCH_RUNS:-15}
postgres=${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}
out=target/bench
mkdir -p "$out"
export BENCH_FIGURES="$PWD/$out/figures.tsv"
: > "$BENCH_FIGURES"

scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --locked --release -p server --bins
# The first loads: what the size budget prints (it fails over budget; the table says so too).
scripts/build-web.sh > "$out/first-load.txt" 2>&1 || true
awk -v f="$BENCH_FIGURES" '$2 == "first" && $3 == "load" {
  budget = $6; sub(/\)/, "", budget)
  printf "1 first load\t%s, brotli bytes as served\t—\t%s\t\t≤ %s\t%s\n", $1, $4, budget, ($4 <= budget ? "yes" : "NO") >> f
}' "$out/first-load.txt"
scripts/lighthouse.sh > "$out/lighthouse.txt" 2>&1 || true
awk -v f="$BENCH_FIGURES" '$1 ~ /^\// && $2 ~ /^[0-9]+$/ {
  printf "1 first load\tLighthouse mobile performance, %s\t—\t%s\t\t≥ 95\t%s\n", $1, $2, ($2 >= 95 ? "yes" : "NO") >> f
}' "$out/lighthouse.txt"

# A benchmark that fails (PostgreSQL away, say) leaves its figures out of the table, not the rest.
target/release/bench --seconds "$seconds" --history "$history" --postgres "$postgres" | tee "$out/bench.md" ||
  echo "bench failed: its figures are missing below" >&2
target/release/bench-board --national "$national" --runs "$runs" --postgres "$postgres" | tee "$out/bench-board.md" ||
  echo "bench-board failed: its figures are missing below" >&2

echo
echo "| of | figure | database | measured | /healthz, same run | asked | met |"
echo "|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$BENCH_FIGURES"
