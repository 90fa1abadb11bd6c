# The whole pipeline in one process (jatei-annotate, every stage, one job so that its figure is
# set beside single-threaded MeCab's) on the bench corpus's text (sourced by tests/bench/run.sh):
# text MB/s beside `mecab -Owakati` over the same text (issue 15: at least as fast), and its
# peak memory as a multiple of the text.
if [ -x "$BIN/jatei-annotate" ]; then
  mkdir -p "$WORK/annotated"
  measure corpus "jatei-annotate (all stages, -j 1)" "$CORPUS" "$CORPUS_BYTES" /dev/null \
    "$BIN/jatei-annotate" -q -j 1 -o "$WORK/annotated" "$CORPUS"
  if [ -n "${M_TEXT_MBS:-}" ] && [ -n "${MECAB_MBS:-}" ]; then
    ratio corpus "jatei-annotate text / mecab-wakati (wall MB/s)" "$M_TEXT_MBS" "$MECAB_MBS"
    p_ok=$(awk -v a="$M_TEXT_MBS" -v b="$MECAB_MBS" 'BEGIN { print (a > 0 && b > 0 && a >= b) ? "met" : "NOT met" }')
    note "aim: jatei-annotate at least as fast as mecab -Owakati on the same text: $p_ok ($M_TEXT_MBS vs $MECAB_MBS MB/s of text)"
    tsv corpus aim pipeline_1x_mecab "$p_ok"
  fi
else
  note "corpus/jatei-annotate: not measured ($BIN/jatei-annotate not built)"
fi
