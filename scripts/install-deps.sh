#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# Installs the Debian packages chimuc needs to build, test and run the demo;
# with --deb, also those `make deb` needs to build the Debian packages.
# Called by `make demo`, `make check` and `make deb` only: `make`, `make
# build` and `make install` never install anything.
# Idempotent: installs only what is missing, and nothing when all is there
# (so it needs no root then). As root it runs apt-get itself; otherwise
# through sudo; without sudo it names the missing packages and the command
# to run as root, and exits 1.
# Usage: scripts/install-deps.sh [--deb]
set -eu

PACKAGES="build-essential cmake pkg-config \
libxapian-dev libicu-dev libxml2-dev libjson-c-dev \
libical-dev libzip-dev libpoppler-glib-dev libcairo2-dev \
libtesseract-dev tesseract-ocr-vie tesseract-ocr-eng libleptonica-dev libjpeg-dev \
libmicrohttpd-dev libcrypt-dev curl \
libcriterion-dev jq libxml2-utils clang libclang-rt-14-dev clang-format \
groff-base bsdutils time xapian-tools chromium openssl"
DEB_PACKAGES="dpkg-dev debhelper devscripts lintian fakeroot"

case "${1:-}" in
--deb) PACKAGES="$PACKAGES $DEB_PACKAGES" ;;
"") ;;
*) echo "usage: $0 [--deb]" >&2; exit 2 ;;
esac

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
    as_root() { sudo DEBIAN_FRONTEND=noninteractive "$@"; }
else
    echo "install-deps: missing Debian packages:$missing" >&2
    echo "install-deps: not root and no sudo here: as root, run" >&2
    echo "    apt-get install$missing" >&2
    echo "install-deps: then run this command again" >&2
    exit 1
fi
echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get (a second checkout's make check) may hold the lock: wait.
lock="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
as_root apt-get $lock update -qq
# shellcheck disable=SC2086
as_root apt-get $lock install -y -qq --no-install-recommends $missing
