#!/bin/sh
# translate-toolkit's PO workflow (Debian translate-toolkit), run as a translator runs it:
#   jatei-export xliff --xliff 1.2  ->  xliff2po  ->  the translator fills msgstr  ->
#   pomerge -t (or po2xliff, with or without -t)  ->  jatei-merge xliff
# What the PO shows is read through the toolkit's own PO parser: every sentence a unit with its
# id as the "#:" reference, and as "#." comments what the TEI says of it (who speaks, which
# sentences hedge or report, the terms with their English). What comes back must translate
# every sentence, repeated identical ones included, with the translation of its own text.
# Skips (77) where translate-toolkit is not installed (tools/install-deps.sh installs it).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || true)
for c in xliff2po po2xliff pomerge; do
  if ! command -v $c >/dev/null 2>&1; then
    echo "export_po_workflow.sh: $c (translate-toolkit) not installed; skipped"
    exit 77
  fi
done
if [ -z "$PY" ] || ! "$PY" -c 'import translate.storage.po' 2>/dev/null; then
  echo "export_po_workflow.sh: translate-toolkit's Python package not importable; skipped"
  exit 77
fi
need_tools jatei-export jatei-merge
D=$SRC/tests/data/export

# The PO as translate-toolkit reads it, against the TEI it came from.
# po_notes TEI PO LABEL
po_notes() {
  checks=$((checks + 1))
  "$PY" - "$1" "$2" >"$T/notes.out" 2>&1 <<'EOF' || { fail "$3: the PO's units and comments"; show "$T/notes.out" 30; }
import sys
import xml.etree.ElementTree as ET
from translate.storage import po

tei, pofile = sys.argv[1:]
ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(tei).getroot()
names = {}
for p in root.iter(ns + "person"):
    n = p.find(ns + "persName")
    names["#" + p.get(XML + "id")] = n.text if n is not None and n.text else p.get(XML + "id")
expect = {}  # sentence id -> (text, [what its comments must say])
def walk(el, who):
    for c in el:
        if c.tag == ns + "div" and c.get("type") == "translation":
            continue
        w = c.get("who") if c.tag == ns + "sp" else who
        if c.tag == ns + "s":
            must = []
            if w:
                must.append("Speaker: " + names[w])
            for fact in ("speculation", "reported"):
                if "#" + fact in (c.get("ana") or "").split():
                    must.append("%s: %s." % (c.get(XML + "id"), fact))
            for t in c.iter(ns + "term"):
                must.append("Term \u300c%s\u300d" % "".join(t.itertext()))
            expect[c.get(XML + "id")] = ("".join(c.itertext()), must)
        else:
            walk(c, w)
walk(root, None)

store = po.pofile.parsefile(pofile)
seen = {}
for u in store.units:
    if u.isheader():
        continue
    comments = u.getnotes("developer")
    for loc in u.getlocations():
        assert loc in expect, "unit with reference %r, not a sentence of the TEI" % loc
        text, must = expect[loc]
        assert u.source == text, (loc, u.source, text)
        for m in must:
            assert m in comments, "%s: the PO's #. comments do not say %r:\n%s" % (loc, m, comments)
        seen[loc] = True
missing = [k for k in expect if k not in seen]
assert not missing, "sentences without a PO unit: %r" % missing
print(len(expect), "sentences, every one in the PO with its comments")
EOF
}

# fill PO OUT: the translator's work: every msgstr "EN<" + msgid + ">" (a translation of the text,
# so that repeated sentences get the same one whichever unit carries it).
fill() {
  "$PY" - "$1" "$2" <<'EOF'
import sys
from translate.storage import po
store = po.pofile.parsefile(sys.argv[1])
for u in store.units:
    if not u.isheader():
        u.target = "EN<" + u.source + ">"
store.savefile(sys.argv[2])
EOF
}

# merged TEI XLIFF LABEL [OPTIONS]: jatei-merge brings XLIFF back; every sentence translated,
# each by the translation of its own text, valid TEI.
merged() {
  mtei=$1 mxlf=$2 mlabel=$3
  shift 3
  run "$B/jatei-merge" xliff "$mtei" "$mxlf" -o "$T/merged.xml" "$@"
  check_rc 0 "$mlabel: jatei-merge" || return 0
  checks=$((checks + 1))
  grep -q 'untranslated' "$T/err" && { fail "$mlabel: sentences left untranslated"; show "$T/err"; }
  tei_ok "$T/merged.xml" "$mlabel: merged TEI"
  checks=$((checks + 1))
  "$PY" - "$T/merged.xml" >"$T/py.out" 2>&1 <<'EOF' || { fail "$mlabel: the translation"; show "$T/py.out" 20; }
import sys
import xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(sys.argv[1]).getroot()
source, target = {}, {}
for div in root.iter(ns + "div"):
    for s in div.iter(ns + "s"):
        if div.get("type") == "translation":
            target[s.get("corresp")[1:]] = "".join(s.itertext())
        else:
            source[s.get(XML + "id")] = "".join(s.itertext())
assert set(target) == set(source), "untranslated: %r" % sorted(set(source) - set(target))
for k, text in source.items():
    assert target[k] == "EN<" + text + ">", (k, target[k], text)
print(len(target), "sentences translated")
EOF
}

# round TEI LABEL: every route back, from a PO with repeated sentences in their own units
# (xliff2po's default, msgctxt) and from one where they share a unit (--duplicates=merge).
round() {
  tei=$1 label=$2
  run "$B/jatei-export" xliff --xliff 1.2 "$tei" -o "$T/a.xlf"
  check_rc 0 "$label: xliff 1.2" || return 0
  for dup in msgctxt merge; do
    run xliff2po --duplicates=$dup "$T/a.xlf" "$T/a.po"
    check_rc 0 "$label: xliff2po --duplicates=$dup" || continue
    po_notes "$tei" "$T/a.po" "$label ($dup)"
    fill "$T/a.po" "$T/t.po"
    run pomerge -t "$T/a.xlf" -i "$T/t.po" -o "$T/back.xlf"
    check_rc 0 "$label ($dup): pomerge" && merged "$tei" "$T/back.xlf" "$label ($dup): pomerge -t"
    run po2xliff -t "$T/a.xlf" "$T/t.po" "$T/back.xlf"
    check_rc 0 "$label ($dup): po2xliff -t" && merged "$tei" "$T/back.xlf" "$label ($dup): po2xliff -t"
    run po2xliff "$T/t.po" "$T/back.xlf"
    check_rc 0 "$label ($dup): po2xliff" && merged "$tei" "$T/back.xlf" "$label ($dup): po2xliff" --lang en
  done
}

"$B/jatei-annotate" -q -o "$T/ann" "$D/repeated.txt"
# The fixture repeats sentences; a check on a text without repetitions would prove nothing here.
checks=$((checks + 1))
n=$(grep -o 'なるほど' "$T/ann/repeated.tei.xml" | wc -l | tr -d ' ')
[ "$n" -ge 2 ] || fail "repeated.txt: expected a repeated sentence, found $n"
round "$T/ann/repeated.tei.xml" repeated
round "$D/dialogue.tei.xml" dialogue
finish
