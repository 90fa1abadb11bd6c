#!/bin/sh
# Runs one example (or all) from the source root with the built tools first on PATH.
# Usage: examples/run.sh BIN_DIR [NAME...]   (stdout and stderr of each example, merged)
set -u
bin=$(cd "$1" && pwd); shift
cd "$(dirname "$0")/.."
names=${*:-$(ls examples/*.sh | sed -n 's|examples/\(.*\)\.sh|\1|p' | grep -v -e '^run$' -e '^demo$')}
for n in $names; do
  PATH="$bin:$PATH" sh -c ". examples/$n.sh" 2>&1
done
