#!/bin/sh
# make demo: runs the whole pipeline on one bundled article, validates the result and says
# where it is and what it found.
# Usage: examples/demo.sh BIN_DIR ARTICLE OUT_DIR
set -eu
bin=$1 in=$2 out=$3
mkdir -p "$out"
name=$(basename "$in" .txt)
tei=$out/$name.tei.xml
stages=""
for s in speakers claims terms; do [ -x "$bin/jatei-$s" ] && stages="$stages $s"; done
echo "jatei demo: $in"
echo "  pipeline: jatei-segment$(for s in $stages; do printf ' | jatei-%s' "$s"; done)"
"$bin/jatei-segment" "$in" > "$out/$name.0.xml"
i=0
for s in $stages; do
  "$bin/jatei-$s" "$out/$name.$i.xml" > "$out/$name.$((i+1)).xml"
  rm -f "$out/$name.$i.xml"
  i=$((i+1))
done
mv "$out/$name.$i.xml" "$tei"
"$bin/jatei-validate" "$tei"
"$bin/jatei-text" "$tei" | cmp -s - "$in" && echo "  round trip: jatei-text gives back every character of the source"
count() { grep -o "$1" "$tei" | wc -l | tr -d ' '; }
echo "  found: $(count '<div ') divisions, $(count '<p ')" paragraphs, "$(count '<item ') list items," \
  "$(count '<figure ') captions, $(count '<s ') sentences"
[ -x "$bin/jatei-speakers" ] && echo "         $(count '<sp ') speaker turns, $(count '<person ') participants"
[ -x "$bin/jatei-claims" ] && echo "         $(count 'ana="#speculation') speculative, $(count 'ana="#reported') reported," \
  "$(count 'ana="#question') questions, $(count '#checkworthy') check-worthy"
[ -x "$bin/jatei-terms" ] && echo "         $(count '<term ') terms, $(count '<gloss ') glosses"
echo "  output: $tei"
# The hand-offs: XLIFF and TBX for the translator, claims for the fact-checker, a review page.
if [ -x "$bin/jatei-export" ]; then
  "$bin/jatei-export" xliff "$tei" -o "$out/$name.xlf"
  "$bin/jatei-export" tbx "$tei" -o "$out/$name.tbx"
  "$bin/jatei-export" claims --format csv "$tei" -o "$out/$name.claims.csv"
  "$bin/jatei-export" html "$tei" -o "$out/$name.html"
  echo "  for the translator:    $out/$name.xlf (XLIFF 2.1), $out/$name.tbx (TBX glossary)"
  rows=$(grep -c '^"s[^"]*","[0-9]*",' "$out/$name.claims.csv" || true)
  worthy=$(grep -c '^"s[^"]*","[0-9]*","yes"' "$out/$name.claims.csv" || true)
  echo "  for the fact-checker:  $out/$name.claims.csv ($rows sentences to check, the $worthy check-worthy first)"
  echo "  review page:           $out/$name.html"
fi
