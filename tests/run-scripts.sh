#!/bin/sh
# Run every tests/scripts/*.py under sigvm and compare with the expected
# output that CPython 3.11 produced (see tests/regen-expected.sh).
#
# Usage: tests/run-scripts.sh [PATTERN...]
#   PATTERN  run only scripts whose name starts with PATTERN; shell glob
#            characters are allowed, e.g. `tests/run-scripts.sh str_ exc_`
#            or `tests/run-scripts.sh '*overflow*'`.
# Environment:
#   SIGVM    absolute path of the interpreter (default: $(pwd)/sigvm)
#   srcdir   source tree root; scripts are in $srcdir/tests/scripts
#            (default: the tree this script lives in)
#   SKIP_SIGVM_ONLY=1  report scripts marked `# sigvm-only:` as skipped;
#            useful when SIGVM is python3, to validate the corpus itself.
#
# Output is TAP, for automake's tap-driver.sh.  For each NAME.py the script
# is run from inside the scripts folder as `timeout 20 $SIGVM NAME.py
# </dev/null`; stdout must equal NAME.out byte for byte, the exit status must
# equal NAME.status (0 when absent), and stderr must equal NAME.err (empty
# when absent) once, on both sides, lines made only of spaces, `^` and `~`
# (CPython 3.11's caret lines) are removed.  CPython names the main script by
# its absolute path in tracebacks, while the .err files say `File "NAME.py"`;
# the folder prefix is removed from the actual stderr before comparing.
# The exit status is 0 when every test passed and 1 otherwise.

LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$here/..}"
: "${SIGVM:=$(pwd)/sigvm}"

scriptdir=$(cd "$srcdir/tests/scripts" 2>/dev/null && pwd)
if test -z "$scriptdir"; then
    echo "1..0"
    echo "Bail out! no such folder: $srcdir/tests/scripts"
    exit 1
fi

# The scripts run from inside $scriptdir, so a relative SIGVM must be made
# absolute first.
case $SIGVM in
    /*) ;;
    */*) SIGVM=$(pwd)/$SIGVM ;;
    *) SIGVM=$(command -v "$SIGVM" || echo "$SIGVM") ;;
esac
if test ! -x "$SIGVM"; then
    echo "1..0"
    echo "Bail out! interpreter not found or not executable: $SIGVM"
    exit 1
fi

# A hung interpreter must not hang `make check`: SIGTERM after 20 s, and
# SIGKILL 5 s later where timeout(1) supports -k.
if timeout -k 5 20 true >/dev/null 2>&1; then
    run_timeout="timeout -k 5 20"
elif command -v timeout >/dev/null 2>&1; then
    run_timeout="timeout 20"
else
    run_timeout=
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvm-scripts.XXXXXX") || {
    echo "1..0"
    echo "Bail out! mktemp -d failed"
    exit 1
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# selected NAME: true when NAME matches one of the command-line patterns,
# or when there are none.
selected() {
    test $# -eq 1 && return 0
    name=$1
    shift
    for pat in "$@"; do
        case $name in
            $pat*) return 0 ;;
        esac
    done
    return 1
}

# normalize_err IN OUT: drop caret-only lines and the script folder prefix.
normalize_err() {
    SIGVM_SCRIPTDIR="$scriptdir/" awk '
        BEGIN { pat = ENVIRON["SIGVM_SCRIPTDIR"] }
        /^[ ^~]*[~^][ ^~]*$/ { next }
        {
            line = $0; out = ""
            while ((i = index(line, pat)) > 0) {
                out = out substr(line, 1, i - 1)
                line = substr(line, i + length(pat))
            }
            print out line
        }' "$1" > "$2"
}

# diagnose EXPECTED ACTUAL: a short unified diff as TAP comments.
diagnose() {
    diff -u "$1" "$2" | sed -n '3,24p' | sed 's/^/# /'
}

names=
count=0
for f in "$scriptdir"/*.py; do
    test -f "$f" || continue
    name=$(basename "$f" .py)
    selected "$name" "$@" || continue
    names="$names $name"
    count=$((count + 1))
done

echo "1..$count"

k=0
failed=0
for name in $names; do
    k=$((k + 1))
    if test "${SKIP_SIGVM_ONLY:-0}" = 1 &&
       grep -q '^# sigvm-only:' "$scriptdir/$name.py"; then
        echo "ok $k - $name # SKIP sigvm-only"
        continue
    fi

    (cd "$scriptdir" && $run_timeout "$SIGVM" "$name.py" </dev/null \
        >"$tmp/out" 2>"$tmp/err")
    status=$?

    expected_status=0
    if test -f "$scriptdir/$name.status"; then
        expected_status=$(cat "$scriptdir/$name.status")
    fi
    if test -f "$scriptdir/$name.out"; then
        cp "$scriptdir/$name.out" "$tmp/exp.out"
    else
        : >"$tmp/exp.out"
    fi
    if test -f "$scriptdir/$name.err"; then
        normalize_err "$scriptdir/$name.err" "$tmp/exp.err"
    else
        : >"$tmp/exp.err"
    fi
    normalize_err "$tmp/err" "$tmp/act.err"

    ok=1
    cmp -s "$tmp/exp.out" "$tmp/out" || ok=0
    cmp -s "$tmp/exp.err" "$tmp/act.err" || ok=0
    test "$status" -eq "$expected_status" 2>/dev/null || ok=0

    # NAME.xfail holds the reason a known sigvm deviation still fails; the
    # TAP TODO directive reports it as XFAIL, and as XPASS (a failure of
    # the suite) once it passes, so the marker cannot outlive the bug.
    todo=
    if test -f "$scriptdir/$name.xfail"; then
        todo=" # TODO $(head -n 1 "$scriptdir/$name.xfail")"
    fi
    if test $ok = 1; then
        echo "ok $k - $name$todo"
        continue
    fi
    test -n "$todo" || failed=$((failed + 1))
    echo "not ok $k - $name$todo"
    if test "$status" != "$expected_status"; then
        if test -n "$run_timeout" && test "$status" -eq 124; then
            echo "# timed out after 20 s"
        elif test "$status" -gt 128 && test "$expected_status" -le 128; then
            echo "# killed by signal $((status - 128))?"
        fi
        echo "# exit status $status, expected $expected_status"
    fi
    if ! cmp -s "$tmp/exp.out" "$tmp/out"; then
        echo "# stdout differs (- expected, + actual):"
        diagnose "$tmp/exp.out" "$tmp/out"
    fi
    if ! cmp -s "$tmp/exp.err" "$tmp/act.err"; then
        echo "# stderr differs (- expected, + actual; caret lines removed):"
        diagnose "$tmp/exp.err" "$tmp/act.err"
    fi
done

if test $failed -ne 0; then
    echo "# $failed of $count failed"
    exit 1
fi
exit 0
