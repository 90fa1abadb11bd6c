#!/bin/sh
# Awkward input: each gives valid TEI or a clear error (documented exit code, the offset or
# position named, nothing on stdout, no output file), never a crash or partial output.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
S="$T/in"
mkdir "$S"

# ok NAME FILE [OPTIONS...]: jatei-segment succeeds, the TEI validates and gives the text back
# (expected text in $S/NAME.want if present, else the LF-normalised source)
ok() {
  name=$1 src=$2
  shift 2
  run "$B/jatei-segment" "$@" "$src"
  check_rc 0 "$name: jatei-segment" || return 0
  cp "$T/out" "$T/$name.xml"
  echo "$T/$name.xml" >>"$T/to-validate"   # validated together at the end (one schema compile)
  run "$B/jatei-text" "$T/$name.xml"
  check_rc 0 "$name: jatei-text" || return 0
  if [ -f "$S/$name.want" ]; then cp "$S/$name.want" "$T/want"; else lf "$src" >"$T/want"; fi
  same "$T/out" "$T/want" "$name: text back" || true
}

# refused NAME CODE PATTERN FILE [OPTIONS...]: jatei-segment exits CODE, stderr has PATTERN
# (fixed string), stdout is empty, and -o leaves no file behind
refused() {
  name=$1 code=$2 pattern=$3 src=$4
  shift 4
  run "$B/jatei-segment" "$@" "$src"
  check_rc "$code" "$name: jatei-segment" || true
  expect_grep "$pattern" "$T/err" "$name: message" || true
  expect_grep "jatei-segment: $src" "$T/err" "$name: message names the file" || true
  expect_empty "$T/out" "$name: stdout" || true
  mkdir "$T/o"
  run "$B/jatei-segment" "$@" -o "$T/o/out.xml" "$src"
  check_rc "$code" "$name: jatei-segment -o" || true
  checks=$((checks + 1))
  if [ -n "$(ls -A "$T/o")" ]; then fail "$name: -o left files behind: $(ls -A "$T/o")"; fi
  # an existing output is left as it was
  echo keep >"$T/o/out.xml"
  run "$B/jatei-segment" "$@" -o "$T/o/out.xml" "$src"
  checks=$((checks + 1))
  [ "$(cat "$T/o/out.xml")" = keep ] || fail "$name: a failed run changed the existing output file"
  [ "$(ls -A "$T/o")" = out.xml ] || fail "$name: a failed run left files behind: $(ls -A "$T/o")"
  rm -rf "$T/o"
}

# --- empty, blank: no article in it, refused (65 at 1:1, nothing written) ------------------
: >"$S/empty.txt"
refused empty 65 "the file is empty: no text in it" "$S/empty.txt"
printf '\n\n\n\n' >"$S/blank.txt"
refused blank 65 "only white space: no text in it" "$S/blank.txt"
printf '\r\n\r\n\r\n' >"$S/blank-crlf.txt"
refused blank-crlf 65 "only white space" "$S/blank-crlf.txt"
printf '\357\273\277\343\200\200 \n' >"$S/blank-bom.txt"
refused blank-bom 65 "only white space" "$S/blank-bom.txt"
# jatei-annotate: the empty file is reported, the other files written
mkdir -p "$T/ann-in" && : >"$T/ann-in/empty.txt" && printf '一文です。\n' >"$T/ann-in/one.txt"
run "$B/jatei-annotate" -q -o "$T/ann-out" "$T/ann-in"
check_rc 65 "jatei-annotate with an empty file" || true
expect_grep "empty.txt:1:1: the file is empty" "$T/err" "jatei-annotate names the empty file" || true
checks=$((checks + 1))
[ -f "$T/ann-out/one.tei.xml" ] && [ ! -e "$T/ann-out/empty.tei.xml" ] || fail "jatei-annotate: the empty file's TEI written, or the other's not"
run sh -c 'printf "" | "$1/jatei-annotate" -' sh "$B"
check_rc 65 "jatei-annotate - on empty input" || true
expect_empty "$T/out" "jatei-annotate - on empty input: no output" || true

