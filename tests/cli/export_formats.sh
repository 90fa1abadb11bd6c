#!/bin/sh
# Every hand-off is accepted by its official validator, on the fixture, on every TEI sample of
# the profile and on real pipeline output (jatei-annotate over corpora/*.txt):
#   XLIFF 2.1   xliff21-all-modules.xsd (core + every module XSD), one segment per sentence
#   XLIFF 1.2   xliff-core-1.2-strict.xsd (offline catalog), one trans-unit per sentence
#   TBX 2019    TBXcoreStructV03.rng, and the TBX-Basic DCA Schematron (jing + Saxon-HE)
#   TBX 2008    well-formed <martif>, one termEntry per concept of the 2019 file; refused (65,
#               nothing written) for a document without terms: TBX 2008 has no empty form
#   claims      JSON Lines and JSON-LD parsed by Python's json, CSV by Python's csv
# Skips (77) without ../shared.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
[ -n "$SHARED" ] || { echo "export_formats.sh: JATEI_SHARED not set or missing; skipped"; exit 77; }
need_tools jatei-export
have() { command -v "$1" >/dev/null 2>&1; }
have xmllint || { echo "export_formats.sh: xmllint missing; skipped"; exit 77; }
have python3 || { echo "export_formats.sh: python3 missing; skipped"; exit 77; }
XL=$SHARED/external/xliff
TBXRNG=$SHARED/external/tbx/core/TBXcoreStructV03.rng
DCA=$SHARED/external/tbx/basic-dialect/DCA/TBX-Basic_DCA.sch
X="$B/jatei-export"
D=$SRC/tests/data/export

# xsd SCHEMA FILE LABEL
xsd() {
  checks=$((checks + 1))
  if ! XML_CATALOG_FILES=$XL/1.2/catalog-offline.xml xmllint --noout --nonet --schema "$1" "$2" >"$T/xsd.out" 2>&1; then
    fail "$3: rejected by $(basename "$1")"
    show "$T/xsd.out"
  fi
}
# rng SCHEMA FILE LABEL
rng() {
  checks=$((checks + 1))
  if ! xmllint --noout --nonet --relaxng "$1" "$2" >"$T/rng.out" 2>&1; then
    fail "$3: rejected by $(basename "$1")"
    show "$T/rng.out"
  fi
}
# schematron FILE LABEL: the TBX-Basic DCA rules (XPath 2: jing with Saxon-HE), when installed
SAXON=/usr/share/java/Saxon-HE.jar
JING=/usr/share/java/jing.jar
schematron() {
  [ -f "$SAXON" ] && [ -f "$JING" ] && have java || return 0
  checks=$((checks + 1))
  if ! java -cp "$JING:$SAXON:/usr/share/java/xercesImpl.jar" com.thaiopensource.relaxng.util.Driver "$DCA" "$1" >"$T/sch.out" 2>&1; then
    fail "$2: rejected by the TBX-Basic Schematron"
    show "$T/sch.out"
  fi
}
# nvdl FILE LABEL: the full XLIFF 2 validation (the module XSDs and the official Schematron
# rules, XPath 2) through the official NVDL, when jing and Saxon-HE are installed
nvdl() {
  [ -f "$SAXON" ] && [ -f "$JING" ] && have java || return 0
  checks=$((checks + 1))
  if ! java -cp "$JING:$SAXON:/usr/share/java/xercesImpl.jar" com.thaiopensource.relaxng.util.Driver \
      "$XL/2.1/schemas/xliff_2_advanced_validation.nvdl" "$1" >"$T/nvdl.out" 2>&1; then
    fail "$2: rejected by the XLIFF 2 NVDL (XSD + Schematron)"
    show "$T/nvdl.out"
  fi
}
# count PATTERN FILE
count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }
# equal A B LABEL
equal() {
  checks=$((checks + 1))
  [ "$1" = "$2" ] || fail "$3: $1, expected $2"
}

