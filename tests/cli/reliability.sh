#!/bin/sh
# Output files, pipes, limits and data files (issue 11, rows 4, 5, 7, 8 and 10): the temporary
# output file cannot be redirected and never outlives the run, named pipes are read as streams
# within --max-size, a file size limit gives exit 74, and bad option values and data files are
# refused with the documented exit codes. jatei-annotate's rows (6) are in annotate.sh.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-claims jatei-merge jatei-speakers jatei-terms jatei-export

A="$SRC/corpora/news-chip.txt"
"$B/jatei-segment" "$A" >"$T/doc.xml"

# no_temp PREFIX LABEL: no temporary file PREFIX.tmp.* is left
no_temp() {
  checks=$((checks + 1))
  set -- "$1" "$2" "$(ls "$1".tmp.* 2>/dev/null | head -n 1)"
  [ -z "$3" ] || fail "$2: a temporary file was left behind: $3"
}

# mode FILE: its permission bits in octal
mode() { stat -c %a "$1"; }

# --- row 4: the temporary output file --------------------------------------------------------------
# A link planted where the temporary file used to be (OUT.tmp.PID, the pid known through exec)
# was followed, and the file it points to overwritten.
printf 'not to be touched\n' >"$T/victim"
cp "$T/victim" "$T/victim.orig"
run sh -c 'ln -s "$1/victim" "$1/planted.xml.tmp.$$"; exec "$2/jatei-segment" "$3" -o "$1/planted.xml"' sh "$T" "$B" "$A"
check_rc 0 "a link planted at OUT.tmp.PID" || true
same "$T/victim" "$T/victim.orig" "the file a planted link points to is not written" || true
same "$T/planted.xml" "$T/doc.xml" "the output is written where asked" || true

# An existing target keeps its permissions; a new one gets what the umask gives.
"$B/jatei-segment" "$A" -o "$T/private.xml"
chmod 600 "$T/private.xml"
"$B/jatei-segment" "$A" -o "$T/private.xml"
checks=$((checks + 1))
[ "$(mode "$T/private.xml")" = 600 ] || fail "a 0600 target became $(mode "$T/private.xml")"
chmod 640 "$T/private.xml"
"$B/jatei-text" "$T/doc.xml" -o "$T/private.xml"
checks=$((checks + 1))
[ "$(mode "$T/private.xml")" = 640 ] || fail "jatei-text: a 0640 target became $(mode "$T/private.xml")"
(umask 027 && "$B/jatei-segment" "$A" -o "$T/new.xml")
checks=$((checks + 1))
[ "$(mode "$T/new.xml")" = 640 ] || fail "a new target under umask 027 is $(mode "$T/new.xml"), expected 640"
no_temp "$T/private.xml" "after successful runs"

# A run killed while its output is being written leaves neither the target nor its temporary
# file. jatei-segment is held where its temporary file exists: its warning about a replaced
# byte goes to a pipe that is already full and that nobody reads, so it blocks there until the
# signal comes.
printf 'こんにちは。\377です。\n' >"$T/replace.txt"
mkfifo "$T/stderr.fifo"
for sig in TERM INT HUP; do
  out="$T/killed-$sig.xml"
  sleep 300 <"$T/stderr.fifo" &
  holder=$!
  exec 9>"$T/stderr.fifo"
  head -c 65536 /dev/zero >&9   # fills the pipe
  # env --default-signal: a background job of a shell script starts with SIGINT ignored.
  env --default-signal="$sig" "$B/jatei-segment" --replace-invalid "$T/replace.txt" -o "$out" 2>&9 &
  pid=$!
  i=0
  while [ $i -lt 200 ] && ! ls "$out".tmp.* >/dev/null 2>&1; do
    sleep 0.05
    i=$((i + 1))
  done
  checks=$((checks + 1))
  ls "$out".tmp.* >/dev/null 2>&1 || fail "SIG$sig: the temporary file never appeared (the test's hold did not work)"
  kill -s "$sig" "$pid"
  set +e
  wait "$pid"
  rc=$?
  set -e
  exec 9>&-
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
  checks=$((checks + 1))
  [ "$rc" -gt 128 ] || fail "SIG$sig: exit $rc, expected death by the signal"
  no_temp "$out" "killed by SIG$sig"
  checks=$((checks + 1))
  [ ! -e "$out" ] || fail "SIG$sig: a partial target was written"
done

