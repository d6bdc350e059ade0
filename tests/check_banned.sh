#!/bin/sh
# Functions the library itself must never call, read from the undefined
# symbols of every object in lib/ (so comments, strings and macros cannot
# fool it):
# - locale-dependent or unchecked conversions: atof atoi atol strtod
#   strtol strtoul sscanf (money and dates have their own parsers);
# - hidden "now" and time zones: time localtime gmtime mktime;
# - ending or printing to the host's process: abort exit _exit
#   __assert_fail printf puts putchar perror fprintf fputs;
# - unbounded string writes: strcpy strcat sprintf gets;
# - rand srand (simulations own their generators);
# - malloc calloc realloc free strdup strndup, except in alloc.c, through
#   which every allocation goes.
set -eu
: "${IPL_BUILDDIR:?}" "${NM:=nm}"

archive="$IPL_BUILDDIR/lib/.libs/libipledge-internal.a"
[ -f "$archive" ] || { echo "FAIL: $archive not built"; exit 1; }

banned='atof atoi atol strtod strtol strtoul sscanf time localtime gmtime mktime
abort exit _exit __assert_fail printf puts putchar perror fprintf fputs
strcpy strcat sprintf gets rand srand'
allocation='malloc calloc realloc free strdup strndup'

status=0
for word in $banned $allocation; do
    hits=$($NM -A -u "$archive" 2>/dev/null |
           awk -v w="$word" '$NF == w || $NF ~ "^" w "@" { print $1 }' |
           sed 's/:$//')
    for hit in $hits; do
        case "$word:$hit" in
        malloc:*alloc.o|realloc:*alloc.o|free:*alloc.o) continue ;;
        esac
        echo "FAIL: $hit calls $word"
        status=1
    done
done
[ $status -eq 0 ] && echo "PASS: no banned function is called from lib/"
exit $status
