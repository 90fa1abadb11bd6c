#!/bin/sh
# Scores the pipeline on every article with a gold file: the seed (../shared), corpora/ (tuning
# and held-out reported separately) and the speaker test texts of tests/data/speakers/ (set
# "tests": label shapes and unlabelled dialogues the corpora lack; tuning material too).
# Usage: tests/eval/score-corpora.sh [BIN_DIR] [PIPELINE]
#   BIN_DIR   folder of the built tools (default build/tools)
#   PIPELINE  stages after jatei-segment, e.g. "speakers claims terms" (default: every stage
#             tool found in BIN_DIR). With no stage, scores with --no-speakers.
# Prints one TSV line per article and metric: set, article, metric, value. For a table per
# article and the pooled (micro-averaged) claims figures per set, pipe it to tests/eval/summary.py.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/tools}
shared=${JATEI_SHARED:-$here/../shared}
score=$shared/eval/score.py
[ -f "$score" ] || { echo "score-corpora: $score not found" >&2; exit 77; }
if [ $# -ge 2 ]; then stages=$2; else
  stages=""
  for s in speakers claims terms; do [ -x "$bin/jatei-$s" ] && stages="$stages $s"; done
fi
flags=""
case " $stages " in *" speakers "*) ;; *) flags="--no-speakers" ;; esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run() {  # set, txt, gold
  name=$(basename "$2" .txt)
  "$bin/jatei-segment" "$2" > "$tmp/$name.0.xml"
  i=0
  for s in $stages; do
    "$bin/jatei-$s" "$tmp/$name.$i.xml" > "$tmp/$name.$((i+1)).xml"
    i=$((i+1))
  done
  python3 "$score" "$tmp/$name.$i.xml" "$3" $flags | sed "s/^/$1\t/"
}
[ -f "$shared/corpora/deepseek-r1-lecture.txt" ] &&
  run seed "$shared/corpora/deepseek-r1-lecture.txt" "$shared/corpora/deepseek-r1-lecture.gold.json"
for f in "$here"/corpora/*.txt; do run tuning "$f" "${f%.txt}.gold.json"; done
for f in "$here"/corpora/heldout/*.txt; do run heldout "$f" "${f%.txt}.gold.json"; done
for f in "$here"/tests/data/speakers/*.txt; do run tests "$f" "${f%.txt}.gold.json"; done