# -o naming a FIFO (or a device such as /dev/null) writes into it: renaming the temporary file
# over it would replace the pipe, or /dev/null itself, with a regular file. A FIFO stands in for
# /dev/null here, so that a regression cannot break the machine's /dev/null.
mkfifo "$T/out.fifo"
cat "$T/out.fifo" >"$T/from-fifo.xml" &
reader=$!
run "$B/jatei-segment" "$A" -o "$T/out.fifo"
check_rc 0 "-o a named pipe"
# fifo_kept LABEL: the pipe is still a pipe (then its reader has seen the end of the output);
# else the reader, still waiting on the old pipe, is stopped.
fifo_kept() {
  checks=$((checks + 1))
  if [ -p "$T/out.fifo" ]; then wait "$reader"; else
    kill "$reader" 2>/dev/null || true
    wait "$reader" 2>/dev/null || true
    fail "$1: the pipe was replaced by a regular file"
    rm -f "$T/out.fifo"
    mkfifo "$T/out.fifo"
  fi
}
fifo_kept "-o a named pipe"
same "$T/from-fifo.xml" "$T/doc.xml" "-o a named pipe: the TEI came through the pipe" || true
no_temp "$T/out.fifo" "-o a named pipe"
for tool in jatei-claims jatei-export; do
  cat "$T/out.fifo" >/dev/null &
  reader=$!
  if [ $tool = jatei-export ]; then run "$B/$tool" html "$T/doc.xml" -o "$T/out.fifo"; else run "$B/$tool" "$T/doc.xml" -o "$T/out.fifo"; fi
  check_rc 0 "$tool -o a named pipe"
  fifo_kept "$tool -o a named pipe"
done

# --- row 7: a file size limit (ulimit -f) ------------------------------------------------------------
# SIGXFSZ killed the tools (exit 153) with the temporary file left; now the write fails: exit 74.
for k in 1 2 3 4 5 6 7 8; do cat "$A"; done >"$T/big.txt"
run sh -c 'ulimit -f 64; exec "$1/jatei-segment" "$2" -o "$3"' sh "$B" "$T/big.txt" "$T/limited.xml"
check_rc 74 "jatei-segment past ulimit -f" || true
expect_grep "File too large" "$T/err" "ulimit -f: the message says why" || true
checks=$((checks + 1))
[ ! -e "$T/limited.xml" ] || fail "ulimit -f: a partial target was written"
no_temp "$T/limited.xml" "ulimit -f"
run sh -c 'ulimit -f 64; exec "$1/jatei-segment" "$2" >"$3"' sh "$B" "$T/big.txt" "$T/limited-stdout.xml"
check_rc 74 "jatei-segment to standard output past ulimit -f" || true
"$B/jatei-segment" "$T/big.txt" -o "$T/big.xml"
run sh -c 'ulimit -f 64; exec "$1/jatei-claims" "$2" -o "$3"' sh "$B" "$T/big.xml" "$T/limited-claims.xml"
check_rc 74 "jatei-claims past ulimit -f" || true
no_temp "$T/limited-claims.xml" "ulimit -f, jatei-claims"

# --- row 5: named pipes, /dev/stdin, <(…) --------------------------------------------------------
lf "$A" >"$T/a.lf"
run sh -c 'cat "$1" | "$2/jatei-segment" /dev/stdin | "$2/jatei-text"' sh "$A" "$B"
check_rc 0 "cat | jatei-segment /dev/stdin" || true
same "$T/out" "$T/a.lf" "cat | jatei-segment /dev/stdin gives the text back" || true
run sh -c 'cat "$1" | "$2/jatei-text" /dev/stdin' sh "$T/doc.xml" "$B"
check_rc 0 "cat | jatei-text /dev/stdin" || true
same "$T/out" "$T/a.lf" "cat | jatei-text /dev/stdin" || true
mkfifo "$T/in.fifo"
for tool in jatei-segment jatei-text jatei-claims jatei-validate; do
  case $tool in jatei-segment) src="$A" ;; *) src="$T/doc.xml" ;; esac
  cat "$src" >"$T/in.fifo" &
  writer=$!
  run "$B/$tool" "$T/in.fifo"
  set +e
  wait "$writer"
  wrc=$?
  set -e
  check_rc 0 "$tool FIFO" || true
  checks=$((checks + 1))
  [ "$wrc" = 0 ] || fail "$tool FIFO: the writer died (exit $wrc)"
done
if command -v bash >/dev/null 2>&1; then
  run bash -c '"$1/jatei-segment" <(cat "$2") | "$1/jatei-text"' bash "$B" "$A"
  check_rc 0 "jatei-segment <(cat FILE)" || true
  same "$T/out" "$T/a.lf" "jatei-segment <(cat FILE) gives the text back" || true
  run bash -c '"$1/jatei-segment" --rules <(printf "[byline]\\n取材:\\n") "$2" >/dev/null' bash "$B" "$A"
  check_rc 0 "--rules <(…)" || true
