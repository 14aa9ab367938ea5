#!/bin/sh
# valgrind memcheck over every examples/NAME.py: no invalid read, write or
# free, no use of uninitialised memory, no definitely lost block at exit,
# and no death by a crash signal.  Whether the output is right is
# tests/run-examples.sh's job (some examples need options).  Prints TAP;
# exit status 1 when any example failed.
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
    why=
    case $status in
        99) why="memcheck errors" ;;
        # SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV
        132|134|135|136|139) why="died with status $status" ;;
    esac
    if test -z "$why"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name: $why"
        sed 's/^/# /' "$tmp/$name.vg" | head -60
        failed=1
    fi
done
exit $failed
