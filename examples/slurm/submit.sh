#!/bin/sh
# Submits an archive to Slurm: an array of N shards, then the merge of their manifests once
# every shard has ended (its summary in OUT/summary.json). Prints the two job ids.
# Usage: submit.sh IN OUT N     (run from a folder the compute nodes see as well)
set -eu
here=$(dirname "$0")
mkdir -p "$2"
array=$(sbatch --parsable --array=1-"$3" --output="$2/slurm-%A_%a.log" "$here/annotate-array.sh" "$1" "$2")
merge=$(sbatch --parsable --dependency=afterany:"$array" --output="$2/slurm-merge.log" \
  --wrap="jatei-annotate --merge-manifests '$2/manifest.jsonl' --summary '$2/summary.json' '$2'/manifest-*.jsonl")
echo "$array $merge"
