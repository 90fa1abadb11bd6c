#!/bin/sh
# Golden tests on corpora/*.txt (tuning set): jatei-segment and jatei-annotate reproduce
# tests/golden/expected/<article>.tei.xml exactly, jatei-text of each expected file is the
# article, jatei-validate accepts each. After an intended change: tests/golden/update.sh, then
# review the change with git diff.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
G="$SRC/tests/golden/expected"

n=0
for f in "$SRC"/corpora/*.txt; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .txt)
  e="$G/$name.tei.xml"
  n=$((n + 1))
  checks=$((checks + 1))
  if [ ! -f "$e" ]; then
    fail "no golden file tests/golden/expected/$name.tei.xml (run tests/golden/update.sh and review it)"
    continue
  fi

  # jatei-segment
  run "$B/jatei-segment" "$f"
  check_rc 0 "jatei-segment $name" || continue
  checks=$((checks + 1))
  if ! cmp -s "$T/out" "$e"; then
    fail "jatei-segment corpora/$name.txt differs from tests/golden/expected/$name.tei.xml" \
      "(if intended: tests/golden/update.sh and review with git diff)"
    diff -u "$e" "$T/out" | head -n 60 | head -c 8000 >&2 || true
  fi

  # jatei-text: the article back, byte for byte
  run "$B/jatei-text" "$e"
  check_rc 0 "jatei-text $name.tei.xml" || true
  lf "$f" | sed '1s/^\xEF\xBB\xBF//' >"$T/want"
  same "$T/out" "$T/want" "jatei-text tests/golden/expected/$name.tei.xml vs corpora/$name.txt" || true

  # jatei-validate
  run "$B/jatei-validate" "$e"
  check_rc 0 "jatei-validate tests/golden/expected/$name.tei.xml" || true
  expect_grep "$e: valid" "$T/out" "jatei-validate $name.tei.xml says valid" || true
done
checks=$((checks + 1))
[ "$n" -ge 1 ] || fail "no corpora/*.txt"

# no stale golden files, no held-out article among them
for e in "$G"/*.tei.xml; do
  [ -f "$e" ] || continue
  name=$(basename "$e" .tei.xml)
  checks=$((checks + 1))
  [ -f "$SRC/corpora/$name.txt" ] || fail "tests/golden/expected/$name.tei.xml has no corpora/$name.txt"
done

# jatei-annotate with the segment stage alone writes the same files, whatever --jobs
for jobs in 1 2; do
  run "$B/jatei-annotate" -q --stages segment --jobs "$jobs" -o "$T/ann$jobs" "$SRC"/corpora/*.txt
  check_rc 0 "jatei-annotate --stages segment --jobs $jobs corpora/*.txt" || continue
  for f in "$SRC"/corpora/*.txt; do
    name=$(basename "$f" .txt)
    [ -f "$G/$name.tei.xml" ] || continue
    checks=$((checks + 1))
    if [ ! -f "$T/ann$jobs/$name.tei.xml" ]; then
      fail "jatei-annotate wrote no $name.tei.xml"
    elif ! cmp -s "$T/ann$jobs/$name.tei.xml" "$G/$name.tei.xml"; then
      fail "jatei-annotate --stages segment: $name.tei.xml differs from the golden file"
      diff -u "$G/$name.tei.xml" "$T/ann$jobs/$name.tei.xml" | head -n 40 | head -c 8000 >&2 || true
    fi
  done
done

# all the golden files in one jatei-validate run
run "$B/jatei-validate" -q "$G"/*.tei.xml
check_rc 0 "jatei-validate of every golden file at once" || true

finish
