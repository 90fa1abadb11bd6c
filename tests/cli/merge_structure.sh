#!/bin/sh
# jatei-merge xliff mirrors the source's structure: every translated <s> sits in the same chain
# of elements as its source sentence (the division's type as @subtype, <sp> with the same @who,
# <list>/<quote>/<figure>, the block), each element pointing at its source by @corresp, in
# source order; the result is valid against schemas/jatei.rng and the official tei_all.rng
# (jing), when every sentence is translated and when only some are (partial translations leave
# out what has no translated sentence, and must stay TEI). A translated turn never carries the
# source's <speaker> label (source text); it shows who speaks as an unlabelled source turn does,
# <speaker><supplied reason="inferred"> with the participants' names from particDesc. Skips (77)
# without python3 or jing.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
command -v python3 >/dev/null 2>&1 || { echo "merge_structure.sh: python3 missing; skipped"; exit 77; }
command -v jing >/dev/null 2>&1 || { echo "merge_structure.sh: jing missing; skipped"; exit 77; }
D=$SRC/tests/data/export

# fill IN OUT EVERY: "EN <id>" as the target of every EVERY-th trans-unit (1: all), the others
# left without a target
fill() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys, xml.etree.ElementTree as ET
src, dst, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
ns = "urn:oasis:names:tc:xliff:document:1.2"
ET.register_namespace("", ns)
tree = ET.parse(src)
for i, tu in enumerate(tree.getroot().iter("{%s}trans-unit" % ns)):
    if i % every:
        continue
    t = ET.SubElement(tu, "{%s}target" % ns)
    t.set("state", "translated")
    t.text = "EN " + tu.get("id")
tree.write(dst, encoding="UTF-8", xml_declaration=True)
EOF
}

# mirrored TEI MERGED LABEL: the structure check
mirrored() {
  checks=$((checks + 1))
  python3 - "$1" "$2" >"$T/py.out" 2>&1 <<'EOF' || { fail "$3: structure"; show "$T/py.out" 20; }
import sys, xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
src_root = ET.parse(sys.argv[1]).getroot()
out_root = ET.parse(sys.argv[2]).getroot()
body = out_root.find(ns + "text").find(ns + "body")

people = {}
for p in src_root.iter(ns + "person"):
    n = p.find(ns + "persName")
    people[p.get(XML + "id")] = n.text if n is not None and n.text else (p.get("role") or "")

def supplied_name(who):
    """the speaker the TEI writer supplies: the participants' names (else roles), joined with ・"""
    return "\u30fb".join(people[w.lstrip("#")] for w in who.split() if people.get(w.lstrip("#")))

def chains(root, keep):
    """sentence id -> [(tag, id or corresp, extra)] from the division down to the <s>'s parent"""
    out, order = {}, []
    def walk(el, path):
        for c in el:
            if c.tag == ns + "s":
                key = c.get(XML + "id") if keep == "source" else c.get("corresp")[1:]
                assert key not in out, key
                out[key] = path
                order.append(key)
            elif c.tag in (ns + "speaker",):
                continue
            else:
                walk(c, path + [c])
    for div in root.find(ns + "text").find(ns + "body").findall(ns + "div"):
        if (div.get("type") == "translation") == (keep == "translation"):
            walk(div, [div])
    return out, order

src, src_order = chains(src_root, "source")
tr, tr_order = chains(out_root, "translation")
assert tr, "nothing translated"
assert tr_order == [k for k in src_order if k in tr], "translated sentences out of source order"
for sid, path in tr.items():
    spath = src[sid]
    assert len(path) == len(spath), (sid, [e.tag for e in path], [e.tag for e in spath])
    for t, s in zip(path, spath):
        if s.tag == ns + "div":
            assert t.tag == ns + "div" and t.get("type") == "translation", (sid, t.tag)
            assert t.get("subtype") == s.get("type"), (sid, t.get("subtype"), s.get("type"))
            assert t.get(XML + "lang") == "en"
            continue
        want = s.tag
        if s.tag == ns + "trailer" and t.tag == ns + "p":
            want = ns + "p"  # a trailer whose blocks are all untranslated
        assert t.tag == want, (sid, t.tag, s.tag)
        if s.get(XML + "id"):
            assert t.get("corresp") == "#" + s.get(XML + "id"), (sid, t.tag, t.get("corresp"), s.get(XML + "id"))
            assert t.get(XML + "id") == s.get(XML + "id") + ".en", (sid, t.get(XML + "id"))
        if s.tag == ns + "sp":
            assert t.get("who") == s.get("who") and t.get("cert") == s.get("cert"), (sid, t.attrib, s.attrib)
            # Who speaks, for readers and renderers of the parallel text: never the source's
            # label (source text), only the speaker the editor supplies from particDesc, as for
            # an unlabelled source turn.
            sk = t.find(ns + "speaker")
            if sk is not None:
                sup = sk.find(ns + "supplied")
                assert sup is not None and len(sk) == 1 and not (sk.text or "").strip(), ("a source label in the translation", sid)
                assert sup.get("reason") == "inferred", (sid, sup.attrib)
                assert sup.text == supplied_name(s.get("who")), (sid, sup.text, supplied_name(s.get("who")))
                ssk = s.find(ns + "speaker")
                if ssk is not None and ssk.find(ns + "supplied") is not None:
                    assert ssk.find(ns + "supplied").text == sup.text, (sid, ssk.find(ns + "supplied").text, sup.text)
            else:
                assert supplied_name(s.get("who")) == "", (sid, "no speaker for a turn whose participants have names")
kinds = sorted({e.tag[len(ns):] for p in tr.values() for e in p})
print(len(tr), "sentences in", ", ".join(kinds))
EOF
}