fi
# --max-size bounds a pipe too: endless input is refused as soon as it passes the limit.
run timeout 120 sh -c 'yes 日本語の文です。 | "$1/jatei-segment" --max-size 100000 /dev/stdin' sh "$B"
check_rc 65 "endless /dev/stdin over --max-size" || true
expect_grep "larger than the limit of 100000 bytes" "$T/err" "endless /dev/stdin: the message" || true
run timeout 120 sh -c 'yes "<p>" | "$1/jatei-text" --max-size 100000 /dev/stdin' sh "$B"
check_rc 65 "endless /dev/stdin over --max-size, jatei-text" || true
head -c 200000 /dev/zero | tr '\0' 'a' >"$T/fifo-big.txt"
cat "$T/fifo-big.txt" >"$T/in.fifo" 2>/dev/null &
writer=$!
run "$B/jatei-segment" --max-size 100000 "$T/in.fifo"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
check_rc 65 "a FIFO over --max-size" || true

# --- row 10: --max-size takes a number of bytes, nothing else ------------------------------------
for tool in jatei-segment jatei-text jatei-validate jatei-annotate jatei-speakers jatei-claims jatei-terms; do
  for bad in -1 -5 1e9 12abc ""; do
    if [ "$tool" = jatei-validate ]; then run "$B/$tool" --max-size="$bad" "$A"
    else run "$B/$tool" --max-size="$bad" "$A" -o "$T/max-size-out"; fi
    check_rc 64 "$tool --max-size='$bad'" || true
    expect_grep "max-size" "$T/err" "$tool --max-size='$bad' names the option" || true
  done
  run "$B/$tool" --help
  checks=$((checks + 1))
  tr '\n' ' ' <"$T/out" | tr -s ' ' | grep -q "larger than BYTES.*(default: [0-9][0-9]*)" ||
    fail "$tool --help does not give the --max-size default"
done
run "$B/jatei-segment" --max-size 18446744073709551616 "$A"
check_rc 64 "--max-size past the largest size" || true
run "$B/jatei-segment" --max-size 0 "$A"
check_rc 65 "--max-size 0 refuses any input" || true

# A folder given where a data file is expected: 66, said to be a folder.
mkdir -p "$T/a-folder"
for args in "jatei-segment --rules" "jatei-speakers --rules" "jatei-speakers --weights" "jatei-claims --lexicon" \
  "jatei-claims --gazetteer" "jatei-terms --termbase" "jatei-export xliff --termbase"; do
  set -- $args
  tool=$1
  shift
  input="$T/doc.xml"
  [ "$tool" = jatei-segment ] && input="$A"
  run "$B/$tool" "$@" "$T/a-folder" "$input"
  check_rc 66 "$args FOLDER" || true
  expect_grep "directory" "$T/err" "$args FOLDER: says it is a folder" || true
  expect_empty "$T/out" "$args FOLDER: no output" || true
done

# An unknown [section] in a rules file, a strength that is not a number: 65 at the file's line.
printf '[byline]\n取材:\n\n[bylines]\n編集部:\n' >"$T/typo.rules"
run "$B/jatei-segment" --rules "$T/typo.rules" "$A"
check_rc 65 "a rules file with an unknown section" || true
expect_grep "typo.rules:4:" "$T/err" "unknown section: file and line" || true
expect_grep "unknown section [bylines]" "$T/err" "unknown section: named" || true
expect_grep "jatei-segment: $T/typo.rules:4:1: unknown section [bylines]" "$T/err" "unknown section: the file named once, before the line" || true
run "$B/jatei-speakers" --rules "$T/typo.rules" "$T/doc.xml"
check_rc 65 "speakers: a rules file with an unknown section" || true
expect_grep "jatei-speakers: $T/typo.rules:4:1: unknown section [bylines]" "$T/err" "speakers: unknown section: the file named once" || true
mkdir -p "$T/data"
printf '[sentence-end]\n。\n' >"$T/data/segment.rules"
run env JATEI_DATA_DIR="$T/data" "$B/jatei-segment" "$A"
check_rc 65 "JATEI_DATA_DIR/segment.rules with an unknown section" || true
expect_grep "segment.rules:1:" "$T/err" "JATEI_DATA_DIR rules: file and line" || true
printf '# mine\n睨んでいる\tspeculation\tnan\n' >"$T/nan.tsv"
run "$B/jatei-claims" --lexicon "$T/nan.tsv" "$T/doc.xml"
check_rc 65 "a lexicon with a NaN strength" || true
expect_grep "nan.tsv:2:" "$T/err" "NaN strength: file and line" || true

