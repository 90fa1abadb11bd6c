#!/bin/sh
# The way back, end to end with the tools: export XLIFF (2.1 and 1.2), fill every target,
# merge, validate (jatei-validate and tei_all.rng), and every source sentence has its
# translation; jatei-text still gives back the source only; merging again changes nothing.
# Then the fact-checker's loop: export the claims CSV, fill ratings in it, merge it back,
# validate, merge again (idempotent), and the exports show the verdicts. Runs on the fixture
# and on real pipeline output of corpora/. Skips (77) without python3.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
command -v python3 >/dev/null 2>&1 || { echo "export_merge.sh: python3 missing; skipped"; exit 77; }
X="$B/jatei-export"
M="$B/jatei-merge"
D=$SRC/tests/data/export
TEIRNG=$TEI_ALL

jing_ok() {
  [ -n "$TEIRNG" ] && [ -f "$TEIRNG" ] && command -v jing >/dev/null 2>&1 || return 0
  checks=$((checks + 1))
  jing "$TEIRNG" "$1" >"$T/jing.out" 2>&1 || { fail "$2: tei_all.rng rejects it"; show "$T/jing.out"; }
}

# fill IN OUT: a target "EN <id>: <n> characters" in every segment / trans-unit (ElementTree)
fill() {
  python3 - "$1" "$2" <<'EOF'
import sys, xml.etree.ElementTree as ET
src, dst = sys.argv[1], sys.argv[2]
tree = ET.parse(src)
root = tree.getroot()
ns = root.tag[1:root.tag.index("}")]
ET.register_namespace("", ns)
ET.register_namespace("gls", "urn:oasis:names:tc:xliff:glossary:2.0")
q = lambda n: "{%s}%s" % (ns, n)
if root.get("version") == "1.2":
    for tu in root.iter(q("trans-unit")):
        source = tu.find(q("source"))
        target = tu.find(q("target"))
        if target is None:
            target = ET.Element(q("target"))
            tu.insert(list(tu).index(source) + 1, target)
        target.clear()
        target.set("state", "translated")
        target.text = "EN %s: %d characters & <done>" % (tu.get("id"), len("".join(source.itertext())))
else:
    root.set("trgLang", "en")
    for seg in root.iter(q("segment")):
        source = seg.find(q("source"))
        target = seg.find(q("target"))
        if target is None:
            target = ET.SubElement(seg, q("target"))
        target.clear()
        seg.set("state", "translated")
        target.text = "EN %s: %d characters & <done>" % (seg.get("id"), len("".join(source.itertext())))
tree.write(dst, encoding="UTF-8", xml_declaration=True)
EOF
}

# every_sentence_translated TEI LABEL: each source <s> has exactly one <s corresp> in the
# translation division, with the text fill() gave it
every_sentence_translated() {
  checks=$((checks + 1))
  python3 - "$1" >"$T/py.out" 2>&1 <<'EOF' || { fail "$2: translation incomplete"; show "$T/py.out"; }
import sys, xml.etree.ElementTree as ET
ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(sys.argv[1]).getroot()
source, translated = {}, {}
for div in root.iter(ns + "div"):
    for s in div.iter(ns + "s"):
        if div.get("type") == "translation":
            assert div.get(XML + "lang") == "en"
            sid = s.get("corresp")[1:]
            assert sid not in translated, sid
            translated[sid] = "".join(s.itertext())
        else:
            source[s.get(XML + "id")] = "".join(s.itertext())
assert set(source) == set(translated), (set(source) ^ set(translated))
for sid, text in source.items():
    assert translated[sid] == "EN %s: %d characters & <done>" % (sid, len(text)), (sid, translated[sid])
print(len(source), "sentences translated")
EOF
}

