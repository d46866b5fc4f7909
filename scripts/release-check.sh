#!/usr/bin/env bash
# Runs the release folder the way a host without any toolchain would: copied into an empty
# folder and started with an empty environment (no PATH: no cargo, no node), then asked for its
# pages and its API. Fails unless everything answers.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-target/fai-portal}"
port="${RELEASE_CHECK_PORT:-3197}"
work="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$src" "$work/fai"
cd "$work/fai"

echo "libraries the binary needs:"; ldd ./server | awk '{print "  " $1}'
if ldd ./server | grep -vE 'linux-vdso|libc\.so|libm\.so|libgcc_s|ld-linux|libpthread|libdl|librt' | grep -q .; then
  echo "the server needs more than the C library" >&2; exit 1
fi
env -i ./server check-config
env -i BIND_ADDR="127.0.0.1:$port" DEMO=1 ./server > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
curl -fs "$base/readyz" | grep -qx ready
curl -fs "$base/" | grep -q 'resident-'
curl -fs "$base/desk/" | grep -q 'workbench-'
curl -fs -X POST -H 'content-type: application/json' -d '{}' "$base/api/directory/streets" | grep -q '沙井街道'
echo "release check: the folder serves the portal with an empty environment"
