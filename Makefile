# Thin wrapper over CMake. `make demo` and `make test` install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
DEMO_IN ?= corpora/lecture-quantum.txt
DEMO_OUT ?= out/demo

.PHONY: all deps build test demo bench install clean sanitize

all: build

deps:
	@tools/install-deps.sh

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# AddressSanitizer + UBSan build of everything, then every test.
sanitize:
	@tools/install-deps.sh
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJATEI_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

demo: build
	@sh examples/demo.sh $(BUILD)/tools $(DEMO_IN) $(DEMO_OUT)

bench:
	@tools/install-deps.sh --bench
	@$(MAKE) --no-print-directory build
	@sh tests/bench/run.sh $(BUILD)
	@BENCH_TERMS_MB=$${BENCH_TERMS_MB:-5} sh tests/bench/terms.sh $(BUILD)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) build-asan out
