#!/usr/bin/env bash
# `make test`: set-up, then every check and test as a timed phase. A failing phase does not stop
# the independent ones after it (so one run shows everything that is wrong); the end-to-end tests
# and the size report need the release build. Exits 1 if any phase failed.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
make=(make --no-print-directory)

names=() seconds=() states=()
failed=0
run_start=$(date +%s.%N)

phase() { # name make-target
    local name=$1 target=$2 start end status
    printf '\n==> %s (make %s)\n' "$name" "$target"
    start=$(date +%s.%N)
    if "${make[@]}" "$target"; then status=ok; else status=FAILED; failed=1; fi
    end=$(date +%s.%N)
    names+=("$name") seconds+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')") states+=("$status")
    printf '<== %s: %s in %ss\n' "$name" "$status" "${seconds[-1]}"
    [ "$status" = ok ]
}

skip() { # name reason
    names+=("$1") seconds+=("-") states+=("skipped ($2)")
    failed=1
}

# Nothing runs without the tools.
if phase setup setup; then
    phase "rustfmt" fmt-check
    phase "clippy native" clippy
    phase "clippy wasm32" clippy-wasm
    phase "cargo test (native)" test-native
    phase "local Cognito peer self-test" test-peer
    phase "browser tests (wasm32, Chromium)" test-browser
    if phase "trunk build --release" build; then
        phase "end-to-end tests (dist/)" e2e
        phase "size report (ceiling)" size
    else
        skip "end-to-end tests (dist/)" "no build"
        skip "size report (ceiling)" "no build"
    fi
fi

total=$(awk -v a="$run_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
printf '\n%-36s %9s  %s\n' "phase" "seconds" "result"
for i in "${!names[@]}"; do
    printf '%-36s %9s  %s\n' "${names[$i]}" "${seconds[$i]}" "${states[$i]}"
done
printf '%-36s %9s\n' "total" "$total"
if [ "$failed" -ne 0 ]; then
    echo "make test: FAILED" >&2
    exit 1
fi
echo "make test: all phases passed"
