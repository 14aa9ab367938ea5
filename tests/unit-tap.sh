#!/bin/sh
# Runs one Criterion test program with its report in TAP, so automake's TAP
# driver lists every Test() on its own line.
prog=$1
shift
exec "$prog" --tap=- "$@"
