# A whole folder in one process, one .tei.xml per article (every core, bad files reported).
out=$(mktemp -d)
jatei-annotate --quiet -o "$out" corpora/
ls "$out"
rm -r "$out"
