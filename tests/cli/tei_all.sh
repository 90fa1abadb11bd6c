#!/bin/sh
# What the tools write is valid against the official TEI schema too (tei_all.rng, with jing):
# the golden files, jatei-segment of the seed and of a few edge inputs, tests/schema/valid/*.xml.
# The schema is the project's copy (tests/external/tei); the seed is added when ../shared is
# there. Skipped (77) without jing.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

rng="$TEI_ALL"
checks=$((checks + 1))
[ -f "$rng" ] || { fail "no $rng"; finish; }
if ! command -v jing >/dev/null 2>&1; then
  echo "skipped: jing is not installed"
  exit 77
fi

set --
for e in "$SRC"/tests/golden/expected/*.tei.xml; do
  [ -f "$e" ] && set -- "$@" "$e"
done
checks=$((checks + 1))
[ "$#" -ge 1 ] || fail "no golden files in tests/golden/expected/"

seed="${SHARED:-/nonexistent}/corpora/deepseek-r1-lecture.txt"
if [ -f "$seed" ]; then
  run "$B/jatei-segment" "$seed"
  if check_rc 0 "jatei-segment the seed"; then
    cp "$T/out" "$T/seed.tei.xml"
    set -- "$@" "$T/seed.tei.xml"
  fi
else
  echo "note: no ../shared: the seed article is not among the files checked"
fi

# edge inputs: the smallest documents the tools write (an empty or blank file is refused, 65)
: >"$T/empty.txt"
printf '\n\n' >"$T/blank.txt"
for x in empty blank; do
  run "$B/jatei-segment" "$T/$x.txt"
  check_rc 65 "jatei-segment $x.txt refused" || true
done
printf 'あ' >"$T/one.txt"
printf '\n\nあ\n\n' >"$T/spaced.txt"
printf '・項目一\n・項目二\n※図版:説明\n【後編に続く】\n' >"$T/kinds.txt"
for x in one spaced kinds; do
  run "$B/jatei-segment" "$T/$x.txt"
  if check_rc 0 "jatei-segment $x.txt"; then
    cp "$T/out" "$T/$x.tei.xml"
    set -- "$@" "$T/$x.tei.xml"
  fi
done

for v in "$SRC"/tests/schema/valid/*.xml; do
  [ -f "$v" ] && set -- "$@" "$v"
done

echo "jing tei_all.rng on $# files"
checks=$((checks + 1))
set +e
jing "$rng" "$@" >"$T/jing.out" 2>"$T/jing.err"
jrc=$?
set -e
if [ "$jrc" != 0 ]; then
  fail "jing: $# files against tei_all.rng, exit $jrc"
  head -n 40 "$T/jing.out" | sed 's/^/    /' >&2
  grep -v '^\[warning\]' "$T/jing.err" | head -n 10 | sed 's/^/    /' >&2 || true
fi

finish
