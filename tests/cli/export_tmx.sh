#!/bin/sh
# jatei-export tmx: the finished translation as a translation memory for the next job. From a TEI
# with a merged translation: TMX 1.4b, valid against the TMX 1.4 DTD that OmegaT ships; read by
# translate-toolkit's TMX store (one unit per sentence pair, the source and the translation as
# merged, the sentence id and speaker as <prop>s); and loaded by OmegaT from a project's tm/auto/
# folder, where its matches translate every segment of the document's XLIFF, which jatei-merge
# brings back unchanged. Without a translation, or in another language, it refuses (65).
# Each client's part skips when the client is missing (tools/install-deps.sh installs them).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
command -v python3 >/dev/null 2>&1 || { echo "export_tmx.sh: python3 missing; skipped"; exit 77; }
X="$B/jatei-export"
D=$SRC/tests/data/export
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
JAR=/usr/share/omegat/OmegaT.jar

# No translation, or not into the language asked: refused, nothing written.
run "$X" tmx "$D/dialogue.tei.xml" -o "$T/none.tmx"
check_rc 65 "tmx without a translation"
expect_grep "no translation into 'en'" "$T/err" "tmx without a translation: the message"
checks=$((checks + 1))
[ ! -e "$T/none.tmx" ] || fail "tmx without a translation wrote a file"

# translate TEI OUT: every sentence translated "EN & <text>" through the XLIFF 1.2 round trip
translate() {
  "$X" xliff --xliff 1.2 "$1" -o "$T/a.xlf"
  python3 - "$T/a.xlf" "$T/t.xlf" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = "urn:oasis:names:tc:xliff:document:1.2"
ET.register_namespace("", ns)
tree = ET.parse(sys.argv[1])
for tu in tree.getroot().iter("{%s}trans-unit" % ns):
    t = ET.SubElement(tu, "{%s}target" % ns)
    t.set("state", "translated")
    t.text = "EN & <%s>" % "".join(tu.find("{%s}source" % ns).itertext())
tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)
EOF
  "$B/jatei-merge" xliff -q "$1" "$T/t.xlf" -o "$2"
}

