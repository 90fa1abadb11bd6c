#!/bin/sh
# jatei-annotate over folders: mirrored tree, a bad file reported without stopping the rest,
# --skip-existing, --jobs, --list-stages, --stages.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

C="$SRC/corpora"
I="$T/in"
mkdir -p "$I/a/b/c" "$I/d" "$I/empty-dir"
cp "$C/roundtable-ev.txt" "$I/top.txt"
cp "$C/roundtable-ev.txt" "$I/a/"
cp "$C/lecture-quantum.txt" "$I/a/b/"
cp "$C/interview-startup.txt" "$I/a/b/c/"
cp "$C/casual-chat-security.txt" "$I/d/"
printf '短い記事。\n' >"$I/d/short.txt"
printf '日本語の文です。\n次の行\377です。\n' >"$I/a/bad.txt"    # invalid UTF-8 at byte 34
printf 'not an article\n' >"$I/d/notes.md"                         # not *.txt: left alone

# all_outputs DIR: the files written, sorted
all_outputs() { (cd "$1" 2>/dev/null && find . -type f | sed 's|^\./||' | sort) || true; }

# --- a tree of inputs ---------------------------------------------------------------------
run "$B/jatei-annotate" -q -o "$T/res" "$I"
check_rc 65 "jatei-annotate over a tree with a bad file" || true
expect_grep "jatei-annotate: $I/a/bad.txt:2:4: " "$T/err" "the bad file is reported with its position" || true
expect_grep "byte offset 34" "$T/err" "the bad file's byte offset" || true
expect_empty "$T/out" "jatei-annotate stdout" || true
checks=$((checks + 1))
n=$(grep -c . "$T/err" || true)
[ "$n" -eq 1 ] || { fail "-q: expected only the error on stderr, got $n lines"; show "$T/err"; }
all_outputs "$T/res" >"$T/got"
printf '%s\n' a/b/c/interview-startup.tei.xml a/b/lecture-quantum.tei.xml a/roundtable-ev.tei.xml \
  d/casual-chat-security.tei.xml d/short.tei.xml top.tei.xml | sort >"$T/want"
same "$T/got" "$T/want" "the output tree mirrors the input tree (and nothing for bad.txt or notes.md)" || true
# each output gives its source text back, and is valid
for rel in $(cat "$T/want"); do
  src="$I/${rel%.tei.xml}.txt"
  "$B/jatei-text" "$T/res/$rel" >"$T/back.txt" 2>"$T/back.err" || { fail "jatei-text $rel"; show "$T/back.err"; }
  lf "$src" >"$T/src.txt"
  same "$T/back.txt" "$T/src.txt" "jatei-text of jatei-annotate $rel gives the source back" || true
done
run "$B/jatei-validate" -q $(for rel in $(cat "$T/want"); do echo "$T/res/$rel"; done)
check_rc 0 "jatei-validate every annotate output" || true

# the summary line without -q (English under C.UTF-8)
run "$B/jatei-annotate" -o "$T/out-summary" "$I"
check_rc 65 "jatei-annotate without -q" || true
expect_grep "jatei-annotate: 6 written, 1 failed" "$T/err" "summary line" || true

# a good tree exits 0
mkdir "$T/good"
cp -r "$I/a/b" "$T/good/"
run "$B/jatei-annotate" -q -o "$T/out-good" "$T/good"
check_rc 0 "jatei-annotate over a tree without bad files" || true
checks=$((checks + 1))
[ -f "$T/out-good/b/c/interview-startup.tei.xml" ] || fail "nested output b/c/interview-startup.tei.xml missing"

# files given one by one go straight into -o DIR
run "$B/jatei-annotate" -q -o "$T/out-files" "$I/top.txt" "$I/a/b/c/interview-startup.txt"
check_rc 0 "jatei-annotate FILE FILE" || true
all_outputs "$T/out-files" >"$T/got"
printf '%s\n' interview-startup.tei.xml top.tei.xml >"$T/want2"
same "$T/got" "$T/want2" "jatei-annotate FILE FILE outputs" || true

# a file where an output folder should be: an I/O error for those inputs, not a crash
touch "$T/blocker"
run "$B/jatei-annotate" -q -o "$T/blocker/sub" "$I/d"
check_rc 74 "jatei-annotate -o under a plain file" || true
expect_grep "jatei-annotate: $I/d/short.txt: " "$T/err" "-o under a plain file: message per input" || true
checks=$((checks + 1))
grep -q 'terminate\|Aborted\|what()' "$T/err" && fail "-o under a plain file: crashed"

