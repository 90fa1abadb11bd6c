# Thin wrapper over CMake. `make demo` and `make test` install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
DEMO_IN ?= corpora/lecture-quantum.txt
DEMO_OUT ?= out/demo

FUZZ_SECONDS ?= 180

.PHONY: all deps build tools test demo bench install clean sanitize fuzz

all: build

deps:
	@tools/install-deps.sh

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

# Every test, then a short run of each fuzzing harness (fixed seed and executions,
# about 20 s each) where Clang and libFuzzer are installed.
# With Clang: make test CXX=clang++ BUILD=build-clang (or the CMake preset "clang").
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@JOBS=$(JOBS) sh tests/fuzz/run.sh --short

# libFuzzer with ASan + UBSan on every reader, FUZZ_SECONDS (180) each (tests/fuzz/README.md).
fuzz:
	@tools/install-deps.sh
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) sh tests/fuzz/run.sh

# AddressSanitizer + UBSan build of everything, then every test.
sanitize:
	@tools/install-deps.sh
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJATEI_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# The tools only: the demo needs no tests built (the whole build took 25 minutes on a loaded
# two-core machine, the tools alone a fraction of it).
tools: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS) --target jatei-tools

demo: tools
	@sh examples/demo.sh $(BUILD)/tools $(DEMO_IN) $(DEMO_OUT)

bench:
	@tools/install-deps.sh --bench
	@$(MAKE) --no-print-directory build
	@sh tests/bench/run.sh $(BUILD)
	@BENCH_TERMS_MB=$${BENCH_TERMS_MB:-5} sh tests/bench/terms.sh $(BUILD)
	@sh tests/bench/merge-xliff.sh $(BUILD)
	@sh tests/bench/sha256.sh $(BUILD)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-clang build-fuzz out
