#!/bin/sh
# tests/fuzz/replay.sh REPLAY NAME: runs a harness's checks (the fuzz_replay_NAME executable)
# over tests/fuzz/regressions/NAME/ and the seeds of NAME. A CTest in every build.
set -eu
replay=$1
name=$2
here=$(cd "$(dirname "$0")" && pwd)
seeds=$(mktemp -d "${TMPDIR:-/tmp}/jatei-seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
sh "$here/seeds.sh" "$name" "$seeds"
set -- "$seeds"
[ -d "$here/regressions/$name" ] && set -- "$here/regressions/$name" "$@"
"$replay" "$@"
