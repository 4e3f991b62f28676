#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target of fuzz/ for FUZZ_SECONDS (default 60) seconds and
# prints, per target, the seconds, the executions, executions per second and the findings
# (crash, timeout, out-of-memory or leak reproducers written under fuzz/artifacts/<target>/).
# Exits non-zero when a target finds something or cannot run.
#
#   FUZZ_SECONDS=300 make fuzz            # longer runs
#   FUZZ_TARGETS="credentials" make fuzz  # some targets only
#   FUZZ_SANITIZER=address make fuzz      # with AddressSanitizer (nightly only, about 5x slower)
#   FUZZ_TOOLCHAIN=stable make fuzz       # stable even when nightly is installed
#
# Installs cargo-fuzz when it is missing. Uses the nightly toolchain when one is installed, else
# stable. Both build with `--sanitizer none` unless FUZZ_SANITIZER says otherwise: the crate has
# no `unsafe` code, so AddressSanitizer would find next to nothing that Rust's own checks (bounds,
# overflow checks and debug assertions, on in cargo-fuzz's default build) do not, at a fifth of
# the executions per second. The corpus each run grows is kept in fuzz/corpus-run/<target>/
# (ignored by git), seeded from the committed seeds in fuzz/corpus/<target>/ and from
# tests/fixtures/; the committed seeds are only read.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-json_import credentials describe validate}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RUN_DIR=$ROOT/fuzz/corpus-run
LOG_DIR=$RUN_DIR/logs

say() { printf 'fuzz: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[[ $SECONDS_PER_TARGET =~ ^[1-9][0-9]*$ ]] || die "FUZZ_SECONDS must be a whole number of seconds, not '$SECONDS_PER_TARGET'"
for target in $TARGETS; do
	[[ -f fuzz/fuzz_targets/$target.rs ]] || die "no fuzz target '$target' (fuzz/fuzz_targets/$target.rs)"
done

# --- cargo-fuzz -------------------------------------------------------------------------------
if ! cargo fuzz --version >/dev/null 2>&1; then
	say "installing cargo-fuzz (cargo install cargo-fuzz --locked, about a minute)"
	if ! cargo install cargo-fuzz --locked; then
		say "cargo install cargo-fuzz --locked failed; trying without --locked"
		cargo install cargo-fuzz || die "could not install cargo-fuzz"
	fi
fi
say "$(cargo fuzz --version)"

# --- toolchain --------------------------------------------------------------------------------
# cargo-fuzz's sanitizers need nightly (-Zsanitizer); without one, stable builds the targets with
# libFuzzer's coverage instrumentation alone (`--sanitizer none`).
# FUZZ_TOOLCHAIN=stable forces stable.
SANITIZER=${FUZZ_SANITIZER:-none}
if [[ -n ${FUZZ_TOOLCHAIN:-} ]]; then
	TOOLCHAIN=+$FUZZ_TOOLCHAIN
elif rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
	TOOLCHAIN=+nightly
else
	TOOLCHAIN=+stable
fi
if [[ $SANITIZER != none && $TOOLCHAIN != +nightly* ]]; then
	die "FUZZ_SANITIZER=$SANITIZER needs the nightly toolchain (rustup toolchain install nightly); $TOOLCHAIN runs only with FUZZ_SANITIZER=none"
fi
say "toolchain $TOOLCHAIN ($(rustc "$TOOLCHAIN" --version)), sanitizer $SANITIZER"

say "building the fuzz targets"
# shellcheck disable=SC2086 # TARGETS is a list of words
for target in $TARGETS; do
	if ! cargo "$TOOLCHAIN" fuzz build --sanitizer "$SANITIZER" "$target"; then
		if [[ $TOOLCHAIN != +nightly* ]]; then
			die "the fuzz targets do not build with $TOOLCHAIN and --sanitizer none: cargo-fuzz needs the nightly toolchain here (rustup toolchain install nightly), then run make fuzz again"
		fi
		die "building fuzz target $target failed (see above)"
	fi
done

# --- seeds and dictionaries -------------------------------------------------------------------
mkdir -p "$LOG_DIR"
seed() { # seed TARGET FILE...: copy fixtures into the run corpus (never overwriting)
	local target=$1
	shift
	mkdir -p "$RUN_DIR/$target"
	for file in "$@"; do
		[[ -f $file ]] && cp -n "$file" "$RUN_DIR/$target/fixture-$(basename "$(dirname "$file")")-$(basename "$file")"
	done
	return 0
}
shopt -s nullglob
requests=()
for file in tests/fixtures/requests/*.json; do
	[[ $file == */expected.json ]] || requests+=("$file") # expected.json: findings, not a request
