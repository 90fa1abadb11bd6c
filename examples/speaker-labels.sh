# Label styles are found in the document itself: here the parenthesised labels of a press
# conference, （社名・名前） and （役職）. --explain names the shapes it took for labels and why.
jatei-segment corpora/press-conference-rail.txt | jatei-speakers --explain -o /tmp/rail.tei.xml 2>&1 | grep 'label shape'
grep -o '<speaker>[^<]*</speaker>' /tmp/rail.tei.xml | sort | uniq -c | sort -rn
grep -A1 '<person ' /tmp/rail.tei.xml | grep -o 'role="[a-z]*"\|<persName>[^<]*' | sed 's/<persName>//' | paste -d' ' - -
# A name alone on the line before each paragraph is a style too (a serialised column).
jatei-segment tests/data/speakers/column-name-lines.txt | jatei-speakers --explain -o /tmp/column.tei.xml 2>&1 | grep 'induced'
grep -o '<speaker>[^<]*</speaker>' /tmp/column.tei.xml | sort | uniq -c | sort -rn
# An advice column asks and answers once: an asking word (【相談】) and the answer after it are a
# pair of labels, though no name recurs.
jatei-segment tests/data/speakers/advice-column-neighbour.txt | jatei-speakers --explain -o /tmp/advice.tei.xml 2>&1 | grep 'induced'
grep -A1 '<person ' /tmp/advice.tei.xml | grep -o 'role="[a-z]*"\|<persName>[^<]*' | sed 's/<persName>//' | paste -d' ' - -
