#!/bin/sh
# jatei-claims: options and exit codes, valid and idempotent output that keeps ids, --explain,
# user lexicons and JATEI_DATA_DIR, the jatei-annotate stage, and the seed figures (when
# ../shared is there: speculation F1 >= 0.95, reported >= 0.9, questions >= 0.95, every sentence
# labelled, every speculative sentence of the seed with its cue marked).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
C=$B/jatei-claims
need_tools jatei-claims
ART=$SRC/corpora/news-chip.txt

# --- options and exit codes
run "$C" --help;            check_rc 0 "--help" && expect_grep "--explain" "$T/out" "--help lists --explain"
run "$C" --version;         check_rc 0 "--version" && expect_grep "jatei-claims 0.1.0" "$T/out" "--version"
run "$C" --no-such-flag;    check_rc 64 "unknown flag"
run "$C" "$T/missing.xml";  check_rc 66 "missing input"
printf 'plain text, not TEI\n' > "$T/plain.txt"
run "$C" "$T/plain.txt";    check_rc 65 "not XML" && expect_grep "jatei-claims:" "$T/err" "error names the tool"
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>' > "$T/broken.xml"
run "$C" "$T/broken.xml";   check_rc 65 "malformed XML" && expect_empty "$T/out" "no partial output"
printf 'x\tmaybe\t0.5\n' > "$T/bad.tsv"
"$B/jatei-segment" "$ART" > "$T/seg.xml"
run "$C" --lexicon "$T/bad.tsv" "$T/seg.xml";   check_rc 65 "bad lexicon" && expect_grep "bad.tsv" "$T/err" "lexicon error names the file"
run "$C" --lexicon "$T/none.tsv" "$T/seg.xml";  check_rc 66 "missing lexicon"
run "$C" --gazetteer "$T/bad.tsv" "$T/seg.xml"; check_rc 65 "bad gazetteer"

