# An archive on one machine: one manifest line per article as each ends, the corpus summary at
# the end; a rerun (after a crash, a kill, or with new articles) does only what is missing or
# changed (the source's SHA-256 against its record).
out=$(mktemp -d)
mkdir "$out/in"
cp corpora/news-chip.txt corpora/interview-sake.txt "$out/in/"
cd "$out"
jatei-annotate -q -j 1 -o tei --manifest manifest.jsonl in
cp "$OLDPWD/corpora/news-earnings.txt" in/
echo "追記。" >>in/news-chip.txt
jatei-annotate -j 1 -o tei --manifest manifest.jsonl --summary summary.json in 2>&1 | head -n 1
cut -d, -f1,4 manifest.jsonl
grep -o '"documents":[0-9]*,"failed":[0-9]*,"skipped":[0-9]*' summary.json
cd "$OLDPWD" && rm -r "$out"