# every TEI FILE LABEL [schematron]: all formats of one document
every() {
  tei=$1 label=$2
  n=$(python3 -c '
import sys, xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
root = ET.parse(sys.argv[1]).getroot()
n = 0
for div in root.iter(ns + "div"):
    if div.get("type") != "translation":
        n += len(list(div.iter(ns + "s")))
print(n)' "$tei")
  run "$X" xliff "$tei" -o "$T/a.xlf"
  check_rc 0 "$label: xliff" && xsd "$XL/2.1/xliff21-all-modules.xsd" "$T/a.xlf" "$label: XLIFF 2.1"
  equal "$(count '<segment ' "$T/a.xlf")" "$n" "$label: XLIFF 2.1 segments"
  # Prefilled, the page's furniture locked (translate="no"): still valid, one lock a furniture block.
  furniture=$(python3 -c '
import sys, xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
root = ET.parse(sys.argv[1]).getroot()
blocks = [b for d in root.iter(ns + "div") if d.get("type") == "boilerplate"
          for b in d.iter() if b.tag in (ns + "p", ns + "item", ns + "head") and b.find(ns + "s") is not None]
sentences = sum(len(list(d.iter(ns + "s"))) for d in root.iter(ns + "div") if d.get("type") == "boilerplate")
print(len(blocks), sentences)' "$tei")
  run "$X" xliff --prefill-target --lock-boilerplate "$tei" -o "$T/b.xlf"
  check_rc 0 "$label: xliff prefilled" && xsd "$XL/2.1/xliff21-all-modules.xsd" "$T/b.xlf" "$label: XLIFF 2.1 prefilled"
  equal "$(count '<unit [^>]*translate="no"' "$T/b.xlf")" "${furniture% *}" "$label: XLIFF 2.1 units locked"
  run "$X" xliff --xliff 1.2 --prefill-target --lock-boilerplate "$tei" -o "$T/c.xlf"
  check_rc 0 "$label: xliff 1.2" && xsd "$XL/1.2/xliff-core-1.2-strict.xsd" "$T/c.xlf" "$label: XLIFF 1.2"
  equal "$(count '<trans-unit ' "$T/c.xlf")" "$n" "$label: XLIFF 1.2 trans-units"
  equal "$(count '<trans-unit [^>]*translate="no"' "$T/c.xlf")" "${furniture#* }" "$label: XLIFF 1.2 trans-units locked"
  run "$X" tbx "$tei" -o "$T/a.tbx"
  check_rc 0 "$label: tbx" && rng "$TBXRNG" "$T/a.tbx" "$label: TBX 2019"
  [ "${3:-}" = schematron ] && schematron "$T/a.tbx" "$label: TBX 2019"
  if [ "${3:-}" = schematron ]; then
    nvdl "$T/a.xlf" "$label: XLIFF 2.1"
    nvdl "$T/b.xlf" "$label: XLIFF 2.1 prefilled"
    # and the check can fail: two units with one id break the Schematron rules, not the XSD
    if [ -f "$SAXON" ] && [ -f "$JING" ] && have java; then
      u1=$(grep -o '<unit id="[^"]*"' "$T/a.xlf" | sed -n 1p | cut -d'"' -f2)
      u2=$(grep -o '<unit id="[^"]*"' "$T/a.xlf" | sed -n 2p | cut -d'"' -f2)
      sed "s/<unit id=\"$u2\"/<unit id=\"$u1\"/" "$T/a.xlf" >"$T/dup.xlf"
      checks=$((checks + 1))
      if java -cp "$JING:$SAXON:/usr/share/java/xercesImpl.jar" com.thaiopensource.relaxng.util.Driver \
          "$XL/2.1/schemas/xliff_2_advanced_validation.nvdl" "$T/dup.xlf" >/dev/null 2>&1; then
        fail "$label: the NVDL check accepted two units with one id"
      fi
    fi
  fi
  rm -f "$T/b.tbx"
  run "$X" tbx --tbx 2008 "$tei" -o "$T/b.tbx"
  if [ "$(count '<conceptEntry ' "$T/a.tbx")" = 0 ]; then
    # TBX 2008 has no empty form (its <body> needs a <termEntry>): refused, nothing written.
    check_rc 65 "$label: tbx 2008 without terms"
    expect_grep "TBX 2008 cannot hold an empty glossary" "$T/err" "$label: tbx 2008 without terms: the message"
    checks=$((checks + 1))
    [ ! -e "$T/b.tbx" ] || fail "$label: tbx 2008 without terms wrote a file"
  else
    check_rc 0 "$label: tbx 2008"
    checks=$((checks + 1))
    xmllint --noout "$T/b.tbx" 2>"$T/wf.out" || { fail "$label: TBX 2008 not well-formed"; show "$T/wf.out"; }
    equal "$(count '<termEntry ' "$T/b.tbx")" "$(count '<conceptEntry ' "$T/a.tbx")" "$label: TBX 2008 entries"
  fi
  if ! grep -q 'application ident="jatei-claims"' "$tei" && ! grep -q 'ana="#' "$tei" && grep -q '<s ' "$tei"; then
    # Sentences, but not through jatei-claims: every one would come out unclassified. Refused,
    # nothing written.
    for f in jsonl csv claimreview; do
      run "$X" claims --format $f --date 2025-02-01 "$tei" -o "$T/unclassified.$f"
      check_rc 65 "$label: claims $f before jatei-claims"
      expect_grep "has not been through jatei-claims" "$T/err" "$label: claims $f before jatei-claims: the message"
      [ ! -e "$T/unclassified.$f" ] || fail "$label: claims $f before jatei-claims wrote a file"
    done
    checks=$((checks + 1))
    return
  fi
  for f in jsonl csv claimreview; do
    run "$X" claims --format $f --date 2025-02-01 "$tei" -o "$T/claims.$f"
    check_rc 0 "$label: claims $f"
  done
  checks=$((checks + 1))
  python3 - "$T/claims.jsonl" "$T/claims.csv" "$T/claims.claimreview" >"$T/py.out" 2>&1 <<'EOF' || { fail "$label: claims do not parse"; show "$T/py.out"; }
import csv, json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = ["id", "rank", "checkworthy", "factuality", "cues", "speaker", "said_by", "text", "dates", "numbers", "money",
        "names", "hedged_by", "covers", "previous", "source", "verdicts"]
for r in records:
    assert list(r) == keys, list(r)
    # said_by: the source a reported sentence names (jatei-claims' @source), or null
    assert r["said_by"] is None or (r["factuality"] == "reported" and r["said_by"]["name"]), r
# check-worthy first
flags = [r["checkworthy"] for r in records]
assert flags == sorted(flags, reverse=True), flags
raw = open(sys.argv[2], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert rows[0][:3] == ["id", "rank", "checkworthy"] and rows[0][-4:] == ["rating", "note", "reviewer", "url"], rows[0]
assert [r[0] for r in rows[1:]] == [r["id"] for r in records]
assert all(len(r) == len(rows[0]) for r in rows)
reviews = json.load(open(sys.argv[3], encoding="utf-8"))
for c in reviews:
    assert c["@context"] == "https://schema.org" and c["@type"] == "ClaimReview", c
    assert c["itemReviewed"]["@type"] == "Claim" and c["claimReviewed"], c
    # the verdict's date, else --date; a link only when the verdict has one
    assert len(c["datePublished"]) >= 4 and c.get("url", "x") != "", c
    # only reviews a checker gave: an unrated skeleton is not one
    assert c["reviewRating"]["alternateName"], c
ids = {r["id"]: r for r in records}
for c in reviews:
    assert ids[c["identifier"]]["factuality"] not in ("speculation", "opinion", "question"), c["identifier"]
EOF
}

every "$D/dialogue.tei.xml" fixture schematron
for f in "$SRC"/tests/schema/valid/*.xml; do
  "$B/jatei-text" "$f" >/dev/null 2>&1 || continue  # samples the reader does not take
  every "$f" "$(basename "$f")"
done

# Real pipeline output: every corpus article through every registered stage.
"$B/jatei-annotate" -q -o "$T/real" "$SRC"/corpora/*.txt "$SRC"/corpora/heldout >/dev/null 2>&1 || true
first=1
for tei in "$T"/real/*.tei.xml "$T"/real/*/*.tei.xml; do
  [ -f "$tei" ] || continue
  if [ $first = 1 ]; then every "$tei" "$(basename "$tei")" schematron; first=0; else every "$tei" "$(basename "$tei")"; fi
done
[ $first = 0 ] || fail "jatei-annotate wrote no document from corpora/"
finish
