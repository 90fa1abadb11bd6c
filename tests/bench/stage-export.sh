# jatei-export on the bench corpus annotated by every stage (sourced by tests/bench/run.sh, after
# jatei-segment made $TEI): each format's MB/s and peak memory as a multiple of the TEI it reads
# (issue 15: within 4x). The annotated TEI (speakers, claims, terms) is made once, unmeasured.
if [ -s "$TEI" ] && [ -x "$BIN/jatei-export" ] && [ -x "$BIN/jatei-terms" ]; then
  ANNOTATED=$WORK/corpus.annotated.tei.xml
  if "$BIN/jatei-speakers" "$TEI" >"$WORK/export-1.xml" && "$BIN/jatei-claims" "$WORK/export-1.xml" >"$WORK/export-2.xml" &&
    "$BIN/jatei-terms" "$WORK/export-2.xml" >"$ANNOTATED"; then
    rm -f "$WORK/export-1.xml" "$WORK/export-2.xml"
    for fmt in xliff tbx claims html; do
      measure corpus "jatei-export $fmt" "$ANNOTATED" "$CORPUS_BYTES" /dev/null "$BIN/jatei-export" "$fmt" "$ANNOTATED"
    done
  else
    note "corpus/jatei-export: not measured (annotating the corpus failed)"
  fi
else
  note "corpus/jatei-export: not measured (tools not built or no TEI)"
fi
