#!/bin/sh
# Golden tests of jatei-export and jatei-merge on the fixture in tests/data/export/: a short
# dialogue as the whole pipeline annotates it (dialogue.tei.xml), a translator's XLIFF
# (dialogue.en.xlf) and a checker's verdicts (verdicts.csv, verdicts.jsonl). Every exporter in
# each of its forms, the merged documents, and the review page of the merged document are
# compared byte for byte with tests/data/export/golden/. The frozen five-concept termbase
# (ja-en-ai.tbx beside the fixture) keeps the goldens independent of the team's termbase.
# UPDATE_GOLDEN=1 rewrites the goldens (review the diff before committing).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
D=$SRC/tests/data/export
G=$D/golden
TB="--termbase $D/ja-en-ai.tbx"
mkdir -p "$T/got"

# name command...: runs the command into $T/got/name, which must succeed
produce() {
  name=$1
  shift
  run "$@"
  if check_rc 0 "$name"; then cp "$T/out" "$T/got/$name"; else : >"$T/got/$name"; fi
}

produce dialogue.xlf "$B/jatei-export" xliff $TB "$D/dialogue.tei.xml"
produce dialogue.prefill.xlf "$B/jatei-export" xliff --prefill-target --no-termbase "$D/dialogue.tei.xml"
produce dialogue.12.xlf "$B/jatei-export" xliff --xliff 1.2 --prefill-target $TB "$D/dialogue.tei.xml"
produce dialogue.tbx "$B/jatei-export" tbx $TB "$D/dialogue.tei.xml"
produce dialogue.2008.tbx "$B/jatei-export" tbx --tbx 2008 $TB "$D/dialogue.tei.xml"
produce dialogue.claims.jsonl "$B/jatei-export" claims $TB "$D/dialogue.tei.xml"
produce dialogue.claims.csv "$B/jatei-export" claims --format csv $TB "$D/dialogue.tei.xml"
produce dialogue.claimreview.jsonld "$B/jatei-export" claims --format claimreview --date 2025-02-01 $TB "$D/dialogue.tei.xml"
produce dialogue.html "$B/jatei-export" html $TB "$D/dialogue.tei.xml"
# The way back: translation, then verdicts (CSV, then JSON Lines updating one of them).
produce dialogue.translated.tei.xml "$B/jatei-merge" xliff "$D/dialogue.tei.xml" "$D/dialogue.en.xlf" --translator "Jane Smith" -q
produce dialogue.reviewed.tei.xml "$B/jatei-merge" verdicts "$T/got/dialogue.translated.tei.xml" "$D/verdicts.csv" -q
cp "$T/got/dialogue.reviewed.tei.xml" "$T/reviewed1.xml"
produce dialogue.reviewed2.tei.xml "$B/jatei-merge" verdicts "$T/reviewed1.xml" "$D/verdicts.jsonl" -q
produce dialogue.reviewed.html "$B/jatei-export" html $TB "$T/got/dialogue.reviewed2.tei.xml"
produce dialogue.reviewed.claims.jsonl "$B/jatei-export" claims $TB "$T/got/dialogue.reviewed2.tei.xml"
produce dialogue.reviewed.claimreview.jsonld "$B/jatei-export" claims --format claimreview --date 2025-02-05 --publisher "Example Fact Check" --publisher-url https://example.org $TB "$T/got/dialogue.reviewed2.tei.xml"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$G"
  cp "$T"/got/* "$G/"
  echo "goldens written to $G"
fi
for f in "$T"/got/*; do
  name=$(basename "$f")
  if [ ! -f "$G/$name" ]; then
    fail "golden $name is missing (UPDATE_GOLDEN=1 writes it)"
    continue
  fi
  same "$G/$name" "$f" "golden $name"
done
# Goldens nobody makes any more.
for f in "$G"/*; do
  [ -f "$T/got/$(basename "$f")" ] || fail "stale golden $(basename "$f")"
done
# Deterministic: the same input twice gives the same bytes.
run "$B/jatei-export" html $TB "$D/dialogue.tei.xml"
same "$T/out" "$T/got/dialogue.html" "html twice"
finish
