# jatei-terms on the bench corpus with the team's termbase (sourced by tests/bench/run.sh,
# after jatei-segment made $TEI), beside jatei-text over the same TEI. How it scales with
# 1,000 and 100,000 termbase entries: tests/bench/terms.sh (make bench runs it after this).
if [ -s "$TEI" ] && [ -x "$BIN/jatei-terms" ]; then
  measure corpus jatei-terms "$TEI" "$CORPUS_BYTES" /dev/null "$BIN/jatei-terms" "$TEI"
  TEXT_FLOOR=$(awk -F'|' '$1 == "corpus" && $2 == "jatei-text" { print $7 }' "$ROWS")
  ratio corpus "jatei-terms / jatei-text (TEI MB/s)" "$M_MBS" "$TEXT_FLOOR"
else
  note "corpus/jatei-terms: not measured ($BIN/jatei-terms not built or no TEI)"
fi
