#!/bin/sh
# jatei-export and jatei-merge as command-line tools: --help, --version, the documented exit
# codes (64 usage, 65 bad data, 66 no input, 74 I/O), errors that name the file and line, no
# partial output on failure, standard input, -o onto the input itself; and jatei-annotate
# --export writing every hand-off beside each .tei.xml.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
D=$SRC/tests/data/export
F=$D/dialogue.tei.xml
X="$B/jatei-export"
M="$B/jatei-merge"
VERSION=$(sed -n 's/^project(jatei VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")

# --- help and version -------------------------------------------------------------------
for tool in jatei-export jatei-merge; do
  run "$B/$tool" --help
  check_rc 0 "$tool --help"
  expect_grep "Usage: $tool" "$T/out" "$tool --help"
  expect_grep "Exit status: 0 ok, 64 usage error, 65 bad input data" "$T/out" "$tool --help exit codes"
  run "$B/$tool" --version
  check_rc 0 "$tool --version"
  expect_grep "$tool $VERSION" "$T/out" "$tool --version"
  run "$B/$tool" --no-such-option
  check_rc 64 "$tool bad option"
  expect_grep "--help' for more information" "$T/err" "$tool bad option hint"
done
run "$X" --help
for f in xliff tbx claims html; do expect_grep "  $f " "$T/out" "help lists $f"; done

# --- jatei-export usage errors (64) -----------------------------------------------------
run "$X"
check_rc 64 "export without a format"
run "$X" pdf "$F"
check_rc 64 "unknown format"
expect_grep "unknown format: pdf" "$T/err" "unknown format message"
run "$X" tbx --xliff 1.2 "$F"
check_rc 64 "--xliff with tbx"
expect_grep "--xliff applies to xliff only" "$T/err" "option of another format"
run "$X" xliff --xliff 3.0 "$F"
check_rc 64 "--xliff 3.0"
run "$X" tbx --tbx 2010 "$F"
check_rc 64 "--tbx 2010"
run "$X" claims --format xml "$F"
check_rc 64 "--format xml"
run "$X" claims --format claimreview --date 01/02/2025 "$F"
check_rc 64 "bad --date"
run "$X" html --target-lang "e n" "$F"
check_rc 64 "bad --target-lang"
run "$X" html --termbase "$D/ja-en-ai.tbx" --no-termbase "$F"
check_rc 64 "--termbase with --no-termbase"

# --- jatei-export data and I/O errors -----------------------------------------------------
run "$X" html "$T/none.xml"
check_rc 66 "missing input"
expect_grep "none.xml" "$T/err" "missing input named"
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>\n<fileDesc></teiHeader></TEI>\n' >"$T/bad.xml"
run "$X" xliff "$T/bad.xml" -o "$T/bad.xlf"
check_rc 65 "malformed TEI"
expect_grep "bad.xml:2:" "$T/err" "malformed TEI: file and line"
[ ! -e "$T/bad.xlf" ] || fail "malformed TEI: partial output left"
printf '<html/>\n' >"$T/html.xml"
run "$X" claims "$T/html.xml"
check_rc 65 "not TEI"
expect_grep "not a TEI document" "$T/err" "not TEI message"
printf '<martif><text><body>\n' >"$T/bad.tbx"
run "$X" xliff --termbase "$T/bad.tbx" "$F"
check_rc 65 "bad termbase"
expect_grep "bad.tbx" "$T/err" "bad termbase named"
run "$X" xliff --termbase "$T/none.tbx" "$F"
check_rc 66 "missing termbase"
mkdir "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
  run "$X" html "$F" -o "$T/ro/out.html"
  check_rc 74 "unwritable output"
fi
run "$X" html "$F" -o "$T/nodir/out.html"
check_rc 74 "output in a missing folder"

# --- standard input, every format, -o ------------------------------------------------------
for f in xliff tbx claims html; do
  set +e
  "$X" "$f" --no-termbase <"$F" >"$T/stdin.$f" 2>"$T/err"
  rc=$?
  set -e
  check_rc 0 "$f from standard input"
  run "$X" "$f" --no-termbase "$F" -o "$T/file.$f"
  check_rc 0 "$f to a file"
  same "$T/stdin.$f" "$T/file.$f" "$f: stdin and file"
done
# A closed pipe is a quiet exit.
set +e
"$X" html --no-termbase "$F" 2>"$T/err" | head -c 10 >/dev/null
set -e
expect_empty "$T/err" "broken pipe"

# --- jatei-merge usage and errors ----------------------------------------------------------
run "$M" "$F" "$D/dialogue.en.xlf"
check_rc 64 "merge without a kind"
run "$M" xliff "$F"
check_rc 64 "merge xliff without a file"
run "$M" verdicts "$F" "$D/verdicts.csv" --translator X
check_rc 64 "--translator with verdicts"
run "$M" xliff - -
check_rc 64 "two standard inputs"
run "$M" xliff "$T/none.xml" "$D/dialogue.en.xlf"
check_rc 66 "merge: missing TEI"
run "$M" xliff "$F" "$T/none.xlf"
check_rc 66 "merge: missing XLIFF"
sed 's/segment id="s3"/segment id="s99"/' "$D/dialogue.en.xlf" >"$T/unknown.xlf"
run "$M" xliff "$F" "$T/unknown.xlf" -o "$T/merged.xml"
check_rc 65 "unknown segment id"
expect_grep "unknown.xlf:" "$T/err" "unknown id: file named"
expect_grep "'s99' is not a sentence of this document" "$T/err" "unknown id message"
[ ! -e "$T/merged.xml" ] || fail "unknown id: partial output left"
perl -0777 -pe 's|<segment id="s4" state="translated">.*?</segment>||s' "$D/dialogue.en.xlf" >"$T/missing.xlf"
run "$M" xliff "$F" "$T/missing.xlf"
check_rc 65 "missing segment"
expect_grep "no segment for 1 sentence(s) of the document: s4" "$T/err" "missing segment message"
perl -0777 -pe 's|(<segment id="s4" state=")translated(">\s*<source>[^<]*</source>)\s*<target>[^<]*</target>|${1}initial$2|s' "$D/dialogue.en.xlf" >"$T/partial.xlf"
run "$M" xliff "$F" "$T/partial.xlf" -o "$T/partial.tei.xml"
check_rc 0 "untranslated segment"
expect_grep "1 segment(s) untranslated (left out): s4" "$T/err" "untranslated reported"
tei_ok "$T/partial.tei.xml" "partial translation"
grep -q 'corresp="#s4"' "$T/partial.tei.xml" && fail "untranslated s4 invented"
run "$M" xliff "$F" "$T/partial.xlf" --require-complete -o "$T/complete.tei.xml"
check_rc 65 "--require-complete"
[ ! -e "$T/complete.tei.xml" ] || fail "--require-complete: partial output left"
printf 'id,rating,reviewer\ns77,False,A\n' >"$T/v.csv"
run "$M" verdicts "$F" "$T/v.csv"
check_rc 65 "verdict on an unknown sentence"
expect_grep "v.csv:2: 's77' is not a sentence" "$T/err" "verdict error: file and line"
# Every problem of the file at once, nothing merged; --skip-unknown merges the rest.
printf 'id,rating,reviewer,date\ns5,True,A,\ns77,False,A,\ns6,False,A,30/01/2025\ns88,False,A,\n' >"$T/v2.csv"
run "$M" verdicts "$F" "$T/v2.csv" -o "$T/v2.xml"
check_rc 65 "verdicts with three problems"
expect_grep "v2.csv:3: 's77' is not a sentence" "$T/err" "first problem listed"
expect_grep "v2.csv:4: the date '30/01/2025'" "$T/err" "second problem listed"
expect_grep "v2.csv:5: 's88' is not a sentence" "$T/err" "third problem listed"
expect_grep "3 row(s) cannot be merged; nothing was merged" "$T/err" "problems summed up"
[ ! -e "$T/v2.xml" ] || fail "verdicts with problems: output written"
run "$M" verdicts "$F" "$T/v2.csv" --skip-unknown -o "$T/v2.xml"
check_rc 65 "--skip-unknown still refuses a bad date"
expect_grep "v2.csv:4: the date" "$T/err" "bad date still listed with --skip-unknown"
printf 'id,rating,reviewer,date\ns5,True,A,\ns77,False,A,\ns6,False,A,2025-01-30\ns88,False,A,\n' >"$T/v3.csv"
run "$M" verdicts "$F" "$T/v3.csv" --skip-unknown -o "$T/v3.xml"
check_rc 0 "--skip-unknown merges the rest"
expect_grep "v3.csv:3: left out: 's77'" "$T/err" "left-out row reported"
expect_grep "v3.csv:5: left out: 's88'" "$T/err" "second left-out row reported"
expect_grep "2 added, 0 updated, 0 unchanged, 0 without a rating, 2 left out (unknown id)" "$T/err" "--skip-unknown summary"
tei_ok "$T/v3.xml" "merged past unknown ids"
[ "$(grep -c 'type="factcheck" subtype' "$T/v3.xml")" = 2 ] || fail "--skip-unknown: two verdicts expected"
run "$M" xliff "$F" "$D/dialogue.en.xlf" --skip-unknown
check_rc 64 "--skip-unknown with xliff"
# -o onto the input: merged in place, atomically.
cp "$F" "$T/inplace.xml"
run "$M" verdicts "$T/inplace.xml" "$D/verdicts.csv" -o "$T/inplace.xml" -q
check_rc 0 "merge in place"
expect_empty "$T/err" "-q is quiet"
tei_ok "$T/inplace.xml" "merged in place"
# The XLIFF from standard input.
set +e
"$M" xliff "$F" - -q <"$D/dialogue.en.xlf" >"$T/stdin.tei.xml" 2>"$T/err"
rc=$?
set -e
check_rc 0 "XLIFF from standard input"
tei_ok "$T/stdin.tei.xml" "merged from standard input"

# --- jatei-annotate --export ------------------------------------------------------------
run "$B/jatei-annotate" --export xliff,pdf -o "$T/ann" "$SRC/corpora/news-chip.txt"
check_rc 64 "annotate: unknown exporter"
expect_grep "unknown exporter: pdf" "$T/err" "annotate: unknown exporter message"
run "$B/jatei-annotate" -q --export xliff,tbx,claims,html -o "$T/ann" "$SRC/corpora/news-chip.txt" "$SRC/corpora/lecture-quantum.txt"
check_rc 0 "annotate --export"
for name in news-chip lecture-quantum; do
  for ext in tei.xml xlf tbx claims.jsonl html; do
    [ -s "$T/ann/$name.$ext" ] || fail "annotate --export: $name.$ext not written"
  done
  tei_ok "$T/ann/$name.tei.xml" "annotate --export: $name"
  # The same as jatei-export on the written TEI.
  run "$X" xliff "$T/ann/$name.tei.xml"
  same "$T/ann/$name.xlf" "$T/out" "annotate --export xliff = jatei-export xliff ($name)"
  run "$X" html "$T/ann/$name.tei.xml"
  same "$T/ann/$name.html" "$T/out" "annotate --export html = jatei-export html ($name)"
done
finish
