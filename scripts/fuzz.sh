#!/usr/bin/env bash
# Fuzzes the parsers of client input, each for a fixed time (default 60 s):
#   scripts/fuzz.sh                  every target
#   scripts/fuzz.sh upload_inspect 600
# Targets: upload_inspect, table_csv, table_xlsx, markdown, typed_text (fuzz/fuzz_targets/).
# A crash is written to fuzz/artifacts/<target>/; replay it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz <target> fuzz/artifacts/<target>/<file>
# and add its input to the parser's property tests as a regression case.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(upload_inspect table_csv table_xlsx markdown typed_text)
if [[ $# -ge 1 ]]; then targets=("$1"); fi
seconds="${2:-60}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
# libFuzzer's instrumentation flags are unstable options; this toolchain is stable.
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
  echo "== $target, $seconds s"
  # fuzz/corpus/<target> keeps what a run found; fuzz/seeds/<target> holds real files to start from.
  cargo fuzz run --fuzz-dir fuzz --sanitizer none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=1048576 2>&1 | grep -E "^(#[0-9]+\s+DONE|Done|==|SUMMARY|.*panicked)" || true
done
