#!/bin/sh
# `jatei-segment x | jatei-text` gives x back byte for byte (line ends normalised to LF, a BOM
# dropped), and `jatei-text --source` gives the source file's own bytes (its encoding, BOM and
# line ends) or refuses with exit 65 and nothing written when they cannot be rebuilt (mixed line
# ends); the TEI is deterministic and valid; jatei-annotate gives the same text.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

# expected TEXT_FILE > OUT: what jatei-text must print for a source (LF, no BOM)
expected() { lf "$1" | sed '1s/^\xEF\xBB\xBF//'; }

# source_back NAME SOURCE TEI: `jatei-text --source` gives SOURCE's bytes, or (mixed line ends)
# exit 65, a message that says why, and no output
source_back() {
  run "$B/jatei-text" --source "$3"
  if grep -q '<note type="lineEnds">mixed</note>' "$3"; then
    check_rc 65 "jatei-text --source of $1 (mixed line ends)" || return 0
    expect_grep "cannot be rebuilt" "$T/err" "jatei-text --source of $1 says why" || true
    expect_empty "$T/out" "jatei-text --source of $1 writes nothing" || true
  else
    check_rc 0 "jatei-text --source of $1" || return 0
    same "$T/out" "$2" "jatei-text --source of $1 gives the source's bytes" || true
  fi
}

# roundtrip NAME FILE: every check for one input
roundtrip() {
  name=$1 src=$2
  run "$B/jatei-segment" "$src"
  check_rc 0 "jatei-segment $name" || return 0
  mv "$T/out" "$T/a.xml"
  run "$B/jatei-segment" "$src"
  mv "$T/out" "$T/b.xml"
  same "$T/a.xml" "$T/b.xml" "jatei-segment $name twice (deterministic)" || true
  tei_ok "$T/a.xml" "jatei-segment $name" || true

  expected "$src" >"$T/want.txt"
  run "$B/jatei-text" "$T/a.xml"
  check_rc 0 "jatei-text of $name" || true
  same "$T/out" "$T/want.txt" "jatei-segment $name | jatei-text" || true
  source_back "$name" "$src" "$T/a.xml"

  # through pipes: stdin in, stdout out
  set +e
  "$B/jatei-segment" <"$src" 2>"$T/err" | "$B/jatei-text" >"$T/piped.txt" 2>>"$T/err"
  set -e
  same "$T/piped.txt" "$T/want.txt" "jatei-segment - <$name | jatei-text -" || show "$T/err"

  # jatei-annotate runs the same segmentation: the same text comes back
  rm -rf "$T/ann"
  run "$B/jatei-annotate" -q -o "$T/ann" "$src"
  check_rc 0 "jatei-annotate $name" || return 0
  base=$(basename "$src")
  out="$T/ann/${base%.*}.tei.xml"
  checks=$((checks + 1))
  [ -f "$out" ] || { fail "jatei-annotate $name wrote no ${base%.*}.tei.xml"; ls -R "$T/ann" >&2; return 0; }
  run "$B/jatei-text" "$out"
  check_rc 0 "jatei-text of jatei-annotate $name" || true
  same "$T/out" "$T/want.txt" "jatei-annotate $name | jatei-text" || true
  tei_ok "$out" "jatei-annotate $name" || true
}

# the corpus (tuning and held-out) and the seed
n=0
for f in $(find "$SRC/corpora" -name '*.txt' | sort); do
  roundtrip "corpora/${f#"$SRC/corpora/"}" "$f"
  n=$((n + 1))
done
checks=$((checks + 1))
[ "$n" -ge 5 ] || fail "only $n articles found under corpora/"
if [ -n "$SHARED" ] && [ -f "$SHARED/corpora/deepseek-r1-lecture.txt" ]; then
  roundtrip "the seed" "$SHARED/corpora/deepseek-r1-lecture.txt"
else
  echo "note: ../shared absent, seed not checked"
fi

