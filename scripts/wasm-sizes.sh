#!/usr/bin/env bash
# Where each front end's wasm bytes go: the largest functions and data, and the total per crate.
# Builds each wasm as the release does but keeps the function names (wasm-opt -g), then asks
# twiggy. Usage: scripts/wasm-sizes.sh [resident|workbench …] (default: both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if ! twiggy --version 2>/dev/null | grep -q '0.8'; then
  cargo install twiggy --version 0.8.0 --locked
fi

out=target/wasm-sizes
mkdir -p "$out"
bins=("$@")
((${#bins[@]})) || bins=(resident workbench)
for one in "${bins[@]}"; do
  features=csr
  [[ $one == workbench ]] && features=csr,workbench
  cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
    -p app --no-default-features --features "$features" --bin "$one"
  wasm-bindgen --target web --out-dir "$out/$one" "target/wasm32-unknown-unknown/wasm-release/$one.wasm"
  wasm-opt -Oz -g --strip-producers "$out/$one/${one}_bg.wasm" -o "$out/$one/named.wasm"
  printf '\n== %s: %d bytes with names (wasm-opt -Oz -g)\n' "$one" "$(stat -c %s "$out/$one/named.wasm")"
  twiggy top -n 20 "$out/$one/named.wasm"
  echo
  twiggy top -n 1000000 --format csv "$out/$one/named.wasm" > "$out/$one/top.csv"
  node scripts/wasm-sizes-by-crate.mjs "$out/$one/top.csv"
done