done
describes=()
goldens=()
for file in tests/fixtures/describe/*.json; do
	if [[ $file == *.expected.json ]]; then goldens+=("$file"); else describes+=("$file"); fi
done
seed json_import "${requests[@]}" "${describes[@]}"
seed describe "${describes[@]}" tests/fixtures/requests/describe_*.json
seed validate "${requests[@]}" "${goldens[@]}" tests/fixtures/maximal_request.json
mkdir -p "$RUN_DIR/credentials"

# The JSON targets' dictionary: every member name and enum value of the field table's fixture.
JSON_DICT=$RUN_DIR/request.dict
if command -v python3 >/dev/null && [[ -f tests/fixtures/model_paths.json ]]; then
	python3 - tests/fixtures/model_paths.json >"$JSON_DICT" <<-'EOF'
		import json, re, sys
		words = set()
		for field in json.load(open(sys.argv[1])):
		    for part in re.split(r"[.\[\]{}]+", field["path"]):
		        if part and part not in ("key", "value"):
		            words.add(part)
		    words.update(field.get("enum") or [])
		for word in sorted(words):
		    print(json.dumps(json.dumps(word)))
		for token in ['{"', '":', '":{', '":[', '":"', '",', '},', '],', "null", "true", "false", "-1", "1e3"]:
		    print(json.dumps(token))
	EOF
fi
dict_for() {
	case $1 in
	credentials) echo "$ROOT/fuzz/dict/credentials.dict" ;;
	*) if [[ -s $JSON_DICT ]]; then echo "$JSON_DICT"; fi ;;
	esac
}

# --- runs -------------------------------------------------------------------------------------
declare -A EXECS RATE FOUND STATUS
failed=0
for target in $TARGETS; do
	log=$LOG_DIR/$target.log
	artifacts=$ROOT/fuzz/artifacts/$target
	mkdir -p "$artifacts"
	before=$(find "$artifacts" -type f | wc -l)
	args=(-max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -timeout="$TIMEOUT")
	dict=$(dict_for "$target")
	[[ -n $dict ]] && args+=(-dict="$dict")
	corpora=("$RUN_DIR/$target")
	[[ -d fuzz/corpus/$target ]] && corpora+=("$ROOT/fuzz/corpus/$target")
	say "running $target for ${SECONDS_PER_TARGET}s (log: ${log#"$ROOT"/})"
	if cargo "$TOOLCHAIN" fuzz run --sanitizer "$SANITIZER" "$target" "${corpora[@]}" -- "${args[@]}" >"$log" 2>&1; then
		STATUS[$target]=ok
	else
		STATUS[$target]="exit $?"
	fi
	EXECS[$target]=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	RATE[$target]=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	FOUND[$target]=$(($(find "$artifacts" -type f | wc -l) - before))
	if [[ ${STATUS[$target]} != ok || ${FOUND[$target]} -gt 0 ]]; then
		failed=1
		say "$target: ${STATUS[$target]}, ${FOUND[$target]} new finding(s); the end of its log:"
		tail -n 40 "$log" >&2
		grep -h -E '^(Failing input|Reproduce with|Output of)|cargo fuzz (run|tmin) ' "$log" >&2 || true
	fi
done

# --- summary ----------------------------------------------------------------------------------
printf '\n%-12s %8s %12s %9s %9s  %s\n' target seconds executions exec/s findings status
for target in $TARGETS; do
	printf '%-12s %8s %12s %9s %9s  %s\n' "$target" "$SECONDS_PER_TARGET" "${EXECS[$target]:-?}" \
		"${RATE[$target]:-?}" "${FOUND[$target]}" "${STATUS[$target]}"
done
printf '\n(toolchain %s, sanitizer %s; corpora in fuzz/corpus-run/, reproducers in fuzz/artifacts/<target>/)\n' \
	"$TOOLCHAIN" "$SANITIZER"
if ((failed)); then
	say "a target found a crash or could not run: reproduce with cargo $TOOLCHAIN fuzz run --sanitizer $SANITIZER <target> <file>, minimise with cargo $TOOLCHAIN fuzz tmin --sanitizer $SANITIZER <target> <file>"
	exit 1
fi