# --- NUL and other control characters -----------------------------------------------------
# offset: "あいう" is 9 bytes
printf 'あいう\000えお。\n' >"$S/nul.txt"
refused nul 65 "byte offset 9" "$S/nul.txt"
expect_grep "U+0000" "$T/err" "nul: message names the character" || true
printf 'あいう\357\277\275えお。\n' >"$S/nul-replaced.want"
ok nul-replaced "$S/nul.txt" --replace-invalid
run "$B/jatei-segment" --replace-invalid "$S/nul.txt"
expect_grep "warning: replaced 1 " "$T/err" "nul --replace-invalid: warning with the count" || true
printf '\000\000\000' >"$S/nul-only.txt"
refused nul-only 65 "byte offset 0" "$S/nul-only.txt"
# a binary file (a PNG's first bytes: NULs and controls) is said to be binary, where it is
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' >"$S/image.png"
refused binary 65 "image.png:3:1: the file looks binary, not text (control byte 0x00 at byte offset 8" "$S/image.png"
# short EUC-JP that is also valid Shift_JIS is read as EUC-JP (kana and kanji, not half-width katakana)
printf '\261\330\301\260\244\316\305\271\244\254\312\304\305\271\244\267\244\277\241\243\n' >"$S/short-euc.txt"
printf '駅前の店が閉店した。\n' >"$S/short-euc.want"
ok short-euc "$S/short-euc.txt"
for c in 001 007 010 013 014 033 037; do
  printf "文です。ab\\${c}c次。\\n" >"$S/ctl-$c.txt"
  # "文です。ab" is 14 bytes
  refused "control-\\$c" 65 "byte offset 14" "$S/ctl-$c.txt"
  printf '文です。ab\357\277\275c次。\n' >"$S/ctl-$c-replaced.want"
  ok "ctl-$c-replaced" "$S/ctl-$c.txt" --replace-invalid
done
# tab, DEL and C1 controls are allowed in XML 1.0: kept as they are
printf '文\tです。\177次\302\205。\n' >"$S/ctl-kept.txt"
ok ctl-kept "$S/ctl-kept.txt"

# --- a 4-million-character line without a terminator ----------------------------------------
awk 'BEGIN { s = "あいうえおかきくけこ"; for (i = 0; i < 400000; i++) printf "%s", s }' >"$S/long.txt"
checks=$((checks + 1))
[ "$(wc -c <"$S/long.txt")" -eq 12000000 ] || fail "long: generator made $(wc -c <"$S/long.txt") bytes"
ok long "$S/long.txt"
checks=$((checks + 1))
n=$(grep -o '<s xml:id=' "$T/long.xml" | wc -l)
[ "$n" -eq 1 ] || fail "long: $n sentences, expected 1"

# --- 5,000 unmatched 「 -----------------------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "「"; printf "これは文です。次の文です！最後？\n二行目です。ここも。\n" }' >"$S/brackets.txt"
ok brackets "$S/brackets.txt"
for s in '次の文です！' '最後？' '二行目です。' 'ここも。'; do
  expect_grep ">$s</s>" "$T/brackets.xml" "brackets: a sentence of its own after 5,000 unmatched 「" || true
done
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "「文。\n"; printf "終わり。次。\n" }' >"$S/brackets-lines.txt"
ok brackets-lines "$S/brackets-lines.txt"
expect_grep '>次。</s>' "$T/brackets-lines.xml" "brackets-lines: the last line still splits" || true

# --- 200,000 short lines ------------------------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "行%d。\n", i }' >"$S/lines.txt"
ok lines "$S/lines.txt"
checks=$((checks + 1))
n=$(grep -o '<s xml:id=' "$T/lines.xml" | wc -l)
[ "$n" -eq 200000 ] || fail "lines: $n sentences, expected 200000"

# --- invalid UTF-8 ---------------------------------------------------------------------------
# "日本語の文です。\n次の行" is 34 bytes, so the bad sequence starts at byte 34
for bad in '\200' '\343\201' '\300\257' '\355\240\200' '\377' '\364\220\200\200' '\370\210\200\200\200'; do
  printf "日本語の文です。\\n次の行${bad}です。\\n" >"$S/invalid.txt"
  refused "invalid UTF-8 $bad" 65 "byte offset 34" "$S/invalid.txt"
  expect_grep "$S/invalid.txt:2:" "$T/err" "invalid UTF-8 $bad: line number" || true
