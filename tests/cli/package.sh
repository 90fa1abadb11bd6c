#!/bin/sh
# The library as other projects use it: installs this build to a scratch prefix
# (cmake --install --prefix), then builds tests/package/consumer.cpp against the installed copy
# twice, with find_package(jatei) (tests/package/CMakeLists.txt, target jatei::jatei) and with
# pkg-config (jatei.pc, --static: libjatei is a static library), and runs both: each decodes and
# segments a file, writes its TEI, reads it back and checks the text comes back byte for byte;
# the TEI must be the bytes jatei-segment writes for the same file and pass jatei-validate.
# Skips (77) in a fuzzing build (its coverage hooks come from libFuzzer's runtime).
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
: "${JATEI_BUILD:?JATEI_BUILD must name the build folder}"
cache=$JATEI_BUILD/CMakeCache.txt
setting() { sed -n "s/^$1:[A-Z]*=//p" "$cache"; }
[ "$(setting JATEI_FUZZ)" = ON ] && { echo "package.sh: a fuzzing build; skipped"; exit 77; }
CXX=$(setting CMAKE_CXX_COMPILER)
VERSION=$(setting CMAKE_PROJECT_VERSION)
[ -n "$VERSION" ] || VERSION=$(sed -n 's/^project(jatei VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
extra=""
[ "$(setting JATEI_SANITIZE)" = ON ] && extra="-fsanitize=address,undefined"
command -v pkg-config >/dev/null 2>&1 || { fail "pkg-config is not installed (tools/install-deps.sh installs it)"; finish; }

P=$T/prefix
LIBDIR=$(setting CMAKE_INSTALL_LIBDIR)
LIBDIR=${LIBDIR:-lib}
checks=$((checks + 1))
cmake --install "$JATEI_BUILD" --prefix "$P" >"$T/install.log" 2>&1 || { fail "cmake --install failed"; show "$T/install.log" 30; finish; }
for f in "$LIBDIR/cmake/jatei/jateiConfig.cmake" "$LIBDIR/cmake/jatei/jateiConfigVersion.cmake" \
         "$LIBDIR/cmake/jatei/jateiTargets.cmake" "$LIBDIR/pkgconfig/jatei.pc" include/jatei/segment.hpp; do
  checks=$((checks + 1))
  [ -f "$P/$f" ] || fail "not installed: $f"
done

text='量子の話
第一章

研究者の山田さんは「結果はまだ分からない」と言った。次の実験は来月になる。
'
printf '%s' "$text" >"$T/in.txt"
"$B/jatei-segment" "$T/in.txt" -o "$T/want.tei.xml" 2>"$T/err" || { fail "jatei-segment failed"; show "$T/err"; }

try_consumer() {  # try_consumer PROGRAM LABEL
  checks=$((checks + 1))
  run "$1" "$T/in.txt"
  check_rc 0 "$2" || return 0
  cp "$T/out" "$T/$2.tei.xml"
  checks=$((checks + 1))
  cmp -s "$T/want.tei.xml" "$T/$2.tei.xml" || { fail "$2: its TEI differs from jatei-segment's"; diff "$T/want.tei.xml" "$T/$2.tei.xml" | head -20 >&2; }
  tei_ok "$T/$2.tei.xml" "$2"
}

# 1. CMake: find_package(jatei) from the scratch prefix only.
checks=$((checks + 1))
if cmake -S "$SRC/tests/package" -B "$T/cmake" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_PREFIX_PATH="$P" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF ${extra:+"-DCMAKE_CXX_FLAGS=$extra"} \
     ${extra:+"-DCMAKE_EXE_LINKER_FLAGS=$extra"} >"$T/cmake.log" 2>&1 &&
   cmake --build "$T/cmake" >>"$T/cmake.log" 2>&1; then
  checks=$((checks + 1))
  found=$(sed -n 's/^jatei_DIR:PATH=//p' "$T/cmake/CMakeCache.txt")
  [ "$found" = "$P/$LIBDIR/cmake/jatei" ] || fail "find_package found jatei in '$found', not in the scratch prefix"
  try_consumer "$T/cmake/consumer" find_package
else
  fail "find_package(jatei): the consumer did not configure or build"; show "$T/cmake.log" 40
fi

# The version file: a later minor version is refused.
checks=$((checks + 1))
mkdir -p "$T/newer"
sed 's/find_package(jatei [0-9.]*/find_package(jatei 99.0/' "$SRC/tests/package/CMakeLists.txt" >"$T/newer/CMakeLists.txt"
cp "$SRC/tests/package/consumer.cpp" "$T/newer/"
if cmake -S "$T/newer" -B "$T/newer/build" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_PREFIX_PATH="$P" >"$T/newer.log" 2>&1; then
  fail "find_package(jatei 99.0) accepted version $VERSION"
elif ! grep -q "$VERSION" "$T/newer.log"; then
  fail "find_package(jatei 99.0): refused without naming the version found ($VERSION)"; show "$T/newer.log"
fi

# 2. pkg-config, relocated: the .pc finds its prefix from where it is.
export PKG_CONFIG_PATH="$P/$LIBDIR/pkgconfig"
checks=$((checks + 1))
v=$(pkg-config --modversion jatei 2>"$T/err") || { fail "pkg-config does not find jatei.pc"; show "$T/err"; finish; }
[ "$v" = "$VERSION" ] || fail "pkg-config --modversion jatei: '$v', expected $VERSION"
checks=$((checks + 1))
inc=$(pkg-config --variable=includedir jatei)
[ -f "$inc/jatei/tei.hpp" ] || fail "pkg-config's includedir ($inc) has no jatei/tei.hpp"
checks=$((checks + 1))
# shellcheck disable=SC2046,SC2086
if "$CXX" -std=c++20 $extra $(pkg-config --cflags jatei) "$SRC/tests/package/consumer.cpp" -o "$T/consumer-pc" \
     $(pkg-config --static --libs jatei) >"$T/pc.log" 2>&1; then
  try_consumer "$T/consumer-pc" pkg-config
else
  fail "pkg-config: the consumer did not build"; show "$T/pc.log" 40
fi
finish
