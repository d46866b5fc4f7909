#!/usr/bin/env bash
# Builds the browser app into dist/ (size-optimised wasm, tailwind CSS), precompresses every
# file for the server, and checks the first-load budget. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

trunk build --offline --quiet

# The server sends these as they are (Content-Encoding: br or gzip).
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' -o -name '*.webmanifest' \) | while read -r file; do
  brotli --force --quality=11 --keep "$file"
  gzip --force --best --keep "$file"
done

scripts/size-budget.sh
