#!/bin/sh
# jatei-terms: on the seed article, the three Latin glosses with the right left edge, every
# occurrence of a termbase term marked, no term inside a Latin word; valid TEI (jatei.rng and
# tei_all.rng), idempotent; --list, --candidates (valid TBX), --explain, inconsistencies,
# bad termbases (file:line, exit 65), options and exit codes; the stage in jatei-annotate.
# Skips (77) without ../shared.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
[ -n "$SHARED" ] || { echo "terms.sh: JATEI_SHARED not set or missing; skipped"; exit 77; }
need_tools jatei-terms
SEED=$SHARED/corpora/deepseek-r1-lecture.txt
TBXRNG=$SHARED/external/tbx/core/TBXcoreStructV03.rng
TEIRNG=$TEI_ALL
TB=$SRC/corpora/termbase/ja-en-ai.tbx
have() { command -v "$1" >/dev/null 2>&1; }

# jing_ok FILE LABEL: tei_all.rng accepts FILE (when jing is installed)
jing_ok() {
  have jing || return 0
  checks=$((checks + 1))
  if ! jing "$TEIRNG" "$1" >"$T/jing.out" 2>&1; then
    fail "$2: tei_all.rng rejects it"
    show "$T/jing.out"
  fi
}

# --- the seed -------------------------------------------------------------------------
"$B/jatei-segment" "$SEED" >"$T/seed.seg.xml"
run "$B/jatei-terms" "$T/seed.seg.xml"
check_rc 0 "jatei-terms seed"
mv "$T/out" "$T/seed.xml"
tei_ok "$T/seed.xml" "seed terms"
jing_ok "$T/seed.xml" "seed terms"
expect_grep '<application ident="jatei-terms"' "$T/seed.xml" "application"
expect_grep '<ptr target="ja-en-ai.tbx" />' "$T/seed.xml" "application names the termbase"

# Idempotent, and the same through a pipe.
run "$B/jatei-terms" "$T/seed.xml"
check_rc 0 "jatei-terms twice"
same "$T/out" "$T/seed.xml" "second run gives the same bytes"
"$B/jatei-segment" "$SEED" | "$B/jatei-terms" >"$T/piped.xml"
same "$T/piped.xml" "$T/seed.xml" "jatei-segment | jatei-terms"

if have python3; then
  checks=$((checks + 1))
  if ! python3 - "$T/seed.xml" "$TB" >"$T/py.out" 2>&1 <<'EOF'
import re, sys, unicodedata
import xml.etree.ElementTree as ET
T = '{http://www.tei-c.org/ns/1.0}'
XID = '{http://www.w3.org/XML/1998/namespace}id'
LANG = '{http://www.w3.org/XML/1998/namespace}lang'
doc = ET.parse(sys.argv[1]).getroot()
tb = ET.parse(sys.argv[2]).getroot()
N = '{urn:iso:std:iso:30042:ed-2}'
ja_terms = set()
for ls in tb.iter(N + 'langSec'):
    if ls.get(LANG) == 'ja':
        for t in ls.iter(N + 'term'):
            ja_terms.add(t.text)
problems = []
ids = {e.get(XID): e for e in doc.iter() if e.get(XID)}
pairs = set()
for g in doc.iter(T + 'gloss'):
    if g.get(LANG) == 'en':
        term = ids.get(g.get('target', '').lstrip('#'))
        pairs.add((''.join(term.itertext()), ''.join(g.itertext())))
for want in [('推論', 'reasoning'), ('蒸留', 'Distillation'), ('エヌビディア', 'NVIDIA')]:
    if want not in pairs:
        problems.append('missing Latin gloss %s(%s); found %s' % (want + (sorted(pairs),)))
extra = [p for p in pairs if p not in {('推論', 'reasoning'), ('蒸留', 'Distillation'), ('エヌビディア', 'NVIDIA')}]
if extra:
    problems.append('unexpected Latin glosses: %s' % extra)

def word(c):
    c = unicodedata.normalize('NFKC', c)
    return c.isascii() and c.isalnum()

