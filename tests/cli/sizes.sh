# The size limits of issue 16, checked rather than claimed: no function of lib/ over 150 lines
# (clang-tidy's readability-function-size over the build's compile_commands.json), no class over
# 300 (tests/eval/sizes.py). First the script is shown to fail on a small tree that breaks both
# limits, then it is run over lib/. Skipped (77) without clang-tidy or compile commands.
set -eu
: "${JATEI_SRC:?JATEI_SRC must name the source root}"
: "${JATEI_BUILD:?JATEI_BUILD must name the build directory}"
command -v clang-tidy >/dev/null 2>&1 || { echo "skip: no clang-tidy (it measures the functions)"; exit 77; }
[ -f "$JATEI_BUILD/compile_commands.json" ] ||
  { echo "skip: no $JATEI_BUILD/compile_commands.json (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)"; exit 77; }
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
T=$(mktemp -d "${TMPDIR:-/tmp}/jatei-sizes.XXXXXX")
trap 'rm -rf "$T"' EXIT

# A tree of one unit: a function of 160 lines and a class of 310, and a small one of each.
mkdir -p "$T/lib"
{
  echo 'int small(int x) { return x + 1; }'
  echo 'int long_one(int x) {'
  i=0
  while [ $i -lt 159 ]; do echo '  x += 1;'; i=$((i + 1)); done
  echo '  return x;'
  echo '}'
  echo 'struct Small { int a; };'
  echo 'class Big {'
  echo ' public:'
  i=0
  while [ $i -lt 308 ]; do echo "  int m$i = 0;  // \"{ a brace in a comment"; i=$((i + 1)); done
  echo '};'
} >"$T/lib/a.cpp"
printf '[{"directory": "%s", "file": "%s/lib/a.cpp", "command": "c++ -std=c++20 -c %s/lib/a.cpp"}]\n' \
  "$T" "$T" "$T" >"$T/compile_commands.json"
set +e
"$PY" "$JATEI_SRC/tests/eval/sizes.py" -p "$T" --root "$T" >"$T/out" 2>&1
rc=$?
set -e
cat "$T/out"
fails=0
[ $rc -eq 1 ] || { echo "FAIL: sizes.py exited $rc on a tree over both limits (want 1)"; fails=1; }
grep -q '^lib/a.cpp:2 function long_one 161  OVER$' "$T/out" || { echo "FAIL: the long function is not reported"; fails=1; }
grep -q '^lib/a.cpp:[0-9]* class Big 310  OVER$' "$T/out" || { echo "FAIL: the long class is not reported"; fails=1; }
grep -q 'small\|Small' "$T/out" && { echo "FAIL: a small function or class is reported"; fails=1; }

# The project's lib/.
set +e
"$PY" "$JATEI_SRC/tests/eval/sizes.py" -p "$JATEI_BUILD" --jobs 2
rc=$?
set -e
[ $rc -eq 0 ] || { echo "FAIL: lib/ has a function over 150 lines or a class over 300 (or clang-tidy failed): exit $rc"; fails=1; }
exit $fails
