#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# schema-lint.sh [ROOT]: fails, naming file and line, on any term prefix or
# metadata key prefix spelt as a string literal ("XC", "XN%s", "XR", "Q", "F", …),
# or a stored form (the mtime's "%09ld", the hash's "%016" PRIx64, the
# "chimuc.format" key) in the C sources of lib/, indexer/, query/ and
# include/ outside the schema module (include/chimuc/schema.h,
# lib/index/schema.c): every other file builds its terms with the cm_term_*
# functions of chimuc/schema.h.
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

found=$(grep -rnE -e '"(Q|XDM?|XC|XN|XR|XT|XI|Y|F)(%[^"]*)?"' \
	-e '%09ld|"%016" PRIx64|"chimuc\.format"' \
	--include='*.c' --include='*.h' --include='*.cc' \
	lib indexer query include 2>/dev/null |
	grep -v -e '^include/chimuc/schema\.h:' -e '^lib/index/schema\.c:')
if [ -n "$found" ]; then
	printf '%s\n' "$found"
	echo "schema-lint: term prefixes spelt outside chimuc/schema.h (use its cm_term_* functions)" >&2
	exit 1
fi
exit 0
