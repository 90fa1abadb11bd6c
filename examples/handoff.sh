# Hand-offs: XLIFF 2.1 for a CAT tool, and the translation back into the TEI (here sed stands
# in for the translator, marking the prefilled targets of the first three segments translated).
jatei-annotate --quiet -o /tmp/handoff corpora/news-chip.txt
jatei-export xliff --prefill-target /tmp/handoff/news-chip.tei.xml -o /tmp/chip.xlf
grep -c '<segment' /tmp/chip.xlf
sed -E 's/(<segment id="s[1-3]") state="initial"/\1 state="translated"/' /tmp/chip.xlf > /tmp/chip.en.xlf
jatei-merge xliff /tmp/handoff/news-chip.tei.xml /tmp/chip.en.xlf -o /tmp/chip.en.tei.xml
grep -o '<s xml:id="s[0-9]*\.en" corresp="#s[0-9]*"' /tmp/chip.en.tei.xml
jatei-validate /tmp/chip.en.tei.xml
