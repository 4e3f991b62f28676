#!/usr/bin/env bash
# `make profile-keys`: where a keystroke's time goes. Builds the release profile with function
# names kept (Cargo profile `twiggy`, wasm-bindgen, wasm-opt -Oz -g as trunk runs it), puts that
# wasm and its JS loader into a copy of dist/ (target/profile-dist, with their integrity hashes
# in index.html recomputed), then tests/e2e/profile-keys.mjs types into the fully rendered form
# under Chromium's sampling profiler and prints the time per keystroke by function. Needs
# `make build` first (the copy starts from dist/).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

test -f dist/index.html || { echo "no dist/index.html: run make build first" >&2; exit 1; }
out=$root/target/profile-keys
source tools/named-wasm.sh
named_wasm "$out"

dist=$root/target/profile-dist
rm -rf "$dist"
cp -r dist "$dist"
wasm=$(ls "$dist"/*_bg.wasm)
js=${wasm%_bg.wasm}.js
cp "$out/named.wasm" "$wasm"
cp "$out/cognito-pool-console.js" "$js"
python3 - "$dist" "$wasm" "$js" <<'PY'
import base64, hashlib, os, re, sys
dist, *files = sys.argv[1:]
index = os.path.join(dist, "index.html")
html = open(index).read()
for path in files:
    name = os.path.basename(path)
    digest = base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()
    pattern = r'(href="/' + re.escape(name) + r'"[^>]*integrity=")[^"]*"'
    html, n = re.subn(pattern, lambda m: m.group(1) + "sha384-" + digest + '"', html)
    if n != 1:
        sys.exit(f"profile-keys: no integrity attribute for {name} in index.html")
open(index, "w").write(html)
PY
cd tests/e2e
DIST="$dist" node profile-keys.mjs
