# Cognito Pool Console: every command the project runs. `make serve` and `make test` install
# what is missing first (tools/setup.sh), so they are all a fresh Debian machine needs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# trunk finds wasm-opt (npm binaryen) and wasm-bindgen here first; never Debian's binaryen.
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM := wasm32-unknown-unknown
# Every browser test file: tests/browser.rs, tests/browser_form.rs, ...
BROWSER_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/browser*.rs))
DIST := $(CURDIR)/dist
SCREENSHOTS := $(CURDIR)/target/screenshots
# The release build runs without any network when the machine can make a network namespace:
# proof that neither trunk nor cargo downloads anything. Otherwise trunk's --offline still
# turns any download into an error.
NO_NET := $(shell if unshare -n true 2>/dev/null; then echo unshare -n; \
	elif unshare -rn true 2>/dev/null; then echo unshare -rn; fi)

.PHONY: help setup check-tools serve test fmt fmt-check lint clippy clippy-wasm test-native \
	test-peer test-browser build bench floor e2e size size-breakdown profile-keys clean fuzz

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-13s %s\n", $$1, $$2 }'

setup: ## Install what is missing (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, Chromium, npm deps, tools/venv)
	@tools/setup.sh

check-tools: ## Fail if trunk would download a tool (versions on PATH vs Trunk.toml and Cargo.lock) or tools/venv is stale
	@tools/check-tools.sh

serve: setup ## Build and serve the app on http://127.0.0.1:8080/, rebuilding on change
	trunk serve --offline

test: ## Install what is missing, then run every check and test, timing each phase
	@tools/test.sh

fmt: ## Format the crate (and crates/wasm-streams)
	cargo fmt --all

fmt-check: ## Check formatting
	cargo fmt --all --check

lint: clippy clippy-wasm ## Clippy for both targets

clippy: ## Clippy, native, warnings denied
	cargo clippy --all-targets -- -D warnings

clippy-wasm: ## Clippy for wasm32 (and crates/wasm-streams), warnings denied
	cargo clippy --all-targets --target $(WASM) -- -D warnings
	cargo clippy -p wasm-streams --target $(WASM) -- -D warnings

test-native: ## Native unit and integration tests
	cargo test

test-peer: ## Self-test of the local Cognito peer (moto) used by the end-to-end tests
	tools/venv/bin/python -m unittest discover --verbose --start-directory tests/peer --pattern 'test_*.py'

test-browser: ## Browser tests (tests/browser*.rs) in headless Chromium via wasm-bindgen-test-runner
	cargo test --target $(WASM) $(BROWSER_TESTS)

build: check-tools ## Release build into dist/ (trunk, wasm-opt -Oz, offline)
	$(NO_NET) trunk build --release --offline

bench: build floor ## Sizes and speed of the release build vs the one-input floor page, and native timings
	cd tests/e2e && DIST=$(DIST) FLOOR_DIST=$(CURDIR)/target/floor-dist node bench.mjs
	cargo bench --bench validate

profile-keys: build ## Where a keystroke's time goes: the form under Chromium's profiler, by function
	bash tools/profile-keys.sh

floor: check-tools ## Release build of bench/floor (one input, one finding) into target/floor-dist/
	cd bench/floor && $(NO_NET) trunk build --release --offline

e2e: ## End-to-end tests of dist/ in Chromium (run `make build` first)
	@test -f $(DIST)/index.html || { echo "no $(DIST)/index.html: run make build first" >&2; exit 1; }
	cd tests/e2e && DIST=$(DIST) SCREENSHOTS=$(SCREENSHOTS) node --test --test-reporter=spec

# The most the release build (every file of dist/, gzip -9) may weigh: a ratchet, set a little
# above the build of the last size cut and lowered with each one, so that no change makes the
# page heavier unnoticed. Issue 5 asks for 200,000 B (and 124,000 as the goal).
SIZE_CEILING := 214200

size: ## Raw and gzip -9 sizes of the files in dist/; fails above SIZE_CEILING bytes gzip
	@CEILING=$(SIZE_CEILING) tools/size.sh $(DIST)

size-breakdown: check-tools ## Where the wasm's bytes go: twiggy sizes by crate, largest data and functions
	@tools/size-breakdown.sh

fuzz: ## Fuzz JSON import, credentials, Describe mapping and validation, FUZZ_SECONDS (60) each
	@tools/fuzz.sh

clean: ## Remove build output (target/, dist/)
	cargo clean
	rm -rf $(DIST)
