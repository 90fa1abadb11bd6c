# tests/eval/confusion.py: the held-out error counts. On three tuning articles it must count
# every gold block once (matched or not), sort turns into outcomes, and print no article text:
# the point of the script is that the held-out set can be studied without being read.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-speakers jatei-claims jatei-terms
if [ -z "$SHARED" ] || [ ! -f "$SHARED/eval/score.py" ]; then echo "skip: no ../shared/eval/score.py"; exit 77; fi
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
mkdir "$T/set"
for a in interview-sake lecture-quantum news-chip; do
  cp "$SRC/corpora/$a.txt" "$SRC/corpora/$a.gold.json" "$T/set/"
done
run "$PY" "$SRC/tests/eval/confusion.py" "$B" --set "$T/set" --per-article
check_rc 0 "confusion.py on three articles"
want=$("$PY" -c 'import json,sys; print(sum(1 for f in sys.argv[1:] for b in json.load(open(f))["blocks"] if b["sentences"]))' "$T"/set/*.gold.json)
checks=$((checks + 1))
grep -q "^## blocks: [0-9]* of $want of the right kind" "$T/out" || { fail "block total is not $want"; show "$T/out"; }
checks=$((checks + 1))
turns=$(awk -F'\t' '/^## speaker turns/ {on=1; next} /^$/ {on=0} on && /turn: / {n += $1} END {print n+0}' "$T/out")
gold_turns=$("$PY" -c 'import json,sys; print(sum(1 for f in sys.argv[1:] for b in json.load(open(f))["blocks"] if b["sentences"] and b["type"] in ("turn","item","quote") and b["speaker"]))' "$T"/set/*.gold.json)
[ "$turns" = "$gold_turns" ] || fail "turn outcomes add up to $turns, the gold has $gold_turns speaker turns"
# No sentence of the articles (8 characters or more of it) appears in the output.
"$PY" -c 'import json,sys
for f in sys.argv[1:]:
    for b in json.load(open(f))["blocks"]:
        for s in b["sentences"]:
            t = s["text"].strip()
            if len(t) >= 8: print(t[:8])' "$T"/set/*.gold.json > "$T/pieces"
checks=$((checks + 1))
if grep -F -f "$T/pieces" "$T/out" > "$T/leak"; then fail "article text in the output"; show "$T/leak"; fi
checks=$((checks + 1))
grep -q "^interview-sake	" "$T/out" || fail "no per-article line"
finish
