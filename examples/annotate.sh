# A whole folder in one process, one .tei.xml per article (every core, bad files reported).
jatei-annotate --quiet -o /tmp/jatei-out corpora/
ls /tmp/jatei-out
