#!/bin/sh
# jatei-validate: good files pass; each problem is reported as FILE:LINE: message with exit 65
# (schema violation, duplicate xml:id, dangling #pointer, <s> without xml:id); several files in
# one run with the schema compiled once; --schema errors.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
V="$B/jatei-validate"

"$B/jatei-segment" "$SRC/corpora/interview-startup.txt" >"$T/good.xml"
"$B/jatei-segment" "$SRC/corpora/lecture-quantum.txt" >"$T/good2.xml"
printf 'あ\n' >"$T/empty.txt"  # (the least article: an empty file is refused by jatei-segment)
"$B/jatei-segment" "$T/empty.txt" >"$T/good-empty.xml"

# --- good files ------------------------------------------------------------------------------
for g in good good2 good-empty; do
  run "$V" "$T/$g.xml"
  check_rc 0 "jatei-validate $g.xml" || true
  expect_grep "$T/$g.xml: valid" "$T/out" "jatei-validate $g.xml says valid" || true
  expect_empty "$T/err" "jatei-validate $g.xml stderr" || true
done
run "$V" -q "$T/good.xml"
check_rc 0 "jatei-validate -q" || true
expect_empty "$T/out" "jatei-validate -q prints nothing for a valid file" || true
set +e
"$V" <"$T/good.xml" >"$T/out" 2>"$T/err"
rc=$?
set -e
check_rc 0 "jatei-validate from standard input" || true
expect_grep "<stdin>: valid" "$T/out" "jatei-validate from standard input" || true

# the line an <s xml:id="s3"> starts on: every broken file below is broken there
line=$(grep -n '<s xml:id="s3">' "$T/good.xml" | head -n 1 | cut -d: -f1)
checks=$((checks + 1))
[ -n "$line" ] || { fail "good.xml has no <s xml:id=\"s3\">"; finish; }

# bad NAME 'PATTERN' [MESSAGE...]: jatei-validate NAME.xml exits 65 and prints each MESSAGE as
# "jatei-validate: FILE:LINE: MESSAGE"; nothing on stdout
bad() {
  name=$1
  shift
  f="$T/$name.xml"
  run "$V" "$f"
  check_rc 65 "jatei-validate $name.xml" || true
  expect_empty "$T/out" "jatei-validate $name.xml stdout" || true
  for m in "$@"; do
    expect_grep "jatei-validate: $f:$line: $m" "$T/err" "jatei-validate $name.xml" || true
  done
  checks=$((checks + 1))
  if grep -v "^jatei-validate: $f:[0-9][0-9]*: " "$T/err" | grep -q .; then
    fail "jatei-validate $name.xml: a message not in the form FILE:LINE: message"; show "$T/err"
  fi
}

# schema violation: an element the profile does not have
sed 's|<s xml:id="s3">|<bogus/><s xml:id="s3">|' "$T/good.xml" >"$T/schema.xml"
bad schema ""
expect_grep "bogus" "$T/err" "the schema violation names the element" || true
# schema violation: a block type the profile does not have
sed 's|<div type="article">|<div type="nonsense">|' "$T/good.xml" >"$T/divtype.xml"
run "$V" "$T/divtype.xml"
check_rc 65 "jatei-validate divtype.xml (unknown div type)" || true

# duplicate xml:id
sed 's|<s xml:id="s3">|<s xml:id="s2">|' "$T/good.xml" >"$T/dup.xml"
bad dup "duplicate xml:id 's2'"
# said once: not again in libxml2's words (ID s2 already defined / redefined, Invalid attribute id)
checks=$((checks + 1))
[ "$(grep -c . "$T/err")" -eq 1 ] || { fail "a duplicated xml:id is reported more than once"; show "$T/err"; }

# dangling pointer
sed 's|<s xml:id="s3">|<s xml:id="s3" ana="#nowhere">|' "$T/good.xml" >"$T/pointer.xml"
bad pointer "pointer #nowhere on <s> does not resolve"
# a pointer that resolves is fine
sed 's|<s xml:id="s3">|<s xml:id="s3" ana="#s2">|' "$T/good.xml" >"$T/pointer-ok.xml"
run "$V" "$T/pointer-ok.xml"
check_rc 0 "jatei-validate pointer-ok.xml (#s2 exists)" || true

