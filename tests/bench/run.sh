#!/bin/sh
# make bench: throughput and peak memory of jatei-segment on a ~50 MB corpus made from
# corpora/, beside baselines measured in the same run (ICU's sentence BreakIterator over the
# same text, `mecab -Owakati` when installed) and the parse/serialize floor (jatei-text over
# the TEI jatei-segment produced); then the awkward inputs (a 4-million-character line, 200,000
# short lines, 5,000 unmatched 「).
#
# Usage: sh tests/bench/run.sh BUILD_DIR
# Environment: BENCH_RUNS (runs per measurement, default 5), BENCH_MB (corpus size in MB of
# 10^6 bytes, default 50), BENCH_SLOW (seconds; a first run slower than this cuts the runs of
# that measurement to 3, default 30), BENCH_LONG_CHARS (default 4000000).
# Output: a table on stdout; BUILD_DIR/bench.tsv (case, subject, metric, value, unit).
#
# Later stages add their figures in a file tests/bench/stage-NAME.sh, sourced at the end with
# everything below in scope: `measure_stage TOOL` for a TEI-to-TEI tool over the corpus, or
# `measure CASE NAME INPUT TEXT_BYTES OUT CMD...` and `ratio CASE NAME A B` (see below)
# (tests/bench/README.md says more).
set -eu
LC_ALL=C
export LC_ALL