def walk(el, text, spans):
    # text of a sentence with the character ranges of its <term> and <gloss xml:lang="en"> elements
    if el.text: text.append(el.text)
    for ch in el:
        start = sum(map(len, text))
        walk(ch, text, spans)
        end = sum(map(len, text))
        spans.append((ch.tag.split('}')[1], start, end, ch.get(LANG)))
        if ch.tail: text.append(ch.tail)

count = 0
for s in doc.iter(T + 's'):
    buf, spans = [], []
    walk(s, buf, spans)
    text = ''.join(buf)
    terms = [(b, e) for (tag, b, e, l) in spans if tag == 'term']
    glosses = [(b, e) for (tag, b, e, l) in spans if tag == 'gloss' and l == 'en']
    others = [(b, e) for (tag, b, e, l) in spans if tag not in ('term', 'gloss')]
    for (b, e) in terms:
        count += 1
        if word(text[b]) and b > 0 and word(text[b - 1]) or word(text[e - 1]) and e < len(text) and word(text[e]):
            problems.append('%s: term %r inside a Latin word' % (s.get(XID), text[b:e]))
    for t in ja_terms:
        for m in re.finditer(re.escape(t), text):
            b, e = m.span()
            if word(t[0]) and b > 0 and word(text[b - 1]): continue
            if word(t[-1]) and e < len(text) and word(text[e]): continue
            if any(gb <= b and e <= ge for gb, ge in glosses): continue
            if any(b < oe and ob < e and not (ob <= b and e <= oe) and not (b <= ob and oe <= e) for ob, oe in others): continue
            if not any(b < te and tb_ < e for tb_, te in terms):
                problems.append('%s: termbase term %r at %d not marked' % (s.get(XID), t, b))
if count < 50:
    problems.append('only %d terms marked' % count)
print('\n'.join(problems) if problems else 'ok: %d terms' % count)
sys.exit(1 if problems else 0)
EOF
  then
    fail "seed terms and glosses"
    show "$T/py.out" 30
  fi
fi

# --- --list, --candidates, --explain ----------------------------------------------------
run "$B/jatei-terms" --list "$T/seed.seg.xml"
check_rc 0 "--list"
expect_grep "$(printf 'japanese\tenglish\tcount\tfirst_sentence\tsource')" "$T/out" "--list header"
expect_grep "$(printf '推論\treasoning\t')" "$T/out" "--list 推論"
expect_grep "$(printf 'エヌビディア\tNVIDIA\t1\t')" "$T/out" "--list エヌビディア"
run "$B/jatei-terms" --candidates "$T/cand.tbx" -o "$T/c.xml" "$T/seed.seg.xml"
check_rc 0 "--candidates"
same "$T/c.xml" "$T/seed.xml" "--candidates leaves the TEI as it is"
expect_grep '<term>エヌビディア</term>' "$T/cand.tbx" "candidate エヌビディア"
expect_grep '<descrip type="context">' "$T/cand.tbx" "candidate with its sentence"
if have xmllint; then
  checks=$((checks + 1))
  xmllint --noout --relaxng "$TBXRNG" "$T/cand.tbx" >"$T/x.out" 2>&1 || { fail "candidates TBX not valid"; show "$T/x.out"; }
  checks=$((checks + 1))
  xmllint --noout --relaxng "$TBXRNG" "$TB" >"$T/x.out" 2>&1 || { fail "the team termbase is not valid"; show "$T/x.out"; }
fi
run "$B/jatei-terms" --explain "$T/seed.seg.xml"
check_rc 0 "--explain"
expect_grep "explain: s25: gloss 推論 / reasoning" "$T/err" "--explain gloss"

# --- a term glossed two ways --------------------------------------------------------------
printf '強力な推論(reasoning)能力がある。\n高速な推論(inference)チップ。\n' >"$T/two.txt"
"$B/jatei-segment" "$T/two.txt" >"$T/two.seg.xml"
run "$B/jatei-terms" "$T/two.seg.xml"
check_rc 0 "inconsistency"
expect_grep "inconsistent terminology: 推論" "$T/err" "inconsistency on stderr"
expect_grep '<note type="terminology">' "$T/out" "inconsistency in the header"
mv "$T/out" "$T/two.xml"
tei_ok "$T/two.xml" "inconsistency note"
jing_ok "$T/two.xml" "inconsistency note"

