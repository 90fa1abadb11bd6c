#!/bin/sh
#SBATCH --job-name=jatei-annotate
#SBATCH --cpus-per-task=1
#SBATCH --time=02:00:00
# One Slurm array task per shard: task K of an array 1-N annotates the K-th share of the
# sorted input list and keeps its own manifest. Usage (IN and OUT on a shared file system):
#   sbatch --array=1-N annotate-array.sh IN OUT
set -eu
k=$SLURM_ARRAY_TASK_ID
n=$SLURM_ARRAY_TASK_COUNT
jatei-annotate -q -j "${SLURM_CPUS_PER_TASK:-1}" -o "$2/tei" --shard "$k/$n" \
  --manifest "$2/manifest-$k.jsonl" "$1"
