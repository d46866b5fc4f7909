#!/usr/bin/env bash
# Prints what a resident's first visit downloads (brotli, as served) and fails over budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${FIRST_LOAD_BUDGET_BYTES:-250000}
total=0
printf '%-40s %10s %10s\n' "file" "raw" "brotli"
for file in dist/index.html dist/app-*.js dist/app-*_bg.wasm dist/app-*.css dist/sw.js; do
  [[ -f "$file" ]] || continue
  raw=$(stat -c %s "$file")
  br=$(stat -c %s "$file.br")
  total=$((total + br))
  printf '%-40s %10d %10d\n' "${file#dist/}" "$raw" "$br"
done
printf '%-40s %10s %10d (budget %d)\n' "first load" "" "$total" "$budget"
if ((total > budget)); then
  echo "first load is over budget" >&2
  exit 1
fi
