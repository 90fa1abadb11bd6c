# The archive on an existing distributed engine (issue 15): a one-node Slurm cluster (slurmctld,
# slurmd, munge) started here, the README's job array (examples/slurm/) submitted over a corpus;
# every output is checked and the merged manifest is the whole corpus. Skipped (77) without
# Slurm and munge (tools/install-deps.sh installs them) or without root. Timeouts everywhere.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"

for cmd in slurmctld slurmd munged mungekey sbatch squeue sinfo scontrol; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || {
    echo "note: skipped: $cmd is not installed (apt-get install slurm-wlm munge, or tools/install-deps.sh)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "note: skipped: a one-node Slurm cluster needs root (slurmd)"; exit 77; }
PATH=$PATH:/usr/sbin

# The README shows examples/slurm/*.sh exactly as they are.
for f in annotate-array submit; do
  block=$(awk -v n="$f" '
    $0 == "<!-- slurm: " n " -->" { want = 1; next }
    want && /^```sh$/ { inblock = 1; next }
    inblock && /^```$/ { exit }
    inblock { print }' "$SRC/README.md")
  checks=$((checks + 1))
  [ "$block" = "$(cat "$SRC/examples/slurm/$f.sh")" ] || fail "README.md does not show examples/slurm/$f.sh as it is"
done

S="$T/slurm"
mkdir -p "$S/munge" "$S/state" "$S/spool" "$S/log"
chmod 0711 "$T" "$S" "$S/munge"
pids=""
# stop: the daemons by their pid files, slurmd and slurmctld first, then munged
stop() {
  for p in slurmd slurmctld munged; do
    [ -f "$S/$p.pid" ] || continue
    pid=$(cat "$S/$p.pid" 2>/dev/null || true)
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap 'stop; rm -rf "$T"' EXIT
trap 'stop; rm -rf "$T"; exit 130' INT TERM

# wait_for SECONDS CMD...: polls CMD every 0.2 s; false when it never succeeded
wait_for() {
  limit=$(($1 * 5)); shift
  i=0
  while [ $i -lt $limit ]; do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2; i=$((i + 1))
  done
  return 1
}
daemon_failed() {
  echo "note: $1; its log:" >&2
  show "$2" 30
  fail "$1"
  finish
}

# munge with a key of our own (Debian's belongs to the munge user, which munged as root refuses)
timeout 20 mungekey -c -k "$S/munge.key" >/dev/null 2>&1 || daemon_failed "mungekey failed" /dev/null
chmod 0400 "$S/munge.key"
timeout 20 munged --key-file "$S/munge.key" --socket "$S/munge/munge.socket" --pid-file "$S/munged.pid" \
  --log-file "$S/log/munged.log" --seed-file "$S/munge.seed" 2>"$S/log/munged.err" ||
  daemon_failed "munged did not start" "$S/log/munged.err"
wait_for 10 test -S "$S/munge/munge.socket" || daemon_failed "munged made no socket" "$S/log/munged.log"

# Ports from this test's pid, so that another cluster on the host does not collide.
port=$((20000 + ($$ % 20000) * 2))
cat >"$S/slurm.conf" <<CONF
ClusterName=jatei-test
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/munge/munge.socket
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
timeout 30 slurmctld -f "$SLURM_CONF" 2>"$S/log/slurmctld.err" || daemon_failed "slurmctld did not start" "$S/log/slurmctld.err"
timeout 30 slurmd -f "$SLURM_CONF" -N localhost 2>"$S/log/slurmd.err" || daemon_failed "slurmd did not start" "$S/log/slurmd.err"
idle() { [ "$(timeout 5 sinfo -h -n localhost -o %t 2>/dev/null)" = idle ]; }
wait_for 60 idle || daemon_failed "the node never became idle" "$S/log/slurmctld.log"

# The corpus: articles of the tuning corpora in two folders, and one bad file.
I="$T/corpus"
mkdir -p "$I/a" "$I/b"
for f in roundtable-ev interview-startup lecture-quantum casual-chat-security news-chip; do
  cp "$SRC/corpora/$f.txt" "$I/a/"
  cp "$SRC/corpora/$f.txt" "$I/b/$f-copy.txt"
done
printf 'x\377y\n' >"$I/b/broken.txt"
total=11
O="$T/results"
# The README's recipe: the tools on PATH, submit.sh IN OUT N from a folder the node sees.
ids=$(cd "$T" && PATH="$B:$PATH" timeout 60 sh "$SRC/examples/slurm/submit.sh" "$I" "$O" 4) ||
  daemon_failed "submit.sh failed" "$S/log/slurmctld.log"
set -- $ids
array=$1 merge=$2
checks=$((checks + 1))
gone() { [ -z "$(timeout 5 squeue -h -j "$array,$merge" 2>/dev/null)" ]; }
wait_for 300 gone || {
  timeout 5 squeue >&2 || true
  timeout 5 scancel "$array" "$merge" 2>/dev/null || true
  daemon_failed "the jobs did not end within 300 s" "$S/log/slurmd.log"
}
# A finished job leaves squeue at once; its files may lag a moment behind
wait_for 20 test -s "$O/summary.json" || { fail "no summary.json after the merge job"; show "$O/slurm-merge.log"; }

# every output there, valid, and the source given back
for f in $(cd "$I" && find . -name '*.txt' ! -name broken.txt | sed 's|^\./||' | sort); do
  out="$O/tei/${f%.txt}.tei.xml"
  checks=$((checks + 1))
  if [ ! -s "$out" ]; then fail "no output for $f"; continue; fi
  tei_ok "$out" "Slurm output $f" || true
  "$B/jatei-text" "$out" >"$T/back.txt" 2>/dev/null || fail "jatei-text $out"
  same "$T/back.txt" "$I/$f" "Slurm output $f gives its source back" || true
done
# four shards, each its own manifest, together every input once
checks=$((checks + 1))
[ "$(ls "$O"/manifest-*.jsonl | wc -l)" -eq 4 ] || fail "expected 4 shard manifests: $(ls "$O")"
sed 's/^{"input":"\([^"]*\)".*/\1/' "$O/manifest.jsonl" >"$T/got"
find "$I" -name '*.txt' | sort >"$T/want"
same "$T/got" "$T/want" "the merged manifest lists every input once, sorted" || true
checks=$((checks + 1))
[ "$(grep -c '"status":"ok"' "$O/manifest.jsonl")" -eq $((total - 1)) ] || fail "merged manifest: not every good input ok"
expect_grep "\"input\":\"$I/b/broken.txt\",\"output\":\"$O/tei/b/broken.tei.xml\"" "$O/manifest.jsonl" "the bad file's record" || true
expect_grep '"status":"failed","exit":65' "$O/manifest.jsonl" "the bad file failed with 65" || true
expect_grep "\"documents\":$((total - 1)),\"failed\":1," "$O/summary.json" "the merged summary" || true
# the merged summary equals one run of jatei-annotate over the corpus on this machine
run "$B/jatei-annotate" -q -o "$T/one" --summary "$T/one.json" "$I"
sed 's/"seconds":[0-9.]*,//' "$O/summary.json" >"$T/got"
sed 's/"seconds":[0-9.]*,//' "$T/one.json" >"$T/want"
same "$T/got" "$T/want" "the cluster's merged summary equals a one-machine run's" || true
finish
