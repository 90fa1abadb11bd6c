#!/bin/sh
# jatei-merge xliff and jatei-merge verdicts on 1 and 10 MB of text (BENCH_MERGE_MB, default
# "1 10"; "1 10 50" for the issue's figures): the bench corpus generator over corpora/*.txt (jatei-bench-corpus, built by
# `make bench`; without it, corpora/*.txt repeated) cut to the size, annotated by every stage
# (jatei-annotate; BENCH_MERGE_ANNOTATE=0: segmented only), exported to XLIFF 2.1, every
# segment given a target ("EN " and its source), merged back. Prints per size the inputs' bytes,
# seconds (wall, CPU: user + system), peak memory and its ratio to the inputs (TEI + XLIFF) and to
# the text, and whether the peak is within 4 times the inputs (issue 15); linear means the 10 MB
# time is about ten times the 1 MB one. Each size's second row (`verdicts`) is jatei-merge
# verdicts on the same TEI with a CSV giving a verdict on every fifth sentence: its inputs are
# the TEI and the CSV (the segments column: verdicts).
# Usage: sh tests/bench/merge-xliff.sh BUILD_DIR
set -eu
LC_ALL=C
export LC_ALL
[ $# -eq 1 ] || { echo "usage: sh tests/bench/merge-xliff.sh BUILD_DIR" >&2; exit 64; }
BUILD=$(cd "$1" && pwd)
BIN=$BUILD/tools
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/jatei-bench-merge.XXXXXX")
trap 'rm -rf "$W"' EXIT
echo "jatei-merge xliff ($(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
printf 'text_MB\tTEI_MB\tXLIFF_MB\tsegments\twall_s\tcpu_s\tpeak_MB\tRSS/in\tRSS/text\twithin_4x\n'
for mb in ${BENCH_MERGE_MB:-1 10}; do
  want=$((mb * 1000000))
  if [ -x "$BUILD/tests/bench/jatei-bench-corpus" ]; then
    "$BUILD/tests/bench/jatei-bench-corpus" corpus "$want" "$W/t.txt" "$SRC"/corpora/*.txt
  else
    : >"$W/c.txt"
    while [ "$(wc -c <"$W/c.txt")" -lt "$want" ]; do
      for f in "$SRC"/corpora/*.txt; do cat "$f"; echo; done >>"$W/c.txt"
    done
    # a character cut at the end is dropped
    head -c "$want" "$W/c.txt" | iconv -f UTF-8 -t UTF-8 -c >"$W/t.txt" 2>/dev/null || true
  fi
  if [ "${BENCH_MERGE_ANNOTATE:-1}" = 1 ]; then
    "$BIN/jatei-annotate" -q -j 1 -o "$W" "$W/t.txt"
  else
    "$BIN/jatei-segment" "$W/t.txt" >"$W/t.tei.xml"
  fi
  "$BIN/jatei-export" xliff --target-lang en "$W/t.tei.xml" -o "$W/t.xlf"
  sed 's|^\( *\)<source>\(.*\)</source>$|\1<source>\2</source>\n\1<target>EN \2</target>|' "$W/t.xlf" >"$W/tt.xlf"
  rm -f "$W/t.xlf"
  /usr/bin/time -f '%e %U %S %M' -o "$W/time" "$BIN/jatei-merge" xliff "$W/t.tei.xml" "$W/tt.xlf" --lang en \
    -o "$W/m.tei.xml" 2>"$W/err"
  segs=$(grep -o '[0-9]* sentence(s) translated' "$W/err" | cut -d' ' -f1)
  read -r wall user sys kb <"$W/time"
  text=$(wc -c <"$W/t.txt")
  tei=$(wc -c <"$W/t.tei.xml")
  xlf=$(wc -c <"$W/tt.xlf")
  awk -v text="$text" -v tei="$tei" -v xlf="$xlf" -v segs="$segs" -v wall="$wall" -v user="$user" -v sys="$sys" -v kb="$kb" 'BEGIN {
    rss = kb * 1024; inputs = tei + xlf
    printf "%.2f\t%.2f\t%.2f\t%s\t%.2f\t%.2f\t%.1f\t%.2f\t%.1f\t%s\n", text / 1e6, tei / 1e6, xlf / 1e6, segs, wall,
      user + sys, rss / 1e6, rss / inputs, rss / text, (rss <= 4 * inputs ? "met" : "NOT met")
  }'
  # jatei-merge verdicts: a verdict on every fifth sentence, by three reviewers (CSV).
  grep -o '<s xml:id="s[0-9]*"' "$W/t.tei.xml" | awk -F'"' 'BEGIN { print "id,rating,note,reviewer" }
    NR % 5 == 1 { print $2 ",Mostly true,checked against the source,Desk " NR % 3 }' >"$W/v.csv"
  /usr/bin/time -f '%e %U %S %M' -o "$W/time" "$BIN/jatei-merge" verdicts -q "$W/t.tei.xml" "$W/v.csv" -o "$W/m.tei.xml"
  read -r wall user sys kb <"$W/time"
  verdicts=$(($(wc -l <"$W/v.csv") - 1))
  vbytes=$(wc -c <"$W/v.csv")
  awk -v text="$text" -v tei="$tei" -v v="$vbytes" -v n="$verdicts" -v wall="$wall" -v user="$user" -v sys="$sys" -v kb="$kb" 'BEGIN {
    rss = kb * 1024; inputs = tei + v
    printf "verdicts\t%.2f\t%.2f\t%.2f (CSV)\t%s\t%.2f\t%.2f\t%.1f\t%.2f\t%.1f\t%s\n", text / 1e6, tei / 1e6, v / 1e6, n, wall,
      user + sys, rss / 1e6, rss / inputs, rss / text, (rss <= 4 * inputs ? "met" : "NOT met")
  }'
  rm -f "$W/m.tei.xml" "$W/tt.xlf" "$W/t.tei.xml" "$W/v.csv"
done
