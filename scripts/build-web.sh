#!/usr/bin/env bash
# Builds both front ends (size-optimised wasm, tailwind CSS): the residents' app into dist/ and
# the workbench into dist/desk/ (served under /desk/), precompresses every file for the server,
# and checks both first-load budgets. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The residents' build replaces dist/, so it goes first.
trunk build --offline --quiet index.html
trunk build --offline --quiet workbench.html --dist dist/desk --public-url /desk/

# The server sends these as they are (Content-Encoding: br or gzip).
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' -o -name '*.webmanifest' \) | while read -r file; do
  brotli --force --quality=11 --keep "$file"
  gzip --force --best --keep "$file"
done

scripts/size-budget.sh
