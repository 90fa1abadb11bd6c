#!/bin/sh
# Installs what jatei needs to build and test, on Debian or Ubuntu (apt-get).
# Usage: tools/install-deps.sh [--bench]    (--bench adds the mecab command, the benchmark's baseline,
# and nettle, whose SHA-256 the benchmark measures beside OpenSSL's)
#
# MeCab's library and its IPA dictionary in UTF-8 are required: jatei-claims analyses each
# sentence's final predicate with them.
#
# The build and its own tests need the required packages: without them this script fails.
# The clients the hand-off tests run (tests/cli/export_*.sh; each skips when its client is
# missing) are optional: translate-toolkit (its Python package, and the xliff2po, po2xliff and
# pomerge commands of the PO workflow) and OmegaT read the XLIFF 1.2, TBX 2008 and TMX (a JDK
# runs tests/cli/omegat/Comments.java, what its Comments pane shows),
# Chromium renders the review page (with a Japanese font), Saxon-HE runs the TBX-Basic and
# XLIFF 2 Schematron rules with jing; Clang and its libFuzzer runtime build the fuzzing harnesses
# (make fuzz, and their short runs in make test), and clang-tidy measures lib/'s function sizes
# (tests/eval/sizes.py, cli.sizes); Slurm and munge run the archive on a one-node
# cluster (tests/cli/slurm.sh). One that cannot be installed is reported, not fatal.
set -eu
required="g++ cmake make pkg-config gettext python3 libboost-program-options-dev libboost-locale-dev
libboost-test-dev libboost-dev libicu-dev libxml2-dev libxml2-utils libpugixml-dev libssl-dev nlohmann-json3-dev jing
libmecab-dev mecab-ipadic-utf8"
optional="python3-translate translate-toolkit omegat default-jdk-headless chromium fonts-noto-cjk libsaxonhe-java clang libclang-rt-14-dev clang-tidy slurm-wlm munge"
[ "${1:-}" = "--bench" ] && required="$required mecab time nettle-dev"

missing() {
  out=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out="$out $p"
  done
  echo "$out"
}
# shellcheck disable=SC2086
need=$(missing $required)
# shellcheck disable=SC2086
want=$(missing $optional)
[ -z "$need" ] && [ -z "$want" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  [ -n "$need" ] && { echo "jatei: apt-get is not available; install these packages by hand:$need" >&2; exit 1; }
  echo "jatei: apt-get is not available; the tests that need these will be skipped:$want" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    [ -n "$need" ] && { echo "jatei: not root and no sudo; ask an administrator to install:$need" >&2; exit 1; }
    echo "jatei: not root and no sudo; the tests that need these will be skipped:$want" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "jatei: apt-get update failed; trying with the package lists there are" >&2
if [ -n "$need" ]; then
  echo "jatei: installing missing packages:$need"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $need
fi
if [ -n "$want" ]; then
  echo "jatei: installing the clients the hand-off tests use, and the fuzzers' compiler:$want"
  # shellcheck disable=SC2086
  if ! $SUDO apt-get install -y -qq --no-install-recommends $want; then
    # One at a time, so that one missing package does not keep out the others.
    for p in $want; do
      $SUDO apt-get install -y -qq --no-install-recommends "$p" ||
        echo "jatei: could not install $p; the tests that need it will be skipped" >&2
    done
  fi
fi
exit 0
