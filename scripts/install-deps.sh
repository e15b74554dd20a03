#!/bin/sh
# Installs the Debian packages chimuc needs to build, test and run the demo.
# Idempotent: installs only what is missing; needs root (or sudo) when something is.
set -eu

PACKAGES="build-essential cmake pkg-config \
libxapian-dev libicu-dev libxml2-dev libjson-c-dev \
libical-dev libzip-dev libpoppler-glib-dev \
libcriterion-dev jq libxml2-utils clang libclang-rt-14-dev time"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