# a missing input: 66, nothing written
run "$B/jatei-annotate" -q -o "$T/out-missing" "$T/no-such-dir"
check_rc 66 "jatei-annotate on a missing folder" || true
expect_grep "jatei-annotate: $T/no-such-dir: " "$T/err" "missing folder message" || true
checks=$((checks + 1))
[ ! -e "$T/out-missing" ] || [ -z "$(ls -A "$T/out-missing")" ] || fail "missing input: files were written"

# --names on an input with no dialogue: said for that input, the run goes on (exit 0)
run "$B/jatei-annotate" -q -o "$T/out-names" --names "記者,広報" "$SRC/corpora/news-chip.txt"
check_rc 0 "jatei-annotate --names on prose" || true
expect_grep "news-chip.txt: --names was given, but no dialogue was found" "$T/err" "--names on prose: said" || true

# A folder's text files are *.txt and *.text in any case (Windows writes .TXT);
# other files are left out with a word, and a folder with no text file is an input missing (66).
mkdir -p "$T/mixed" "$T/none"
cp "$SRC/corpora/news-chip.txt" "$T/mixed/a.TXT"
cp "$SRC/corpora/news-chip.txt" "$T/mixed/b.Text"
printf 'x' > "$T/mixed/c.docx"
printf 'x' > "$T/none/page.html"
run "$B/jatei-annotate" -o "$T/out-mixed" "$T/mixed"
check_rc 0 "jatei-annotate on .TXT and .Text" || true
all_outputs "$T/out-mixed" >"$T/got"
printf '%s\n' a.tei.xml b.tei.xml >"$T/want-mixed"
same "$T/got" "$T/want-mixed" ".TXT and .Text annotated, .docx not" || true
expect_grep "1 file(s) left out, not text (*.txt, *.text): c.docx" "$T/err" "the file left out is said and named" || true
run "$B/jatei-annotate" -q -o "$T/out-none" "$T/none"
check_rc 66 "jatei-annotate on a folder with no text file" || true
expect_grep "jatei-annotate: $T/none: no text file in this folder" "$T/err" "no text file message" || true

# --- each failure's own exit status, the run's the most severe (issue 11, row 6) -------------------
# Every failure was 65, an I/O error (74) or an input that cannot be opened (66) too.
run "$B/jatei-annotate" -q -o "$T/blocker/sub" "$I"   # 74 for the good files, 65 for bad.txt
check_rc 74 "an I/O error and bad data: the I/O error's status" || true
expect_grep "jatei-annotate: $I/a/bad.txt:2:4: " "$T/err" "the bad data is still reported" || true
run "$B/jatei-annotate" -q -o "$T/res-missing" "$I/a" "$T/no-such-file.txt"
check_rc 66 "a missing input beside a tree with bad data" || true
expect_grep "jatei-annotate: $T/no-such-file.txt: " "$T/err" "the missing input is named" || true
checks=$((checks + 1))
[ -f "$T/res-missing/b/lecture-quantum.tei.xml" ] || fail "a missing input stopped the others"

# -j 0 processed nothing and said it succeeded; it means every core.
run "$B/jatei-annotate" -q -j 0 -o "$T/j0" "$I/d"
check_rc 0 "-j 0" || true
all_outputs "$T/j0" >"$T/got"
printf '%s\n' casual-chat-security.tei.xml short.tei.xml >"$T/want0"
same "$T/got" "$T/want0" "-j 0 writes every output" || true
run "$B/jatei-annotate" --help
expect_grep "0: every core" "$T/out" "--help says what -j 0 means" || true
for bad in -1 1.5 x; do
  run "$B/jatei-annotate" -q -j "$bad" -o "$T/jbad" "$I/d"
  check_rc 64 "-j $bad" || true
done

