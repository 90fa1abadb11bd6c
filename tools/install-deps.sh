#!/bin/sh
# Installs what jatei needs to build and test, on Debian or Ubuntu (apt-get).
# Usage: tools/install-deps.sh [--bench]    (--bench adds MeCab, the benchmark's baseline)
set -eu
pkgs="g++ cmake make pkg-config gettext python3 libboost-program-options-dev libboost-locale-dev
libboost-test-dev libboost-dev libicu-dev libxml2-dev libxml2-utils libpugixml-dev jing"
# The clients the hand-off tests run (tests/cli/export_*.sh; each skips when its client is
# missing): translate-toolkit and OmegaT read the XLIFF 1.2 and TBX 2008, Chromium renders the
# review page (with a Japanese font), Saxon-HE runs the TBX-Basic Schematron with jing.
pkgs="$pkgs python3-translate omegat chromium fonts-noto-cjk libsaxonhe-java"
[ "${1:-}" = "--bench" ] && pkgs="$pkgs mecab mecab-ipadic-utf8 time"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "jatei: installing missing packages:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "jatei: apt-get is not available; install these packages by hand:$missing" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "jatei: not root and no sudo; ask an administrator to install:$missing" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
