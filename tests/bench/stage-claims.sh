# jatei-claims on the bench corpus (sourced by tests/bench/run.sh, after jatei-segment made
# $TEI): MB/s of the TEI it reads and of the source text, beside jatei-text over the same TEI,
# and beside `mecab -Owakati` over the same text (issue 13: the claims stage analyses only the
# predicates of sentences with MeCab, so it should run at least twice as fast as MeCab over the
# whole text). JATEI_PROFILE=1 makes jatei-claims say where its time goes (one more run). Then
# the same without the caches of repeated sentences and windows (JATEI_CLAIMS_CACHE=0).
measure_stage jatei-claims
CLAIMS_TEXT_MBS=$M_TEXT_MBS
CLAIMS_CPU_MBS=$M_CPU_MBS
if [ -n "${CLAIMS_TEXT_MBS:-}" ] && [ -n "${MECAB_MBS:-}" ]; then
  ratio corpus "jatei-claims text / mecab-wakati (wall MB/s)" "$CLAIMS_TEXT_MBS" "$MECAB_MBS"
  claims_ok=$(awk -v a="$CLAIMS_TEXT_MBS" -v b="$MECAB_MBS" 'BEGIN { print (a > 0 && b > 0 && a >= 2 * b) ? "met" : "NOT met" }')
  note "aim: jatei-claims at least 2x mecab -Owakati on the same text: $claims_ok ($CLAIMS_TEXT_MBS vs $MECAB_MBS MB/s of text)"
  tsv corpus aim claims_2x_mecab "$claims_ok"
  if [ -s "$TEI" ]; then
    JATEI_PROFILE=1 "$BIN/jatei-claims" "$TEI" 2>"$WORK/claims-profile.txt" >/dev/null || true
    sed 's/^/where the time goes: /' "$WORK/claims-profile.txt" >>"$NOTES"
  fi
  # The corpus repeats its articles round after round, and jatei-claims answers a sentence (in
  # the same context) or a predicate window it has met before from a cache. Without the caches
  # (JATEI_CLAIMS_CACHE=0) every sentence is analysed: the figure for text that never repeats.
  measure corpus "jatei-claims (no cache)" "$TEI" "$CORPUS_BYTES" /dev/null env JATEI_CLAIMS_CACHE=0 "$BIN/jatei-claims" "$TEI"
  ratio corpus "jatei-claims (no cache) text / mecab-wakati (wall MB/s)" "$M_TEXT_MBS" "$MECAB_MBS"
  note "jatei-claims without its caches (every sentence analysed, as on text that never repeats): $M_TEXT_MBS MB/s of text vs mecab $MECAB_MBS MB/s"
  if [ -s "$TEI" ]; then
    JATEI_CLAIMS_CACHE=0 JATEI_PROFILE=1 "$BIN/jatei-claims" "$TEI" 2>"$WORK/claims-profile-nocache.txt" >/dev/null || true
    sed 's/^/where the time goes without the caches: /' "$WORK/claims-profile-nocache.txt" >>"$NOTES"
  fi
fi
