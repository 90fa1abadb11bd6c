# Segment an article into TEI blocks and sentences, then look at its first sentences.
jatei-segment corpora/news-chip.txt -o /tmp/news-chip.tei.xml
grep -o '<s xml:id="s[1-3]">[^<]*</s>' /tmp/news-chip.tei.xml
