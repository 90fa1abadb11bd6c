#!/bin/sh
# jatei-terms throughput, and how it scales with the termbase: the team's termbase and
# generated termbases of 1,000 and 100,000 entries, over a corpus made by repeating the
# tuning articles and the seed (segmented once with jatei-segment).
#
# Usage: sh tests/bench/terms.sh BUILD_DIR
# Environment: BENCH_TERMS_MB (corpus size in MB of source text, default 10), BENCH_RUNS
# (runs per measurement, default 3). Prints a table; writes BUILD_DIR/bench-terms.tsv.
#
# Each generated entry is a concept with one Japanese and one English term. Half the Japanese
# terms are kanji/katakana runs taken from the articles (so they occur in the text: the
# automaton reports many matches), half are random strings of the same scripts (they mostly
# do not: the automaton still has to walk them). "load" is a run over a one-sentence document:
# reading the termbase and building the automaton, which every run pays once.
set -eu
LC_ALL=C.UTF-8
export LC_ALL
[ $# -eq 1 ] || { echo "usage: sh tests/bench/terms.sh BUILD_DIR" >&2; exit 64; }
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$B/tools
SHARED=${JATEI_SHARED:-$SRC/../shared}
MB=${BENCH_TERMS_MB:-10}
RUNS=${BENCH_RUNS:-3}
[ -x /usr/bin/time ] || { echo "terms bench: /usr/bin/time (GNU time) is needed" >&2; exit 1; }
for t in jatei-segment jatei-terms; do
  [ -x "$BIN/$t" ] || { echo "terms bench: $BIN/$t is not built" >&2; exit 1; }
done
command -v python3 >/dev/null 2>&1 || { echo "terms bench: python3 is needed to generate the inputs" >&2; exit 1; }
W=$B/bench-terms
mkdir -p "$W"
TSV=$B/bench-terms.tsv

# --- inputs -----------------------------------------------------------------------------
set -- "$SRC"/corpora/*.txt
[ -f "$SHARED/corpora/deepseek-r1-lecture.txt" ] && set -- "$@" "$SHARED/corpora/deepseek-r1-lecture.txt"
python3 - "$W" "$MB" "$@" <<'EOF'
import random, re, sys
w, mb, files = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
text = ''.join(open(f, encoding='utf-8').read().rstrip('\n') + '\n' for f in files)
want = int(mb * 1e6)
with open(f'{w}/corpus.txt', 'w', encoding='utf-8') as out:
    n = 0
    while n < want:
        out.write(text)
        n += len(text.encode('utf-8'))
runs = sorted(set(m.group(0) for m in re.finditer(r'[\u4e00-\u9fff\u30a0-\u30ff]{2,8}', text)))
rng = random.Random(30042)
pool = ''.join(runs)
def tbx(path, n):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
                'xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader><fileDesc><sourceDesc><p>generated</p>'
                '</sourceDesc></fileDesc></tbxHeader>\n<text><body>\n')
        seen = set()
        k = 0
        while k < n:
            if k % 2 == 0 and runs:
                r = rng.choice(runs)
                a = rng.randrange(len(r) - 1)
                ja = r[a:a + rng.randint(2, len(r) - a)]
            else:
                ja = ''.join(rng.choice(pool) for _ in range(rng.randint(2, 7)))
            if ja in seen:
                ja += str(k)
            seen.add(ja)
            k += 1
            f.write(f'<conceptEntry id="g{k}"><langSec xml:lang="ja"><termSec><term>{ja}</term>'
                    f'<termNote type="partOfSpeech">noun</termNote></termSec></langSec><langSec xml:lang="en">'
                    f'<termSec><term>term {k}</term></termSec></langSec></conceptEntry>\n')
        f.write('</body></text>\n</tbx>\n')
tbx(f'{w}/gen-1000.tbx', 1000)
tbx(f'{w}/gen-100000.tbx', 100000)
EOF
"$BIN/jatei-segment" "$W/corpus.txt" >"$W/corpus.tei.xml"
printf '推論(reasoning)の話。\n' | "$BIN/jatei-segment" >"$W/tiny.tei.xml"
TEXT_BYTES=$(wc -c <"$W/corpus.txt" | tr -d ' ')
TEI_BYTES=$(wc -c <"$W/corpus.tei.xml" | tr -d ' ')

# --- measuring ----------------------------------------------------------------------------
printf 'termbase\tinput\tmedian_s\tmedian_cpu_s\ttext_mb_s\ttext_cpu_mb_s\tscan_cpu_mb_s\tpeak_rss_kb\tterms_marked\n' >"$TSV"
ROWS=$W/rows.txt
: >"$ROWS"
# measure LABEL INPUT ARGS...: median wall time of RUNS runs, peak RSS, terms marked
measure() {
  label=$1 input=$2
  shift 2
  : >"$W/times"
  : >"$W/cpus"
  rss=0
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    /usr/bin/time -f '%e %U %S %M' -o "$W/res" "$BIN/jatei-terms" "$@" "$input" >"$W/out.xml" 2>/dev/null
    read -r wall user sys r <"$W/res"
    echo "$wall" >>"$W/times"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f\n", u + s }' >>"$W/cpus"
    [ "$r" -gt "$rss" ] && rss=$r
  done
  median='{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
  med=$(sort -n "$W/times" | awk "$median")
  cpu=$(sort -n "$W/cpus" | awk "$median")
  terms=$(grep -o '<term ' "$W/out.xml" | wc -l | tr -d ' ')
  echo "$label|$input|$med|$cpu|$rss|$terms" >>"$ROWS"
}
TB=$SRC/corpora/termbase/ja-en-ai.tbx
for spec in "team:$TB" "1000:$W/gen-1000.tbx" "100000:$W/gen-100000.tbx"; do
  name=${spec%%:*} file=${spec#*:}
  echo "terms bench: termbase $name" >&2
  measure "$name" "$W/tiny.tei.xml" --no-default-termbase --termbase "$file"
  measure "$name" "$W/corpus.tei.xml" --no-default-termbase --termbase "$file"
done

# --- report -------------------------------------------------------------------------------
echo
echo "jatei-terms: corpus $(awk -v b="$TEXT_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text," \
  "$(awk -v b="$TEI_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB of TEI; median of $RUNS runs; MB = 10^6 bytes"
printf '%-9s %-7s %8s %8s %10s %10s %10s %9s %8s\n' termbase input "wall s" "CPU s" "MB/s" "CPU MB/s" "scan MB/s" "peak MiB" terms
load_cpu=0
while IFS='|' read -r label input med cpu rss terms; do
  case $input in
    *tiny*) kind=load; load_cpu=$cpu; tmbs="-"; cmbs="-"; smbs="-" ;;
    *)
      kind=corpus
      tmbs=$(awk -v b="$TEXT_BYTES" -v t="$med" 'BEGIN { printf "%.2f", b / 1e6 / t }')
      cmbs=$(awk -v b="$TEXT_BYTES" -v t="$cpu" 'BEGIN { printf "%.2f", (t > 0) ? b / 1e6 / t : 0 }')
      # CPU time without the fixed cost of loading the termbase (the "load" row)
      smbs=$(awk -v b="$TEXT_BYTES" -v t="$cpu" -v l="$load_cpu" 'BEGIN { d = t - l; printf "%.2f", (d > 0) ? b / 1e6 / d : 0 }')
      ;;
  esac
  printf '%-9s %-7s %8.2f %8.2f %10s %10s %10s %9.1f %8s\n' "$label" "$kind" "$med" "$cpu" "$tmbs" "$cmbs" "$smbs" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$terms"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$kind" "$med" "$cpu" "$tmbs" "$cmbs" "$smbs" "$rss" "$terms" >>"$TSV"
done <"$ROWS"
echo "(MB/s of source text; wall times share the machine with whatever else runs, CPU times do not)"
echo
echo "results: $TSV"