done
# a sequence cut off at the end of the file
printf '日本語の文です。\343\201' >"$S/truncated.txt"
refused "truncated UTF-8" 65 "byte offset 24" "$S/truncated.txt"
printf '日本語の文です。\n次の行\377です。\n' >"$S/invalid.txt"
printf '日本語の文です。\n次の行\357\277\275です。\n' >"$S/invalid-replaced.want"
ok invalid-replaced "$S/invalid.txt" --replace-invalid
run "$B/jatei-segment" --replace-invalid "$S/invalid.txt"
expect_grep "warning: replaced 1 " "$T/err" "invalid --replace-invalid: warning" || true
# from stdin: the same message, naming <stdin>
set +e
"$B/jatei-segment" <"$S/invalid.txt" >"$T/out" 2>"$T/err"
rc=$?
set -e
check_rc 65 "invalid UTF-8 on stdin" || true
expect_grep "jatei-segment: <stdin>:2:4: " "$T/err" "invalid UTF-8 on stdin: position" || true
expect_grep "byte offset 34" "$T/err" "invalid UTF-8 on stdin: offset" || true
expect_empty "$T/out" "invalid UTF-8 on stdin: stdout" || true

# --- encodings, detected -----------------------------------------------------------------------
# An article all these encodings carry losslessly (no 〜/～, whose mapping differs between
# JIS and CP932 tables).
A="$SRC/corpora/interview-startup.txt"
checks=$((checks + 1))
[ -f "$A" ] || { fail "no $A"; finish; }
# enc NAME ICONV-NAME PREFIX-BYTES HEADER-PATTERN
enc() {
  name=$1 to=$2 prefix=$3 header=$4
  f="$S/enc-$name.txt"
  printf "$prefix" >"$f"
  if ! iconv -f UTF-8 -t "$to" "$A" >>"$f" 2>"$T/iconv.err"; then
    fail "iconv cannot make $to from $(basename "$A")"; show "$T/iconv.err"; return 0
  fi
  tail -c +$(($(printf "$prefix" | wc -c) + 1)) "$f" | iconv -f "$to" -t UTF-8 >"$T/check" 2>/dev/null || true
  checks=$((checks + 1))
  cmp -s "$T/check" "$A" || { fail "$to does not carry $(basename "$A") losslessly: choose another article"; return 0; }
  cp "$A" "$S/enc-$name.want"
  ok "enc-$name" "$f"
  checks=$((checks + 1))
  if [ -f "$T/enc-$name.xml" ] && ! grep -Eq "<note type=\"encoding\">($header)</note>" "$T/enc-$name.xml"; then
    fail "enc-$name: the header does not name the encoding ($header)"
    grep -n 'type="encoding"' "$T/enc-$name.xml" >&2 || true
  fi
}
enc utf8 UTF-8 '' 'UTF-8'
enc utf8-bom UTF-8 '\357\273\277' 'UTF-8'
enc utf16le UTF-16LE '\377\376' 'UTF-16LE|UTF-16'
enc utf16be UTF-16BE '\376\377' 'UTF-16BE|UTF-16'
enc sjis SHIFT_JIS '' 'Shift_JIS|CP932|windows-31j'
enc cp932 CP932 '' 'Shift_JIS|CP932|windows-31j'
enc eucjp EUC-JP '' 'EUC-JP'
enc iso2022jp ISO-2022-JP '' 'ISO-2022-JP'

