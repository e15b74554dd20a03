#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# Installs the Debian packages the benchmark needs beyond the build's own
# (scripts/install-deps.sh): the other engines (omindex and quest from Xapian
# Omega, Python's Xapian bindings, SQLite with FTS5 through python3 and the
# sqlite3 shell), GNU time for peak memory, and the Vietnamese texts the
# corpus generator draws sentences from. It does not build chimuc.
# Idempotent: installs only what is missing; needs root (or sudo) when something is.
set -eu

PACKAGES="xapian-tools xapian-omega python3-xapian python3 sqlite3 time \
libreoffice-help-vi maint-guide-vi manpages-vi wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "bench/install-deps: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Debian's python3 (not a pyenv one) links the system libsqlite3, built with FTS5; say so if not.
/usr/bin/python3 -c "import sqlite3; c = sqlite3.connect(':memory:'); c.execute('create virtual table t using fts5(x)')" \
    || { echo "bench/install-deps: python3's sqlite3 has no FTS5" >&2; exit 1; }
