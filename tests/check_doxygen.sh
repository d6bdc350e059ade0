#!/bin/sh
# The API reference builds from the public headers without a single
# Doxygen warning: every declaration, parameter and return value is
# documented.
set -eu
: "${IPL_BUILDDIR:?}"

if [ -z "${DOXYGEN:-}" ]; then
    echo "SKIP: doxygen not found (Debian package doxygen)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    cat "$IPL_BUILDDIR/doc/Doxyfile"
    echo "OUTPUT_DIRECTORY = $tmp"
    echo "WARN_LOGFILE = $tmp/warnings.log"
    echo "WARN_AS_ERROR = NO"
} | "$DOXYGEN" - > "$tmp/out.log" 2>&1 || { cat "$tmp/out.log"; exit 1; }
if [ -s "$tmp/warnings.log" ]; then
    echo "FAIL: Doxygen warnings:"
    cat "$tmp/warnings.log"
    exit 1
fi
echo "PASS: API reference built without warnings"
