#!/bin/sh
# Regenerate NAME.out, NAME.err and NAME.status for tests/scripts/NAME.py by
# running CPython exactly as tests/run-scripts.sh runs sigvm:
#   cd tests/scripts && python3 NAME.py </dev/null
# NAME.out is always written; NAME.err only when stderr is non-empty and
# NAME.status only when the exit status is non-zero (stale ones are removed).
# Scripts carrying a `# sigvm-only:` line have hand-written expectations and
# are left alone.  Files are only rewritten when their content changes, so
# running this twice in a row changes nothing.
#
# Usage: tests/regen-expected.sh [PATTERN...]   (PATTERN: a name prefix or glob,
#                                               as in run-scripts.sh)
# Environment: PYTHON (default python3), which must be CPython 3.11.

LC_ALL=C.UTF-8
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
scriptdir=$here/scripts
. "$here/expected-lib.sh"
expected_require_311 regen-expected.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvm-regen.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# update SRC DEST: move SRC over DEST unless they are already equal.
update() {
    if test -f "$2" && cmp -s "$1" "$2"; then
        return
    fi
    cp "$1" "$2"
    echo "updated ${2#"$scriptdir"/}"
}

# remove FILE if it exists, saying so.
remove() {
    if test -f "$1"; then
        rm -f "$1"
        echo "removed ${1#"$scriptdir"/}"
    fi
}

cd "$scriptdir" || exit 1
for f in *.py; do
    name=${f%.py}
    selected "$name" "$@" || continue
    if grep -q '^# sigvm-only:' "$f"; then
        continue
    fi
    expected_run_python "$f" "$tmp"
    status=$?

    update "$tmp/out" "$name.out"
    if test -s "$tmp/err"; then
        update "$tmp/err" "$name.err"
    else
        remove "$name.err"
    fi
    if test "$status" -ne 0; then
        echo "$status" >"$tmp/status"
        update "$tmp/status" "$name.status"
    else
        remove "$name.status"
    fi
done
exit 0
