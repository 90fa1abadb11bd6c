# jatei-speakers on the bench corpus (sourced by tests/bench/run.sh, after jatei-segment made
# $TEI): MB/s of the TEI it reads and of the source text, beside jatei-text over the same TEI.
measure_stage jatei-speakers
