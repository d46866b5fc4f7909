#!/usr/bin/env bash
# Prints what each front end's first visit downloads before it can show anything (HTML, JS, wasm
# and CSS, brotli, as served) and fails over budget:
# the residents' app (at most RESIDENT_BUDGET_BYTES, default 140000: a cheap phone on a weak
# network) and the workbench (at most WORKBENCH_BUDGET_BYTES, default 400000).
set -euo pipefail
cd "$(dirname "$0")/.."

over=0
# check NAME BUDGET FILE… : one table and its total.
check() {
  local name=$1 budget=$2 total=0 file raw br
  shift 2
  printf '%-44s %10s %10s\n' "$name" "raw" "brotli"
  for file in "$@"; do
    [[ -f "$file" ]] || { echo "missing: $file" >&2; over=1; continue; }
    raw=$(stat -c %s "$file")
    br=$(stat -c %s "$file.br")
    total=$((total + br))
    printf '  %-42s %10d %10d\n' "${file#dist/}" "$raw" "$br"
  done
  printf '%-44s %10s %10d (budget %d)\n\n' "$name first load" "" "$total" "$budget"
  if ((total > budget)); then
    echo "$name: first load is over budget" >&2
    over=1
  fi
}

shopt -s nullglob
check residents "${RESIDENT_BUDGET_BYTES:-140000}" \
  dist/index.html dist/resident-*.js dist/resident-*_bg.wasm dist/resident-*.css
check workbench "${WORKBENCH_BUDGET_BYTES:-400000}" \
  dist/desk/index.html dist/desk/workbench-*.js dist/desk/workbench-*_bg.wasm dist/desk/workbench-*.css
printf 'afterwards, once per device: sw.js %d bytes (brotli)\n' "$(stat -c %s dist/sw.js.br)"
exit "$over"
