# SPDX-License-Identifier: GPL-2.0-or-later

# test_permission.sh: a file and a folder the indexer may not read. As root
# (CI too), where permissions do not stop reads, the indexer runs as user
# nobody (setpriv) on a copy of itself in a world-readable scratch folder, so
# that the test passes wherever the build is (a checkout under /root, mode
# 0700, too); it is skipped with a message when nobody cannot run it there.
# Otherwise it runs as the caller with mode 000. The file is skipped with
# "cannot open: Permission denied" and not remembered (it is read again once
# allowed, mtime unchanged); the folder is reported on one line and the
# documents indexed below it stay; the run goes on, exit 0.
. "$(dirname "$0")/lib.sh"

indexer=$CHIMUC_INDEX
if [ "$(id -u)" -eq 0 ]; then
    as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
    deny() { chown root:root "$1" && chmod 700 "$1"; }
    allow() { chown -R nobody:nogroup "$1" && chmod u+rwX "$1"; }
    # The build folder may be closed to nobody: a world-readable scratch
    # folder outside it holds the indexer and the files.
    shared=$(mktemp -d /tmp/chimuc-perm.XXXXXX)
    orig=$WORK
    trap 'rm -rf "$orig" "$shared"' EXIT
    chmod 755 "$shared"
    cp "$CHIMUC_INDEX" "$shared/chimuc-index"
    chmod 755 "$shared/chimuc-index"
    indexer=$shared/chimuc-index
    if ! id nobody >/dev/null 2>&1 || ! as_user "$indexer" --version >/dev/null 2>&1; then
        echo "SKIP: user nobody cannot run the indexer from $shared"
        exit 77
    fi
    WORK=$shared
else
    as_user() { "$@"; }
    deny() { chmod 000 "$1"; }
    allow() { chmod u+rwX "$1"; }
fi
chmod 755 "$WORK"
d="$WORK/in"
mkdir -p "$d/open" "$d/secret" "$WORK/db"
printf 'Kế hoạch dân vận khéo\n' >"$d/open/plain.txt"
printf 'Nghị quyết dân vận khéo\n' >"$d/open/locked.txt"
printf 'Chỉ thị dân vận khéo\n' >"$d/secret/hidden.txt"
for p in "$d" "$d/open" "$d/open/plain.txt" "$d/open/locked.txt" "$d/secret" "$d/secret/hidden.txt" "$WORK/db"; do
    allow "$p"
done

# index NAME: runs the indexer as the user; output in $WORK/NAME.{out,err}.
index() {
    as_user "$indexer" --db "$WORK/db" "$d" >"$WORK/$1.out" 2>"$WORK/$1.err"
    same "$1: exit 0" $? 0
    counts=$(sed -nE 's/^chimuc-index: ([0-9]+) seen: ([0-9]+) indexed, ([0-9]+) unchanged, ([0-9]+) removed, ([0-9]+) skipped.*/\1 \2 \3 \4 \5/p' "$WORK/$1.out")
    if [ -z "$counts" ]; then
        fail "$1: no summary line: $(head -c 300 "$WORK/$1.err")"
        return
    fi
    set -- "$1" $counts
    same "$1: seen = indexed + unchanged + removed + skipped" "$2" "$(($3 + $4 + $5 + $6))"
}

index all
check "all: three indexed" grep -q ' 3 indexed, 0 unchanged, 0 removed, 0 skipped' "$WORK/all.out"

deny "$d/open/locked.txt"
deny "$d/secret"
touch -d '+1 second' "$d/open/locked.txt"
index denied
check "the file: skipped with its reason" \
    grep -q '/open/locked.txt: skipped: cannot open: Permission denied' "$WORK/denied.err"
check "the folder: one clear line" \
    grep -q '/secret: skipped folder: cannot open: Permission denied (documents indexed below it are kept)$' "$WORK/denied.err"
same "two diagnostics, nothing else" "$(wc -l <"$WORK/denied.err")" 2
check "denied: the readable file unchanged, the two skipped" \
    grep -q ' 0 indexed, 1 unchanged, 0 removed, 2 skipped' "$WORK/denied.out"
same "the document below the folder is kept" \
    "$("$CHIMUC" search --db "$WORK/db" --json 'Chỉ thị' | jq -r .path | sed 's|.*/||')" hidden.txt

allow "$d/open/locked.txt"
allow "$d/secret"
index allowed
check "allowed again: the file is read (not remembered), the folder unchanged" \
    grep -q ' 1 indexed, 2 unchanged, 0 removed, 0 skipped' "$WORK/allowed.out"
"$CHIMUC" check --db "$WORK/db" >/dev/null
same "the index is consistent" $? 0
finish
