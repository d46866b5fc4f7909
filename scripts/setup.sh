#!/usr/bin/env bash
# Installs what the portal needs to build, run and (with `test`) be tested, on Debian with
# rustup and Node.js. Idempotent: whatever is already at the right version is left alone.
#   scripts/setup.sh        build and run
#   scripts/setup.sh test   also Chromium and CJK fonts for the browser tests, and the PostgreSQL client
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

apt_packages=(brotli)
if [[ "$mode" == "test" ]]; then
  apt_packages+=(chromium curl fonts-noto-cjk postgresql-client)
fi
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.21.14: its own lock file pins dependencies that still build on this toolchain.
if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  log "installing trunk 0.21.14"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -q "$bindgen_version"; then
  log "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# tailwind, wasm-opt (binaryen) and Playwright, at the versions in package-lock.json.
if [[ ! -d node_modules ]] || ! cmp -s package-lock.json node_modules/.package-lock.json.copy; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.copy
fi

# trunk builds offline, so every crate must already be here.
cargo fetch --quiet
