# Invalid bytes are an error naming the byte offset (exit 65), never silently replaced.
printf 'こんにちは。\377です。\n' > /tmp/bad.txt
jatei-segment /tmp/bad.txt > /tmp/bad.tei.xml; echo "exit $?"
jatei-segment --replace-invalid /tmp/bad.txt | grep -o '<note type="decoding">[^<]*</note>'
