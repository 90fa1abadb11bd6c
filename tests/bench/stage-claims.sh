# jatei-claims on the bench corpus (sourced by tests/bench/run.sh, after jatei-segment made
# $TEI): MB/s of the TEI it reads and of the source text, beside jatei-text over the same TEI
# (the parse/serialise floor every TEI-to-TEI stage pays).
if [ -s "$TEI" ] && [ -x "$BIN/jatei-claims" ]; then
  measure corpus jatei-claims "$TEI" "$CORPUS_BYTES" /dev/null "$BIN/jatei-claims" "$TEI"
  CLAIMS_MBS=$M_MBS
  TEXT_FLOOR=$(awk -F'|' '$1 == "corpus" && $2 == "jatei-text" { print $7 }' "$ROWS")
  ratio corpus "jatei-claims / jatei-text (TEI MB/s)" "$CLAIMS_MBS" "$TEXT_FLOOR"
else
  note "corpus/jatei-claims: not measured ($BIN/jatei-claims not built or no TEI)"
fi
