# Gloss pairs found by jatei-terms against the gold files (tests/eval/gloss-pr.py): the tuning
# articles (and the seed, when ../shared is there) must reach precision 0.90 and recall 0.88;
# the held-out articles are scored and printed, not gated (they are not tuned on).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-terms
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
sets=tuning
[ -n "$SHARED" ] && [ -f "$SHARED/corpora/deepseek-r1-lecture.txt" ] && sets=seed,tuning
export JATEI_SHARED="${SHARED:-/nonexistent}"
checks=$((checks + 1))
if ! "$PY" "$SRC/tests/eval/gloss-pr.py" --run "$B" --sets "$sets,heldout" >"$T/pr.tsv" 2>"$T/pr.err"; then
  fail "gloss-pr.py failed"
  show "$T/pr.err"
fi
grep 'ALL' "$T/pr.tsv" || true
for set in $(echo "$sets" | tr , ' '); do
  line=$(awk -F'\t' -v s="$set" '$1 == s && $2 == "ALL"' "$T/pr.tsv")
  checks=$((checks + 1))
  if [ -z "$line" ]; then
    fail "$set: no ALL line"
    continue
  fi
  p=$(printf '%s\n' "$line" | cut -f6)
  r=$(printf '%s\n' "$line" | cut -f7)
  awk -v p="$p" -v r="$r" 'BEGIN { exit !(p >= 0.90 && r >= 0.88) }' ||
    fail "$set: gloss precision $p / recall $r below 0.90 / 0.88"
done
checks=$((checks + 1))
awk -F'\t' '$1 == "heldout" && $2 == "ALL"' "$T/pr.tsv" | grep -q . || fail "heldout: not scored"
finish
