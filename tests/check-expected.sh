#!/bin/sh
# Report scripts in tests/scripts whose checked-in NAME.out / NAME.err /
# NAME.status differ from what CPython 3.11 prints now, scripts with no
# NAME.out at all, and expectation files left without a script.  Changes
# nothing; exits 1 if anything is wrong.
# Scripts marked `# sigvm-only:` are checked only for having a NAME.out.
#
# Usage: tests/check-expected.sh [PATTERN...]
# Environment: PYTHON (default python3), which must be CPython 3.11.

here=$(cd "$(dirname "$0")" && pwd)
scriptdir=$here/scripts
. "$here/expected-lib.sh"
expected_require_311 check-expected.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvm-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

cd "$scriptdir" || exit 1
bad=0
total=0
for f in *.py; do
    name=${f%.py}
    selected "$name" "$@" || continue
    total=$((total + 1))
    if test ! -f "$name.out"; then
        echo "$name: no $name.out"
        bad=$((bad + 1))
        continue
    fi
    grep -q '^# sigvm-only:' "$f" && continue

    expected_run_python "$f" "$tmp"
    status=$?

    expected_status=0
    test -f "$name.status" && expected_status=$(cat "$name.status")
    if test -f "$name.err"; then
        cp "$name.err" "$tmp/exp.err"
    else
        : >"$tmp/exp.err"
    fi

    msg=
    cmp -s "$name.out" "$tmp/out" || msg="$msg stdout"
    cmp -s "$tmp/exp.err" "$tmp/err" || msg="$msg stderr"
    test "$status" -eq "$expected_status" || msg="$msg status($expected_status->$status)"
    if test -n "$msg"; then
        echo "$name: differs:$msg"
        bad=$((bad + 1))
    fi
done
# Expectation files whose script is gone.
if test $# -eq 0; then
    for f in *.out *.err *.status; do
        test -f "$f" || continue
        if test ! -f "${f%.*}.py"; then
            echo "$f: no ${f%.*}.py"
            bad=$((bad + 1))
        fi
    done
fi
echo "check-expected: $total scripts, $bad problems"
test $bad -eq 0