# XLIFF and TBX in the wrong namespace, or with a second root.
"$B/jatei-export" xliff "$T/doc.xml" -o "$T/doc.xlf"
sed 's|urn:oasis:names:tc:xliff:document:2.0|urn:example:not-xliff|' "$T/doc.xlf" >"$T/wrong-ns.xlf"
run "$B/jatei-merge" xliff "$T/doc.xml" "$T/wrong-ns.xlf"
check_rc 65 "an XLIFF in the wrong namespace" || true
expect_grep "namespace" "$T/err" "wrong XLIFF namespace: said" || true
{ cat "$T/doc.xlf"; echo '<xliff/>'; } >"$T/two-roots.xlf"
run "$B/jatei-merge" xliff "$T/doc.xml" "$T/two-roots.xlf"
check_rc 65 "an XLIFF with a second root" || true
# (from a document with terms: TBX 2008 has no empty form, so one without is refused)
"$B/jatei-export" tbx --tbx 2008 "$SRC/tests/data/export/dialogue.tei.xml" -o "$T/doc-2008.tbx"
sed 's|<martif |<martif xmlns="urn:example:other" |' "$T/doc-2008.tbx" >"$T/ns-2008.tbx"
run "$B/jatei-terms" --termbase "$T/ns-2008.tbx" "$T/doc.xml"
check_rc 65 "a TBX 2008 <martif> in a namespace" || true
sed 's|urn:iso:std:iso:30042:ed-2|urn:example:other|' "$SRC/corpora/termbase/ja-en-ai.tbx" >"$T/ns-2019.tbx"
run "$B/jatei-terms" --no-default-termbase --termbase "$T/ns-2019.tbx" "$T/doc.xml"
check_rc 65 "a TBX 2019 in the wrong namespace" || true

# --- row 8: jatei-validate refuses what every reader refuses ---------------------------------------
{ echo '<?xml version="1.0"?>'; echo '<!DOCTYPE TEI [<!ENTITY e "x">]>'; sed 1d "$T/doc.xml"; } >"$T/doctype.xml"
run "$B/jatei-validate" "$T/doctype.xml"
check_rc 65 "jatei-validate: a DOCTYPE declaring entities" || true
iconv -f UTF-8 -t UTF-16 "$T/doc.xml" >"$T/utf16.xml"
run "$B/jatei-validate" "$T/utf16.xml"
check_rc 65 "jatei-validate: UTF-16" || true
expect_grep "UTF-16" "$T/err" "jatei-validate: UTF-16 named" || true

# --- an output that is the input: refused (64) by every tool whose output is no TEI -------------------
# (jatei-segment: the TEI would replace the text; jatei-text and jatei-export: the text, CSV or HTML
# would replace the TEI.) Nothing is written: the input keeps its bytes.
cp "$A" "$T/self.txt"
"$B/jatei-segment" "$A" >"$T/self.xml"
cp "$T/self.xml" "$T/self.orig.xml"
for cmd in "jatei-segment $T/self.txt -o $T/self.txt" "jatei-text $T/self.xml -o $T/self.xml" \
           "jatei-text --source $T/self.xml -o $T/self.xml" "jatei-export html $T/self.xml -o $T/self.xml" \
           "jatei-export claims $T/self.xml -o $T/self.xml"; do
  # shellcheck disable=SC2086
  run "$B/"$cmd
  check_rc 64 "$cmd" || true
  expect_grep "is the input" "$T/err" "$cmd: says why" || true
done
same "$T/self.txt" "$A" "the text given as its own output is untouched" || true
same "$T/self.xml" "$T/self.orig.xml" "the TEI given as its own output is untouched" || true

# --- plain text given to a tool that reads TEI: said as such (65), nothing written ---------------------
for tool in jatei-speakers jatei-claims jatei-terms jatei-text jatei-export; do
  args="$A"
  [ "$tool" = jatei-export ] && args="html $A"
  # shellcheck disable=SC2086
  run "$B/$tool" $args
  check_rc 65 "$tool on a text file" || true
  expect_grep "$tool: $A:1:1: not XML (plain text?)" "$T/err" "$tool on a text file: the message" || true
  expect_empty "$T/out" "$tool on a text file: no output" || true
done

finish
