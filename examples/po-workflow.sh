# The PO workflow of translate-toolkit: the XLIFF 1.2 becomes a PO whose "#." comments say who
# speaks and what to keep; msgen and sed stand in for the translator; pomerge puts the PO back
# into the XLIFF and jatei-merge fills the repeated sentences (なるほど。, ええ。) too.
jatei-annotate --quiet -o /tmp/po tests/data/export/repeated.txt
jatei-export xliff --xliff 1.2 /tmp/po/repeated.tei.xml -o /tmp/repeated.xlf
xliff2po --progress=none /tmp/repeated.xlf /tmp/repeated.po
grep -B3 -A1 '^msgid "倍になる' /tmp/repeated.po
msgen /tmp/repeated.po | sed 's/^msgstr "\(..*\)"$/msgstr "EN: \1"/' > /tmp/repeated.en.po
pomerge --progress=none -t /tmp/repeated.xlf -i /tmp/repeated.en.po -o /tmp/repeated.en.xlf
jatei-merge xliff /tmp/po/repeated.tei.xml /tmp/repeated.en.xlf -o /tmp/repeated.en.tei.xml
grep -o '<s xml:id="s[0-9]*\.en" corresp="#s[0-9]*">[^<]*' /tmp/repeated.en.tei.xml
