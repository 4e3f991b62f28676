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
# Each file's integrity in index.html is the hash of the release file (still in dist/): that
# text is swapped for the hash of the named build, however the (minified) HTML quotes it.
import base64, hashlib, os, sys
dist, *files = sys.argv[1:]
index = os.path.join(dist, "index.html")
html = open(index).read()
sri = lambda path: "sha384-" + base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()
for path in files:
    name = os.path.basename(path)
    release = sri(os.path.join("dist", name))
    if html.count(release) != 1:
        sys.exit(f"profile-keys: no integrity attribute for {name} in index.html")
    html = html.replace(release, sri(path))
open(index, "w").write(html)
PY
cd tests/e2e
DIST="$dist" node profile-keys.mjs
