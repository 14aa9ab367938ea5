#!/bin/sh
# Drive the interactive prompt through a pseudo-terminal: the tests in
# tests/repl/repl_tests.py (typing statements, sys.ps1 and sys.ps2,
# `sigvm -` and -i, handlers running at the prompt, Ctrl-C, history,
# completion).  Output is TAP, for automake's tap-driver.sh.
#
# Usage: tests/run-repl.sh [TEST_NAME...]
# Environment:
#   SIGVM    the interpreter (default: $(pwd)/sigvm)
#   PYTHON3  the Python that runs the harness (default: python3)
#   srcdir   source tree root (default: the tree this script lives in)

here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$here/..}"
: "${SIGVM:=$(pwd)/sigvm}"
: "${PYTHON3:=python3}"
export SIGVM

if ! command -v "$PYTHON3" >/dev/null 2>&1; then
    echo "1..0 # SKIP $PYTHON3 not found: the pty harness needs it"
    exit 0
fi
exec "$PYTHON3" "$srcdir/tests/repl/repl_tests.py" "$@"
