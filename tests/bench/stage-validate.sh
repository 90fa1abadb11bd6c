# jatei-validate on the bench corpus's TEI (sourced by tests/bench/run.sh, after jatei-segment
# made $TEI): the schema and the id/pointer checks, MB/s and peak memory as a multiple of the
# TEI (issue 15: within 4x; a valid document is read as a stream, see lib/src/tei/validate.cpp).
measure_stage jatei-validate
if [ -n "${M_RSS_KB:-}" ] && [ -s "$TEI" ]; then
  tei_bytes=$(wc -c <"$TEI")
  v_ok=$(awk -v r="$M_RSS_KB" -v b="$tei_bytes" 'BEGIN { print (r * 1024 <= 4 * b) ? "met" : "NOT met" }')
  note "aim: jatei-validate's peak memory within 4x its input: $v_ok"
  tsv corpus aim validate_rss_4x "$v_ok"
fi
