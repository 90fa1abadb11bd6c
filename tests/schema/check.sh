#!/bin/sh
# Checks schemas/jatei.rng against its samples:
#   every valid/*.xml   validates with xmllint (libxml2) and jing, against jatei.rng,
#                       and with jing against the official tei_all.rng (when it is there);
#   every invalid/*.xml fails jatei.rng with xmllint and with jing.
# jing is optional (skipped with a note when it is not installed); xmllint is required.
# Usage: tests/schema/check.sh [TEI_ALL_RNG]   (run from anywhere; exit 0 when all pass)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
schema="$root/schemas/jatei.rng"
tei_all=${1:-"$root/tests/external/tei/tei_all.rng"}
fail=0

command -v xmllint >/dev/null 2>&1 || { echo "check.sh: xmllint not found" >&2; exit 2; }
have_jing=0
command -v jing >/dev/null 2>&1 && have_jing=1

# jing prints harmless "[warning] … Unable to locate …" lines on Debian; drop them.
jing_errors() { jing "$@" 2>&1 | grep -v '^\[warning\]'; }

for f in "$here"/valid/*.xml; do
    if ! xmllint --noout --relaxng "$schema" "$f" 2>/dev/null; then
        echo "FAIL (xmllint rejects a valid sample): $f"
        xmllint --noout --relaxng "$schema" "$f" 2>&1 | sed 's/^/    /'
        fail=1
    fi
done
for f in "$here"/invalid/*.xml; do
    if xmllint --noout --relaxng "$schema" "$f" 2>/dev/null; then
        echo "FAIL (xmllint accepts an invalid sample): $f"
        fail=1
    fi
done

if [ "$have_jing" = 1 ]; then
    out=$(jing_errors "$schema" "$here"/valid/*.xml)
    if [ -n "$out" ]; then echo "FAIL (jing rejects a valid sample):"; echo "$out" | sed 's/^/    /'; fail=1; fi
    if [ -f "$tei_all" ]; then
        out=$(jing_errors "$tei_all" "$here"/valid/*.xml)
        if [ -n "$out" ]; then echo "FAIL (tei_all.rng rejects a valid sample):"; echo "$out" | sed 's/^/    /'; fail=1; fi
    else
        echo "note: $tei_all not found; the TEI conformance of the valid samples was not checked"
    fi
    for f in "$here"/invalid/*.xml; do
        if [ -z "$(jing_errors "$schema" "$f")" ]; then
            echo "FAIL (jing accepts an invalid sample): $f"
            fail=1
        fi
    done
else
    echo "note: jing not installed; checked with xmllint only"
fi

nv=$(ls "$here"/valid/*.xml | wc -l); ni=$(ls "$here"/invalid/*.xml | wc -l)
if [ "$fail" = 0 ]; then echo "ok: $nv valid and $ni invalid samples"; fi
exit $fail