# --- encodings, named with --encoding ----------------------------------------------------------
iconv -f UTF-8 -t UTF-16LE "$A" >"$S/utf16le-nobom.txt"
cp "$A" "$S/enc-override-utf16le.want"
ok enc-override-utf16le "$S/utf16le-nobom.txt" --encoding UTF-16LE
expect_grep '<note type="encoding">UTF-16LE</note>' "$T/enc-override-utf16le.xml" "--encoding UTF-16LE: header" || true
cp "$A" "$S/enc-override-sjis.want"
ok enc-override-sjis "$S/enc-sjis.txt" --encoding Shift_JIS
cp "$A" "$S/enc-override-eucjp.want"
ok enc-override-eucjp "$S/enc-eucjp.txt" -e euc-jp
# the wrong encoding named: an error with an offset, not garbage
refused "Shift_JIS read as --encoding EUC-JP" 65 "byte offset" "$S/enc-sjis.txt" --encoding EUC-JP
refused "EUC-JP read as --encoding UTF-8" 65 "byte offset" "$S/enc-eucjp.txt" --encoding UTF-8
# an unknown name: a usage error naming it (a bad option value), before any input is read
run "$B/jatei-segment" --encoding no-such-encoding "$S/enc-utf8.txt"
check_rc 64 "--encoding no-such-encoding" && expect_grep "no-such-encoding" "$T/err" "--encoding no-such-encoding: named" || true
run "$B/jatei-annotate" -q -o "$T/unknown-enc" --encoding no-such-encoding "$S/enc-utf8.txt"
check_rc 64 "jatei-annotate --encoding no-such-encoding" || true
expect_grep "no-such-encoding" "$T/err" "--encoding no-such-encoding: message" || true
expect_empty "$T/out" "--encoding no-such-encoding: stdout" || true

# --- XML that is not good TEI ----------------------------------------------------------------
printf '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>abc</body></text></TEI>\n' >"$S/malformed.xml"
printf '<?xml version="1.0"?>\n<html><body><p>x</p></body></html>\n' >"$S/html.xml"
"$B/jatei-segment" "$A" >"$T/good.xml"
head -c 3000 "$T/good.xml" >"$S/truncated.xml"
printf 'これはXMLではない。\n' >"$S/text.xml"
: >"$S/empty.xml"
for x in malformed truncated text empty; do
  f="$S/$x.xml"
  run "$B/jatei-text" "$f"
  check_rc 65 "jatei-text $x.xml" || true
  checks=$((checks + 1))
  grep -Eq "^jatei-text: $f:[0-9]+:[0-9]+: " "$T/err" || { fail "jatei-text $x.xml: no FILE:LINE:COL: in the message"; show "$T/err"; }
  expect_empty "$T/out" "jatei-text $x.xml: stdout" || true
  run "$B/jatei-validate" "$f"
  check_rc 65 "jatei-validate $x.xml" || true
  checks=$((checks + 1))
  grep -Eq "^jatei-validate: $f:[0-9]+: " "$T/err" || { fail "jatei-validate $x.xml: no FILE:LINE: in the message"; show "$T/err"; }
done
# an empty file or one of white space only: said to be empty, naming the file (exit 65)
printf ' \n\n' >"$S/blank.xml"
for x in empty blank; do
  for tool in jatei-text jatei-validate jatei-speakers jatei-claims jatei-terms; do
    run "$B/$tool" "$S/$x.xml"
    check_rc 65 "$tool $x.xml" || true
    expect_grep "$tool: $S/$x.xml:" "$T/err" "$tool $x.xml: names the file" || true
    expect_grep "no XML document in it" "$T/err" "$tool $x.xml: says the file has no document" || true
    expect_empty "$T/out" "$tool $x.xml: stdout" || true
  done
done
run "$B/jatei-text" "$S/empty.xml"
expect_grep "the file is empty" "$T/err" "jatei-text empty.xml: says empty" || true
run "$B/jatei-text" "$S/blank.xml"
expect_grep "only white space" "$T/err" "jatei-text blank.xml: says white space only" || true
run "$B/jatei-text" "$S/malformed.xml"
expect_grep "jatei-text: $S/malformed.xml:3:" "$T/err" "jatei-text malformed.xml: line 3" || true
run "$B/jatei-validate" "$S/malformed.xml"
expect_grep "jatei-validate: $S/malformed.xml:3: " "$T/err" "jatei-validate malformed.xml: line 3" || true
run "$B/jatei-text" "$S/html.xml"
check_rc 65 "jatei-text on a non-TEI root" || true
expect_grep "jatei-text: $S/html.xml:" "$T/err" "jatei-text non-TEI root: message" || true
expect_grep "TEI" "$T/err" "jatei-text non-TEI root: says TEI was expected" || true
expect_empty "$T/out" "jatei-text non-TEI root: stdout" || true
run "$B/jatei-validate" "$S/html.xml"
check_rc 65 "jatei-validate on a non-TEI root" || true
expect_grep "jatei-validate: $S/html.xml:2: " "$T/err" "jatei-validate non-TEI root: message" || true
# jatei-text -o: no file on failure
mkdir "$T/o"
run "$B/jatei-text" -o "$T/o/out.txt" "$S/malformed.xml"
checks=$((checks + 1))
[ -z "$(ls -A "$T/o")" ] || fail "jatei-text -o left files after a failure: $(ls -A "$T/o")"
rm -rf "$T/o"