# <s> without xml:id
sed 's|<s xml:id="s3">|<s>|' "$T/good.xml" >"$T/noid.xml"
bad noid "<s> without xml:id"

# --- several files in one run ------------------------------------------------------------------
run "$V" "$T/good.xml" "$T/dup.xml" "$T/good2.xml" "$T/pointer.xml"
check_rc 65 "jatei-validate good dup good2 pointer" || true
expect_grep "$T/good.xml: valid" "$T/out" "several files: good.xml valid" || true
expect_grep "$T/good2.xml: valid" "$T/out" "several files: good2.xml valid (checked after a bad one)" || true
expect_grep "jatei-validate: $T/dup.xml:$line: duplicate xml:id" "$T/err" "several files: dup.xml reported" || true
expect_grep "jatei-validate: $T/pointer.xml:$line: pointer #nowhere" "$T/err" "several files: pointer.xml reported" || true
run "$V" "$T/good.xml" "$T/good2.xml" "$T/good-empty.xml"
check_rc 0 "jatei-validate with three good files" || true
# a missing file among them: 66 wins over 65, the others are still checked
run "$V" "$T/dup.xml" "$T/missing.xml" "$T/good.xml"
check_rc 66 "jatei-validate dup missing good" || true
expect_grep "jatei-validate: $T/missing.xml: " "$T/err" "the missing file is named" || true
expect_grep "$T/good.xml: valid" "$T/out" "files after a missing one are checked" || true

# the schema is compiled once: it includes a FIFO, which can be read only once, so compiling
# it again for a later file would block (and time out)
if command -v mkfifo >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
  mkfifo "$T/part.fifo"
  printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="part.fifo"/></grammar>\n' >"$T/once.rng"
  cat "$SRC/schemas/jatei.rng" >"$T/part.fifo" &
  feeder=$!
  set +e
  timeout 30 "$V" --schema "$T/once.rng" "$T/good.xml" "$T/good2.xml" "$T/dup.xml" "$T/good.xml" >"$T/out" 2>"$T/err"
  rc=$?
  set -e
  kill "$feeder" 2>/dev/null || true
  wait "$feeder" 2>/dev/null || true
  checks=$((checks + 1))
  if [ "$rc" = 124 ]; then
    fail "jatei-validate read the schema more than once (timed out on a schema read from a FIFO)"
  else
    check_rc 65 "jatei-validate --schema (FIFO) with four files" || true
    checks=$((checks + 1))
    [ "$(grep -c ': valid$' "$T/out")" -eq 3 ] || { fail "FIFO schema: expected 3 valid files"; show "$T/out"; }
  fi
else
  echo "note: no mkfifo/timeout, compile-once not checked"
fi

# --- --schema ------------------------------------------------------------------------------------
run "$V" --schema "$T/no-such.rng" "$T/good.xml"
check_rc 66 "jatei-validate --schema with a missing file" || true
expect_grep "jatei-validate: " "$T/err" "missing schema message" || true
expect_grep "no-such.rng" "$T/err" "missing schema message names the schema" || true
expect_empty "$T/out" "missing schema stdout" || true
printf 'not a schema\n' >"$T/broken.rng"
run "$V" --schema "$T/broken.rng" "$T/good.xml"
checks=$((checks + 1))
case $rc in 65|66) ;; *) fail "jatei-validate --schema broken.rng: exit $rc, expected 65"; show "$T/err" ;; esac
expect_grep "broken.rng" "$T/err" "broken schema message names the schema" || true
run "$V" --schema "$SRC/schemas/jatei.rng" "$T/good.xml"
check_rc 0 "jatei-validate --schema schemas/jatei.rng" || true
# a schema that rejects everything: the file is reported against it
cat >"$T/other.rng" <<'EOF'
<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="other"><empty/></element></start></grammar>
EOF
run "$V" --schema "$T/other.rng" "$T/good.xml"
check_rc 65 "jatei-validate --schema other.rng" || true
expect_grep "jatei-validate: $T/good.xml:2: " "$T/err" "other schema: FILE:LINE: of the root" || true

finish
