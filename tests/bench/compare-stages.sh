#!/bin/sh
# The stages' time, two sets of tools side by side in one run: for a change that must make no
# stage slower (a refactoring), the tools before it against the tools after it.
#
#   sh tests/bench/compare-stages.sh BUILD_DIR OLD_TOOLS_DIR NEW_TOOLS_DIR
#
# BUILD_DIR gives the bench helpers (jatei-bench-corpus, jatei-bench-run: target
# jatei-bench-tools, built here if missing). The corpus is the bench's (corpora/ and
# corpora/heldout/ shuffled round after round), BENCH_MB large (default 5); its TEI after each
# stage is made once by the old tools. Then each stage (jatei-segment, jatei-speakers,
# jatei-claims, jatei-terms, jatei-text, jatei-export xliff) runs BENCH_RUNS times (default 5)
# for each set, in turns (old, new, old, new…), so that both see the same machine; the table
# gives the median wall and CPU seconds of each and new/old (above 1: the new one is slower).
# Outputs of the two sets are compared too (cmp): a refactoring writes the same bytes.
set -eu
LC_ALL=C
export LC_ALL
if [ $# -ne 3 ]; then
  echo "usage: sh tests/bench/compare-stages.sh BUILD_DIR OLD_TOOLS_DIR NEW_TOOLS_DIR" >&2
  exit 64
fi
B=$(cd "$1" && pwd)
OLD=$(cd "$2" && pwd)
NEW=$(cd "$3" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
HB=$B/tests/bench
RUNS=${BENCH_RUNS:-5}
MB=${BENCH_MB:-5}
if [ ! -x "$HB/jatei-bench-run" ] || [ ! -x "$HB/jatei-bench-corpus" ]; then
  cmake --build "$B" --target jatei-bench-tools -j 2 >"$B/bench-build.log" 2>&1 ||
    { tail -20 "$B/bench-build.log" >&2; exit 1; }
fi
WORK=$HB/compare
rm -rf "$WORK"
mkdir -p "$WORK"
CORPUS=$WORK/corpus.txt
set -- "$SRC"/corpora/*.txt "$SRC"/corpora/heldout/*.txt
"$HB/jatei-bench-corpus" corpus $((MB * 1000000)) "$CORPUS" "$@"
# The inputs of each stage, made once by the old tools.
"$OLD/jatei-segment" "$CORPUS" >"$WORK/segmented.xml"
"$OLD/jatei-speakers" "$WORK/segmented.xml" >"$WORK/speakers.xml"
"$OLD/jatei-claims" "$WORK/speakers.xml" >"$WORK/claims.xml"
"$OLD/jatei-terms" "$WORK/claims.xml" >"$WORK/annotated.xml"
LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# stage NAME TOOL ARGS...: RUNS runs of each set in turns; one row of the table.
ROWS=$WORK/rows.txt
: >"$ROWS"
stage() {
  name=$1
  tool=$2
  shift 2
  for set in old new; do : >"$WORK/$set.wall"; : >"$WORK/$set.cpu"; done
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    for set in old new; do
      if [ "$set" = old ]; then dir=$OLD; else dir=$NEW; fi
      "$HB/jatei-bench-run" "$WORK/result" "$dir/$tool" "$@" >"$WORK/$set.out" 2>/dev/null
      read -r w _ st c <"$WORK/result"
      [ "$st" = 0 ] || { echo "compare-stages: $name ($set) exited $st" >&2; exit 1; }
      echo "$w" >>"$WORK/$set.wall"
      echo "$c" >>"$WORK/$set.cpu"
    done
  done
  same=same
  cmp -s "$WORK/old.out" "$WORK/new.out" || same=DIFFER
  ow=$(median "$WORK/old.wall") nw=$(median "$WORK/new.wall")
  oc=$(median "$WORK/old.cpu") nc=$(median "$WORK/new.cpu")
  printf '%s|%s|%s|%s|%s|%s\n' "$name" "$ow" "$nw" "$oc" "$nc" "$same" >>"$ROWS"
}

stage jatei-segment jatei-segment "$CORPUS"
stage jatei-speakers jatei-speakers "$WORK/segmented.xml"
stage jatei-claims jatei-claims "$WORK/speakers.xml"
stage jatei-terms jatei-terms "$WORK/claims.xml"
stage jatei-text jatei-text "$WORK/annotated.xml"
stage "jatei-export xliff" jatei-export xliff "$WORK/annotated.xml"

echo "compare-stages: $(wc -c <"$CORPUS" | tr -d ' ') bytes of text, $RUNS runs of each set in turns," \
  "load average $LOAD before the runs"
echo "old: $OLD"
echo "new: $NEW"
printf '%-18s %10s %10s %8s %10s %10s %8s  %s\n' stage "old wall" "new wall" "new/old" "old CPU" "new CPU" "new/old" output
while IFS='|' read -r n ow nw oc nc same; do
  printf '%-18s %10s %10s %8s %10s %10s %8s  %s\n' "$n" "$ow" "$nw" \
    "$(awk -v a="$nw" -v b="$ow" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')" "$oc" "$nc" \
    "$(awk -v a="$nc" -v b="$oc" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')" "$same"
done <"$ROWS"
