#!/bin/sh
# valgrind memcheck over every examples/NAME.py: no invalid read, write or
# free, no use of uninitialised memory, and no definitely lost block at
# exit.  Each example must also still print its NAME.out (and exit with
# NAME.status when that file exists).  Prints TAP; exit status 1 when any
# example failed.
#
# Environment: SIGVM (default ./sigvm), srcdir (default: this tree).
here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$here/..}"
: "${SIGVM:=$(pwd)/sigvm}"
case $SIGVM in /*) ;; *) SIGVM=$(pwd)/$SIGVM ;; esac
exdir=$(cd "$srcdir/examples" && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
    echo "1..0 # SKIP valgrind is not installed (Debian package valgrind)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvm-valgrind.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

set -- "$exdir"/*.py
echo "1..$#"
n=0
failed=0
for f in "$@"; do
    n=$((n + 1))
    name=$(basename "$f" .py)
    # 99 is valgrind's status for "errors found"; no example exits with it.
    (cd "$exdir" && valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite --show-leak-kinds=definite \
        --log-file="$tmp/$name.vg" "$SIGVM" "$name.py" \
        >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null)
    status=$?
    want=0
    test -f "$exdir/$name.status" && want=$(cat "$exdir/$name.status")
    why=
    if test $status -eq 99; then
        why="memcheck errors"
    elif test "$status" -ne "$want"; then
        why="exit status $status, expected $want"
    elif test -f "$exdir/$name.out" && ! cmp -s "$tmp/$name.out" "$exdir/$name.out"; then
        why="stdout differs from $name.out"
    fi
    if test -z "$why"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name: $why"
        sed 's/^/# /' "$tmp/$name.vg" | head -60
        failed=1
    fi
done
exit $failed