# --- output: valid, idempotent, ids kept, application and taxonomy declared
for f in "$SRC"/corpora/*.txt; do
  name=$(basename "$f" .txt)
  "$B/jatei-segment" "$f" > "$T/$name.0.xml"
  run "$C" "$T/$name.0.xml"; check_rc 0 "$name: claims" || continue
  cp "$T/out" "$T/$name.1.xml"
  # Valid output for valid input (a segmentation problem is jatei-segment's to report).
  if "$B/jatei-validate" -q "$T/$name.0.xml" >/dev/null 2>&1; then
    tei_ok "$T/$name.1.xml" "$name: jatei-validate"
  else
    echo "note: $name: jatei-segment's output does not validate; skipping its validation here" >&2
  fi
  "$C" "$T/$name.1.xml" > "$T/$name.2.xml"
  same "$T/$name.1.xml" "$T/$name.2.xml" "$name: idempotent"
  grep -o 'xml:id="[^"]*"' "$T/$name.0.xml" | grep -v '"\(fact\|speculation\|reported\|question\|opinion\|other\|factuality\|checking\|checkworthy\)"' | sort > "$T/ids0"
  # The ids jatei-claims adds itself: the names a reported sentence's @source points at (s5-src).
  grep -o 'xml:id="[^"]*"' "$T/$name.1.xml" | grep -v '"\(fact\|speculation\|reported\|question\|opinion\|other\|factuality\|checking\|checkworthy\)"' | grep -v -- '-src"$' | sort > "$T/ids1"
  same "$T/ids0" "$T/ids1" "$name: ids kept"
  checks=$((checks + 1))
  unlabelled=$(grep -o '<s xml:id="[^"]*"[^>]*>' "$T/$name.1.xml" | grep -vc ' ana="#' || true)
  [ "$unlabelled" = 0 ] || fail "$name: $unlabelled sentences without @ana"
  "$B/jatei-text" "$T/$name.1.xml" > "$T/$name.txt"
  lf "$f" > "$T/$name.src"
  same "$T/$name.src" "$T/$name.txt" "$name: text unchanged"
  if command -v jing >/dev/null 2>&1; then
    checks=$((checks + 1))
    if jing "$TEI_ALL" "$T/$name.0.xml" > /dev/null 2>&1; then
      jing "$TEI_ALL" "$T/$name.1.xml" > "$T/jing.out" 2>&1 || { fail "$name: tei_all.rng"; show "$T/jing.out"; }
    fi
  fi
done
# --- across tools: jatei-claims and jatei-terms keep each other's inline markup, and an element
# of each over the same characters nests one way whichever ran last (the name outside the term:
# <orgName><term>, <orgName><gloss>), so claims | terms | claims | terms gives what claims | terms
# gave, and terms | claims the same text.
if [ -x "$B/jatei-terms" ]; then
  for name in news-chip news-earnings lecture-quantum minutes-diet-medicine press-conference-rail; do
    "$B/jatei-terms" "$T/$name.1.xml" > "$T/$name.ct.xml" 2>/dev/null
    "$C" "$T/$name.ct.xml" > "$T/$name.ctc.xml"
    same "$T/$name.ct.xml" "$T/$name.ctc.xml" "$name: claims after claims | terms"
    "$B/jatei-terms" "$T/$name.ctc.xml" > "$T/$name.ctct.xml" 2>/dev/null
    same "$T/$name.ct.xml" "$T/$name.ctct.xml" "$name: claims | terms | claims | terms"
    "$B/jatei-terms" "$T/$name.0.xml" 2>/dev/null | "$C" > "$T/$name.tc.xml"
    sed -n '/<text>/,$p' "$T/$name.ct.xml" > "$T/$name.ct.body"
    sed -n '/<text>/,$p' "$T/$name.tc.xml" > "$T/$name.tc.body"
    same "$T/$name.ct.body" "$T/$name.tc.body" "$name: terms | claims marks the text as claims | terms"
  done
  # (a pattern: expect_grep takes a fixed string)
  checks=$((checks + 1))
  grep -Eq '<orgName><term xml:id="t[0-9]+">国際エネルギー機関</term></orgName>' "$T/news-chip.ctc.xml" ||
    fail "a name outside the term over it: <orgName><term …>国際エネルギー機関</term></orgName> not in news-chip.ctc.xml"
fi

expect_grep '<application ident="jatei-claims"' "$T/news-chip.1.xml" "application"
expect_grep '<taxonomy xml:id="factuality">' "$T/news-chip.1.xml" "taxonomy"
expect_grep '<measure type="currency" quantity="500000000000" unit="USD">$500Billion</measure>' "$T/news-chip.1.xml" '$500Billion'
expect_grep '<measure type="currency" quantity="500000000000" unit="USD">5000億ドル</measure>' "$T/news-chip.1.xml" '5000億ドル'
expect_grep '<date when="2024-08">2024年8月</date>' "$T/news-chip.1.xml" "2024年8月"
expect_grep '<seg type="cue" subtype="reported">によると</seg>' "$T/news-chip.1.xml" "によると"

# After speakers, when that stage is built.
if [ -x "$B/jatei-speakers" ]; then
  "$B/jatei-speakers" "$T/lecture-quantum.0.xml" > "$T/sp.xml" 2>/dev/null && {
    run "$C" "$T/sp.xml"; check_rc 0 "after jatei-speakers" && tei_ok "$T/out" "after jatei-speakers: valid"
  }
fi

# --- --explain: decisions on stderr, the same document on stdout
run "$C" --explain "$T/news-chip.0.xml"; check_rc 0 "--explain"
same "$T/out" "$T/news-chip.1.xml" "--explain leaves the output alone"
expect_grep "speculation" "$T/err" "--explain shows decisions"
expect_grep '"とみられる" speculation' "$T/err" "--explain shows cues"

# --- stdin, -o, user lexicon, JATEI_DATA_DIR
run sh -c "\"$C\" < \"$T/news-chip.0.xml\""; check_rc 0 "stdin" && same "$T/out" "$T/news-chip.1.xml" "stdin = file"
run "$C" -o "$T/o.xml" "$T/news-chip.0.xml"; check_rc 0 "-o" && same "$T/o.xml" "$T/news-chip.1.xml" "-o = stdout"
printf '気がする\tspeculation\t0.6\n' > "$T/s.txt"
"$B/jatei-segment" "$T/s.txt" > "$T/s.xml"
printf '# a newsroom cue\nと睨んでいる\tspeculation/think\t0.8\tI suspect\n' > "$T/my.tsv"
printf '犯人は内部の人間だと睨んでいる。\n' > "$T/n.txt"
"$B/jatei-segment" "$T/n.txt" > "$T/n.xml"
run "$C" "$T/n.xml";                      check_rc 0 "builtin" && expect_grep 'ana="#fact"' "$T/out" "unknown cue is fact"
run "$C" --lexicon "$T/my.tsv" "$T/n.xml"; check_rc 0 "--lexicon" && expect_grep '<seg type="cue" subtype="speculation">と睨んでいる</seg>' "$T/out" "--lexicon adds a cue"
mkdir -p "$T/data/claims"
cp "$SRC/lib/data/claims/names.tsv" "$T/data/claims/"
{ cat "$SRC/lib/data/claims/cues.tsv"; cat "$T/my.tsv"; } > "$T/data/claims/cues.tsv"
run env JATEI_DATA_DIR="$T/data" "$C" "$T/n.xml"; check_rc 0 "JATEI_DATA_DIR" && expect_grep 'subtype="speculation">と睨んでいる' "$T/out" "JATEI_DATA_DIR cues"
printf 'ミナトセミコン\torgName\n' > "$T/names.tsv"
run "$C" --gazetteer "$T/names.tsv" "$T/news-chip.0.xml"; check_rc 0 "--gazetteer"
expect_grep '<orgName>ミナトセミコン</orgName>、' "$T/out" "--gazetteer adds a name"
# entities.tsv: the words the name finder reads. A newsroom's own title (here 支局長, which the
# shipped list lacks) makes the name before it a person; an unknown list is a data error (65).
printf '支局長の話では、山辺支局長が現地に入った。\n' > "$T/t.txt"
"$B/jatei-segment" "$T/t.txt" > "$T/t.xml"
run "$C" "$T/t.xml"; check_rc 0 "entities builtin"
checks=$((checks + 1)); if grep -qF '<persName>山辺' "$T/out"; then fail "no title 支局長 in the shipped entities.tsv"; fi
mkdir -p "$T/ent/claims"
{ cat "$SRC/lib/data/claims/entities.tsv"; printf 'title\t支局長\trole\n'; } > "$T/ent/claims/entities.tsv"
run env JATEI_DATA_DIR="$T/ent" "$C" "$T/t.xml"; check_rc 0 "JATEI_DATA_DIR entities"
expect_grep '<persName>山辺<roleName>支局長</roleName></persName>' "$T/out" "a title added in entities.tsv names the person"
printf 'titel\t社長\trole\n' > "$T/ent/claims/entities.tsv"
run env JATEI_DATA_DIR="$T/ent" "$C" "$T/t.xml"; check_rc 65 "entities.tsv with an unknown list"
expect_grep "entities.tsv:1:1: " "$T/err" "entities.tsv error names its place"
expect_grep "unknown list 'titel'" "$T/err" "entities.tsv error names the unknown list"

# --- who said it: @source on a reported sentence points at the name it gives; the claims export
# and the review page show it
printf '県警によると、男は窓ガラスを割って室内に侵入した。\n同社は「安全性に問題はない」としている。\n' > "$T/src.txt"
"$B/jatei-segment" "$T/src.txt" > "$T/src.0.xml"
run "$C" "$T/src.0.xml"; check_rc 0 "sources" && cp "$T/out" "$T/src.1.xml"
expect_grep '<s xml:id="s1" ana="#reported" source="#s1-src">' "$T/src.1.xml" "@source on a reported sentence"
expect_grep '<orgName xml:id="s1-src">県警</orgName>' "$T/src.1.xml" "the source named as an orgName"
expect_grep 'source="#s2-src"' "$T/src.1.xml" "the topic of a report is its source"
tei_ok "$T/src.1.xml" "sources: valid"
if [ -x "$B/jatei-export" ]; then
  run "$B/jatei-export" claims "$T/src.1.xml"; check_rc 0 "export claims with sources"
  expect_grep '"said_by":{"id":"s1-src","name":"県警","kind":"orgName"}' "$T/out" "the export names the source"
  run "$B/jatei-export" html "$T/src.1.xml"; check_rc 0 "review page with sources"
  expect_grep 'source: 県警' "$T/out" "the review page names the source"
fi

# --- jatei-annotate runs the stage
run "$B/jatei-annotate" --list-stages; check_rc 0 "list-stages" && expect_grep "claims" "$T/out" "claims is a stage"
mkdir -p "$T/ann"
run "$B/jatei-annotate" -q --stages segment,claims -o "$T/ann" "$ART"; check_rc 0 "annotate --stages segment,claims"
[ -f "$T/ann/news-chip.tei.xml" ] && same "$T/ann/news-chip.tei.xml" "$T/news-chip.1.xml" "annotate = segment | claims"

# --- the seed's figures
if [ -z "$SHARED" ] || [ ! -f "$SHARED/corpora/deepseek-r1-lecture.txt" ]; then
  echo "seed figures skipped: no ../shared" >&2
  finish
fi
SEED=$SHARED/corpora/deepseek-r1-lecture
"$B/jatei-segment" "$SEED.txt" | "$C" > "$T/seed.xml"
python3 "$SHARED/eval/score.py" "$T/seed.xml" "$SEED.gold.json" --no-speakers --json > "$T/seed.json"
python3 - "$T/seed.json" "$T/seed.xml" "$SEED.gold.json" > "$T/seed.check" 2>&1 <<'EOF' || { fail "seed figures"; cat "$T/seed.check" >&2; }
import json, re, sys, unicodedata, difflib
import xml.etree.ElementTree as ET
m = json.load(open(sys.argv[1]))
bad = []
def need(key, floor):
    if (m.get(key) or 0) < floor: bad.append(f"{key} = {m.get(key)} < {floor}")
need('speculation_f1', 0.95); need('reported_f1', 0.9); need('question_f1', 0.95)
a, b = m['sentences_with_ana'].split('/')
if a != b: bad.append(f"sentences_with_ana {a}/{b}")
# every speculative sentence of the seed has its cue marked (or is covered by a hedge's @corresp)
T = '{http://www.tei-c.org/ns/1.0}'
X = '{http://www.w3.org/XML/1998/namespace}id'
norm = lambda s: re.sub(r'[\s・―]', '', unicodedata.normalize('NFKC', s))
root = ET.parse(sys.argv[2]).getroot()
P = [e for e in root.iter(T + 's') if norm(''.join(e.itertext()))]
covered = {p.lstrip('#') for e in P for p in (e.get('corresp') or '').split()}
gold = json.load(open(sys.argv[3]))
G = [(norm((blk['label'] or '') + s['text'] if k == 0 and blk.get('label') else s['text']), s['fact'])
     for blk in gold['blocks'] for k, s in enumerate(blk['sentences'])]
sm = difflib.SequenceMatcher(None, [norm(''.join(e.itertext())) for e in P], [g[0] for g in G], autojunk=False)
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    if tag != 'equal': continue
    for pi, gi in zip(range(i1, i2), range(j1, j2)):
        if G[gi][1][0] != 'S': continue
        e = P[pi]
        cue = any(s.get('type') == 'cue' and s.get('subtype') == 'speculation' for s in e.iter(T + 'seg'))
        if not cue and e.get(X) not in covered: bad.append(f"no cue marked in {e.get(X)}")
print('\n'.join(bad) if bad else 'seed ok: ' + ' '.join(f"{k}={m[k]}" for k in ('speculation_f1', 'reported_f1', 'question_f1')))
sys.exit(1 if bad else 0)
EOF
checks=$((checks + 1))
cat "$T/seed.check" >&2
tei_ok "$T/seed.xml" "seed: jatei-validate"
finish
