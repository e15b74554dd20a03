#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# layering-lint.sh [TREE]: the programs are front-ends of libchimuc. No file
# of query/ (chimuc) or indexer/ (chimuc-index) calls the Xapian binding
# (cm_x… of include/chimuc/xapian_c.h) or includes its header: they go
# through the library's operations (include/chimuc/<operation>.h). Prints
# "FILE:LINE: text" for each offence and exits 1 if there is one.
set -eu
tree=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$tree"
found=$(grep -nE '\bcm_x[a-z_]*\(|chimuc/xapian_c\.h' query/*.[ch] indexer/*.[ch] 2>/dev/null || true)
[ -z "$found" ] && exit 0
printf '%s\n' "$found" | sed 's/$/  (front-ends call library operations, not the Xapian binding)/'
exit 1