# Two inputs that would write one output: refused before any work, nothing written (the
# second silently replaced the first).
mkdir -p "$T/same/d1" "$T/same/d2"
printf '一つ目の記事です。\n' >"$T/same/d1/x.txt"
printf '二つ目の記事です。\n' >"$T/same/d2/x.txt"
run "$B/jatei-annotate" -q -o "$T/clash" "$T/same/d1/x.txt" "$T/same/d2/x.txt"
check_rc 64 "two inputs with the same base name" || true
expect_grep "$T/same/d2/x.txt: would write $T/clash/x.tei.xml, as $T/same/d1/x.txt does" "$T/err" "the clash is named" || true
checks=$((checks + 1))
[ ! -e "$T/clash" ] || [ -z "$(ls -A "$T/clash")" ] || fail "a clash: files were written"
run "$B/jatei-annotate" -q -o "$T/clash-dirs" "$T/same/d1" "$T/same/d2"
check_rc 64 "two folders holding the same relative name" || true
# their parent folder mirrors both; the same file given twice is done once
run "$B/jatei-annotate" -q -o "$T/clash-parent" "$T/same"
check_rc 0 "the folder above both" || true
all_outputs "$T/clash-parent" >"$T/got"
printf '%s\n' d1/x.tei.xml d2/x.tei.xml >"$T/want-par"
same "$T/got" "$T/want-par" "the folder above both: both written" || true
run "$B/jatei-annotate" -q -o "$T/twice" "$T/same/d1/x.txt" "$T/same/d1/../d1/x.txt"
check_rc 0 "the same file given twice" || true

# A folder or file that cannot be read is reported (66) and the rest go on; it aborted the whole
# run with exit 70. Root reads everything, so as root the run is made as nobody.
P="$T/perm"
mkdir -p "$P/in/ok" "$P/in/locked" "$P/out"
printf '読める記事です。\n' >"$P/in/ok/a.txt"
printf '読めない記事です。\n' >"$P/in/locked/b.txt"
printf '読めないファイルです。\n' >"$P/in/secret.txt"
as_user=""
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null 2>&1 && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" != 0 ] || [ -n "$as_user" ]; then
  chmod 755 "$T" "$P" "$P/in" "$P/in/ok"
  chmod 644 "$P/in/ok/a.txt"
  chmod 777 "$P/out"
  chmod 000 "$P/in/locked" "$P/in/secret.txt"
  run $as_user "$B/jatei-annotate" -q -o "$P/out" "$P/in"
  check_rc 66 "an unreadable folder and file" || true
  expect_grep "jatei-annotate: $P/in/locked: cannot open folder" "$T/err" "the unreadable folder is named" || true
  expect_grep "jatei-annotate: $P/in/secret.txt: cannot open" "$T/err" "the unreadable file is named" || true
  checks=$((checks + 1))
  [ -f "$P/out/ok/a.tei.xml" ] || { fail "an unreadable folder stopped the rest"; show "$T/err"; }
  chmod 755 "$P/in/locked"
  chmod 644 "$P/in/secret.txt"
  chmod 700 "$T"
else
  echo "note: running as root without setpriv: the unreadable-folder check is skipped"
fi

# --- --skip-existing ----------------------------------------------------------------------------
mkdir -p "$T/skip/a/b"
echo "hand-made, keep me" >"$T/skip/top.tei.xml"
echo "also keep" >"$T/skip/a/b/lecture-quantum.tei.xml"
touch -t 200001010000 "$T/skip/top.tei.xml"
run "$B/jatei-annotate" -q --skip-existing -o "$T/skip" "$I"
check_rc 65 "jatei-annotate --skip-existing (bad.txt still fails)" || true
checks=$((checks + 1))
[ "$(cat "$T/skip/top.tei.xml")" = "hand-made, keep me" ] || fail "--skip-existing rewrote top.tei.xml"
checks=$((checks + 1))
[ "$(cat "$T/skip/a/b/lecture-quantum.tei.xml")" = "also keep" ] || fail "--skip-existing rewrote a/b/lecture-quantum.tei.xml"
checks=$((checks + 1))
[ -z "$(find "$T/skip/top.tei.xml" -newer "$T/want")" ] || fail "--skip-existing touched top.tei.xml"
same "$T/skip/a/roundtable-ev.tei.xml" "$T/res/a/roundtable-ev.tei.xml" "--skip-existing still writes the missing outputs" || true
# without it, existing outputs are replaced
run "$B/jatei-annotate" -q -o "$T/skip" "$I"
same "$T/skip/top.tei.xml" "$T/res/top.tei.xml" "without --skip-existing the output is rewritten" || true

# --- --jobs ---------------------------------------------------------------------------------------
run "$B/jatei-annotate" -q --jobs 1 -o "$T/j1" "$I"
check_rc 65 "--jobs 1" || true
run "$B/jatei-annotate" -q --jobs 2 -o "$T/j2" "$I"
check_rc 65 "--jobs 2" || true
run "$B/jatei-annotate" -q -j 8 -o "$T/j8" "$I"
check_rc 65 "-j 8" || true
all_outputs "$T/j1" >"$T/l1"
all_outputs "$T/j2" >"$T/l2"
all_outputs "$T/j8" >"$T/l8"
same "$T/l1" "$T/l2" "--jobs 1 and --jobs 2 write the same files" || true
same "$T/l1" "$T/l8" "--jobs 1 and -j 8 write the same files" || true
for rel in $(cat "$T/l1"); do
  same "$T/j1/$rel" "$T/j2/$rel" "--jobs 1 vs --jobs 2: $rel" || true
  same "$T/j1/$rel" "$T/j8/$rel" "--jobs 1 vs -j 8: $rel" || true