# roundtrip TEI LABEL
roundtrip() {
  tei=$1 label=$2
  "$B/jatei-text" "$tei" >"$T/source.txt"
  for v in 2.1 1.2; do
    run "$X" xliff --xliff $v "$tei" -o "$T/x.xlf"
    check_rc 0 "$label: export $v" || continue
    fill "$T/x.xlf" "$T/x.filled.xlf"
    run "$M" xliff "$tei" "$T/x.filled.xlf" -o "$T/merged.xml"
    check_rc 0 "$label: merge $v" || continue
    tei_ok "$T/merged.xml" "$label: merged $v"
    jing_ok "$T/merged.xml" "$label: merged $v"
    every_sentence_translated "$T/merged.xml" "$label: merged $v"
    "$B/jatei-text" "$T/merged.xml" >"$T/merged.txt"
    same "$T/source.txt" "$T/merged.txt" "$label: jatei-text after merging $v"
    run "$M" xliff "$T/merged.xml" "$T/x.filled.xlf" -o "$T/merged2.xml"
    check_rc 0 "$label: merge $v again"
    same "$T/merged.xml" "$T/merged2.xml" "$label: merging $v twice"
    # The XLIFF of the merged document is the XLIFF of the source.
    run "$X" xliff --xliff $v "$T/merged.xml" -o "$T/y.xlf"
    same "$T/x.xlf" "$T/y.xlf" "$label: re-export after merging $v"
  done
  # Verdicts: the exported claims CSV, filled in by a checker, comes back.
  run "$X" claims --format csv "$tei" -o "$T/claims.csv"
  check_rc 0 "$label: claims csv"
  python3 - "$T/claims.csv" "$T/filled.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head = rows[0]
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as out:
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(head)
    for i, r in enumerate(rows[1:]):
        if i % 2 == 0:  # every other claim checked; the rest left for later
            r[head.index("rating")] = ["True", "Mostly false", "Unproven"][i % 3]
            r[head.index("note")] = "Checked against the primary source, row %d." % i
            r[head.index("reviewer")] = ["佐藤花子", "Kenji Mori"][i % 2 == 0 and i % 4 == 0]
            r[head.index("url")] = "https://example.org/checks/%d" % i
        w.writerow(r)
EOF
  rows=$(($(wc -l <"$T/filled.csv") - 1))
  run "$M" verdicts "$tei" "$T/filled.csv" -o "$T/reviewed.xml"
  check_rc 0 "$label: merge verdicts"
  tei_ok "$T/reviewed.xml" "$label: reviewed"
  jing_ok "$T/reviewed.xml" "$label: reviewed"
  want=$(( (rows + 1) / 2 ))
  got=$(grep -o '<note type="factcheck"' "$T/reviewed.xml" | wc -l | tr -d ' ')
  checks=$((checks + 1))
  [ "$got" = "$want" ] || fail "$label: $got verdicts merged, expected $want"
  run "$M" verdicts "$T/reviewed.xml" "$T/filled.csv" -o "$T/reviewed2.xml"
  check_rc 0 "$label: merge verdicts again"
  expect_grep "0 added, 0 updated, $want unchanged" "$T/err" "$label: verdicts again: nothing changes"
  same "$T/reviewed.xml" "$T/reviewed2.xml" "$label: merging verdicts twice"
  "$B/jatei-text" "$T/reviewed.xml" >"$T/reviewed.txt"
  same "$T/source.txt" "$T/reviewed.txt" "$label: jatei-text after verdicts"
  if [ "$want" != 0 ]; then
    run "$X" claims --format csv "$T/reviewed.xml" -o "$T/claims2.csv"
    expect_grep "Checked against the primary source, row 0." "$T/claims2.csv" "$label: verdicts in the claims CSV"
  fi
}

roundtrip "$D/dialogue.tei.xml" fixture
"$B/jatei-annotate" -q -o "$T/real" "$SRC/corpora/lecture-quantum.txt" "$SRC/corpora/interview-startup.txt" "$SRC/corpora/news-chip.txt"
for tei in "$T"/real/*.tei.xml; do roundtrip "$tei" "$(basename "$tei" .tei.xml)"; done

# A claims CSV saved by a spreadsheet on Japanese Windows (CP932) is read as what it is, and
# said; an empty file merges nothing, with a word.
tei="$T/real/news-chip.tei.xml"
run "$X" claims --format csv "$tei" -o "$T/c.csv"
check_rc 0 "claims csv for the CP932 round trip"
python3 - "$T/c.csv" "$T/c932.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head = rows[0]
r = rows[1]
r[head.index("rating")] = "正確"
r[head.index("note")] = "一次資料で確認した"
r[head.index("reviewer")] = "田中"
with open(sys.argv[2], "w", encoding="cp932", errors="replace", newline="") as out:
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(head)
    w.writerow(r)
EOF
run "$M" verdicts "$tei" "$T/c932.csv" -o "$T/r932.xml"
check_rc 0 "merge a CP932 CSV"
expect_grep "not UTF-8: read as" "$T/err" "CP932 CSV: the encoding is said" || true
expect_grep "一次資料で確認した" "$T/r932.xml" "CP932 CSV: the note in the TEI, as UTF-8" || true
tei_ok "$T/r932.xml" "CP932 CSV merged"
: >"$T/empty.csv"
run "$M" verdicts "$tei" "$T/empty.csv" -o "$T/rempty.xml"
check_rc 0 "merge an empty CSV"
expect_grep "no verdict in this file" "$T/err" "empty CSV: said" || true
finish
