# jatei-terms on the bench corpus with the team's termbase (sourced by tests/bench/run.sh,
# after jatei-segment made $TEI), beside jatei-text over the same TEI. How it scales with
# 1,000 and 100,000 termbase entries: tests/bench/terms.sh (make bench runs it after this).
measure_stage jatei-terms
