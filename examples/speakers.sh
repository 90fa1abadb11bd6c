# Speaker turns in a dialogue whose labels were lost: who speaks, and how sure the model is.
jatei-segment corpora/lecture-quantum.txt | jatei-speakers -o /tmp/quantum.tei.xml
grep -o '<persName>[^<]*</persName>' /tmp/quantum.tei.xml
grep -o '<sp [^>]*>' /tmp/quantum.tei.xml | grep -o 'cert="[a-z]*"' | sort | uniq -c