# check TEI LABEL
check() {
  tei=$1 label=$2
  run "$B/jatei-export" xliff --xliff 1.2 "$tei" -o "$T/a.xlf"
  check_rc 0 "$label: xliff" || return 0
  for every in 1 2 3; do
    fill "$T/a.xlf" "$T/t.xlf" $every
    run "$B/jatei-merge" xliff "$tei" "$T/t.xlf" -o "$T/m.xml"
    check_rc 0 "$label (1 in $every): merge" || continue
    tei_ok "$T/m.xml" "$label (1 in $every): jatei-validate"
    checks=$((checks + 1))
    jing "$SRC/schemas/jatei.rng" "$T/m.xml" >"$T/jing.out" 2>&1 || { fail "$label (1 in $every): jatei.rng (jing)"; show "$T/jing.out"; }
    checks=$((checks + 1))
    jing "$TEI_ALL" "$T/m.xml" >"$T/jing.out" 2>&1 || { fail "$label (1 in $every): tei_all.rng (jing)"; show "$T/jing.out"; }
    mirrored "$tei" "$T/m.xml" "$label (1 in $every)"
    [ $every = 1 ] && cp "$T/py.out" "$T/kinds.$label"
  done
  return 0
}

check "$D/dialogue.tei.xml" fixture
# The fixture has every kind the mirror must keep.
checks=$((checks + 1))
for k in sp head item list trailer byline p; do
  grep -q "[ ,]$k\(,\|\$\)" "$T/kinds.fixture" || fail "fixture: no translated sentence in a <$k>: $(cat "$T/kinds.fixture")"
done
"$B/jatei-annotate" -q -o "$T/real" "$SRC/corpora/press-conference-rail.txt" "$SRC/corpora/news-chip.txt" \
  "$SRC/corpora/lecture-quantum.txt" "$SRC/corpora/interview-startup.txt"
for tei in "$T"/real/*.tei.xml; do check "$tei" "$(basename "$tei" .tei.xml)"; done
# One of them has a quotation, and one a dialogue.
checks=$((checks + 1))
cat "$T"/kinds.* | grep -q "quote" || fail "no translated sentence in a <quote>: $(cat "$T"/kinds.*)"
finish
