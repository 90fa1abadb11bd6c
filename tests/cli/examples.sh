# The README's examples are scripts in examples/; each runs and gives its expected output, and
# the README shows each one exactly as it is.
set -eu
cd "$JATEI_SRC"
fail=0
for script in examples/*.sh; do
  name=$(basename "$script" .sh)
  case $name in run|demo) continue ;; esac
  # An example that runs a translator's client needs it installed (tools/install-deps.sh).
  if [ "$name" = po-workflow ] && ! { command -v xliff2po && command -v pomerge && command -v msgen; } >/dev/null 2>&1; then
    echo "note: example $name skipped: translate-toolkit (xliff2po, pomerge) or gettext's msgen is not installed"
    continue
  fi
  expected=examples/expected/$name.out
  if [ ! -f "$expected" ]; then echo "FAIL: $expected is missing"; fail=1; continue; fi
  got=$(sh examples/run.sh "$JATEI_BIN" "$name")
  if [ "$got" != "$(cat "$expected")" ]; then
    echo "FAIL: example $name differs from $expected:"
    printf '%s\n' "$got" | diff "$expected" - || true
    fail=1
  fi
  # The README block after <!-- example: NAME --> must be the script itself.
  block=$(awk -v n="$name" '
    $0 == "<!-- example: " n " -->" { want = 1; next }
    want && /^```sh$/ { inblock = 1; next }
    inblock && /^```$/ { exit }
    inblock { print }' README.md)
  if [ "$block" != "$(cat "$script")" ]; then
    echo "FAIL: README.md does not show examples/$name.sh as it is"
    fail=1
  fi
done
# demo.sh runs end to end and reports a valid document.
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
sh examples/demo.sh "$JATEI_BIN" corpora/lecture-quantum.txt "$out" > "$out/log"
grep -q ': valid' "$out/log" || { echo "FAIL: demo did not validate"; cat "$out/log"; fail=1; }
grep -q 'round trip' "$out/log" || { echo "FAIL: demo round trip"; cat "$out/log"; fail=1; }
[ -s "$out/lecture-quantum.tei.xml" ] || { echo "FAIL: demo wrote no document"; fail=1; }
for f in lecture-quantum.xlf lecture-quantum.tbx lecture-quantum.claims.csv lecture-quantum.html; do
  [ -s "$out/$f" ] || { echo "FAIL: demo wrote no $f"; fail=1; }
  grep -q "$out/$f" "$out/log" || { echo "FAIL: demo does not say where $f is"; fail=1; }
done
grep -q 'sentences to check, the [0-9]* check-worthy first' "$out/log" || { echo "FAIL: demo claims summary"; cat "$out/log"; fail=1; }
[ $fail -eq 0 ] && echo "examples: all match"
exit $fail
