#!/bin/sh
# --help, --version, bad flags, missing input and Japanese messages, for every tool.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

version=$(sed -n 's/^project(jatei VERSION \([0-9][0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
[ -n "$version" ] || { echo "FAIL: no project(jatei VERSION ...) in CMakeLists.txt" >&2; exit 1; }

for tool in jatei-segment jatei-text jatei-validate jatei-annotate; do
  # --help: usage and exit codes on stdout, nothing on stderr
  run "$B/$tool" --help
  check_rc 0 "$tool --help" || true
  expect_grep "Usage: $tool" "$T/out" "$tool --help" || true
  expect_grep "Exit status:" "$T/out" "$tool --help" || true
  for code in "0 ok" "64 usage" "65 bad input" "66 cannot open" "74 I/O"; do
    expect_grep "$code" "$T/out" "$tool --help exit codes" || true
  done
  expect_grep "--version" "$T/out" "$tool --help lists --version" || true
  expect_empty "$T/err" "$tool --help stderr" || true
  run "$B/$tool" -h
  check_rc 0 "$tool -h" || true
  expect_grep "Usage: $tool" "$T/out" "$tool -h" || true

  # --version: "<tool> <version>" exactly
  run "$B/$tool" --version
  check_rc 0 "$tool --version" || true
  checks=$((checks + 1))
  printf '%s %s\n' "$tool" "$version" >"$T/want"
  cmp -s "$T/out" "$T/want" || { fail "$tool --version printed '$(cat "$T/out")', expected '$tool $version'"; }
  expect_empty "$T/err" "$tool --version stderr" || true

  # unknown flag: 64, message naming the tool and the flag on stderr, nothing on stdout
  run "$B/$tool" --no-such-flag
  check_rc 64 "$tool --no-such-flag" || true
  expect_grep "$tool: " "$T/err" "$tool --no-such-flag message" || true
  expect_grep "no-such-flag" "$T/err" "$tool --no-such-flag names the flag" || true
  expect_grep "$tool --help" "$T/err" "$tool --no-such-flag hint" || true
  expect_empty "$T/out" "$tool --no-such-flag stdout" || true

  # an option missing its value is a usage error too
  if [ "$tool" != jatei-validate ]; then
    run "$B/$tool" --max-size
    check_rc 64 "$tool --max-size (no value)" || true
  fi

  # missing input: 66, "jatei-x: FILE: ..."
  run "$B/$tool" "$T/missing.txt"
  check_rc 66 "$tool missing file" || true
  expect_grep "$tool: $T/missing.txt: " "$T/err" "$tool missing file message" || true
  expect_empty "$T/out" "$tool missing file stdout" || true

  # a folder given as the input: 66, said to be a folder
  if [ "$tool" != jatei-validate ] && [ "$tool" != jatei-annotate ]; then
    mkdir -p "$T/a-folder"
    run "$B/$tool" "$T/a-folder"
    check_rc 66 "$tool folder as input" || true
    expect_grep "$tool: $T/a-folder: " "$T/err" "$tool folder as input message" || true
    expect_grep "directory" "$T/err" "$tool folder as input says so" || true
    expect_empty "$T/out" "$tool folder as input stdout" || true
  fi
done

# --- Japanese messages -------------------------------------------------------------------
# The catalog: every tr("...") of tools/ translated, and msgfmt --check clean.
po="$SRC/po/ja.po"
checks=$((checks + 1))
if command -v msgfmt >/dev/null 2>&1; then
  if ! msgfmt --check --statistics -o "$T/ja.mo" "$po" 2>"$T/msgfmt"; then
    fail "msgfmt --check po/ja.po"; show "$T/msgfmt"
  elif grep -Eq 'untranslated|fuzzy' "$T/msgfmt"; then
    fail "po/ja.po has untranslated or fuzzy messages: $(cat "$T/msgfmt")"
  fi
else
  echo "note: msgfmt not installed, catalog not checked"
fi
# The strings tr() is called with (xgettext reads C++ string concatenation properly).
checks=$((checks + 1))
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
  xgettext --keyword=tr --keyword=N_ --language=C++ --from-code=UTF-8 -o "$T/jatei.pot" "$SRC"/tools/*.cpp \
    "$SRC"/lib/src/core/pipeline.cpp "$SRC"/lib/src/text/decode.cpp "$SRC"/lib/src/tei/tei.cpp \
    "$SRC"/lib/src/tei/xml_input.cpp
  if ! msgcmp "$po" "$T/jatei.pot" 2>"$T/msgcmp"; then
    fail "po/ja.po misses strings used with tr() in tools/"; show "$T/msgcmp" 40
  fi
else
  # without gettext tools: single-line tr("...") strings must appear as msgid
  grep -ho 'tr("[^"]*")' "$SRC"/tools/*.cpp | sed 's/^tr(//; s/)$//' | sort -u >"$T/strings"
  while IFS= read -r s; do
    grep -qF "msgid $s" "$po" || fail "po/ja.po has no msgid $s"
  done <"$T/strings"
fi
mo="${JATEI_BUILD:-$B/..}/locale/ja/LC_MESSAGES/jatei.mo"
checks=$((checks + 1))
[ -f "$mo" ] || fail "the build did not compile po/ja.po to $mo"

if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  echo "note: locale ja_JP.UTF-8 is installed"
else
  echo "note: locale ja_JP.UTF-8 is not installed; Boost.Locale (ICU) must translate anyway"
fi

# wrapped_ja TOOL: the option table of a Japanese --help ($T/out) is not cut into pieces
# (Boost wraps by bytes and at spaces, which breaks Japanese words)
wrapped_ja() {
  checks=$((checks + 1))
  sed -n '/^オプション:$/,/^$/p' "$T/out" >"$T/table"
  if grep -q '^           ' "$T/table"; then
    fail "$1 --help in Japanese: an option description is wrapped mid-text"; show "$T/table" 30
  fi
}

for tool in jatei-segment jatei-text jatei-validate jatei-annotate; do
  LC_ALL=ja_JP.UTF-8 run "$B/$tool" --help
  check_rc 0 "LC_ALL=ja_JP.UTF-8 $tool --help" || true
  expect_grep "使い方: $tool" "$T/out" "$tool --help in Japanese" || true
  expect_grep "終了ステータス: 0 正常、64 使い方の誤り、65 入力データの不正" "$T/out" "$tool --help exit codes in Japanese" || true
  expect_grep "このヘルプを表示して終了する" "$T/out" "$tool --help options in Japanese" || true
  expect_grep "バージョンを表示して終了する" "$T/out" "$tool --help options in Japanese" || true
  checks=$((checks + 1))
  is_utf8 "$T/out" || { fail "$tool --help in Japanese is not valid UTF-8 (a character cut by line wrapping?)"; show "$T/out" 30; }
  wrapped_ja "$tool"
  checks=$((checks + 1))
  if grep -Eq 'show this help|show the version|Exit status|refuse inputs' "$T/out"; then
    fail "$tool --help in Japanese still has English text"; show "$T/out" 30
  fi

  LC_ALL=ja_JP.UTF-8 run "$B/$tool" "$T/missing.txt"
  check_rc 66 "LC_ALL=ja_JP.UTF-8 $tool missing file" || true
  expect_grep "$tool: $T/missing.txt: 開けません" "$T/err" "$tool missing file in Japanese" || true

  LC_ALL=ja_JP.UTF-8 run "$B/$tool" --no-such-flag
  check_rc 64 "LC_ALL=ja_JP.UTF-8 $tool --no-such-flag" || true
  expect_grep "詳しくは '$tool --help' を実行してください。" "$T/err" "$tool usage hint in Japanese" || true
  # Boost.Program_options' own words are said by the catalogue too, not in English
  expect_grep "$tool: 不明なオプション '--no-such-flag' です" "$T/err" "$tool unknown option in Japanese" || true
  LC_ALL=ja_JP.UTF-8 run "$B/$tool" --max-size
  check_rc 64 "LC_ALL=ja_JP.UTF-8 $tool --max-size" || true
  expect_grep "オプション '--max-size' には値が必要です" "$T/err" "$tool missing value in Japanese" || true
  LC_ALL=C run "$B/$tool" --max-size
  expect_grep "option '--max-size' needs a value" "$T/err" "$tool missing value under LC_ALL=C" || true

  # the C locale stays English
  LC_ALL=C run "$B/$tool" "$T/missing.txt"
  expect_grep "cannot open" "$T/err" "$tool missing file under LC_ALL=C" || true
done

# Whole messages: what varies is filled in after translation, where the Japanese puts it.
printf 'x\n' >"$T/small.txt"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-segment" --max-size 1 "$T/small.txt"
check_rc 65 "LC_ALL=ja_JP.UTF-8 jatei-segment over --max-size" || true
expect_grep "入力が上限の 1 バイトを超えています (--max-size を参照)" "$T/err" "a number inside a Japanese message" || true
LC_ALL=ja_JP.UTF-8 run "$B/jatei-export" tbx --prefill-target "$T/small.txt"
check_rc 64 "LC_ALL=ja_JP.UTF-8 jatei-export tbx --prefill-target" || true
expect_grep "--prefill-target は xliff でのみ使えます" "$T/err" "two parts of a Japanese message" || true
LC_ALL=C run "$B/jatei-export" tbx --prefill-target "$T/small.txt"
expect_grep "--prefill-target applies to xliff only" "$T/err" "the same message in English" || true
# The library's data errors (DataError::whole) in Japanese too, their figures filled in
# (stranger31 #14: they were the commonest input errors and stayed English).
printf 'caf\351\n' >"$T/latin1.txt"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-segment" "$T/latin1.txt"
check_rc 65 "LC_ALL=ja_JP.UTF-8 jatei-segment on an invalid byte" || true
expect_grep "UTF-8 として不正なバイト列です (バイトオフセット 3、バイト 0xE9)" "$T/err" "invalid bytes in Japanese" || true
LC_ALL=C run "$B/jatei-segment" "$T/latin1.txt"
expect_grep "invalid UTF-8 byte sequence at byte offset 3 (byte 0xE9)" "$T/err" "invalid bytes in English" || true
printf 'ab\000cd\n' >"$T/nul.txt"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-segment" "$T/nul.txt"
expect_grep "文字 U+0000 は XML に入れられません (バイトオフセット 2)" "$T/err" "a NUL in Japanese" || true
printf '\001\002\003\004\005\006\007\010\016\017text\n' >"$T/binary.txt"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-segment" "$T/binary.txt"
expect_grep "テキストではなくバイナリファイルのようです" "$T/err" "a binary file in Japanese" || true
printf '<foo/>\n' >"$T/notei.xml"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-text" "$T/notei.xml"
check_rc 65 "LC_ALL=ja_JP.UTF-8 jatei-text on XML that is not TEI" || true
expect_grep "TEI 文書ではありません (ルート要素が <foo> です。<TEI> が必要です)" "$T/err" "not TEI in Japanese" || true

# the other tools built beside them share cli.cpp: --help, --version, a bad flag, Japanese help
for exe in "$B"/jatei-*; do
  [ -x "$exe" ] && [ -f "$exe" ] || continue
  tool=$(basename "$exe")
  case $tool in jatei-segment|jatei-text|jatei-validate|jatei-annotate|*.*) continue ;; esac
  run "$exe" --help
  check_rc 0 "$tool --help" || true
  expect_grep "Usage: $tool" "$T/out" "$tool --help" || true
  expect_grep "Exit status:" "$T/out" "$tool --help" || true
  run "$exe" --version
  checks=$((checks + 1))
  [ "$(cat "$T/out")" = "$tool $version" ] || fail "$tool --version printed '$(cat "$T/out")', expected '$tool $version'"
  run "$exe" --no-such-flag
  check_rc 64 "$tool --no-such-flag" || true
  LC_ALL=ja_JP.UTF-8 run "$exe" --help
  check_rc 0 "LC_ALL=ja_JP.UTF-8 $tool --help" || true
  expect_grep "使い方: $tool" "$T/out" "$tool --help in Japanese" || true
  checks=$((checks + 1))
  is_utf8 "$T/out" || { fail "$tool --help in Japanese is not valid UTF-8"; show "$T/out" 30; }
  wrapped_ja "$tool"
  checks=$((checks + 1))
  if grep -Eq 'show this help|show the version|Exit status' "$T/out"; then
    fail "$tool --help in Japanese still has English text"; show "$T/out" 30
  fi
done

printf 'a\n' >"$T/small.txt"
LC_ALL=ja_JP.UTF-8 run "$B/jatei-segment" --max-size 1 "$T/small.txt"
check_rc 65 "jatei-segment --max-size 1 (Japanese)" || true
expect_grep "入力が上限の 1 バイトを超えています (--max-size を参照)" "$T/err" "--max-size message in Japanese" || true
LC_ALL=ja_JP.UTF-8 run "$B/jatei-validate" "$SRC/tests/cli/options.sh"
expect_grep "jatei-validate: " "$T/err" "jatei-validate on a non-XML file" || true

finish
