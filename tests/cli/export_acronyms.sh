#!/bin/sh
# An acronym gloss gives the translator the full English name (issue 14): 欧州連合(EU) and
# ＥＵ（欧州連合） from lib/data/terms/acronyms.tsv, an acronym the article spells out elsewhere
# ("Hokkai Technology Organization (HTO)") from the text, one from a user's list
# (jatei-export --acronyms FILE). Checked where translators see it: TBX 2019 against the core
# RNG (the name a fullForm term, the acronym an acronym), TBX 2008 through translate-toolkit's
# TBX store and OmegaT's tbx.xsd, XLIFF 2.1 against its XSD (the name a gls:translation saying
# where it comes from), XLIFF 1.2 notes through translate-toolkit's xliff2po (#. comments) and OmegaT's own XLIFF
# filter (the comment its Comments pane shows, tests/cli/omegat/Comments.java). A bad list is
# refused (65) with its file and line. Each client's part skips when it is missing.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-annotate jatei-export
X="$B/jatei-export"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
JAR=/usr/share/omegat/OmegaT.jar

cat >"$T/article.txt" <<'EOF'
欧州連合(EU)は新しい規則を発表した。
ＥＵ（欧州連合）の加盟国の一部は反対している。
北海技術機構(HTO)は来年の計画を示した。
同機構は英語名をHokkai Technology Organization (HTO)としている。
沿岸観測網(CON)の整備も進む。
EOF
printf '# a newsroom list\nCON\tCoastal Observation Network\n' >"$T/user.tsv"
"$B/jatei-annotate" -q -o "$T/tei" "$T/article.txt"
tei=$T/tei/article.tei.xml

# TBX 2019: valid, EU with its full name, HTO with the text's, CON only with the user's list.
run "$X" tbx --no-termbase --acronyms "$T/user.tsv" "$tei" -o "$T/a.tbx"
check_rc 0 "tbx"
if [ -n "$SHARED" ] && command -v jing >/dev/null 2>&1; then
  checks=$((checks + 1))
  jing "$SHARED/external/tbx/core/TBXcoreStructV03.rng" "$T/a.tbx" >"$T/jing.out" 2>&1 || { fail "TBX 2019 (core RNG)"; show "$T/jing.out"; }
fi
checks=$((checks + 1))
"$PY" - "$T/a.tbx" >"$T/py.out" 2>&1 <<'EOF' || { fail "TBX 2019 entries"; show "$T/py.out" 20; }
import sys, xml.etree.ElementTree as ET
ns = "{urn:iso:std:iso:30042:ed-2}"
XML = "{http://www.w3.org/XML/1998/namespace}"
got = {}
for ce in ET.parse(sys.argv[1]).getroot().iter(ns + "conceptEntry"):
    ja = en = None
    for ls in ce.iter(ns + "langSec"):
        terms = []
        for ts in ls.iter(ns + "termSec"):
            notes = {n.get("type"): n.text for n in ts.iter(ns + "termNote")}
            src = [a.text for a in ts.iter(ns + "admin") if a.get("type") == "source"]
            terms.append((ts.find(ns + "term").text, notes.get("termType"), src[0] if src else None))
        if ls.get(XML + "lang") == "ja": ja = terms[0][0]
        else: en = terms
    got[ja] = en
print(got)
eu = dict((t, (k, s)) for t, k, s in got["欧州連合"])
assert eu["EU"][0] == "acronym", eu
assert eu["European Union"][0] == "fullForm" and "acronyms.tsv" in eu["European Union"][1], eu
hto = dict((t, (k, s)) for t, k, s in got["北海技術機構"])
assert hto["Hokkai Technology Organization"][0] == "fullForm", hto
assert hto["Hokkai Technology Organization"][1].startswith("the text (s"), hto
con = dict((t, (k, s)) for t, k, s in got["沿岸観測網"])
assert con["Coastal Observation Network"][1].endswith("user.tsv"), con
EOF
# Without the user's list, CON has only its acronym.
run "$X" tbx --no-termbase "$tei" -o "$T/b.tbx"
check_rc 0 "tbx without --acronyms"
checks=$((checks + 1))
! grep -q "Coastal Observation Network" "$T/b.tbx" || fail "a name from a list that was not given"

