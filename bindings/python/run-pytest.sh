#!/bin/sh
# make check: the Python bindings' pytest suite over the build tree's
# package (bindings/python/pkg), with the C tests' golden vectors.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${PYTHON3:?}"

PYTHONPATH="$IPL_BUILDDIR/bindings/python/pkg"
LD_LIBRARY_PATH="$IPL_BUILDDIR/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PYTHONPATH LD_LIBRARY_PATH
if [ "${IPL_SANITIZERS:-no}" = yes ]; then
    # The interpreter is not instrumented: load the sanitizer runtimes
    # first, and leave leak checking to the C suites (Python itself keeps
    # memory until exit).
    LD_PRELOAD="$(${CC:-cc} -print-file-name=libasan.so) $(${CC:-cc} -print-file-name=libubsan.so)"
    ASAN_OPTIONS=detect_leaks=0
    export LD_PRELOAD ASAN_OPTIONS
fi
cd "$IPL_BUILDDIR/bindings/python/pkg"
status=0
"$PYTHON3" -B -m pytest -q -p no:cacheprovider "$IPL_SRCDIR/bindings/python/tests" || status=$?
# pytest's 5 means it collected nothing: a broken suite, not a pass.
[ "$status" -ne 5 ] || { echo "FAIL: pytest collected no tests"; exit 1; }
exit "$status"
