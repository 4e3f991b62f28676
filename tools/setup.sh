#!/usr/bin/env bash
# Installs what building, serving and testing the console need, each only if it is missing or at
# the wrong version, so a second run takes seconds. Called by `make serve` and `make test`.
#
#   rustup target wasm32-unknown-unknown (+ clippy, rustfmt)
#   trunk 0.21.14                         cargo install --locked
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen   cargo install (not --locked: see README)
#   wasm-opt from npm binaryen@132        npm ci in tools/      (never Debian's binaryen)
#   terser 5.36.0 (minifies the JS loader) npm ci in tools/
#   chromium + chromium-driver            apt-get (Debian), as root
#   playwright-core for tests/e2e         npm ci in tests/e2e/  (no browser download)
#   python3 + venv module (Debian)        apt-get python3 python3-venv, as root, if missing
#   tools/venv: moto, botocore (pinned)   pip install -r tests/peer/requirements.txt
#   the crates of Cargo.lock              cargo fetch, so that trunk can build --offline
#
# Then it checks that trunk would find every tool it needs and so never download one, and that
# the venv has the pinned moto and botocore (tools/check-tools.sh).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

TRUNK_VERSION=0.21.14
NODE_MAJOR_MIN=20

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# The version of a crate as locked in Cargo.lock (first match).
locked_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock
}

# Run as root, or through sudo when there is one.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

# True when the stamp in $2 records the sha256 of file $1 (the install from it already ran).
stamp_ok() {
    [ -f "$2" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$(cat "$2")" ]
}

npm_ci() { # dir
    local dir=$1 stamp=$1/node_modules/.setup-stamp
    if stamp_ok "$dir/package-lock.json" "$stamp"; then
        return
    fi
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    sha256sum "$dir/package-lock.json" | cut -d' ' -f1 >"$stamp"
}

export PATH="$HOME/.cargo/bin:$PATH"

# --- Rust ------------------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
        log "rustup component add $component"
        rustup component add "$component"
    fi
done

# --- trunk -----------------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION (about 7 min on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# --- wasm-bindgen-cli at the Cargo.lock version ----------------------------------------------
bindgen=$(locked_version wasm-bindgen)
[ -n "$bindgen" ] || die "no wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen" ] ||
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $bindgen" ]; then
    # Not --locked: with it, a pinned transitive crate of wasm-bindgen-cli is missing from the
    # registry and the install fails.
    log "cargo install wasm-bindgen-cli $bindgen (about 2 min)"
    cargo install wasm-bindgen-cli --version "$bindgen" --force
fi

# --- Node tools --------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found (Node.js $NODE_MAJOR_MIN or later is needed)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge "$NODE_MAJOR_MIN" ] || die "Node.js $NODE_MAJOR_MIN or later is needed, found $(node --version)"
npm_ci tools
npm_ci tests/e2e

# --- Chromium and ChromeDriver (Debian) -------------------------------------------------------
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    log "apt-get install chromium chromium-driver"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        chromium chromium-driver
fi

# --- Python venv of the local Cognito peer (tests/peer) ----------------------------------------
# `python3 -m venv` needs ensurepip, which Debian ships in python3-venv.
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip' 2>/dev/null; then
    log "apt-get install python3 python3-venv"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        python3 python3-venv
fi
requirements=tests/peer/requirements.txt
if ! [ -x tools/venv/bin/python ] || ! stamp_ok "$requirements" tools/venv/.setup-stamp; then
    # A new venv each time, so that a package dropped from the requirements goes too.
    log "python3 -m venv tools/venv; pip install -r $requirements (about 30 s)"
    python3 -m venv --clear tools/venv
    tools/venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
    sha256sum "$requirements" | cut -d' ' -f1 >tools/venv/.setup-stamp
fi

# --- Crates, so that trunk and cargo can build offline ---------------------------------------
cargo fetch --quiet

# --- trunk must find everything it needs -----------------------------------------------------
"$root/tools/check-tools.sh"
