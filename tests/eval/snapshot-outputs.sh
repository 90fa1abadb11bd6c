#!/bin/sh
# Runs every tool on every article of corpora/ and corpora/heldout/ and on the tests' texts
# (tests/data/*/*.txt: the speaker test texts, the export fixtures) and keeps what each wrote,
# so that a change meant to keep the outputs (a refactoring) can be checked byte for byte:
#
#   sh tests/eval/snapshot-outputs.sh OLD_BUILD/tools /tmp/before
#   sh tests/eval/snapshot-outputs.sh NEW_BUILD/tools /tmp/after
#   sh tests/eval/snapshot-outputs.sh --compare /tmp/before /tmp/after
#
# Per article: jatei-segment, each stage alone and jatei-annotate (all stages), jatei-text,
# --explain of each stage (standard error), jatei-terms --list and --candidates, every export
# (XLIFF 2.1 and 1.2 prefilled, TBX 2019 and 2008, claims as JSON Lines, CSV and ClaimReview,
# the review page), then verdicts (made from the claims' ids) and a translation (the prefilled
# XLIFF marked translated) merged back, and the exports of the merged document. Exit codes and
# standard error are kept too. The held-out texts are never printed: --compare prints only the
# names of the files that differ, and counts.
set -eu
LC_ALL=C.UTF-8
export LC_ALL
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

