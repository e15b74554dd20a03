# SPDX-License-Identifier: GPL-2.0-or-later

# test_deb.sh: the Debian packages work once installed. Unpacks the chimuc
# and libchimuc-dev packages that `make deb` built (in the parent folder of
# the source, or CM_DEB_DIR) into a scratch root with dpkg -x, then runs
# the installed programs: --version, an index and a search of the sample
# corpus; the manual pages and the completion are in place, and a program
# builds against the installed library through its pkg-config file.
# Not run by ctest (building the packages takes minutes): `make deb-test`.
# Skipped with a message where dpkg-buildpackage is not installed.
CHIMUC=${CHIMUC:-unused} CHIMUC_INDEX=${CHIMUC_INDEX:-unused}
. "$(dirname "$0")/lib.sh"

if ! command -v dpkg-buildpackage >/dev/null || ! command -v dpkg-parsechangelog >/dev/null; then
    echo "SKIP: dpkg-buildpackage is not installed (scripts/install-deps.sh --deb)"
    exit 77
fi
version=$(dpkg-parsechangelog -l "$CM_SOURCE_DIR/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
debs=${CM_DEB_DIR:-$CM_SOURCE_DIR/..}
for p in chimuc libchimuc-dev; do
    if [ ! -f "$debs/${p}_${version}_$arch.deb" ]; then
        echo "FAIL: no $debs/${p}_${version}_$arch.deb: run make deb first" >&2
        exit 1
    fi
done
root="$WORK/root"
dpkg -x "$debs/chimuc_${version}_$arch.deb" "$root"
dpkg -x "$debs/libchimuc-dev_${version}_$arch.deb" "$root"

same "chimuc --version" "$("$root/usr/bin/chimuc" --version)" "chimuc $version"
same "chimuc-index --version" "$("$root/usr/bin/chimuc-index" --version)" "chimuc-index $version"
"$root/usr/bin/chimuc-index" -q --db "$WORK/db" "$CORPUS"/*.txt
same "the installed indexer indexes the corpus" $? 0
hits=$("$root/usr/bin/chimuc" search --db "$WORK/db" --json dân vận khéo | jq -r .path)
check "the installed chimuc finds 'dân vận khéo'" test -n "$hits"
while IFS= read -r f; do
    check "the hit $f is a corpus file" test -f "$f"
done <<<"$hits"
same "a search without diacritics finds the same first hit" \
    "$("$root/usr/bin/chimuc" search --db "$WORK/db" --json dan van kheo | jq -r .path | head -1)" \
    "$(printf '%s\n' "$hits" | head -1)"
for page in chimuc chimuc-index; do
    check "man page $page.1 installed" test -s "$root/usr/share/man/man1/$page.1.gz"
    check "bash completion for $page installed" \
        test -s "$root/usr/share/bash-completion/completions/$page"
done

pc=$(find "$root/usr/lib" -name chimuc.pc)
check "chimuc.pc installed" test -n "$pc"
mkdir "$WORK/pc"
sed "s|^prefix=.*|prefix=$root/usr|; s|^libdir=/usr|libdir=$root/usr|; s|^includedir=/usr|includedir=$root/usr|" \
    "$pc" >"$WORK/pc/chimuc.pc"
cat >"$WORK/probe.c" <<'PROBE'
#include <stdio.h>
#include <chimuc/error.h>
int main(void)
{
	puts(cm_error_name(CM_ELOCKED));
	return 0;
}
PROBE
# shellcheck disable=SC2046
cc -o "$WORK/probe" "$WORK/probe.c" $(PKG_CONFIG_PATH="$WORK/pc" pkg-config --cflags --libs chimuc)
same "a program builds against libchimuc-dev" $? 0
same "…and runs" "$("$WORK/probe")" locked
finish
