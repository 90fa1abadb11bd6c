#!/bin/sh
# Regenerates the golden files: tests/golden/expected/<article>.tei.xml = jatei-segment of each
# corpora/<article>.txt (the tuning set only; corpora/heldout/ stays unseen).
#
#   tests/golden/update.sh [BIN_DIR]     # BIN_DIR: the built tools (default $JATEI_BIN or build/tools)
#
# A change in the expected output is a change in behaviour: review every one with
#   git diff tests/golden/expected/
# before committing it, and say in the commit message why the output changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=${1:-${JATEI_BIN:-$src/build/tools}}
[ -x "$bin/jatei-segment" ] || { echo "update.sh: no $bin/jatei-segment (build first, or give BIN_DIR)" >&2; exit 66; }
out="$here/expected"
mkdir -p "$out"
tmp=$(mktemp "$out/.update.XXXXXX")
trap 'rm -f "$tmp"' EXIT
changed=0
for f in "$src"/corpora/*.txt; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .txt)
  "$bin/jatei-segment" "$f" >"$tmp"
  if ! cmp -s "$tmp" "$out/$name.tei.xml" 2>/dev/null; then
    cp "$tmp" "$out/$name.tei.xml"
    echo "updated $name.tei.xml"
    changed=$((changed + 1))
  fi
done
# expected files whose article is gone
for e in "$out"/*.tei.xml; do
  [ -f "$e" ] || continue
  name=$(basename "$e" .tei.xml)
  if [ ! -f "$src/corpora/$name.txt" ]; then
    rm -f "$e"
    echo "removed $name.tei.xml (no corpora/$name.txt)"
    changed=$((changed + 1))
  fi
done
echo "$changed golden file(s) changed; review them with: git diff tests/golden/expected/"