# TBX 2008 through translate-toolkit: every name reaches its store.
run "$X" tbx --tbx 2008 --no-termbase --acronyms "$T/user.tsv" "$tei" -o "$T/c.tbx"
check_rc 0 "tbx 2008"
if "$PY" -c 'import translate.storage.tbx' 2>/dev/null; then
  checks=$((checks + 1))
  "$PY" - "$T/c.tbx" >"$T/py.out" 2>&1 <<'EOF' || { fail "TBX 2008 through translate-toolkit"; show "$T/py.out" 20; }
import sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
text = " ".join(" ".join(str(x) for x in u.xmlelement.itertext()) for u in store.units)
for name in ("European Union", "Hokkai Technology Organization", "Coastal Observation Network"):
    assert name in text, name
print(len(store.units), "entries")
EOF
fi

# ... and OmegaT's own tbx.xsd (in its jar) accepts the termType notes.
if [ -f "$JAR" ] && command -v unzip >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1; then
  mkdir -p "$T/om"
  (cd "$T/om" && unzip -q -o "$JAR" schemas/tbx.xsd schemas/xml.xsd)
  checks=$((checks + 1))
  xmllint --noout --nonet --schema "$T/om/schemas/tbx.xsd" "$T/c.tbx" >"$T/x.out" 2>&1 || { fail "TBX 2008 (OmegaT's tbx.xsd)"; show "$T/x.out"; }
fi

# XLIFF 2.1: valid, the name a translation of the glossary entry with its source.
run "$X" xliff --no-termbase "$tei" -o "$T/a.xlf"
check_rc 0 "xliff 2.1"
if [ -n "$SHARED" ] && command -v xmllint >/dev/null 2>&1; then
  checks=$((checks + 1))
  xmllint --noout --nonet --schema "$SHARED/external/xliff/2.1/xliff21-all-modules.xsd" "$T/a.xlf" >"$T/x.out" 2>&1 ||
    { fail "XLIFF 2.1 (XSD)"; show "$T/x.out"; }
fi
expect_grep '<gls:translation source="acronym list acronyms.tsv">European Union</gls:translation>' "$T/a.xlf" "XLIFF 2.1 glossary: EU's name"

# XLIFF 1.2 notes, as translate-toolkit's PO and OmegaT show them.
run "$X" xliff --xliff 1.2 --prefill-target --no-termbase "$tei" -o "$T/b.xlf"
check_rc 0 "xliff 1.2"
if command -v xliff2po >/dev/null 2>&1; then
  xliff2po --progress=none "$T/b.xlf" "$T/b.po" >"$T/x.out" 2>&1 || { fail "xliff2po"; show "$T/x.out"; }
  expect_grep '#. Term 「欧州連合」 = EU (European Union).' "$T/b.po" "PO: EU's name"
  expect_grep '#. Term 「北海技術機構」 = HTO (Hokkai Technology Organization).' "$T/b.po" "PO: HTO's name from the text"
fi
if [ -f "$JAR" ] && command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
  set +e
  HOME=$T/home timeout 300 java -Djava.awt.headless=true -cp "$JAR" "$SRC/tests/cli/omegat/Comments.java" "$T/b.xlf" \
    >"$T/omegat.out" 2>"$T/omegat.err"
  orc=$?
  set -e
  checks=$((checks + 1))
  if [ $orc != 0 ]; then
    fail "OmegaT's XLIFF filter (exit $orc)"
    show "$T/omegat.err" 20
  else
    # The comment of every segment is its unit's id and notes, as written, one a line.
    "$PY" "$SRC/tests/cli/omegat/comments.py" "$T/b.xlf" "$T/omegat.out" --line "Term 「欧州連合」 = EU (European Union)." \
      >"$T/py.out" 2>&1 || { fail "OmegaT's comments"; show "$T/py.out" 20; }
  fi
else
  echo "note: OmegaT ($JAR), java or javac missing; its check skipped"
fi

# A bad list: refused with its file and line, nothing written.
printf 'EU\tEuropean Union\nnot an acronym line\n' >"$T/bad.tsv"
run "$X" tbx --acronyms "$T/bad.tsv" "$tei" -o "$T/bad.tbx"
check_rc 65 "a bad acronym list"
expect_grep "bad.tsv:2:1: expected ACRONYM<TAB>full name" "$T/err" "a bad acronym list: file and line"
checks=$((checks + 1))
[ ! -e "$T/bad.tbx" ] || fail "a bad acronym list: a file was written"
finish
