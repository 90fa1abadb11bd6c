# Archives on one machine and in shards (issue 15): jatei-annotate --manifest, --summary,
# --shard K/N and --merge-manifests. A run killed by a signal loses nothing done, a rerun does
# only what is missing or changed, shards together do every input once.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

C="$SRC/corpora"
I="$T/in"
mkdir -p "$I"
# 24 articles in three folders, from the tuning corpora (enough for a kill to land mid-run)
n=0
for f in roundtable-ev interview-startup lecture-quantum casual-chat-security; do
  for k in 1 2 3 4 5 6; do
    d="$I/set$((k % 3))"
    mkdir -p "$d"
    cp "$C/$f.txt" "$d/$f-$k.txt"
    n=$((n + 1))
  done
done
total=$n

# lines FILE: the number of records; field FILE KEY: one JSON string field per line
lines() { if [ -f "$1" ]; then grep -c . "$1" || true; else echo 0; fi; }
status_of() { grep -F "\"input\":\"$2\"" "$1" | tail -n 1 | sed 's/.*"status":"\([a-z]*\)".*/\1/'; }
ok_inputs() { grep '"status":"ok"' "$1" | sed 's/^{"input":"\([^"]*\)".*/\1/' | sort; }
# counts JSON of a summary, without the timing (which differs between runs)
counts_of() { sed 's/"seconds":[0-9.]*,//' "$1"; }

# --- one run, all done: a manifest line per input, and a summary --------------------------
run "$B/jatei-annotate" -q -j 2 -o "$T/ref" --manifest "$T/ref.jsonl" --summary "$T/ref-summary.json" "$I"
check_rc 0 "a plain run with --manifest" || true
checks=$((checks + 1))
[ "$(lines "$T/ref.jsonl")" -eq "$total" ] || fail "manifest: $(lines "$T/ref.jsonl") lines for $total inputs"
expect_grep '"sha256":"' "$T/ref.jsonl" "manifest records the source SHA-256" || true
expect_grep "\"counts\":{\"claims\":{" "$T/ref.jsonl" "manifest records per-stage counts" || true
f1="$I/set1/roundtable-ev-1.txt"
sha=$(sha256sum "$f1" | cut -d' ' -f1)
expect_grep "{\"input\":\"$f1\",\"output\":\"$T/ref/set1/roundtable-ev-1.tei.xml\",\"sha256\":\"$sha\",\"status\":\"ok\"" \
  "$T/ref.jsonl" "a record names input, output, the input's sha256sum, status" || true
