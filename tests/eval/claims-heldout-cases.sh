#!/bin/sh
# Prints the pass rate of jatei-claims on the held-out conformance table
# (tests/data/claims/heldout-cases.tsv), and nothing of its text: the table is kept aside to
# measure whether the rules generalise; never read it while writing or tuning rules.
# Usage: tests/eval/claims-heldout-cases.sh [BUILD_DIR]   (default build)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
exe=$build/tests/jatei-claims-cases
[ -x "$exe" ] || { echo "claims-heldout-cases: $exe not built (cmake --build $build --target jatei-claims-cases)" >&2; exit 77; }
exec "$exe" "$here/tests/data/claims/heldout-cases.tsv" --rate-only