if [ $# -ne 1 ]; then
  echo "usage: sh tests/bench/run.sh BUILD_DIR" >&2
  exit 64
fi
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$B/tools
HB=$B/tests/bench
RUNS=${BENCH_RUNS:-5}
MB=${BENCH_MB:-50}
SLOW=${BENCH_SLOW:-30}
LONG_CHARS=${BENCH_LONG_CHARS:-4000000}
JOBS=$(nproc 2>/dev/null || echo 2)

if [ ! -f "$HB/Makefile" ] && [ ! -f "$B/build.ninja" ]; then
  echo "jatei bench: $B has no tests/bench; configure it with -DBUILD_TESTING=ON" >&2
  exit 1
fi
echo "jatei bench: building the bench helpers in $B"
if ! cmake --build "$B" --target jatei-bench-tools -j "$JOBS" >"$B/bench-build.log" 2>&1; then
  tail -30 "$B/bench-build.log" >&2
  echo "jatei bench: build failed (log: $B/bench-build.log)" >&2
  exit 1
fi

WORK=$HB/work
mkdir -p "$WORK"
TSV=$B/bench.tsv
NOTES=$WORK/notes.txt
: >"$NOTES"
STAMP=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
printf 'case\tsubject\tmetric\tvalue\tunit\n' >"$TSV"
printf 'meta\trun\tdate\t%s\t\nmeta\trun\tcpus\t%s\t\nmeta\trun\tloadavg_before\t%s\t\nmeta\trun\truns\t%s\t\n' \
  "$STAMP" "$JOBS" "$LOAD" "$RUNS" >>"$TSV"

note() { echo "$*" >>"$NOTES"; }
tsv() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" >>"$TSV"; }

# --- inputs (deterministic, rebuilt every run: about a second) ---------------------------
CORPUS=$WORK/corpus.txt
set -- "$SRC"/corpora/*.txt "$SRC"/corpora/heldout/*.txt
"$HB/jatei-bench-corpus" corpus $((MB * 1000000)) "$CORPUS" "$@"
CORPUS_BYTES=$(wc -c <"$CORPUS" | tr -d ' ')
LONG=$WORK/long-line.txt
"$HB/jatei-bench-corpus" long-line "$LONG_CHARS" "$LONG"
SHORT=$WORK/short-lines.txt
"$HB/jatei-bench-corpus" short-lines 200000 "$SHORT"
OPEN=$WORK/open-brackets.txt
"$HB/jatei-bench-corpus" open-brackets 5000 "$OPEN"
echo "jatei bench: corpus $CORPUS_BYTES bytes from $# articles ($CORPUS); $RUNS runs each"

# --- measuring ---------------------------------------------------------------------------
ROWS=$WORK/rows.txt
: >"$ROWS"

# measure CASE NAME INPUT TEXT_BYTES OUT CMD...: runs CMD (stdout to OUT) RUNS times, or 3
# when the first run takes more than BENCH_SLOW seconds; records the median wall time and the
# median CPU time (user + system), MB/s of INPUT for each (10^6 bytes per MB), MB/s of the
# source text (TEXT_BYTES, wall), the highest peak RSS and peak RSS / INPUT size. Sets M_MBS,
# M_CPU_MBS, M_TEXT_MBS, M_RSS_KB, M_MEDIAN (empty when the command failed).
measure() {
  m_case=$1 m_name=$2 m_input=$3 m_text=$4 m_out=$5
  shift 5
  m_bytes=$(wc -c <"$m_input" | tr -d ' ')
  m_runs=$RUNS
  m_times=$WORK/times.$$
  m_cpus=$WORK/cpus.$$
  : >"$m_times"
  : >"$m_cpus"
  m_rss=0
  M_MBS="" M_CPU_MBS="" M_TEXT_MBS="" M_RSS_KB="" M_MEDIAN=""
  i=0
  while [ "$i" -lt "$m_runs" ]; do
    i=$((i + 1))
    if ! "$HB/jatei-bench-run" "$WORK/result.$$" "$@" >"$m_out" 2>"$WORK/stderr.$$"; then
      echo "jatei bench: $m_name on $m_case failed:" >&2
      head -5 "$WORK/stderr.$$" >&2
      note "$m_case/$m_name: FAILED ($(head -1 "$WORK/stderr.$$"))"
      tsv "$m_case" "$m_name" status failed
      rm -f "$m_times" "$m_cpus"
      return 0
    fi
    read -r w r _ c <"$WORK/result.$$"
    echo "$w" >>"$m_times"
    echo "$c" >>"$m_cpus"
    [ "$r" -gt "$m_rss" ] && m_rss=$r
    if [ "$i" -eq 1 ] && [ "$m_runs" -gt 3 ] && awk -v w="$w" -v s="$SLOW" 'BEGIN { exit !(w > s) }'; then
      m_runs=3
      note "$m_case/$m_name: first run took ${w}s (> ${SLOW}s), so 3 runs instead of $RUNS"
    fi
  done
  stats='{ t[NR] = $1 } END { med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.4f %.4f %.4f", med, t[1], t[NR] }'
  m_wall=$(sort -n "$m_times" | awk "$stats")
  m_cpu=$(sort -n "$m_cpus" | awk "$stats")
  rm -f "$m_times" "$m_cpus" "$WORK/result.$$" "$WORK/stderr.$$"
  set -- $m_wall $m_cpu
  M_MEDIAN=$1
  M_RSS_KB=$m_rss
  M_MBS=$(awk -v b="$m_bytes" -v t="$1" 'BEGIN { printf "%.2f", b / 1e6 / t }')
  M_CPU_MBS=$(awk -v b="$m_bytes" -v t="$4" 'BEGIN { printf "%.2f", b / 1e6 / t }')
  m_tmbs=$(awk -v b="$m_text" -v t="$1" 'BEGIN { printf "%.2f", b / 1e6 / t }')
  M_TEXT_MBS=$m_tmbs
  m_ratio=$(awk -v r="$m_rss" -v b="$m_bytes" 'BEGIN { printf "%.2f", r * 1024 / b }')
  printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$m_case" "$m_name" "$m_bytes" "$i" "$1" "$2" "$M_MBS" "$4" \
    "$M_CPU_MBS" "$m_tmbs" "$m_rss" "$m_ratio" >>"$ROWS"
  tsv "$m_case" "$m_name" input_bytes "$m_bytes" B
  tsv "$m_case" "$m_name" runs "$i"
  tsv "$m_case" "$m_name" median_s "$1" s
  tsv "$m_case" "$m_name" min_s "$2" s
  tsv "$m_case" "$m_name" max_s "$3" s
  tsv "$m_case" "$m_name" mb_s "$M_MBS" MB/s
  tsv "$m_case" "$m_name" median_cpu_s "$4" s
  tsv "$m_case" "$m_name" cpu_mb_s "$M_CPU_MBS" MB/s
  tsv "$m_case" "$m_name" text_mb_s "$m_tmbs" MB/s
  tsv "$m_case" "$m_name" peak_rss_kb "$m_rss" KiB
  tsv "$m_case" "$m_name" rss_per_input "$m_ratio" x
  echo "  $m_case / $m_name: median ${1}s wall, ${4}s CPU, $M_MBS MB/s, peak RSS $((m_rss / 1024)) MiB" >&2
}

# ratio CASE NAME A B: A / B (two MB/s figures), recorded and printed.
RATIOS=$WORK/ratios.txt
: >"$RATIOS"
ratio() {
  if [ -z "$3" ] || [ -z "$4" ]; then
    printf '%s|%s|n/a\n' "$1" "$2" >>"$RATIOS"
    return 0
  fi
  r_v=$(awk -v a="$3" -v b="$4" 'BEGIN { printf "%.2f", a / b }')
  printf '%s|%s|%s\n' "$1" "$2" "$r_v" >>"$RATIOS"
  tsv "$1" "$2" ratio "$r_v" x
}

# measure_stage TOOL: a TEI-to-TEI stage over the corpus's TEI ($TEI), with its ratio to
# jatei-text over the same TEI (the parse/serialise floor every such stage pays).
measure_stage() {
  if [ -s "$TEI" ] && [ -x "$BIN/$1" ]; then
    measure corpus "$1" "$TEI" "$CORPUS_BYTES" /dev/null "$BIN/$1" "$TEI"
    ms_floor=$(awk -F'|' '$1 == "corpus" && $2 == "jatei-text" { print $7 }' "$ROWS")
    ratio corpus "$1 / jatei-text (TEI MB/s)" "$M_MBS" "$ms_floor"
  else
    note "corpus/$1: not measured ($BIN/$1 not built or no TEI)"
  fi
}

have_mecab() {
  command -v mecab >/dev/null 2>&1 && echo 'テスト' | mecab -Owakati >/dev/null 2>&1
}

# --- 1. the corpus -----------------------------------------------------------------------
TEI=$WORK/corpus.tei.xml
measure corpus jatei-segment "$CORPUS" "$CORPUS_BYTES" "$TEI" "$BIN/jatei-segment" "$CORPUS"
SEG_MBS=$M_MBS SEG_CPU=$M_CPU_MBS SEG_RSS=$M_RSS_KB
measure corpus icu-breakiterator "$CORPUS" "$CORPUS_BYTES" /dev/null "$HB/jatei-bench-icu" "$CORPUS"
ICU_MBS=$M_MBS ICU_CPU=$M_CPU_MBS
MECAB_MBS="" MECAB_CPU=""
if have_mecab; then
  measure corpus mecab-wakati "$CORPUS" "$CORPUS_BYTES" /dev/null mecab -Owakati "$CORPUS"
  MECAB_MBS=$M_MBS MECAB_CPU=$M_CPU_MBS
else
  note "corpus/mecab-wakati: skipped, mecab (with a dictionary) is not installed (tools/install-deps.sh --bench)"
  tsv corpus mecab-wakati status skipped
fi
TEXT_MBS=""
if [ -s "$TEI" ]; then
  measure corpus jatei-text "$TEI" "$CORPUS_BYTES" /dev/null "$BIN/jatei-text" "$TEI"
  TEXT_MBS=$M_TEXT_MBS  # the floor later stages compare with (text MB/s)
fi
# The same ratio from runs taken in turns (jatei-segment, ICU, jatei-segment, ...): the median
# of each pair's ratio. A virtual machine's speed can drift between the batches of runs
# measure() takes one after the other (ICU's own median moved by half between two runs of this
# script); the two runs of a pair see the same machine.
PAIRS=$WORK/pairs.txt
: >"$PAIRS"
i=0
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  "$HB/jatei-bench-run" "$WORK/pair-seg" "$BIN/jatei-segment" "$CORPUS" >"$TEI" 2>/dev/null || break
  "$HB/jatei-bench-run" "$WORK/pair-icu" "$HB/jatei-bench-icu" "$CORPUS" >/dev/null 2>&1 || break
  read -r p_seg _ <"$WORK/pair-seg"
  read -r p_icu _ <"$WORK/pair-icu"
  awk -v s="$p_seg" -v c="$p_icu" 'BEGIN { printf "%.4f\n", c / s }' >>"$PAIRS"
done
rm -f "$WORK/pair-seg" "$WORK/pair-icu"
PAIR_RATIO=$(sort -n "$PAIRS" | awk '{ r[NR] = $1 } END { if (NR) printf "%.2f", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')
ratio corpus "jatei-segment / icu-breakiterator (wall MB/s)" "$SEG_MBS" "$ICU_MBS"
if [ -n "$PAIR_RATIO" ]; then
  printf 'corpus|%s|%s\n' "jatei-segment / icu-breakiterator (wall, in turns)" "$PAIR_RATIO" >>"$RATIOS"
  tsv corpus "jatei-segment / icu-breakiterator (wall, in turns)" ratio "$PAIR_RATIO" x
fi
ratio corpus "jatei-segment / icu-breakiterator (CPU MB/s)" "$SEG_CPU" "$ICU_CPU"
ratio corpus "jatei-segment / mecab-wakati (wall MB/s)" "$SEG_MBS" "$MECAB_MBS"
ratio corpus "jatei-segment / mecab-wakati (CPU MB/s)" "$SEG_CPU" "$MECAB_CPU"
SEG_RSS_RATIO=""
if [ -n "$SEG_RSS" ]; then
  SEG_RSS_RATIO=$(awk -v r="$SEG_RSS" -v b="$CORPUS_BYTES" 'BEGIN { printf "%.2f", r * 1024 / b }')
  printf 'corpus|jatei-segment peak RSS / input|%s\n' "$SEG_RSS_RATIO" >>"$RATIOS"
  tsv corpus "jatei-segment peak RSS / input" ratio "$SEG_RSS_RATIO" x
fi

# --- 2. awkward inputs -------------------------------------------------------------------
LONG_BYTES=$(wc -c <"$LONG" | tr -d ' ')
LTEI=$WORK/long-line.tei.xml
measure long-line jatei-segment "$LONG" "$LONG_BYTES" "$LTEI" "$BIN/jatei-segment" "$LONG"
LSEG_MBS=$M_MBS LSEG_CPU=$M_CPU_MBS LSEG_RSS=$M_RSS_KB
measure long-line icu-breakiterator "$LONG" "$LONG_BYTES" /dev/null "$HB/jatei-bench-icu" "$LONG"
LICU_MBS=$M_MBS LICU_CPU=$M_CPU_MBS
[ -s "$LTEI" ] && measure long-line jatei-text "$LTEI" "$LONG_BYTES" /dev/null "$BIN/jatei-text" "$LTEI"
note "long-line/mecab-wakati: not measured, MeCab splits lines longer than its input buffer (-b)"
ratio long-line "jatei-segment / icu-breakiterator (wall MB/s)" "$LSEG_MBS" "$LICU_MBS"
ratio long-line "jatei-segment / icu-breakiterator (CPU MB/s)" "$LSEG_CPU" "$LICU_CPU"
if [ -n "$LSEG_RSS" ]; then
  l_r=$(awk -v r="$LSEG_RSS" -v b="$LONG_BYTES" 'BEGIN { printf "%.2f", r * 1024 / b }')
  printf 'long-line|jatei-segment peak RSS / input|%s\n' "$l_r" >>"$RATIOS"
  tsv long-line "jatei-segment peak RSS / input" ratio "$l_r" x
fi
SHORT_BYTES=$(wc -c <"$SHORT" | tr -d ' ')
measure short-lines jatei-segment "$SHORT" "$SHORT_BYTES" /dev/null "$BIN/jatei-segment" "$SHORT"
measure short-lines icu-breakiterator "$SHORT" "$SHORT_BYTES" /dev/null "$HB/jatei-bench-icu" "$SHORT"
OPEN_BYTES=$(wc -c <"$OPEN" | tr -d ' ')
measure open-brackets jatei-segment "$OPEN" "$OPEN_BYTES" /dev/null "$BIN/jatei-segment" "$OPEN"
measure open-brackets icu-breakiterator "$OPEN" "$OPEN_BYTES" /dev/null "$HB/jatei-bench-icu" "$OPEN"

# --- 3. later stages ---------------------------------------------------------------------
for stage in "$SRC"/tests/bench/stage-*.sh; do
  [ -f "$stage" ] || continue
  # shellcheck disable=SC1090
  . "$stage"
done

# --- report ------------------------------------------------------------------------------
echo
echo "jatei bench ($STAMP, $JOBS CPUs, load average $LOAD before the run; MB = 10^6 bytes)"
printf '%-13s %-18s %8s %4s %9s %8s %8s %8s %8s %9s %8s %7s\n' \
  case tool "input MB" runs "median s" "min s" "MB/s" "CPU s" "CPU MB/s" "text MB/s" "peak MiB" "RSS/in"
while IFS='|' read -r c n b r med mn mbs cpu cmbs tmbs rss rr; do
  printf '%-13s %-18s %8.2f %4s %9.3f %8.3f %8s %8.3f %8s %9s %8.1f %6sx\n' \
    "$c" "$n" "$(awk -v b="$b" 'BEGIN { print b / 1e6 }')" "$r" "$med" "$mn" "$mbs" "$cpu" "$cmbs" "$tmbs" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$rr"
done <"$ROWS"
echo
echo "ratios"
while IFS='|' read -r c n v; do
  printf '  %-13s %-47s %s\n' "$c" "$n" "$v"
done <"$RATIOS"
echo
aim() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { print (a > 0 && b > 0 && a >= b) ? "met" : "NOT met" }'; }
speed_ok=$(aim "$SEG_MBS" "$ICU_MBS")
pair_ok=$(awk -v r="${PAIR_RATIO:-0}" 'BEGIN { print (r >= 1) ? "met" : "NOT met" }')
cpu_ok=$(aim "$SEG_CPU" "$ICU_CPU")
mem_ok=$(awk -v r="${SEG_RSS_RATIO:-99}" 'BEGIN { print (r < 6) ? "met" : "NOT met" }')
echo "aim: jatei-segment at least as fast as the ICU iterator on the corpus:"
echo "       wall time $speed_ok (${SEG_MBS:-?} vs ${ICU_MBS:-?} MB/s), runs in turns $pair_ok (median ratio ${PAIR_RATIO:-?}),"
echo "       CPU time $cpu_ok (${SEG_CPU:-?} vs ${ICU_CPU:-?} MB/s)"
echo "aim: jatei-segment peak memory under 6x the input: $mem_ok (${SEG_RSS_RATIO:-?}x)"
# Issue 15: every tool that reads TEI (jatei-text, the stages, jatei-validate, the exports)
# within 4x its input's size at its peak.
awk -F'|' '$1 == "corpus" && $2 ~ /^jatei-(text|speakers|claims|terms|validate|export)/ {
  printf "aim: %s peak memory within 4x its input: %s (%sx)\n", $2, ($12 + 0 <= 4 ? "met" : "NOT met"), $12
}' "$ROWS"
awk -F'|' '$1 == "corpus" && $2 ~ /^jatei-(text|speakers|claims|terms|validate|export)/ {
  printf "corpus\t%s\taim_memory_within_4x\t%s\t\n", $2, ($12 + 0 <= 4 ? "met" : "NOT met")
}' "$ROWS" >>"$TSV"
tsv corpus aim speed_vs_icu_wall "$speed_ok"
tsv corpus aim speed_vs_icu_wall_in_turns "$pair_ok"
tsv corpus aim speed_vs_icu_cpu "$cpu_ok"
tsv corpus aim memory_under_6x "$mem_ok"
if [ -s "$NOTES" ]; then
  echo
  echo "notes"
  sed 's/^/  /' "$NOTES"
fi
if awk -v l="$LOAD" -v c="$JOBS" 'BEGIN { exit !(l + 0 > c + 0) }'; then
  echo "  the load average ($LOAD) was above the CPU count ($JOBS): other work shares the CPUs, so"
  echo "  wall times are longer and noisier than on an idle machine; CPU times and the CPU ratios"
  echo "  are the steadier comparison"
fi
echo
echo "results: $TSV"
