# Sourced by tools/size-breakdown.sh and tools/profile-keys.sh (run from the repository root).
#
# The wasm features rustc enables by default for wasm32, as index.html passes them to trunk's
# wasm-opt run.
features=(--enable-bulk-memory --enable-multivalue --enable-mutable-globals
    --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext)
# The passes index.html asks for after trunk's -Oz (see the comment there).
passes=(--flatten --rereloop -Oz -Oz)

# The release wasm with its function names kept, into directory $1: Cargo profile `twiggy`,
# wasm-bindgen, then wasm-opt -Oz -g and the passes as trunk runs them. Writes $1/named.wasm and wasm-bindgen's
# JS loader, $1/cognito-pool-console.js.
named_wasm() {
    local out=$1
    mkdir -p "$out"
    cargo build --profile twiggy --target wasm32-unknown-unknown --bin cognito-pool-console
    wasm-bindgen --target web --out-dir "$out" \
        target/wasm32-unknown-unknown/twiggy/cognito-pool-console.wasm
    wasm-opt -Oz -g "${features[@]}" "${passes[@]}" "$out/cognito-pool-console_bg.wasm" \
        -o "$out/named.wasm"
}
