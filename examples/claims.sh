# Claims: each sentence's factuality and cue; the check-worthy ones as CSV for a spreadsheet.
jatei-segment corpora/news-chip.txt | jatei-claims -o /tmp/chip.tei.xml
grep -o 'ana="#[a-z]*' /tmp/chip.tei.xml | sort | uniq -c
jatei-export claims --format csv /tmp/chip.tei.xml | cut -d, -f1-4 | head -4