# --- termbases ----------------------------------------------------------------------------
cat >"$T/client.tbx" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="k1">
      <langSec xml:lang="ja"><termSec><term>講義</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>lecture</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
EOF
run "$B/jatei-terms" --termbase "$T/client.tbx" "$T/seed.seg.xml"
check_rc 0 "--termbase adds"
expect_grep 'ref="client.tbx#k1">講義</term>' "$T/out" "client term marked"
expect_grep 'ref="ja-en-ai.tbx#' "$T/out" "default termbase still used"
run "$B/jatei-terms" --no-default-termbase --termbase "$T/client.tbx" "$T/seed.seg.xml"
check_rc 0 "--no-default-termbase"
checks=$((checks + 1))
grep -q 'ja-en-ai.tbx#' "$T/out" && fail "--no-default-termbase still uses the default"
run "$B/jatei-terms" --termbase "$SHARED/external/tbx/samples/ja-en-ai-terms.martif-tbx2008.tbx" "$T/seed.seg.xml"
check_rc 0 "TBX 2008 termbase"
expect_grep 'ja-en-ai-terms.martif-tbx2008.tbx#c1' "$T/out" "TBX 2008 entries used"

sed 's/<termNote type="partOfSpeech">noun<\/termNote>/<termNote type="partOfSpeech">名詞<\/termNote>/' "$T/client.tbx" >"$T/bad.tbx"
run "$B/jatei-terms" --termbase "$T/bad.tbx" "$T/seed.seg.xml"
check_rc 65 "bad termbase"
expect_grep "bad.tbx:6:" "$T/err" "bad termbase: file and line"
expect_grep "partOfSpeech" "$T/err" "bad termbase: what"
expect_empty "$T/out" "bad termbase: no output"
printf '<tbx>\n<oops>\n' >"$T/broken.tbx"
run "$B/jatei-terms" --termbase "$T/broken.tbx" "$T/seed.seg.xml"
check_rc 65 "malformed termbase"
expect_grep "broken.tbx:" "$T/err" "malformed termbase: file"
run "$B/jatei-terms" --termbase "$T/none.tbx" "$T/seed.seg.xml"
check_rc 66 "missing termbase"

# --- options and bad input ----------------------------------------------------------------
run "$B/jatei-terms" --help
check_rc 0 "--help"
expect_grep "--termbase" "$T/out" "--help lists --termbase"
run "$B/jatei-terms" --version
check_rc 0 "--version"
expect_grep "jatei-terms " "$T/out" "--version"
run "$B/jatei-terms" --bogus
check_rc 64 "bad option"
printf 'not xml' >"$T/bad.xml"
run "$B/jatei-terms" "$T/bad.xml"
check_rc 65 "malformed TEI"
expect_empty "$T/out" "malformed TEI: no output"
run "$B/jatei-terms" "$T/missing.xml"
check_rc 66 "missing input"

# --- everyday words: marked only where the document shows the field ------------------------
printf '入社後の三か月は学習期間です。\n避難訓練も年に二回あります。\n' >"$T/job.txt"
"$B/jatei-segment" "$T/job.txt" >"$T/job.seg.xml"
run "$B/jatei-terms" --explain "$T/job.seg.xml"
check_rc 0 "a job posting's 学習"
checks=$((checks + 1))
! grep -qF "<term " "$T/out" || fail "no term where the document shows no field: a <term> in the output"
expect_grep "学習 not marked: an everyday word" "$T/err" "--explain says why 学習 is not marked"
run "$B/jatei-terms" --every-term "$T/job.seg.xml"
check_rc 0 "--every-term"
expect_grep '>学習</term>' "$T/out" "--every-term marks 学習"
run "$B/jatei-annotate" --every-term - <"$T/job.txt"
check_rc 0 "jatei-annotate --every-term"
expect_grep '>学習</term>' "$T/out" "jatei-annotate takes --every-term"
printf '事前学習のあとの学習で、推論の精度が上がった。\n' >"$T/ml.txt"
"$B/jatei-segment" "$T/ml.txt" | "$B/jatei-terms" >"$T/ml.xml"
expect_grep '>学習</term>' "$T/ml.xml" "学習 beside 事前学習 is the field's term"

