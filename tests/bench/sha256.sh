#!/bin/sh
# SHA-256, which every output's header carries for its source: jatei::Sha256 (the library,
# OpenSSL's libcrypto behind it), OpenSSL's EVP and nettle called directly, and the project's
# former own implementation (portable C++ and SHA-NI), on BENCH_SHA_MB (default 8) MB fed a
# megabyte at a time, each the median of BENCH_SHA_RUNS (default 9) runs, interleaved, in the
# thread's processor time. Fails when the digests differ. Needs nettle (tools/install-deps.sh
# --bench); skipped with a note without it.
# Usage: sh tests/bench/sha256.sh BUILD_DIR
set -eu
[ $# -eq 1 ] || { echo "usage: sh tests/bench/sha256.sh BUILD_DIR" >&2; exit 64; }
B=$(cd "$1" && pwd)
if ! cmake --build "$B" --target jatei-bench-sha256 >"$B/bench-sha256.log" 2>&1; then
  echo "sha256: not built (nettle-dev missing? see $B/bench-sha256.log); skipped"
  exit 0
fi
echo
"$B/tests/bench/jatei-bench-sha256" "${BENCH_SHA_MB:-8}" "${BENCH_SHA_RUNS:-9}"
