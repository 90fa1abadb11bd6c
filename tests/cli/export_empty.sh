#!/bin/sh
# Outputs with nothing in them stay valid, and XLIFF 2.1 names its target language:
# - TBX 2019 with no entry (jatei-export tbx, jatei-terms --candidates with no pair): a <text>
#   without <body>, valid against the TBX core RNG and the TBX-Basic Schematron, and read back;
# - TBX 2008 with no entry: refused (65, nothing written), since TBX 2008 has no empty form (its
#   <body> needs a <termEntry>: OmegaT's own tbx.xsd, checked here when OmegaT is installed, says
#   so); with entries it is valid against that XSD;
# - XLIFF 2.1 has trgLang (the --target-lang, en by default) with or without --prefill-target,
#   valid against the XLIFF 2.1 XSD and the XLIFF 2 NVDL/Schematron rules.
# Skips (77) without ../shared (the TBX and XLIFF schemas) or xmllint.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
[ -n "$SHARED" ] || { echo "export_empty.sh: JATEI_SHARED not set or missing; skipped"; exit 77; }
command -v xmllint >/dev/null 2>&1 || { echo "export_empty.sh: xmllint missing; skipped"; exit 77; }
need_tools jatei-export jatei-terms
X="$B/jatei-export"
D=$SRC/tests/data/export
XL=$SHARED/external/xliff
TBXRNG=$SHARED/external/tbx/core/TBXcoreStructV03.rng
DCA=$SHARED/external/tbx/basic-dialect/DCA/TBX-Basic_DCA.sch
SAXON=/usr/share/java/Saxon-HE.jar
JING=/usr/share/java/jing.jar
JAR=/usr/share/omegat/OmegaT.jar
java_ok() { [ -f "$SAXON" ] && [ -f "$JING" ] && command -v java >/dev/null 2>&1; }
# valid KIND SCHEMA FILE LABEL (KIND: rng, xsd, sch)
valid() {
  checks=$((checks + 1))
  case $1 in
    rng) xmllint --noout --nonet --relaxng "$2" "$3" >"$T/v.out" 2>&1 ;;
    xsd) XML_CATALOG_FILES=$XL/1.2/catalog-offline.xml xmllint --noout --nonet --schema "$2" "$3" >"$T/v.out" 2>&1 ;;
    sch) java -cp "$JING:$SAXON:/usr/share/java/xercesImpl.jar" com.thaiopensource.relaxng.util.Driver "$2" "$3" >"$T/v.out" 2>&1 ;;
  esac || { fail "$4: rejected by $(basename "$2")"; show "$T/v.out"; }
}

# A document without terms: one plain sentence, segmented only.
printf '今日は晴れです。\n' >"$T/plain.txt"
"$B/jatei-segment" "$T/plain.txt" -o "$T/plain.tei.xml"

run "$X" tbx "$T/plain.tei.xml" -o "$T/empty.tbx"
check_rc 0 "tbx 2019, no terms"
valid rng "$TBXRNG" "$T/empty.tbx" "tbx 2019, no terms"
java_ok && valid sch "$DCA" "$T/empty.tbx" "tbx 2019, no terms"
checks=$((checks + 1))
grep -q '<body' "$T/empty.tbx" && fail "tbx 2019, no terms: a <body> without entries"
run "$B/jatei-terms" --candidates "$T/cand.tbx" -o "$T/plain.terms.xml" "$T/plain.tei.xml"
check_rc 0 "jatei-terms --candidates, no pairs"
valid rng "$TBXRNG" "$T/cand.tbx" "candidates, no pairs"
java_ok && valid sch "$DCA" "$T/cand.tbx" "candidates, no pairs"
# What jatei writes, jatei reads: an empty termbase is a termbase.
run "$X" tbx --termbase "$T/cand.tbx" "$T/plain.tei.xml" -o "$T/again.tbx"
check_rc 0 "an empty termbase read back"

run "$X" tbx --tbx 2008 "$T/plain.tei.xml" -o "$T/empty2008.tbx"
check_rc 65 "tbx 2008, no terms"
expect_grep "TBX 2008 cannot hold an empty glossary" "$T/err" "tbx 2008, no terms: the message"
checks=$((checks + 1))
[ ! -e "$T/empty2008.tbx" ] || fail "tbx 2008, no terms: a file was written"
if [ -f "$JAR" ] && command -v unzip >/dev/null 2>&1; then
  mkdir -p "$T/om"
  (cd "$T/om" && unzip -q -o "$JAR" schemas/tbx.xsd schemas/xml.xsd)
  run "$X" tbx --tbx 2008 "$D/dialogue.tei.xml" -o "$T/d2008.tbx"
  check_rc 0 "tbx 2008"
  valid xsd "$T/om/schemas/tbx.xsd" "$T/d2008.tbx" "tbx 2008 against OmegaT's tbx.xsd"
  # and that schema has no empty form: the body needs a termEntry
  sed -e 's|<body>.*||' "$T/d2008.tbx" | sed -n '1,/<text>/p' >"$T/cut.tbx"
  printf '<body/>\n</text>\n</martif>\n' >>"$T/cut.tbx"
  checks=$((checks + 1))
  if XML_CATALOG_FILES= xmllint --noout --nonet --schema "$T/om/schemas/tbx.xsd" "$T/cut.tbx" >/dev/null 2>&1; then
    fail "OmegaT's tbx.xsd accepts an empty <body>: an empty TBX 2008 could be written"
  fi
fi

# trgLang
for lang in en de; do
  for pre in "" --prefill-target; do
    run "$X" xliff --target-lang $lang $pre "$D/dialogue.tei.xml" -o "$T/a.xlf"
    check_rc 0 "xliff 2.1 $lang $pre" || continue
    expect_grep "trgLang=\"$lang\"" "$T/a.xlf" "xliff 2.1 $lang $pre: trgLang"
    valid xsd "$XL/2.1/xliff21-all-modules.xsd" "$T/a.xlf" "xliff 2.1 $lang $pre"
    java_ok && valid sch "$XL/2.1/schemas/xliff_2_advanced_validation.nvdl" "$T/a.xlf" "xliff 2.1 $lang $pre"
  done
done
# The empty document too.
run "$X" xliff "$T/plain.tei.xml" -o "$T/p.xlf"
check_rc 0 "xliff 2.1 of a one-sentence document"
valid xsd "$XL/2.1/xliff21-all-modules.xsd" "$T/p.xlf" "xliff 2.1 of a one-sentence document"
finish
