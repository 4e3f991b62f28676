#!/usr/bin/env bash
# `make size-breakdown`: where the bytes of the console's wasm go. Builds the release profile with
# function names kept (Cargo profile `twiggy`), runs wasm-bindgen and wasm-opt -Oz as trunk does
# (keeping the names), then prints twiggy's shallow sizes grouped by crate, the largest data
# segments and the largest functions. Installs twiggy (crates.io) when it is missing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! command -v twiggy >/dev/null; then
    echo "[size-breakdown] cargo install twiggy 0.8.0 (about 3 min)"
    cargo install twiggy --version 0.8.0 --locked
fi

out=$root/target/size-breakdown
source tools/named-wasm.sh
named_wasm "$out"
wasm-opt --strip-debug "${features[@]}" "$out/named.wasm" -o "$out/stripped.wasm"
printf 'wasm without names: %d B raw, %d B gzip -9\n\n' \
    "$(stat -c %s "$out/stripped.wasm")" "$(gzip -9 -c "$out/stripped.wasm" | wc -c)"
twiggy top -n 1000000 --format csv "$out/named.wasm" > "$out/top.csv"
python3 tools/size_breakdown.py "$out/top.csv"