if [ "${1:-}" = "--compare" ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --compare OLD_DIR NEW_DIR" >&2; exit 64; }
  old=$2 new=$3
  total=$(cd "$old" && find . -type f | wc -l | tr -d ' ')
  differ=0
  for f in $(cd "$old" && find . -type f | sort); do
    if [ ! -f "$new/$f" ]; then
      echo "missing: $f"
      differ=$((differ + 1))
    elif ! cmp -s "$old/$f" "$new/$f"; then
      echo "differs: $f"
      differ=$((differ + 1))
    fi
  done
  for f in $(cd "$new" && find . -type f | sort); do
    [ -f "$old/$f" ] || { echo "new: $f"; differ=$((differ + 1)); }
  done
  echo "compared $total files: $differ differ"
  [ "$differ" -eq 0 ]
  exit
fi

[ $# -eq 2 ] || { echo "usage: $0 TOOLS_DIR OUT_DIR | --compare OLD_DIR NEW_DIR" >&2; exit 64; }
BIN=$(cd "$1" && pwd)
OUT=$2
SRC=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# run NAME CMD...: standard output to NAME, standard error to NAME.err, exit code to NAME.rc.
run() {
  n=$1
  shift
  set +e
  "$@" >"$n" 2>"$n.err"
  echo $? >"$n.rc"
  set -e
}

count=0
for f in "$SRC"/corpora/*.txt "$SRC"/corpora/heldout/*.txt "$SRC"/tests/data/*/*.txt; do
  [ -f "$f" ] || continue
  case $f in
    */heldout/*) name=heldout-$(basename "$f" .txt) ;;
    */tests/data/*) name=data-$(basename "$(dirname "$f")")-$(basename "$f" .txt) ;;
    *) name=$(basename "$f" .txt) ;;
  esac
  mkdir -p "$OUT/$name"
  cd "$OUT/$name"  # names in messages are relative: two snapshots compare equal
  d=.
  count=$((count + 1))
  run "$d/segment.xml" "$BIN/jatei-segment" "$f"
  run "$d/speakers.xml" "$BIN/jatei-speakers" --explain "$d/segment.xml"
  run "$d/claims.xml" "$BIN/jatei-claims" --explain "$d/speakers.xml"
  run "$d/terms.xml" "$BIN/jatei-terms" --explain --candidates "$d/candidates.tbx" "$d/claims.xml"
  run "$d/terms.tsv" "$BIN/jatei-terms" --list "$d/claims.xml"
  run "$d/claims-alone.xml" "$BIN/jatei-claims" "$d/segment.xml"
  run "$d/terms-alone.xml" "$BIN/jatei-terms" "$d/segment.xml"
  mkdir -p "$d/annotate"
  cp "$f" "$d/annotate/$name.txt"
  run "$d/annotate.log" "$BIN/jatei-annotate" -q -o "$d/annotate" "$d/annotate/$name.txt"
  rm -f "$d/annotate/$name.txt"
  run "$d/text.txt" "$BIN/jatei-text" "$d/terms.xml"
  A=$d/terms.xml
  run "$d/export.xlf" "$BIN/jatei-export" xliff "$A"
  run "$d/export.12.xlf" "$BIN/jatei-export" xliff --xliff 1.2 --prefill-target "$A"
  run "$d/export.tbx" "$BIN/jatei-export" tbx "$A"
  run "$d/export.2008.tbx" "$BIN/jatei-export" tbx --tbx 2008 "$A"
  run "$d/claims.jsonl" "$BIN/jatei-export" claims "$A"
  run "$d/claims.csv" "$BIN/jatei-export" claims --format csv "$A"
  run "$d/claims.jsonld" "$BIN/jatei-export" claims --format claimreview --date 2025-01-02 "$A"
  run "$d/review.html" "$BIN/jatei-export" html "$A"
  # Verdicts on the first claims, from their ids alone: a JSON Lines file and a CSV one.
  python3 - "$d/claims.jsonl" "$d/verdicts.jsonl" "$d/verdicts.csv" <<'EOF'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as j:
    for k, i in enumerate(ids[:4]):
        j.write(json.dumps({"id": i, "rating": ["True", "Mostly false", "3", "Unproven"][k],
                            "note": "checked <&> \"quoted\"", "reviewer": "Checker " + str(k % 2),
                            "url": "https://example.org/c?a=1&b=" + str(k), "date": "2025-01-0" + str(k + 1)},
                           ensure_ascii=k % 2 == 0) + "\n")
with open(sys.argv[3], "w", encoding="utf-8") as c:
    c.write("sentence_id,verdict,comment,checker\n")
    for i in ids[1:3]:
        c.write(i + ',False,"second, ""look""",Checker 0\n')
EOF
  run "$d/merged1.xml" "$BIN/jatei-merge" verdicts "$A" "$d/verdicts.jsonl"
  run "$d/merged2.xml" "$BIN/jatei-merge" verdicts "$d/merged1.xml" "$d/verdicts.csv"
  run "$d/merged3.xml" "$BIN/jatei-merge" verdicts "$d/merged2.xml" "$d/verdicts.csv"
  sed 's/state="needs-translation"/state="translated"/' "$d/export.12.xlf" >"$d/translated.xlf"
  run "$d/merged4.xml" "$BIN/jatei-merge" xliff --translator "T & Co" --lang en "$d/merged3.xml" "$d/translated.xlf"
  run "$d/merged5.xml" "$BIN/jatei-merge" xliff --translator "T & Co" --lang en "$d/merged4.xml" "$d/translated.xlf"
  run "$d/merged.claims.jsonl" "$BIN/jatei-export" claims --all "$d/merged5.xml"
  run "$d/merged.claims.csv" "$BIN/jatei-export" claims --format csv "$d/merged5.xml"
  run "$d/merged.claims.jsonld" "$BIN/jatei-export" claims --format claimreview --date 2025-01-02 "$d/merged5.xml"
  run "$d/merged.html" "$BIN/jatei-export" html "$d/merged5.xml"
  run "$d/merged.xlf" "$BIN/jatei-export" xliff "$d/merged5.xml"
  run "$d/merged.text.txt" "$BIN/jatei-text" "$d/merged5.xml"
  run "$d/merged.annotated.xml" "$BIN/jatei-claims" "$d/merged5.xml"
done
cd "$OUT"
echo "snapshot of $count articles in $OUT ($(find "$OUT" -type f | wc -l | tr -d ' ') files)"
