#!/bin/sh
# tests/fuzz/run.sh [--short] [SECONDS]: builds the libFuzzer harnesses with Clang, ASan and
# UBSan (in build-fuzz/, or $FUZZ_BUILD) and runs each for SECONDS (default $FUZZ_SECONDS or
# 180), starting from the seeds (tests/fuzz/seeds.sh), the regression inputs and what earlier
# runs kept (build-fuzz/corpus/NAME), with jatei.dict. --short (what `make test` runs): a fixed
# seed and a fixed number of executions per harness (about 20 s each), from the seeds and the
# regression inputs only. libFuzzer's exploration still varies from run to run (even with the seed
# fixed, two runs add different inputs), so a run can find what an earlier one missed.
# Prints each harness's executions; a crash or broken check stops with its input saved in
# build-fuzz/artifacts/NAME/ (replay it with build-fuzz/tests/fuzz/fuzz_NAME FILE; once fixed,
# copy it into tests/fuzz/regressions/NAME/ so that the fuzz.replay.NAME test keeps it).
# Without clang++ or its libFuzzer runtime (Debian: clang, libclang-rt-14-dev): a note, exit 0
# under --short, exit 1 otherwise. FUZZ_HARNESSES="tei xliff" runs only those.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
short=0
if [ "${1:-}" = --short ]; then short=1; shift; fi
seconds=${1:-${FUZZ_SECONDS:-180}}
[ "$short" = 1 ] && [ -z "${1:-}" ] && seconds=20
build=${FUZZ_BUILD:-$src/build-fuzz}
harnesses=${FUZZ_HARNESSES:-segment tei xliff verdicts tbx rules lexicon}
jobs=${JOBS:-2}

unavailable() {
  echo "fuzz: $1; the fuzzing runs are skipped (install clang and libclang-rt-14-dev, or run tools/install-deps.sh)"
  [ "$short" = 1 ] && exit 0
  exit 1
}
cxx=${FUZZ_CXX:-clang++}
command -v "$cxx" >/dev/null 2>&1 || unavailable "$cxx not found"
probe=$(mktemp -d "${TMPDIR:-/tmp}/jatei-fuzz-probe.XXXXXX")
trap 'rm -rf "$probe"' EXIT
printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' >"$probe/p.cpp"
"$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1 ||
  unavailable "$cxx cannot link a libFuzzer target (no libFuzzer runtime)"

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" -DJATEI_FUZZ=ON \
    -DBUILD_TESTING=ON $launcher >"$probe/configure.log" 2>&1 || { cat "$probe/configure.log" >&2; exit 1; }
fi
targets=""
for h in $harnesses; do targets="$targets --target fuzz_$h"; done
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" $targets >"$probe/build.log" 2>&1 || { tail -n 40 "$probe/build.log" >&2; exit 1; }

# Executions of each harness under --short: about 20 s each on an idle machine of two cores.
short_runs() {
  case $1 in
    segment) echo 2000 ;; tei) echo 1500 ;; lexicon) echo 3000 ;; tbx) echo 10000 ;;
    rules) echo 8000 ;; verdicts) echo 10000 ;; xliff) echo 40000 ;; *) echo 2000 ;;
  esac
}

status=0
if [ "$short" = 1 ]; then
  echo "fuzz: a fixed seed and a fixed number of executions per harness (at most $((seconds * 3)) s each), ASan + UBSan, $build"
else
  echo "fuzz: $seconds s per harness, ASan + UBSan, $build"
fi
for h in $harnesses; do
  corpus="$build/corpus/$h"
  seeds="$build/seeds/$h"
  art="$build/artifacts/$h"
  rm -rf "$seeds"
  mkdir -p "$corpus" "$art"
  sh "$here/seeds.sh" "$h" "$seeds"
  if [ "$short" = 1 ]; then
    # A fixed seed, a fixed number of executions from the seeds and regression inputs only
    # (never what earlier runs kept), capped in time on a slow machine; `make fuzz` explores
    # longer. Not fully reproducible: libFuzzer's exploration varies between runs.
    limits="-seed=1 -runs=$(short_runs "$h") -max_total_time=$((seconds * 3))"
    set -- "$seeds"
  else
    limits="-max_total_time=$seconds"
    set -- "$corpus" "$seeds"
  fi
  [ -d "$here/regressions/$h" ] && set -- "$@" "$here/regressions/$h"
  log="$build/fuzz-$h.log"
  # -rss_limit_mb: the harnesses hold a document or two; more is a leak or a blow-up.
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/fuzz_$h" $limits -timeout=25 -rss_limit_mb=3072 \
    -dict="$here/jatei.dict" -artifact_prefix="$art/" -print_final_stats=1 "$@" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    echo "fuzz_$h: ${execs:-?} executions, ${cov:-cov: ?}, nothing found"
  else
    status=1
    echo "fuzz_$h: FOUND SOMETHING (see $log; input in $art/)" >&2
    grep -E "ERROR|SUMMARY|fuzz check failed|Test unit written" "$log" | head -n 8 >&2 || true
  fi
done
exit $status
