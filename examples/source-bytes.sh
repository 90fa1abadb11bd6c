# The source file's own bytes back (Shift_JIS, CRLF line ends), checked against its SHA-256.
printf '見出し\r\n本文です。\r\n' | iconv -f UTF-8 -t SHIFT_JIS > /tmp/sjis-crlf.txt
jatei-segment /tmp/sjis-crlf.txt -o /tmp/sjis-crlf.tei.xml
grep -o '<note type="lineEnds">[^<]*</note>' /tmp/sjis-crlf.tei.xml
jatei-text --source /tmp/sjis-crlf.tei.xml | cmp - /tmp/sjis-crlf.txt && echo identical