done
run "$B/jatei-annotate" -q --jobs many -o "$T/jx" "$I"
check_rc 64 "--jobs many" || true

# --- stages ---------------------------------------------------------------------------------------
run "$B/jatei-annotate" --list-stages
check_rc 0 "--list-stages" || true
checks=$((checks + 1))
[ "$(head -n 1 "$T/out")" = segment ] || { fail "--list-stages: the first stage is not segment"; show "$T/out"; }
cp "$T/out" "$T/stages"
run "$B/jatei-annotate" --stages no-such-stage -o "$T/st" "$I"
check_rc 64 "--stages no-such-stage" || true
expect_grep "no-such-stage" "$T/err" "--stages names the unknown stage" || true
checks=$((checks + 1))
[ ! -e "$T/st" ] || fail "--stages no-such-stage wrote output"
run "$B/jatei-annotate" --stages "segment,no-such-stage" -o "$T/st" "$I"
check_rc 64 "--stages segment,no-such-stage" || true
# every listed stage is accepted
run "$B/jatei-annotate" -q --stages "$(paste -sd, "$T/stages")" -o "$T/st-all" "$I/d"
check_rc 0 "--stages with every listed stage" || true
run "$B/jatei-annotate" -q --stages segment -o "$T/st-seg" "$I/d"
check_rc 0 "--stages segment" || true
for x in short casual-chat-security; do
  "$B/jatei-segment" "$I/d/$x.txt" >"$T/seg.xml"
  same "$T/st-seg/$x.tei.xml" "$T/seg.xml" "--stages segment writes what jatei-segment writes ($x)" || true
done

# --- every stage's options (one config for all), data errors before any input ------------
run "$B/jatei-annotate" --help
for o in --rules --weights --names --lexicon --gazetteer --termbase --no-default-termbase --explain; do
  expect_grep "$o" "$T/out" "--help lists the stage option $o" || true