expect_grep "\"documents\":$total,\"failed\":0," "$T/ref-summary.json" "summary counts the documents" || true
# the summary's sentences are the sum of the TEI's <s> elements
want_s=$(cat "$T"/ref/*/*.tei.xml | grep -o '<s ' | wc -l)
expect_grep "\"sentences\":$want_s" "$T/ref-summary.json" "summary sentences = the <s> in the outputs" || true
for k in fact reported speculation participants terms; do
  expect_grep "\"$k\":" "$T/ref-summary.json" "summary has $k" || true
done
# without -q the summary goes to standard error too
run "$B/jatei-annotate" -o "$T/res0" --manifest "$T/m0.jsonl" "$I/set0"
check_rc 0 "--manifest without -q" || true
expect_grep "sentences " "$T/err" "the summary on stderr" || true
expect_grep "claims " "$T/err" "claims by class on stderr" || true

# --- a run killed mid-way, then rerun: nothing done is lost, nothing done is redone --------
for sig in TERM KILL; do
  out="$T/out-$sig"
  m="$T/m-$sig.jsonl"
  "$B/jatei-annotate" -q -j 1 -o "$out" --manifest "$m" "$I" 2>"$T/kill.err" &
  pid=$!
  waited=0
  while [ "$(lines "$m")" -lt 3 ] && [ $waited -lt 600 ] && kill -0 $pid 2>/dev/null; do
    sleep 0.1; waited=$((waited + 1))
  done
  kill -$sig $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  before=$(lines "$m")
  checks=$((checks + 1))
  if [ "$before" -ge "$total" ]; then
    echo "note: the run ended before SIG$sig landed; the kill part proves less" >&2
  fi
  # every record said ok has its whole, valid output
  for inp in $(ok_inputs "$m"); do
    rel=${inp#"$I/"}
    tei_ok "$out/${rel%.txt}.tei.xml" "SIG$sig: recorded output of $rel" || true
  done
  if [ "$sig" = TERM ]; then
    checks=$((checks + 1))
    left=$(find "$out" -type f ! -name '*.tei.xml' | head -n 3)
    [ -z "$left" ] || fail "SIGTERM left temporary files: $left"
  fi
  ok_inputs "$m" >"$T/done-before"
  run "$B/jatei-annotate" -q -j 2 -o "$out" --manifest "$m" --summary "$T/s-$sig.json" "$I"
  check_rc 0 "rerun after SIG$sig" || true
  # the rerun appended a record only for what was not done
  tail -n +"$((before + 1))" "$m" | grep . | sed 's/^{"input":"\([^"]*\)".*/\1/' | sort >"$T/redone"
  checks=$((checks + 1))
  again=$(comm -12 "$T/done-before" "$T/redone")
  [ -z "$again" ] || fail "SIG$sig: rerun redid inputs already done: $again"
  checks=$((checks + 1))
  [ "$(sort -u "$T/done-before" "$T/redone" | grep -c .)" -eq "$total" ] || fail "SIG$sig: done + redone is not every input"
  (cd "$out" && find . -name '*.tei.xml' | sort) >"$T/got"
  (cd "$T/ref" && find . -name '*.tei.xml' | sort) >"$T/want"
  same "$T/got" "$T/want" "SIG$sig: every output is there after the rerun" || true
  for rel in $(cat "$T/want"); do
    same "$out/$rel" "$T/ref/$rel" "SIG$sig: $rel as an uninterrupted run writes it" || true
  done
  counts_of "$T/s-$sig.json" >"$T/got"
  counts_of "$T/ref-summary.json" | sed "s/\"skipped\":0/\"skipped\":$(grep -c . "$T/done-before")/" >"$T/want"
  same "$T/got" "$T/want" "SIG$sig: the rerun's summary covers the whole corpus" || true
done

# --- unchanged inputs are kept, a changed one is done again --------------------------------
m="$T/m-TERM.jsonl"
before=$(lines "$m")
run "$B/jatei-annotate" -o "$T/out-TERM" --manifest "$m" "$I"
check_rc 0 "rerun with nothing to do" || true
checks=$((checks + 1))
[ "$(lines "$m")" -eq "$before" ] || fail "unchanged inputs were redone"
expect_grep "0 written, 0 failed, $total kept" "$T/err" "the rerun says what it kept" || true
printf '追記の一文です。\n' >>"$I/set2/lecture-quantum-2.txt"
sleep 1.1
run "$B/jatei-annotate" -q -o "$T/out-TERM" --manifest "$m" "$I"
check_rc 0 "rerun after one input changed" || true
checks=$((checks + 1))
[ "$(lines "$m")" -eq $((before + 1)) ] || fail "changed input: expected one new record, got $(($(lines "$m") - before))"
newsha=$(sha256sum "$I/set2/lecture-quantum-2.txt" | cut -d' ' -f1)
expect_grep "$newsha" "$m" "the new record has the new SHA-256" || true
"$B/jatei-text" "$T/out-TERM/set2/lecture-quantum-2.tei.xml" | tail -n 1 >"$T/got"
printf '追記の一文です。\n' >"$T/want"
same "$T/got" "$T/want" "the changed input's output has the new text" || true
# --skip-existing with the manifest: a changed input is still redone
printf '二つ目の追記です。\n' >>"$I/set2/lecture-quantum-2.txt"
before=$(lines "$m")
run "$B/jatei-annotate" -q --skip-existing -o "$T/out-TERM" --manifest "$m" "$I"
check_rc 0 "--skip-existing --manifest after a change" || true
checks=$((checks + 1))
[ "$(lines "$m")" -eq $((before + 1)) ] || fail "--skip-existing with --manifest: the changed input was not redone"
# --skip-existing, outputs from a run without a manifest: kept and recorded as skipped
run "$B/jatei-annotate" -q --skip-existing -o "$T/ref/set0" --manifest "$T/late.jsonl" "$I/set0"
check_rc 0 "--skip-existing over outputs without a manifest" || true
expect_grep '"status":"skipped"' "$T/late.jsonl" "outputs found are recorded as skipped" || true
# a failing input is recorded, with its error, and tried again on the rerun
printf 'x\377y\n' >"$I/set0/bad.txt"
run "$B/jatei-annotate" -q -o "$T/out-TERM" --manifest "$m" "$I"
check_rc 65 "a bad input in the archive" || true
expect_grep "\"input\":\"$I/set0/bad.txt\"" "$m" "the failure is recorded" || true
expect_grep '"status":"failed","exit":65,"error":"1:2: invalid UTF-8' "$m" "with its exit status and message" || true
rm "$I/set0/bad.txt"

# --- shards: each input in exactly one, merged manifests = one whole run --------------------
for k in 1 2 3; do
  run "$B/jatei-annotate" -q -o "$T/sh" --shard "$k/3" --manifest "$T/shard$k.jsonl" "$I"
  check_rc 0 "--shard $k/3" || true
done
cat "$T"/shard*.jsonl | sed 's/^{"input":"\([^"]*\)".*/\1/' | sort >"$T/got"
find "$I" -name '*.txt' | sort >"$T/want"
same "$T/got" "$T/want" "the shards together do every input exactly once" || true
# the share is by rank in the sorted list: input 1, 4, 7... in shard 1
sed -n '1~3p' "$T/want" >"$T/want1"
sed 's/^{"input":"\([^"]*\)".*/\1/' "$T/shard1.jsonl" | sort >"$T/got1"
same "$T/got1" "$T/want1" "shard 1/3 takes inputs 1, 4, 7... of the sorted list" || true
run "$B/jatei-annotate" -q --merge-manifests "$T/merged.jsonl" --summary "$T/merged-summary.json" \
  "$T/shard3.jsonl" "$T/shard1.jsonl" "$T/shard2.jsonl"
check_rc 0 "--merge-manifests" || true
sed 's/^{"input":"\([^"]*\)".*/\1/' "$T/merged.jsonl" >"$T/got"
same "$T/got" "$T/want" "the merged manifest has every input once, sorted" || true
# the merged summary is the whole run's (the corpus has one changed input since: compare with a new run)
run "$B/jatei-annotate" -q -o "$T/whole" --summary "$T/whole-summary.json" "$I"
counts_of "$T/merged-summary.json" >"$T/got"
counts_of "$T/whole-summary.json" >"$T/want"
same "$T/got" "$T/want" "the merged summary equals one run's over the whole corpus" || true
# bad uses
run "$B/jatei-annotate" --shard 4/3 -o "$T/x" "$I"
check_rc 64 "--shard 4/3" || true
run "$B/jatei-annotate" --shard 1/0 -o "$T/x" "$I"
check_rc 64 "--shard 1/0" || true
run "$B/jatei-annotate" --shard two -o "$T/x" "$I"
check_rc 64 "--shard two" || true
run "$B/jatei-annotate" --merge-manifests "$T/x.jsonl" "$T/no-such.jsonl"
check_rc 66 "--merge-manifests with a missing manifest" || true
printf '{"input":"a"}\nnot json\n{"input":"b"}\n' >"$T/broken.jsonl"
run "$B/jatei-annotate" --merge-manifests "$T/x.jsonl" "$T/broken.jsonl"
check_rc 65 "--merge-manifests with a bad line" || true
expect_grep "broken.jsonl" "$T/err" "the bad manifest is named" || true
# a torn last line (a writer killed mid-line) is left out, and the next run starts a fresh line
m="$T/shard1.jsonl"
before=$(lines "$m")
printf '{"input":"%s","output":"x","sta' "$I/set0/roundtable-ev-3.txt" >>"$m"
run "$B/jatei-annotate" -q -o "$T/sh" --shard 1/3 --manifest "$m" "$I"
check_rc 0 "a rerun over a torn manifest" || true
checks=$((checks + 1))
[ "$(lines "$m")" -eq "$before" ] || fail "the torn line was not cut off ($(lines "$m") lines, $before before)"
run "$B/jatei-annotate" -q --merge-manifests "$T/x.jsonl" "$m"
check_rc 0 "the manifest after a torn line reads back" || true
finish
