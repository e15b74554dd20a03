#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# layering-lint.sh [TREE]: the programs are front-ends of libchimuc. No file
# of query/ (chimuc), serve/ (chimuc serve) or indexer/ (chimuc-index) calls the Xapian binding
# (the cm_xdb_…, cm_xdoc_…, cm_xquery_… families of include/chimuc/xapian_c.h)
# or includes its header: they go
# through the library's operations (include/chimuc/<operation>.h). Prints
# "FILE:LINE: text" for each offence and exits 1 if there is one.
set -eu
tree=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$tree"
binding='cm_x(db|doc|enquire|mset|positions|postings|query|sortable|terms)_[a-z_]*\('
found=$(grep -nE "\\b$binding|chimuc/xapian_c\\.h" query/*.[ch] serve/*.[ch] indexer/*.[ch] 2>/dev/null || true)
[ -z "$found" ] && exit 0
printf '%s\n' "$found" | sed 's/$/  (front-ends call library operations, not the Xapian binding)/'
exit 1