# --- over --max-size -----------------------------------------------------------------------------
size=$(wc -c <"$A")
refused "over --max-size" 65 "input is larger than the limit of 1000 bytes (see --max-size)" "$A" --max-size 1000
run "$B/jatei-segment" --max-size "$size" "$A"
check_rc 0 "exactly --max-size" || true
set +e
"$B/jatei-segment" --max-size 1000 <"$A" >"$T/out" 2>"$T/err"
rc=$?
set -e
check_rc 65 "over --max-size on stdin" || true
expect_grep "larger than the limit of 1000 bytes" "$T/err" "over --max-size on stdin: message" || true
expect_empty "$T/out" "over --max-size on stdin: stdout" || true
run "$B/jatei-text" --max-size 1000 "$T/good.xml"
check_rc 65 "jatei-text over --max-size" || true
expect_grep "larger than the limit of 1000 bytes" "$T/err" "jatei-text over --max-size: message" || true
expect_empty "$T/out" "jatei-text over --max-size: stdout" || true
run "$B/jatei-segment" --max-size lots "$A"
check_rc 64 "--max-size lots" || true

# --- a closed pipe --------------------------------------------------------------------------------
# the reader stops after 10 bytes: the writer leaves quietly (no message, exit 0)
for t in segment text; do
  case $t in segment) in=$S/long.txt ;; text) "$B/jatei-segment" "$S/long.txt" >"$T/long.xml"; in=$T/long.xml ;; esac
  { "$B/jatei-$t" "$in" 2>"$T/pipe.err"; echo $? >"$T/pipe.rc"; } | head -c 10 >"$T/pipe.out"
  expect_empty "$T/pipe.err" "jatei-$t into a closed pipe: stderr" || true
  checks=$((checks + 1))
  [ "$(cat "$T/pipe.rc")" = 0 ] || fail "jatei-$t into a closed pipe: exit $(cat "$T/pipe.rc"), expected 0"
  checks=$((checks + 1))
  [ "$(wc -c <"$T/pipe.out")" -eq 10 ] || fail "jatei-$t into a closed pipe: head got $(wc -c <"$T/pipe.out") bytes"
done

# --- every TEI written above is valid ------------------------------------------------------------
checks=$((checks + 1))
set +e
"$B/jatei-validate" -q $(cat "$T/to-validate") >"$T/val.out" 2>"$T/val.err"
vrc=$?
set -e
if [ "$vrc" != 0 ]; then
  fail "jatei-validate of the TEI written for awkward input: exit $vrc"
  show "$T/val.err" 40
fi
checks=$((checks + 1))
[ "$(wc -l <"$T/to-validate")" -ge 25 ] || fail "only $(wc -l <"$T/to-validate") outputs were validated"

# An HTML page or a TEI given to jatei-segment: segmented as text (nothing lost), with a word
printf '<!DOCTYPE html>\n<html><body><p>こんにちは。</p></body></html>\n' >"$T/page.html"
run "$B/jatei-segment" "$T/page.html"
check_rc 0 "jatei-segment on an HTML page" || true
expect_grep "looks like an HTML page" "$T/err" "HTML page: said" || true
"$B/jatei-segment" "$SRC/corpora/news-chip.txt" >"$T/nc.xml"
run "$B/jatei-segment" "$T/nc.xml"
check_rc 0 "jatei-segment on a TEI" || true
expect_grep "looks like XML" "$T/err" "TEI to jatei-segment: said" || true
run "$B/jatei-segment" "$SRC/corpora/news-chip.txt"
checks=$((checks + 1))
grep -q "looks like" "$T/err" && fail "plain text: a markup warning"
finish
