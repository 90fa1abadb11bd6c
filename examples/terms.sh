# Terminology for translators: the document's glossary, from the termbase and the text's glosses.
jatei-segment corpora/lecture-quantum.txt | jatei-terms --list | head -6
