#!/usr/bin/env bash
# Fails loudly if trunk would download anything. trunk 0.21.14 uses a wasm-bindgen / wasm-opt
# found on PATH only when its version equals the one Trunk.toml asks for (compared the way trunk
# compares it, below); otherwise it downloads one from GitHub, which this project never allows.
# Also checks that Trunk.toml's wasm-bindgen is Cargo.lock's, that trunk builds offline, and
# that the wasm-opt trunk finds is npm's binaryen (Debian's produces wasm that fails to start).
# Last, that the local Cognito peer's venv (tools/venv) imports the pinned moto and botocore.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# The PATH the Makefile gives trunk.
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

fail=0
ok() { printf '[check-tools] ok   %s\n' "$*"; }
bad() { printf '[check-tools] FAIL %s\n' "$*" >&2; fail=1; }

# `key = "value"` of a TOML file's [section] ("" for the top level before any section).
toml_value() { # file section key
    awk -v section="$2" -v key="$3" '
        /^\[/ { current = $0; gsub(/[][]/, "", current); next }
        current == section && $1 == key && $2 == "=" {
            value = $3; gsub(/"/, "", value); print value; exit
        }
    ' "$1"
}

locked=$(awk '$0 == "name = \"wasm-bindgen\"" { f = 1; next } f && /^version/ { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
want_bindgen=$(toml_value Trunk.toml tools wasm_bindgen)
want_opt=$(toml_value Trunk.toml tools wasm_opt)
want_trunk=$(toml_value Trunk.toml "" trunk-version)
offline=$(toml_value Trunk.toml build offline)

# trunk itself
have_trunk=$(trunk --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "=$have_trunk" = "$want_trunk" ]; then ok "trunk $have_trunk"; else bad "trunk is '$have_trunk', Trunk.toml wants '$want_trunk'"; fi
if [ "$offline" = "true" ]; then ok "Trunk.toml [build] offline = true"; else bad "Trunk.toml [build] offline must be true"; fi

# wasm-bindgen: trunk takes the second word of `wasm-bindgen --version`.
if [ "$want_bindgen" = "$locked" ]; then
    ok "Trunk.toml wasm_bindgen = Cargo.lock wasm-bindgen = $locked"
else
    bad "Trunk.toml [tools] wasm_bindgen is '$want_bindgen' but Cargo.lock has wasm-bindgen $locked"
fi
have_bindgen=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have_bindgen" = "$want_bindgen" ]; then
    ok "wasm-bindgen $have_bindgen ($(command -v wasm-bindgen))"
else
    bad "wasm-bindgen on PATH is '$have_bindgen', trunk wants '$want_bindgen' and would download it"
fi
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have_runner" = "$locked" ]; then ok "wasm-bindgen-test-runner $have_runner"; else bad "wasm-bindgen-test-runner is '$have_runner', Cargo.lock has $locked"; fi

# wasm-opt: trunk takes the third word of `wasm-opt --version` and prefixes "version_".
opt_path=$(command -v wasm-opt || true)
have_opt="version_$(wasm-opt --version 2>/dev/null | cut -d' ' -f3 || true)"
if [ "$have_opt" = "$want_opt" ]; then ok "wasm-opt $have_opt ($opt_path)"; else bad "wasm-opt on PATH reports '$have_opt', trunk wants '$want_opt' and would download it"; fi
case "$opt_path" in
"$root"/tools/node_modules/.bin/wasm-opt) ;;
*) bad "wasm-opt resolves to '$opt_path', not npm's binaryen in tools/node_modules/.bin" ;;
esac

# Browser test tools
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
    if [ -x "$tool" ]; then ok "$tool"; else bad "$tool is missing"; fi
done

# The local Cognito peer: the versions tests/peer/requirements.txt pins.
for package in moto botocore; do
    want=$(sed -n "s/^$package\(\[[a-z,]*\]\)\?==//p" tests/peer/requirements.txt)
    have=$(tools/venv/bin/python -c "import $package; print($package.__version__)" 2>/dev/null || true)
    if [ -n "$want" ] && [ "$have" = "$want" ]; then
        ok "$package $have (tools/venv)"
    else
        bad "tools/venv imports $package '$have', tests/peer/requirements.txt pins '$want'"
    fi
done

if [ "$fail" -ne 0 ]; then
    echo "[check-tools] a tool is missing or at the wrong version (trunk would download it or fail): run tools/setup.sh (make setup)" >&2
    exit 1
fi
