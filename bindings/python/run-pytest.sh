#!/bin/sh
# make check: the Python bindings' pytest suite over the build tree's
# package (bindings/python/pkg), with the C tests' golden vectors.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${PYTHON3:?}"

PYTHONPATH="$IPL_BUILDDIR/bindings/python/pkg"
LD_LIBRARY_PATH="$IPL_BUILDDIR/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PYTHONPATH LD_LIBRARY_PATH
# A sanitizer build's library needs its runtimes loaded before anything
# else, and the interpreter is not instrumented: preload them, and leave
# leak checking to the C suites (Python keeps memory until exit). Asked of
# the library itself, as IPL_SANITIZERS is not set by make.
if ldd "$IPL_BUILDDIR/lib/.libs/libipledge.so" 2>/dev/null | grep -q libasan; then
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
