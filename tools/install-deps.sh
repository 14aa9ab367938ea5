#!/bin/sh
# Installs the Debian packages sigvm needs to build and test, skipping the
# ones already present (a fresh machine lacks most of them).  clang builds
# the libFuzzer target and valgrind runs memcheck; .ci/run uses both.
# configure reads library sonames with binutils' objdump.
set -e
pkgs="gcc binutils make autoconf automake libtool pkg-config libreadline-dev libcriterion-dev python3 clang valgrind"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
