# Label styles are found in the document itself: here the parenthesised labels of a press
# conference, （社名・名前） and （役職）. --explain names the shapes it took for labels and why.
jatei-segment corpora/press-conference-rail.txt | jatei-speakers --explain -o /tmp/rail.tei.xml 2>&1 | grep 'label shape'
grep -o '<speaker>[^<]*</speaker>' /tmp/rail.tei.xml | sort | uniq -c | sort -rn
grep -A1 '<person ' /tmp/rail.tei.xml | grep -o 'role="[a-z]*"\|<persName>[^<]*' | sed 's/<persName>//' | paste -d' ' - -
