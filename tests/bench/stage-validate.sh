# jatei-validate on the bench corpus's TEI (sourced by tests/bench/run.sh, after jatei-segment
# made $TEI): the schema and the id/pointer checks, MB/s and peak memory as a multiple of the
# TEI (issue 15: within 4x; a valid document is read as a stream, see lib/src/tei/validate.cpp).
measure_stage jatei-validate
if [ -n "${M_RSS_KB:-}" ] && [ -s "$TEI" ]; then
  tei_bytes=$(wc -c <"$TEI")
  v_ok=$(awk -v r="$M_RSS_KB" -v b="$tei_bytes" 'BEGIN { print (r * 1024 <= 4 * b) ? "met" : "NOT met" }')
  note "aim: jatei-validate's peak memory within 4x its input: $v_ok"
  tsv corpus aim validate_rss_4x "$v_ok"
  V_CPU=$M_CPU_MBS
  # Whether its time grows with the document alone: the same on the TEI of the corpus's first
  # quarter (whole lines). libxml2 2.9's own table of ids stops growing at 16,384 chains, which
  # made the whole corpus twice as slow per MB as its quarter before validate.cpp sized the table.
  QTXT=$WORK/quarter.txt QTEI=$WORK/quarter.tei.xml
  head -c $((CORPUS_BYTES / 4)) "$CORPUS" | sed '$d' >"$QTXT"
  if "$BIN/jatei-segment" "$QTXT" >"$QTEI" 2>/dev/null; then
    measure corpus-quarter jatei-validate "$QTEI" "$(wc -c <"$QTXT")" /dev/null "$BIN/jatei-validate" "$QTEI"
    ratio corpus "jatei-validate CPU MB/s, the whole corpus / its first quarter (1.00 = linear)" "$V_CPU" "$M_CPU_MBS"
  fi
  rm -f "$QTXT" "$QTEI"
fi
