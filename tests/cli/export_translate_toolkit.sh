#!/bin/sh
# translate-toolkit (Debian python3-translate) reads what jatei-export writes for it: the XLIFF
# 1.2 file through its Python API has every sentence of the TEI as a unit, with the TEI id, the
# sentence as source, the notes (speaker, hedge); the TBX 2008 glossary gives each term its
# English. Then a translation made through the API (setting targets, saving) merges back.
# Skips (77) where translate-toolkit cannot be imported (tools/install-deps.sh installs it).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || true)
if [ -z "$PY" ] || ! "$PY" -c 'import translate.storage.xliff, translate.storage.tbx' 2>/dev/null; then
  echo "export_translate_toolkit.sh: translate-toolkit (python3-translate) not importable; skipped"
  exit 77
fi
X="$B/jatei-export"
D=$SRC/tests/data/export

# check TEI LABEL
check() {
  tei=$1 label=$2
  run "$X" xliff --xliff 1.2 --prefill-target "$tei" -o "$T/a.xlf"
  check_rc 0 "$label: xliff 1.2" || return 0
  rm -f "$T/a.tbx"
  run "$X" tbx --tbx 2008 "$tei" -o "$T/a.tbx"
  if grep -q '<term ' "$tei" || grep -q '<gloss ' "$tei"; then
    check_rc 0 "$label: tbx 2008" || return 0
  else
    # No term (an article of everyday words only): TBX 2008 has no form for an empty glossary,
    # refused with 65 and no file; the XLIFF is read alone.
    check_rc 65 "$label: tbx 2008 of an empty glossary"
    [ ! -e "$T/a.tbx" ] || fail "$label: a TBX was written for an empty glossary"
    rm -f "$T/a.tbx"
  fi
  checks=$((checks + 1))
  "$PY" - "$tei" "$T/a.xlf" "$T/a.tbx" "$T/translated.xlf" >"$T/py.out" 2>&1 <<'EOF' || { fail "$label: translate-toolkit"; show "$T/py.out" 30; }
import sys
import xml.etree.ElementTree as ET
from translate.storage import xliff, tbx

tei, xlf, glossary, out = sys.argv[1:]
ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
sentences = []
for div in ET.parse(tei).getroot().iter(ns + "div"):
    if div.get("type") != "translation":
        sentences += [(s.get(XML + "id"), "".join(s.itertext())) for s in div.iter(ns + "s")]

store = xliff.xlifffile.parsefile(xlf)
units = [u for u in store.units if not u.isheader()]
got = [(u.xmlelement.get("id"), u.source) for u in units]
assert got == sentences, "units differ from the TEI's sentences:\n%r\n%r" % (got[:5], sentences[:5])
assert store.getsourcelanguage() == "ja" and store.gettargetlanguage() == "en"
for u in units:
    assert u.target == u.source, "prefilled target"
notes = "\n".join(u.getnotes() for u in units)
if 'who="#' in open(tei, encoding="utf-8").read():
    assert "Speaker: " in notes, "no speaker note"
if "#speculation" in open(tei, encoding="utf-8").read():
    assert "keep the hedge" in notes, "no hedge note"

import os
pairs = []
if os.path.exists(glossary):
    terms = tbx.tbxfile.parsefile(glossary)
    pairs = [(t.source, t.target) for t in terms.units]
for source, target in pairs:
    assert source, pairs

# A translator's work through the API, saved and merged back by jatei-merge.
for u in units:
    u.settarget("EN " + u.xmlelement.get("id"))
    u.markfuzzy(False)
store.savefile(out)
print(len(units), "units;", len(pairs), "glossary entries")
EOF
  run "$B/jatei-merge" xliff "$tei" "$T/translated.xlf" -o "$T/merged.xml"
  check_rc 0 "$label: merge what translate-toolkit saved"
  tei_ok "$T/merged.xml" "$label: merged"
  n=$(grep -o '<s xml:id="[^"]*" corresp="#' "$T/merged.xml" | wc -l | tr -d ' ')
  m=$(grep -o '<trans-unit ' "$T/a.xlf" | wc -l | tr -d ' ')
  checks=$((checks + 1))
  [ "$n" = "$m" ] || fail "$label: $n sentences translated, expected $m"
}

check "$D/dialogue.tei.xml" fixture
"$B/jatei-annotate" -q -o "$T/real" "$SRC"/corpora/*.txt
for tei in "$T"/real/*.tei.xml; do check "$tei" "$(basename "$tei" .tei.xml)"; done
finish
