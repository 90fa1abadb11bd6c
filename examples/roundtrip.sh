# Nothing is lost: jatei-text gives back every character of the source, in order.
jatei-segment corpora/roundtable-ev.txt | jatei-text | cmp - corpora/roundtable-ev.txt && echo identical