# check TEI LABEL
check() {
  tei=$1 label=$2
  translate "$tei" "$T/m.xml"
  run "$X" tmx "$T/m.xml" -o "$T/a.tmx"
  check_rc 0 "$label: tmx" || return 0
  run "$X" tmx --target-lang de "$T/m.xml" -o "$T/de.tmx"
  check_rc 65 "$label: tmx into a language it has no translation for"
  if [ -f "$JAR" ] && command -v unzip >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1; then
    unzip -p "$JAR" schemas/tmx14.dtd >"$T/tmx14.dtd"
    checks=$((checks + 1))
    xmllint --noout --dtdvalid "$T/tmx14.dtd" "$T/a.tmx" >"$T/x.out" 2>&1 || { fail "$label: the TMX 1.4 DTD rejects it"; show "$T/x.out"; }
  fi
  if "$PY" -c 'import translate.storage.tmx' 2>/dev/null; then
    checks=$((checks + 1))
    "$PY" - "$T/m.xml" "$T/a.tmx" >"$T/py.out" 2>&1 <<'EOF' || { fail "$label: translate-toolkit's TMX store"; show "$T/py.out" 20; }
import sys
import xml.etree.ElementTree as ET
from translate.storage import tmx

ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(sys.argv[1]).getroot()
names = {}
for p in root.iter(ns + "person"):
    n = p.find(ns + "persName")
    names["#" + p.get(XML + "id")] = n.text if n is not None and n.text else p.get(XML + "id")
pairs, speakers = [], {}
translation = {}
for div in root.iter(ns + "div"):
    if div.get("type") == "translation":
        for s in div.iter(ns + "s"):
            translation[s.get("corresp")[1:]] = "".join(s.itertext())
def walk(el, who):
    for c in el:
        if c.tag == ns + "div" and c.get("type") == "translation":
            continue
        w = c.get("who") if c.tag == ns + "sp" else who
        if c.tag == ns + "s":
            pairs.append((c.get(XML + "id"), "".join(c.itertext())))
            if w:
                speakers[c.get(XML + "id")] = names[w]
        else:
            walk(c, w)
walk(root.find(ns + "text"), None)

store = tmx.tmxfile.parsefile(sys.argv[2])
units = list(store.units)
assert len(units) == len(pairs), (len(units), len(pairs))
for u, (sid, text) in zip(units, pairs):
    assert u.source == text, (sid, u.source, text)
    assert u.target == translation[sid], (sid, u.target, translation[sid])
    props = {p.get("type"): p.text for p in u.xmlelement.iter("prop")}
    assert props.get("x-sentence-id") == sid, (sid, props)
    assert props.get("x-speaker") == speakers.get(sid), (sid, props, speakers.get(sid))
# translate-toolkit 3.8 takes each unit's first <tuv> as its source and does not read the
# header's srclang (getsourcelanguage() stays "en"): both are checked in the tree it parsed.
root = store.document.getroot()
assert root.find("header").get("srclang") == "ja", root.find("header").attrib
for u in units:
    langs = [t.get(XML + "lang") for t in u.xmlelement.iter("tuv")]
    assert langs == ["ja", "en"], (u.getid(), langs)
print(len(units), "units;", len(speakers), "with a speaker")
EOF
  else
    echo "note: translate-toolkit not importable; its TMX check skipped"
  fi
  if [ -f "$JAR" ] && command -v java >/dev/null 2>&1; then
    P=$T/project
    rm -rf "$P"
    mkdir -p "$P/source" "$P/target" "$P/tm/auto" "$P/glossary" "$P/dictionary" "$P/omegat" "$T/home"
    omegat_project "$P"
    # The next job: the same document's XLIFF, the memory in tm/auto (OmegaT fills exact matches).
    "$X" xliff --xliff 1.2 --prefill-target "$tei" -o "$P/source/doc.xlf"
    cp "$T/a.tmx" "$P/tm/auto/previous.tmx"
    set +e
    HOME=$T/home timeout 300 java -Djava.awt.headless=true -jar "$JAR" "$P" --mode=console-translate \
      --disable-project-locking >"$T/omegat.log" 2>&1
    orc=$?
    set -e
    if [ $orc != 0 ] && ! grep -q "Loading project" "$T/omegat.log"; then
      echo "note: OmegaT did not start (exit $orc); its TMX check skipped"
      return 0
    fi
    checks=$((checks + 1))
    [ $orc = 0 ] || { fail "$label: OmegaT exit $orc"; show "$T/omegat.log" 30; return 0; }
    expect_grep "previous.tmx" "$T/omegat.log" "$label: OmegaT read the memory"
    remaining=$(sed -n 's/^Remaining:[[:space:]]*\([0-9]*\).*/\1/p' "$P/omegat/project_stats.txt")
    checks=$((checks + 1))
    [ "$remaining" = 0 ] || fail "$label: OmegaT left $remaining segments without a match from the memory"
    # What OmegaT wrote comes back as the same translation.
    run "$B/jatei-merge" xliff "$tei" "$P/target/doc.xlf" -o "$T/again.xml"
    check_rc 0 "$label: merge what OmegaT translated from the memory"
    checks=$((checks + 1))
    "$PY" - "$T/m.xml" "$T/again.xml" >"$T/py.out" 2>&1 <<'EOF' || { fail "$label: OmegaT's translation is not the memory's"; show "$T/py.out" 10; }
import sys, xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
def tr(path):
    out = {}
    for div in ET.parse(path).getroot().iter(ns + "div"):
        if div.get("type") == "translation":
            for s in div.iter(ns + "s"):
                out[s.get("corresp")] = "".join(s.itertext())
    return out
a, b = tr(sys.argv[1]), tr(sys.argv[2])
assert a == b, sorted(set(a.items()) ^ set(b.items()))[:5]
print(len(a), "sentences as in the memory")
EOF
  else
    echo "note: OmegaT ($JAR) or java missing; its TMX check skipped"
  fi
}

check "$D/dialogue.tei.xml" fixture
"$B/jatei-annotate" -q -o "$T/real" "$SRC/corpora/interview-startup.txt"
check "$T/real/interview-startup.tei.xml" interview-startup
finish
