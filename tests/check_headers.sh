#!/bin/sh
# Every public header compiles on its own, as strict C99 and as C++11,
# so that a program may include any one of them first.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${CC:=cc}" "${CXX:=c++}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
count=0
for header in $(cd "$IPL_SRCDIR/include" && find . -name '*.h' ! -name '*.in' | sort) \
              ./ipledge/version.h; do
    header=${header#./}
    printf '#include <%s>\n#include <%s>\nint ipl_header_test_anchor;\n' \
        "$header" "$header" > "$tmp/t.c"
    cp "$tmp/t.c" "$tmp/t.cc"
    for compile in "$CC -std=c99 -pedantic -Wall -Wextra -Werror -c $tmp/t.c" \
                   "$CXX -std=c++11 -pedantic -Wall -Wextra -Werror -c $tmp/t.cc"; do
        if ! $compile -I"$IPL_SRCDIR/include" -I"$IPL_BUILDDIR/include" \
             -o "$tmp/t.o" 2> "$tmp/log"; then
            echo "FAIL: $header: $compile"
            cat "$tmp/log"
            status=1
        fi
    done
    count=$((count + 1))
done
[ $status -eq 0 ] && echo "PASS: $count headers compile alone (twice included) as C99 and C++11"
exit $status
