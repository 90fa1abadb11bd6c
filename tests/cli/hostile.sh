#!/bin/sh
# Hostile input through the tools (issue 11, rows 1-3): each reproduction of the issue gives
# valid output or exit 65 with the place named, never a crash, stack bytes in the output, or an
# ill-formed document.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-claims jatei-merge

# deep N NAME: N nested <NAME> elements around "x"
deep() { python3 -c "import sys; n=int(sys.argv[1]); t=sys.argv[2]; sys.stdout.write('<%s>'%t*n+'x'+'</%s>'%t*n)" "$1" "$2"; }

# --- row 1: a number of 70 digits gives a valid @quantity, not 64 bytes of stack ----------------
python3 -c "print('人口は' + '9'*70 + '人です。')" >"$T/digits.txt"
run sh -c "\"$B/jatei-segment\" \"$T/digits.txt\" | \"$B/jatei-claims\""
check_rc 0 "70 digits: jatei-segment | jatei-claims" || true
cp "$T/out" "$T/digits.xml"
expect_grep 'quantity="1e+70"' "$T/digits.xml" "70 digits: the quantity in exponent form" || true
tei_ok "$T/digits.xml" "70 digits: the claims output validates" || true
run "$B/jatei-text" "$T/digits.xml"
check_rc 0 "70 digits: jatei-text reads the claims output" || true
same "$T/out" "$T/digits.txt" "70 digits: the text comes back" || true

# --- row 2: deep nesting is refused with exit 65 (it was SIGSEGV) --------------------------------
"$B/jatei-segment" "$SRC/corpora/news-chip.txt" >"$T/doc.xml"
python3 - "$T/doc.xml" "$T/deep.xml" 50000 <<'EOF'
import sys
x = open(sys.argv[1], encoding='utf-8').read()
n = int(sys.argv[3])
i = x.index('<s xml:id="s1">') + len('<s xml:id="s1">')
open(sys.argv[2], 'w', encoding='utf-8').write(x[:i] + '<hi>' * n + '</hi>' * n + x[i:])
EOF
run "$B/jatei-text" "$T/deep.xml"
check_rc 65 "50,000 nested elements: jatei-text" || true
expect_grep "nested more than 256 deep" "$T/err" "50,000 nested: the message says why" || true
expect_empty "$T/out" "50,000 nested: no output" || true

python3 - "$T/doc.xml" "$T/deep20k.xml" 20000 <<'EOF'
import sys
x = open(sys.argv[1], encoding='utf-8').read()
n = int(sys.argv[3])
i = x.index('<s xml:id="s1">') + len('<s xml:id="s1">')
open(sys.argv[2], 'w', encoding='utf-8').write(x[:i] + '<hi>' * n + '</hi>' * n + x[i:])
EOF
run "$B/jatei-validate" "$T/deep20k.xml"
check_rc 65 "20,000 nested elements: jatei-validate" || true
expect_grep "nested more than 256 deep" "$T/err" "20,000 nested: jatei-validate names the problem" || true

"$B/jatei-export" xliff "$T/doc.xml" -o "$T/doc.xlf"
python3 - "$T/doc.xlf" "$T/deep.xlf" <<'EOF'
import sys
x = open(sys.argv[1], encoding='utf-8').read()
i = x.index('</source>') + len('</source>')
n = 100000
open(sys.argv[2], 'w', encoding='utf-8').write(x[:i] + '<target>' + '<pc id="p">' * n + 'x' + '</pc>' * n + '</target>' + x[i:])
EOF
run "$B/jatei-merge" xliff "$T/doc.xml" "$T/deep.xlf"
check_rc 65 "100,000 nested in an XLIFF target: jatei-merge xliff" || true
expect_grep "nested more than 256 deep" "$T/err" "100,000 nested XLIFF: the message says why" || true

# --- row 3: characters XML cannot hold are refused at their line --------------------------------
python3 - "$T/doc.xml" "$T" <<'EOF'
import sys
x = open(sys.argv[1], 'rb').read()
i = x.index(b'<s xml:id="s1">') + len(b'<s xml:id="s1">')
for name, ins in (('ff', b'\xff'), ('ref1', b'&#x1;'), ('ref0', b'&#0;'), ('fffe', b'&#xFFFE;'), ('sur', b'&#xD800;')):
    open(sys.argv[2] + '/bad-' + name + '.xml', 'wb').write(x[:i] + ins + x[i:])
EOF
line=$(grep -n '<s xml:id="s1">' "$T/doc.xml" | head -n 1 | cut -d: -f1)
for name in ff ref1 ref0 fffe sur; do
  for tool in jatei-text jatei-claims jatei-speakers jatei-terms; do
    [ -x "$B/$tool" ] || continue
    run "$B/$tool" "$T/bad-$name.xml"
    check_rc 65 "$name inside an <s>: $tool" || true
    expect_grep "bad-$name.xml:$line:" "$T/err" "$name: $tool names the line" || true
    expect_empty "$T/out" "$name: $tool writes nothing" || true
  done
  run "$B/jatei-validate" "$T/bad-$name.xml"
  check_rc 65 "$name inside an <s>: jatei-validate" || true
done

# a verdict line with invalid UTF-8 or a control character
printf 'id,rating,reviewer\ns1,\377false,checker\n' >"$T/v-bad.csv"
printf 'id,rating,reviewer\ns1,fa\001lse,checker\n' >"$T/v-ctl.csv"
for v in v-bad v-ctl; do
  run "$B/jatei-merge" verdicts "$T/doc.xml" "$T/$v.csv"
  check_rc 65 "$v.csv: jatei-merge verdicts" || true
  expect_grep "$v.csv:2:" "$T/err" "$v.csv: the line is named" || true
  expect_empty "$T/out" "$v.csv: nothing written" || true
done
finish
