#!/bin/sh
# Generates configure and the Makefile templates from configure.ac and
# Makefile.am. Needs autoconf, automake, libtool, autoconf-archive and
# pkg-config (Debian: see README.md).
set -e
cd "$(dirname "$0")"
autoreconf --force --install --warnings=all