# --- terms of several senses, with the default termbase ------------------------------------
# 推論: the title's 推論サーバー (inference by the termbase's cues) decides the bare 推論 of the
# next paragraphs. 報酬: beside 強化学習 the reward of machine learning; alone in a line (pay, in
# everyday writing) both senses, and the XLIFF and TBX give both translations and say so.
printf 'LLM推論サーバーの費用\n社内チャットボットの推論基盤を見直しました。\n推論の高速化はまだ伸びしろがあります。\n' >"$T/infer.txt"
"$B/jatei-segment" "$T/infer.txt" | "$B/jatei-terms" --list >"$T/infer.tsv"
expect_grep "$(printf '推論\tinference\t3\ts1\t')" "$T/infer.tsv" "every 推論 of the article is inference"
printf 'AIと大規模言語モデル(LLM)の話\n強化学習では報酬を設計する。\n翻訳者の報酬はなぜ上がらないのか。\n' >"$T/reward.txt"
run "$B/jatei-annotate" - <"$T/reward.txt"
check_rc 0 "jatei-annotate 報酬"
cp "$T/out" "$T/reward.xml"
expect_grep '<term xml:id="t4" ref="ja-en-ai.tbx#c110">報酬</term>' "$T/reward.xml" "報酬 beside 強化学習 is the reward"
expect_grep '<term xml:id="t5" ref="ja-en-ai.tbx#c110 ja-en-ai.tbx#c196">報酬</term>' "$T/reward.xml" "a translator's 報酬: both senses"
run "$B/jatei-export" xliff "$T/reward.xml"
check_rc 0 "xliff of an ambiguous term"
expect_grep '<gls:translation source="ja-en-ai.tbx">remuneration</gls:translation>' "$T/out" "the XLIFF gives the everyday sense too"
expect_grep 'Ambiguous: the termbase has 2 senses of this term' "$T/out" "the XLIFF says the term is ambiguous"
run "$B/jatei-export" tbx "$T/reward.xml"
check_rc 0 "tbx of an ambiguous term"
expect_grep '<conceptEntry id="c110-c196">' "$T/out" "the TBX has one entry of both senses"

# --- the tuning articles and jatei-annotate ----------------------------------------------
# (Checked where jatei-segment's own output validates: this test is about what jatei-terms adds.)
for f in "$SRC"/corpora/*.txt; do
  name=$(basename "$f" .txt)
  "$B/jatei-segment" "$f" >"$T/$name.seg.xml"
  "$B/jatei-terms" "$T/$name.seg.xml" >"$T/$name.xml" 2>"$T/$name.err" || fail "$name: jatei-terms failed"
  if "$B/jatei-validate" -q "$T/$name.seg.xml" >/dev/null 2>&1; then
    tei_ok "$T/$name.xml" "$name"
  else
    echo "note: $name: jatei-segment's output does not validate; jatei-validate check skipped" >&2
  fi
  if ! have jing || jing "$TEIRNG" "$T/$name.seg.xml" >/dev/null 2>&1; then
    jing_ok "$T/$name.xml" "$name"
  fi
done
run "$B/jatei-annotate" --list-stages
expect_grep "terms" "$T/out" "terms stage registered"
run "$B/jatei-annotate" -q --stages segment,terms -o "$T/ann" "$SEED"
check_rc 0 "jatei-annotate --stages segment,terms"
same "$T/ann/deepseek-r1-lecture.tei.xml" "$T/seed.xml" "jatei-annotate gives what jatei-segment | jatei-terms gives"

finish
