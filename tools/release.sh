#!/usr/bin/env bash
# Runs a command (trunk build, cargo build) the way the release wasm is built: with the pinned
# nightly toolchain below, the standard library rebuilt from source for wasm32 at the release
# profile's opt-level "z" (-Zbuild-std), and panics that abort at once without formatting a
# message (-Cpanic=immediate-abort). Measured on the console's wasm (wasm-opt -Oz, gzip -9):
# 334939 B on stable, 327863 B with build-std, 313493 B with build-std and immediate-abort.
#
# Only release builds go through here (make build, make floor, make size-breakdown): `trunk
# serve`, the tests, clippy and the browser tests use the stable toolchain, where a panic still
# reaches the browser console with its message (console_error_panic_hook). tools/setup.sh
# installs the toolchain (with rust-src) and fetches the standard library's crates, so that the
# release build runs offline.
#
#   tools/release.sh trunk build --release --offline
#   tools/release.sh --toolchain    # prints the toolchain's name
set -euo pipefail

toolchain=nightly-2026-05-20
if [ "${1:-}" = "--toolchain" ]; then
    echo "$toolchain"
    exit 0
fi
[ "$#" -gt 0 ] || { echo "usage: tools/release.sh COMMAND [ARG...]" >&2; exit 2; }

export RUSTUP_TOOLCHAIN=$toolchain
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Added to .cargo/config.toml's wasm32 rustflags (cargo merges the two lists).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec "$@"
