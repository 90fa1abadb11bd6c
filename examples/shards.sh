# Many machines: --shard K/N does the K-th share of the sorted input list, so N runs anywhere
# (a Slurm array task, a host of GNU parallel) do each article once; their manifests merge into
# one, with the summary of the whole corpus.
out=$(mktemp -d)
mkdir "$out/in"
cp corpora/news-*.txt corpora/lecture-*.txt "$out/in/"
cd "$out"
for k in 1 2 3; do
  jatei-annotate -q -o tei --shard $k/3 --manifest shard$k.jsonl in
done
cut -d, -f1 shard1.jsonl | sort
jatei-annotate -q --merge-manifests manifest.jsonl --summary summary.json shard*.jsonl
cut -d, -f1,4 manifest.jsonl
grep -o '"documents":[0-9]*,"failed":[0-9]*' summary.json
cd "$OLDPWD" && rm -r "$out"
