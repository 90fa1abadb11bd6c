#!/bin/sh
# tests/fuzz/seeds.sh NAME DIR: copies the seed inputs of harness NAME into DIR, from the
# project's own articles and test data. The held-out articles (corpora/heldout/) are never
# used: only corpora/*.txt at the top, and golden files whose article is one of them.
set -eu
name=$1
dir=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
add() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done; return 0; }
case $name in
  segment) add "$src"/corpora/*.txt "$src"/tests/data/export/dialogue.txt ;;
  tei)
    for t in "$src"/corpora/*.txt; do
      add "$src/tests/golden/expected/$(basename "$t" .txt).tei.xml"
    done
    add "$src"/tests/data/export/*.tei.xml "$src"/tests/schema/valid/*.xml ;;
  xliff) add "$src"/tests/data/export/*.xlf ;;
  verdicts) add "$src"/tests/data/export/verdicts.csv "$src"/tests/data/export/verdicts.jsonl ;;
  tbx) add "$src"/corpora/termbase/*.tbx "$src"/tests/data/export/*.tbx ;;
  rules) add "$src"/lib/data/*.rules "$src"/lib/data/terms/*.rules ;;
  lexicon) add "$src"/lib/data/claims/*.tsv ;;
  *) echo "seeds.sh: no harness $name" >&2; exit 64 ;;
esac
