#!/bin/sh
# Who speaks, in the TEI community's own renderers: the TEI Consortium's stylesheets
# (tests/external/tei-stylesheets, else ../shared/external/tei-stylesheets) run by Saxon-HE on
# the pipeline's output of an unlabelled dialogue (every turn inferred) and a labelled one.
# An inferred turn carries <speaker><supplied reason="inferred">NAME</supplied></speaker>;
# the stock HTML conversion shows it, the jatei profile (schemas/tei-stylesheets/profiles/jatei)
# shows it in Markdown and plain text, where the stock conversions drop every <speaker>.
# The documents stay valid (jatei-validate, tei_all.rng with jing) and jatei-text still gives
# the source back byte for byte. Skips (77) without java, Saxon-HE or the stylesheets.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-annotate jatei-speakers
SAXON=/usr/share/java/Saxon-HE.jar
XSL=$SRC/tests/external/tei-stylesheets
[ -f "$XSL/html/html.xsl" ] || XSL=${SHARED:-/nonexistent}/external/tei-stylesheets
command -v java >/dev/null 2>&1 && [ -f "$SAXON" ] || { echo "tei_render.sh: java or Saxon-HE missing; skipped"; exit 77; }
[ -f "$XSL/html/html.xsl" ] || { echo "tei_render.sh: TEI Stylesheets missing; skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "tei_render.sh: python3 missing; skipped"; exit 77; }

# The stylesheets as a TEI Stylesheets checkout has them, with the jatei profile in profiles/.
mkdir -p "$T/xsl/profiles"
for d in common html markdown txt css i18n.xml VERSION; do
  [ -e "$XSL/$d" ] && ln -s "$XSL/$d" "$T/xsl/$d"
done
ln -s "$SRC/schemas/tei-stylesheets/profiles/jatei" "$T/xsl/profiles/jatei"

saxon() {  # saxon IN XSL OUT LABEL
  checks=$((checks + 1))
  java -jar "$SAXON" -s:"$1" -xsl:"$2" -o:"$3" >"$T/saxon.out" 2>&1 || { fail "$4: Saxon failed"; show "$T/saxon.out"; return 1; }
}

for article in lecture-quantum lecture-antibiotics; do
  src=$SRC/corpora/$article.txt
  [ -f "$src" ] || continue
  tei=$T/$article.xml
  run "$B/jatei-annotate" --quiet -j 1 "$src" -o "$T/ann"
  check_rc 0 "$article: annotate" || continue
  cp "$T/ann/$article.tei.xml" "$tei"
  tei_ok "$tei" "$article"
  if command -v jing >/dev/null 2>&1 && [ -f "$TEI_ALL" ]; then
    checks=$((checks + 1))
    jing "$TEI_ALL" "$tei" >"$T/jing.out" 2>&1 || { fail "$article: tei_all.rng rejects it"; show "$T/jing.out"; }
  fi
  run "$B/jatei-text" "$tei"
  checks=$((checks + 1))
  cmp -s "$T/out" "$src" || fail "$article: jatei-text does not give the source back"
  # Read and written again by a stage: the same bytes (the supplied speaker is not duplicated).
  run "$B/jatei-speakers" "$tei"
  checks=$((checks + 1))
  cmp -s "$T/out" "$tei" || fail "$article: jatei-speakers again changes the document"

  saxon "$tei" "$T/xsl/html/html.xsl" "$T/$article.html" "$article: html" || true
  saxon "$tei" "$T/xsl/profiles/jatei/markdown/to.xsl" "$T/$article.md" "$article: markdown" || true
  saxon "$tei" "$T/xsl/profiles/jatei/txt/to.xsl" "$T/$article.txt" "$article: txt" || true
  checks=$((checks + 1))
  python3 - "$tei" "$T/$article.html" "$T/$article.md" "$T/$article.txt" >"$T/py.out" 2>&1 <<'EOF' || { fail "$article: who speaks is not shown"; show "$T/py.out" 30; }
import re, sys
import xml.etree.ElementTree as ET
tei, html, md, txt = sys.argv[1:5]
NS = "{http://www.tei-c.org/ns/1.0}"
XID = "{http://www.w3.org/XML/1998/namespace}id"
root = ET.parse(tei).getroot()
names = {p.get(XID): "".join((p.find(NS + "persName").itertext() if p.find(NS + "persName") is not None else [])) or p.get("role") or ""
         for p in root.iter(NS + "person")}
turns = []  # (id, shown speaker, supplied?)
for sp in root.iter(NS + "sp"):
    spk = sp.find(NS + "speaker")
    assert spk is not None, f"{sp.get(XID)}: nobody speaks"
    sup = spk.find(NS + "supplied")
    if sup is not None:
        assert sup.get("reason") == "inferred"
        want = "・".join(names[w.lstrip("#")] for w in sp.get("who").split())
        assert sup.text == want, (sp.get(XID), sup.text, want)
        turns.append((sp.get(XID), sup.text, True))
    else:
        turns.append((sp.get(XID), "".join(spk.itertext()).strip(), False))
assert turns, "no turns"
h = open(html, encoding="utf-8").read()
m = open(md, encoding="utf-8").read()
t = open(txt, encoding="utf-8").read().splitlines()
# HTML (stock): each turn's speaker box holds its name.
for tid, name, sup in turns:
    box = re.search(r'<div class="speaker" id="%s">(.*?)</div>' % re.escape(tid), h, re.S)
    assert box, f"{tid}: no speaker box in the HTML"
    assert name in re.sub(r"<[^>]+>", "", box.group(1)), (tid, box.group(1)[:200])
# Markdown and text (jatei profile): one speaker line per turn, in order.
md_lines = [l for l in m.splitlines() if l.startswith("**") and l.endswith("**")]
want_md = ["**" + (("\\[" + n + "\\]") if s else n) + "**" for _, n, s in turns]
assert md_lines == want_md, (md_lines[:5], want_md[:5])
want_txt = [("[" + n + "]") if s else n for _, n, s in turns]
got_txt = [l for l in t if l in set(want_txt)]
assert got_txt == want_txt, (got_txt[:5], want_txt[:5])
print(len(turns), "turns,", sum(s for _, _, s in turns), "supplied")
EOF
  cat "$T/py.out"
done
# The unlabelled lecture: every turn is inferred, so every one has a supplied speaker.
if [ -f "$T/lecture-quantum.xml" ]; then
  checks=$((checks + 1))
  grep -q '<supplied reason="inferred">' "$T/lecture-quantum.xml" || fail "lecture-quantum: no supplied speaker"
fi
finish
