# The two commands of the contract: `make run` and `make test` (see README.md).
BUILD_DIR ?= build
ASAN_BUILD_DIR ?= build-asan
DATA_DIR ?= var/demo
JOBS ?= $(shell nproc)
KENES := $(BUILD_DIR)/src/cli/kenes

.PHONY: all bootstrap build web test-web run test test-sanitized bench fuzz fuzz-build fuzz-run clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The web UI (web/, Vite) into web/dist, which `kenes serve` serves at /.
web: bootstrap
	@cd web && npm run --silent build

# The web UI's end-to-end tests: chromium against a `kenes serve` they start (web/e2e/).
test-web: build web
	@cd web && KENES_BINARY=$(abspath $(KENES)) E2E_OUTPUT=$(abspath $(BUILD_DIR))/web-e2e npm run --silent e2e

# A node on 127.0.0.1:$(PORT) with the demo scenario and its demo users (scripts/demo-node).
PORT ?= 8080
run: build web
	@scripts/demo-node $(KENES) $(DATA_DIR) $(PORT)

# Every test, then each fuzz target briefly (FUZZ_SMOKE_SECONDS) on top of its corpus.
FUZZ_SMOKE_SECONDS ?= 10
test: build fuzz-build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory test-web
	@$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

# Unit tests under AddressSanitizer and UndefinedBehaviorSanitizer; any finding fails.
test-sanitized: bootstrap
	@cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug -DKENES_SANITIZE=ON > /dev/null
	@cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	@cd $(ASAN_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

bench: build
	@$(BUILD_DIR)/bench/bench_ingest
	@$(BUILD_DIR)/bench/bench_visibility
	@$(BUILD_DIR)/bench/bench_http
	@$(BUILD_DIR)/bench/bench_patterns
	@$(BUILD_DIR)/bench/bench_correlate
	@$(MAKE) --no-print-directory web && node bench/web_bundle_size.mjs web/dist

# Each libFuzzer target for FUZZ_SECONDS, built with clang, seeded with the shared OASIS examples
# and our own pattern seeds; new inputs found go to $(FUZZ_BUILD_DIR)/corpus.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := stix_reader_fuzz pattern_parser_fuzz pattern_matcher_fuzz
fuzz-build: bootstrap
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKENES_FUZZ=ON > /dev/null
	@cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)

fuzz: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@mkdir -p $(FUZZ_BUILD_DIR)/corpus/stix $(FUZZ_BUILD_DIR)/corpus/pattern $(FUZZ_BUILD_DIR)/corpus/matcher
	@$(FUZZ_BUILD_DIR)/fuzz/stix_reader_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
	  $(FUZZ_BUILD_DIR)/corpus/stix ../shared/stix2-json-schemas/examples ../shared/stix2-json-schemas/examples/threat-reports
	@$(FUZZ_BUILD_DIR)/fuzz/pattern_parser_fuzz -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  $(FUZZ_BUILD_DIR)/corpus/pattern fuzz/corpus/pattern
	@$(FUZZ_BUILD_DIR)/fuzz/pattern_matcher_fuzz -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  $(FUZZ_BUILD_DIR)/corpus/matcher fuzz/corpus/pattern

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR)
