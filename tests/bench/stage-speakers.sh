# jatei-speakers on the bench corpus (sourced by tests/bench/run.sh, after jatei-segment made
# $TEI): MB/s of the TEI it reads and of the source text, beside jatei-text over the same TEI
# (the parse/serialise floor every TEI-to-TEI stage pays).
if [ -s "$TEI" ] && [ -x "$BIN/jatei-speakers" ]; then
  measure corpus jatei-speakers "$TEI" "$CORPUS_BYTES" /dev/null "$BIN/jatei-speakers" "$TEI"
  TEXT_FLOOR=$(awk -F'|' '$1 == "corpus" && $2 == "jatei-text" { print $7 }' "$ROWS")
  ratio corpus "jatei-speakers / jatei-text (TEI MB/s)" "$M_MBS" "$TEXT_FLOOR"
else
  note "corpus/jatei-speakers: not measured ($BIN/jatei-speakers not built or no TEI)"
fi
