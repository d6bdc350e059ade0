#!/bin/sh
# The HTML report renders in a browser: headless Chromium (Debian's
# `chromium`) draws the US patent case's page, charts included, to a
# PNG that must be a non-empty image. Skipped, with a message, when
# Chromium is not installed.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}"

browser=
for b in chromium chromium-browser; do
    if command -v "$b" > /dev/null 2>&1; then
        browser=$b
        break
    fi
done
if [ -z "$browser" ]; then
    echo "SKIP: headless Chromium not found (apt-get install chromium)"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
IPLEDGE_RECORDS= "$IPL_BUILDDIR/examples/ipledge" appraise --format=html \
    "$IPL_SRCDIR/examples/cases/us-patent.xml" > "$tmp/report.html"

# A fresh profile, no network, no background services: the page is
# self-contained and nothing else may be fetched.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --no-first-run --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile" --window-size=1000,3000 \
    --screenshot="$tmp/report.png" "file://$tmp/report.html" \
    > "$tmp/browser.log" 2>&1 || {
    cat "$tmp/browser.log"
    echo "FAIL: $browser could not render the report"
    exit 1
}
if [ ! -s "$tmp/report.png" ] ||
   [ "$(od -An -tx1 -N8 "$tmp/report.png" | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    cat "$tmp/browser.log"
    echo "FAIL: no PNG from $browser"
    exit 1
fi
echo "PASS: $browser rendered the HTML report ($(wc -c < "$tmp/report.png") bytes of PNG)"
