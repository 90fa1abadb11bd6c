#!/bin/sh
# jatei-merge xliff on 1 and 10 MB of text (BENCH_MERGE_MB, default "1 10"): articles of
# corpora/ repeated to the size, segmented, exported to XLIFF 2.1 with every segment given a
# target, merged back. Prints seconds (wall, user) and peak memory per size; linear means the
# 10 MB time is about ten times the 1 MB one.
# Usage: sh tests/bench/merge-xliff.sh BUILD_DIR
set -eu
LC_ALL=C
export LC_ALL
[ $# -eq 1 ] || { echo "usage: sh tests/bench/merge-xliff.sh BUILD_DIR" >&2; exit 64; }
BIN=$(cd "$1" && pwd)/tools
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/jatei-bench-merge.XXXXXX")
trap 'rm -rf "$W"' EXIT
printf 'MB\tsegments\twall_s\tuser_s\tpeak_KB\n'
for mb in ${BENCH_MERGE_MB:-1 10}; do
  want=$((mb * 1000000))
  : >"$W/c.txt"
  while [ "$(wc -c <"$W/c.txt")" -lt "$want" ]; do
    for f in "$SRC"/corpora/*.txt; do cat "$f"; echo; done >>"$W/c.txt"
  done
  # a character cut at the end is dropped
  head -c "$want" "$W/c.txt" | iconv -f UTF-8 -t UTF-8 -c >"$W/t.txt" 2>/dev/null || true
  "$BIN/jatei-segment" "$W/t.txt" >"$W/t.tei.xml"
  "$BIN/jatei-export" xliff --target-lang en "$W/t.tei.xml" -o "$W/t.xlf"
  sed 's|^\( *\)<source>\(.*\)</source>$|\1<source>\2</source>\n\1<target>T</target>|' "$W/t.xlf" >"$W/tt.xlf"
  /usr/bin/time -f '%e %U %M' -o "$W/time" "$BIN/jatei-merge" xliff "$W/t.tei.xml" "$W/tt.xlf" --lang en \
    -o "$W/m.tei.xml" 2>"$W/err"
  segs=$(grep -o '[0-9]* sentence(s) translated' "$W/err" | cut -d' ' -f1)
  read -r wall user kb <"$W/time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$mb" "$segs" "$wall" "$user" "$kb"
done
