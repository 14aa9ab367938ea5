#!/bin/sh
# The signal storm test (tests/stress/storm.c explains the protocol and
# the pass criteria), once with each check-point policy.  Prints TAP.
#
# Environment:
#   SIGVM          the interpreter (make check sets it)
#   STORM          the driver program (make check sets it)
#   STORM_SIGNALS  signals per run: 50000 in make check, 1000000 for
#                  make stress
#   STORM_SANITIZED  non-empty in a sanitizer build: the RSS check is
#                  skipped there, because ASan's quarantine keeps freed
#                  memory by design and RSS grows until it is full.
here=$(cd "$(dirname "$0")" && pwd)
: "${SIGVM:=$(pwd)/sigvm}"
: "${STORM:=$(pwd)/tests/stress/storm}"
: "${STORM_SIGNALS:=50000}"
rss_flag=
test -n "${STORM_SANITIZED:-}" && rss_flag=-R
target=$here/storm_target.py

echo "1..2"
n=0
failed=0
for policy in every cpython; do
    n=$((n + 1))
    out=$("$STORM" -n "$STORM_SIGNALS" -t 120 $rss_flag -- \
          "$SIGVM" -X checkpoints=$policy "$target" </dev/null 2>&1)
    status=$?
    echo "$out" | sed 's/^/# /'
    if test $status -eq 0; then
        echo "ok $n - storm of $STORM_SIGNALS signals, checkpoints=$policy"
    else
        echo "not ok $n - storm of $STORM_SIGNALS signals, checkpoints=$policy"
        failed=1
    fi
done
exit $failed
