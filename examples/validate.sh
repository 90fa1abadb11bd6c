# Validate against the jatei profile (schemas/jatei.rng) plus the id and pointer checks.
jatei-segment corpora/interview-startup.txt -o /tmp/interview.tei.xml
jatei-validate /tmp/interview.tei.xml
