#!/usr/bin/env bash
# Lighthouse (mobile preset: a mid-range phone on a slow 4G network, simulated) on five residents'
# pages served by the real server with the demo district: the home page, the questions, the
# library, a community page and its booking page. Each page is measured RUNS times (default 3; a run Lighthouse itself reports as
# broken is repeated); the median of each score is printed, and the script fails when any median
# is below MIN_SCORE (default 95). Uses Debian's Chromium; run scripts/build-web.sh and
# `cargo build --release -p server` first (SERVER_BIN picks another server binary).
set -euo pipefail
cd "$(dirname "$0")/.."
min=${MIN_SCORE:-95}
runs=${RUNS:-3}
port=${LIGHTHOUSE_PORT:-3117}
out=target/lighthouse
data=$(mktemp -d)
mkdir -p "$out"

BIND_ADDR="127.0.0.1:$port" DATA_DIR="$data" DEMO=1 SITE_DIR="$PWD/dist" RUST_LOG=warn \
  "${SERVER_BIN:-target/release/server}" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.2; done

# 后亭社区, the demo's own community, by asking the directory as the app does.
community=$(curl -fs -X POST -H 'content-type: application/json' -d '{"query":"后亭"}' \
  "$base/api/directory/communities" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))')

flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
failed=0
# score URL REPORT: one Lighthouse run; prints "performance accessibility best-practices", or
# nothing when Lighthouse reports a broken run.
score() {
  CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse "$1" --quiet --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices --output=json --output-path="$2" >/dev/null 2>&1 || true
  node -e 'const r=require(process.argv[1]);if(r.runtimeError)process.exit(0);const c=r.categories;
    console.log([c.performance,c.accessibility,c["best-practices"]].map(x=>Math.round(x.score*100)).join(" "))' "$PWD/$2" 2>/dev/null || true
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

printf '%-28s %12s %14s %15s   (median of %d runs)\n' page performance accessibility best-practices "$runs"
for page in / /questions /library "/communities/$community" "/communities/$community/book"; do
  report="$out/$(echo "$page" | tr '/' '_').json"
  results=()
  for _ in $(seq 1 $((runs * 2))); do
    line=$(score "$base$page" "$report")
    [[ -n "$line" ]] && results+=("$line")
    ((${#results[@]} < runs)) || break
  done
  if ((${#results[@]} == 0)); then
    printf '%-28s no run completed\n' "$page"
    failed=1
    continue
  fi
  medians=()
  for column in 1 2 3; do
    medians+=("$(printf '%s\n' "${results[@]}" | cut -d' ' -f"$column" | median)")
  done
  printf '%-28s %12s %14s %15s   runs: %s\n' "$page" "${medians[@]}" "$(printf '%s; ' "${results[@]}")"
  for value in "${medians[@]}"; do ((value >= min)) || failed=1; done
done
if ((failed)); then
  echo "a median score is below $min: see the reports in $out" >&2
  exit 1
fi
