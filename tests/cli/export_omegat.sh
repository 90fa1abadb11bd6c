#!/bin/sh
# OmegaT (Debian omegat 3.6, console mode, headless) on a project holding what jatei-export
# writes for it: the XLIFF 1.2 file with --prefill-target in source/, the TBX 2008 glossary in
# glossary/. OmegaT must load it with one segment per sentence (project_stats.txt), and with a
# translation memory holding an English sentence for every Japanese one, console-translate
# must write a translated XLIFF in target/ that jatei-merge brings back: every sentence
# translated, valid TEI. The comment OmegaT shows beside each segment holds every note of its
# unit (OmegaT's own XLIFF filter, tests/cli/omegat/Comments.java). Skips (77) where OmegaT or
# Java is not installed (tools/install-deps.sh installs it) or cannot start.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
JAR=/usr/share/omegat/OmegaT.jar
if [ ! -f "$JAR" ] || ! command -v java >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  echo "export_omegat.sh: OmegaT ($JAR), java or python3 missing; skipped"
  exit 77
fi
X="$B/jatei-export"
D=$SRC/tests/data/export
P=$T/project
mkdir -p "$P/source" "$P/target" "$P/tm" "$P/glossary" "$P/dictionary" "$P/omegat" "$T/home"
omegat_project "$P"
run "$X" xliff --xliff 1.2 --prefill-target "$D/dialogue.tei.xml" -o "$P/source/dialogue.xlf"
check_rc 0 "xliff 1.2"
run "$X" tbx --tbx 2008 "$D/dialogue.tei.xml" -o "$P/glossary/dialogue.tbx"
check_rc 0 "tbx 2008"
# The project's memory: "EN <id>" for every sentence (what a translator would have done).
python3 - "$P/source/dialogue.xlf" "$P/omegat/project_save.tmx" <<'EOF'
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
ns = "{urn:oasis:names:tc:xliff:document:1.2}"
tus = []
for tu in ET.parse(sys.argv[1]).getroot().iter(ns + "trans-unit"):
    src = "".join(tu.find(ns + "source").itertext())
    tus.append('<tu><tuv lang="ja"><seg>%s</seg></tuv><tuv lang="en"><seg>EN %s</seg></tuv></tu>' % (escape(src), tu.get("id")))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="jatei-test" '
              'creationtoolversion="1" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ja" '
              'datatype="plaintext"/>\n<body>\n' + "\n".join(tus) + "\n</body>\n</tmx>\n")
EOF
n=$(grep -o '<trans-unit ' "$P/source/dialogue.xlf" | wc -l | tr -d ' ')
set +e
HOME=$T/home timeout 300 java -Djava.awt.headless=true -jar "$JAR" "$P" --mode=console-translate --disable-project-locking \
  >"$T/omegat.log" 2>&1
orc=$?
set -e
if [ $orc != 0 ] && ! grep -q "Loading project" "$T/omegat.log"; then
  echo "export_omegat.sh: OmegaT did not start (exit $orc); skipped"
  tail -n 5 "$T/omegat.log"
  exit 77
fi
checks=$((checks + 1))
[ $orc = 0 ] || { fail "OmegaT console-translate exit $orc"; show "$T/omegat.log" 40; }
expect_grep "Loading: dialogue.xlf" "$T/omegat.log" "OmegaT loaded the XLIFF"
# One segment per sentence, all translated from the memory.
total=$(sed -n 's/^Total:[[:space:]]*\([0-9]*\).*/\1/p' "$P/omegat/project_stats.txt")
remaining=$(sed -n 's/^Remaining:[[:space:]]*\([0-9]*\).*/\1/p' "$P/omegat/project_stats.txt")
checks=$((checks + 1))
[ "$total" = "$n" ] || fail "OmegaT counts $total segments, the XLIFF has $n sentences"
checks=$((checks + 1))
[ "$remaining" = 0 ] || fail "OmegaT left $remaining segments untranslated"
[ -s "$P/target/dialogue.xlf" ] || fail "OmegaT wrote no target file"
# What OmegaT shows beside each segment (its Comments pane), read through its own XLIFF filter
# (tests/cli/omegat/Comments.java): the unit's id and every <note> as written, one a line, so
# who speaks, what the translation must keep and each term's English reach the translator.
if command -v javac >/dev/null 2>&1; then
  set +e
  HOME=$T/home timeout 300 java -Djava.awt.headless=true -cp "$JAR" "$SRC/tests/cli/omegat/Comments.java" \
    "$P/source/dialogue.xlf" >"$T/comments.out" 2>"$T/comments.err"
  crc=$?
  set -e
  checks=$((checks + 1))
  if [ $crc != 0 ]; then
    fail "OmegaT's XLIFF filter (exit $crc)"
    show "$T/comments.err" 20
  else
    python3 "$SRC/tests/cli/omegat/comments.py" "$P/source/dialogue.xlf" "$T/comments.out" "Speaker: " "Term " \
      >"$T/py.out" 2>&1 || { fail "OmegaT's comments"; show "$T/py.out" 20; }
  fi
else
  echo "note: javac missing; OmegaT's comments not checked"
fi
# What OmegaT wrote comes back into the TEI.
run "$B/jatei-merge" xliff "$D/dialogue.tei.xml" "$P/target/dialogue.xlf" -o "$T/merged.xml"
check_rc 0 "merge OmegaT's XLIFF"
expect_grep "$n sentence(s) translated into en" "$T/err" "every sentence translated by OmegaT"
tei_ok "$T/merged.xml" "merged from OmegaT"
expect_grep '<s xml:id="s13.en" corresp="#s13">EN s13</s>' "$T/merged.xml" "OmegaT's translation in the TEI"
finish