# line ends, BOM, missing final newline, blank and whitespace-only lines
S="$T/in"
mkdir "$S"
printf '最初の文です。二つ目の文です。\r\n次の段落です！本当？\r\n\r\n最後の行。\r\n' >"$S/crlf.txt"
printf '最初の文です。二つ目の文です。\r次の段落です！\r\r最後の行。\r' >"$S/cr.txt"
printf '一行目。\r\n二行目。\n三行目。\r四行目。\r\r\n五行目。' >"$S/mixed.txt"
printf '\357\273\277タイトル\n本文です。次です。\n' >"$S/bom.txt"
printf '\357\273\277BOMとCRLF。\r\n二行目。\r\n' >"$S/bom-crlf.txt"
printf '終わりに改行がない。もう一文' >"$S/no-final-newline.txt"
printf '\n\n段落一。\n\n\n段落二。\n\n' >"$S/blank-lines.txt"
printf '段落一。\n   \n\t\n\343\200\200\343\200\200\n \t \343\200\200\n段落二。\n' >"$S/whitespace-lines.txt"
printf '  前に空白。  後ろにも。  \n\343\200\200字下げした段落です。\n\t\tタブ。\t\n' >"$S/indent.txt"
# (A file of white space only is no article: refused, 65, nothing written.)
printf '\n' >"$T/one-newline.txt"
printf '   ' >"$T/only-spaces.txt"
printf '\r\n\r\n' >"$T/only-crlf.txt"
for f in one-newline only-spaces only-crlf; do
  run "$B/jatei-segment" "$T/$f.txt"
  check_rc 65 "jatei-segment $f.txt refused" || true
  expect_empty "$T/out" "jatei-segment $f.txt writes nothing" || true
done
printf '「閉じない括弧。\n次の行は分かれる。はい。\n（注：括弧）と書いた。ABC. No.1 は2.5倍。https://example.com/a.b です。\n絵文字😀です😀次。(笑)そうだ☆ね♪\n' >"$S/mixed-script.txt"
for f in "$S"/*.txt; do
  roundtrip "$(basename "$f")" "$f"
done

# other encodings: --source gives back the bytes of each, the header's SHA-256 checked
if command -v iconv >/dev/null 2>&1; then
  for enc in SHIFT_JIS EUC-JP ISO-2022-JP UTF-16LE UTF-16BE; do
    { [ "$enc" = UTF-16LE ] && printf '\377\376'; [ "$enc" = UTF-16BE ] && printf '\376\377'; } >"$S/$enc.bytes" || true
    printf '見出し\r\n本文です。二文目です。\r\n「引用」と言った。\r\n' | iconv -f UTF-8 -t "$enc" >>"$S/$enc.bytes"
    "$B/jatei-segment" "$S/$enc.bytes" >"$T/$enc.xml"
    source_back "$enc with CRLF" "$S/$enc.bytes" "$T/$enc.xml"
  done
  # UTF-16 without a byte order mark is detected too
  printf '見出し\n本文です。\n' | iconv -f UTF-8 -t UTF-16LE >"$T/u16.txt"
  run "$B/jatei-segment" "$T/u16.txt"
  check_rc 0 "UTF-16LE without a BOM" && expect_grep '<note type="encoding">UTF-16LE</note>' "$T/out" "UTF-16LE without a BOM detected" || true
fi

# the header's SHA-256 is checked: an edited text is refused, not given back as the source
"$B/jatei-segment" "$S/crlf.txt" | sed 's/最後の行/最初の行/' >"$T/edited.xml"
run "$B/jatei-text" --source "$T/edited.xml"
check_rc 65 "jatei-text --source of an edited document" && expect_grep "SHA-256" "$T/err" "the refusal names the SHA-256" || true

# a CRLF source gives the same TEI text as its LF twin, and the header keeps the source's sha256
printf '最初の文です。二つ目の文です。\n次の段落です！本当？\n\n最後の行。\n' >"$T/lf.txt"
"$B/jatei-segment" "$S/crlf.txt" | "$B/jatei-text" >"$T/crlf.out"
"$B/jatei-segment" "$T/lf.txt" | "$B/jatei-text" >"$T/lf.out"
same "$T/crlf.out" "$T/lf.out" "CRLF and LF versions give the same text" || true
if command -v sha256sum >/dev/null 2>&1; then
  sum=$(sha256sum "$S/crlf.txt" | cut -d' ' -f1)
  "$B/jatei-segment" "$S/crlf.txt" >"$T/crlf.xml"
  expect_grep "$sum" "$T/crlf.xml" "sha256 of the source bytes in the header" || true
fi

finish