done
printf '犯人は内部の人間だと睨んでいる。\n' >"$T/n.txt"
printf '# a newsroom cue\nと睨んでいる\tspeculation/think\t0.8\tI suspect\n' >"$T/my.tsv"
run "$B/jatei-annotate" -q -o "$T/lex" --lexicon "$T/my.tsv" "$T/n.txt"
check_rc 0 "--lexicon" || true
expect_grep '<seg type="cue" subtype="speculation">と睨んでいる</seg>' "$T/lex/n.tei.xml" "--lexicon reaches the claims stage" || true
printf 'ミナトセミコン\torgName\n' >"$T/names.tsv"
printf 'ミナトセミコンが発表した。\n' >"$T/g.txt"
run "$B/jatei-annotate" -q -o "$T/gaz" --gazetteer "$T/names.tsv" "$T/g.txt"
check_rc 0 "--gazetteer" || true
expect_grep '<orgName>ミナトセミコン</orgName>' "$T/gaz/g.tei.xml" "--gazetteer reaches the claims stage" || true
# a --rules file's segmentation sections reach segmentation and the speaker stage: a credit the
# user names in [caption] is no speaker label
printf '司会：今日はよろしくお願いします。\n田中：よろしくお願いします。\n司会：最初の質問です。\n田中：忙しくしています。\n編集部：ありがとうございました。\n司会：では次に。\n田中：はい。\n' >"$T/d.txt"
printf '[caption]\n編集部：\n' >"$T/credit.rules"
run "$B/jatei-annotate" -q -o "$T/plain" "$T/d.txt"
expect_grep '<speaker>編集部：</speaker>' "$T/plain/d.tei.xml" "without --rules: 編集部： is a speaker label" || true
run "$B/jatei-annotate" -q -o "$T/cred" --rules "$T/credit.rules" "$T/d.txt"
check_rc 0 "--rules" || true
checks=$((checks + 1))
grep -q '<speaker>編集部：</speaker>' "$T/cred/d.tei.xml" && fail "--rules [caption] 編集部：: still a speaker label"
"$B/jatei-text" "$T/cred/d.tei.xml" >"$T/cred.txt"
same "$T/cred.txt" "$T/d.txt" "--rules: the text is kept" || true
# --names reaches the speaker stage
printf 'こんにちは。\nこんにちは、元気ですか。\nええ、元気です。あなたは？\n私も元気です。\n' >"$T/u.txt"
run "$B/jatei-annotate" -q -o "$T/named" --names "先生,生徒" "$T/u.txt"
check_rc 0 "--names" || true
# unknown names in data files: exit 65 naming the file and line, before any output
printf '[transition]\nswich 1.0\n' >"$T/typo.weights"
run "$B/jatei-annotate" -q -o "$T/bad-w" --weights "$T/typo.weights" "$T/n.txt"
check_rc 65 "--weights with an unknown weight" || true
expect_grep "typo.weights:2:" "$T/err" "unknown weight: file and line" || true
expect_grep "transition.swich" "$T/err" "unknown weight: its name" || true
checks=$((checks + 1))
[ ! -e "$T/bad-w" ] || fail "--weights with an unknown weight wrote output"
printf 'と睨んでいる\tspeculation/thnik\t0.8\n' >"$T/typo.tsv"
run "$B/jatei-annotate" -q -o "$T/bad-l" --lexicon "$T/typo.tsv" "$T/n.txt"
check_rc 65 "--lexicon with an unknown kind" || true
expect_grep "typo.tsv:1:" "$T/err" "unknown cue kind: file and line" || true
expect_grep "thnik" "$T/err" "unknown cue kind: its name" || true
printf '[byline]\n編集部：\n\n[honorfic]\n殿\n' >"$T/typo.rules"
run "$B/jatei-annotate" -q -o "$T/bad-r" --rules "$T/typo.rules" "$T/n.txt"
check_rc 65 "--rules with an unknown section" || true
expect_grep "typo.rules:4:" "$T/err" "unknown section: file and line" || true
run "$B/jatei-annotate" -q -o "$T/bad-t" --termbase "$T/none.tbx" "$T/n.txt"
check_rc 66 "--termbase that is not there" || true
# --explain: every stage's reasons on standard error, each line after the input's name
run "$B/jatei-annotate" -q --explain -o "$T/why" "$T/d.txt"
check_rc 0 "--explain" || true
checks=$((checks + 1))
n=$(grep -c . "$T/err" || true)
m=$(grep -c "^$T/d.txt: " "$T/err" || true)
[ "$n" -gt 0 ] && [ "$n" = "$m" ] || { fail "--explain: expected lines each after the input's name ($m of $n)"; show "$T/err"; }
run "$B/jatei-annotate" -q -o "$T/nowhy" "$T/d.txt"
same "$T/why/d.tei.xml" "$T/nowhy/d.tei.xml" "--explain does not change the output" || true

# no inputs: usage error
run "$B/jatei-annotate" -o "$T/none"
check_rc 64 "jatei-annotate without inputs" || true

# --- `-`: standard input annotated alone, its TEI on standard output -----------------------------------
set +e
"$B/jatei-annotate" - <"$SRC/corpora/news-chip.txt" >"$T/stdin.tei.xml" 2>"$T/stdin.err"
rc=$?
set -e
checks=$((checks + 1))
[ "$rc" = 0 ] || { fail "jatei-annotate - exit $rc"; show "$T/stdin.err"; }
"$B/jatei-annotate" -q -o "$T/stdin-ref" "$SRC/corpora/news-chip.txt"
# the same document as from the file, but for the source's name
sed 's|news-chip.txt|-|g' "$T/stdin-ref/news-chip.tei.xml" >"$T/stdin-want"
sed 's|news-chip.txt|-|g' "$T/stdin.tei.xml" >"$T/stdin-got"
same "$T/stdin-got" "$T/stdin-want" "jatei-annotate - writes what a file input writes" || true
"$B/jatei-text" "$T/stdin.tei.xml" >"$T/stdin.txt"
same "$T/stdin.txt" "$SRC/corpora/news-chip.txt" "jatei-annotate -: every character kept" || true
for extra in "-o $T/x" "--manifest $T/m.jsonl" "--export html" "$SRC/corpora/news-chip.txt"; do
  set +e
  # shellcheck disable=SC2086
  "$B/jatei-annotate" - $extra <"$SRC/corpora/news-chip.txt" >"$T/out" 2>"$T/err"
  rc=$?
  set -e
  checks=$((checks + 1))
  [ "$rc" = 64 ] || fail "jatei-annotate - $extra: exit $rc, expected 64"
  expect_empty "$T/out" "jatei-annotate - $extra: no output" || true
done

finish
