# Shift_JIS (or EUC-JP, ISO-2022-JP, UTF-16 with BOM) is detected without being told.
iconv -f UTF-8 -t SHIFT_JIS corpora/news-chip.txt > /tmp/news-chip.sjis.txt
jatei-segment /tmp/news-chip.sjis.txt | grep -o '<note type="encoding">[^<]*</note>'
