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
: "${PYTHON:=python3}"
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if test "$version" != 3.11; then
    echo "check-expected.sh: $PYTHON is Python $version, expected 3.11" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvm-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

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

    timeout 20 "$PYTHON" "$f" </dev/null >"$tmp/out" 2>"$tmp/raw.err"
    status=$?
    SIGVM_SCRIPTDIR="$scriptdir/" awk '
        BEGIN { pat = ENVIRON["SIGVM_SCRIPTDIR"] }
        {
            line = $0; out = ""
            while ((i = index(line, pat)) > 0) {
                out = out substr(line, 1, i - 1)
                line = substr(line, i + length(pat))
            }
            print out line
        }' "$tmp/raw.err" >"$tmp/err"

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
