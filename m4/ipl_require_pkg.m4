# IPL_REQUIRE_PKG(VARIABLE-PREFIX, MODULES, DEBIAN-PACKAGE)
# ---------------------------------------------------------
# Find MODULES with pkg-config and set VARIABLE-PREFIX_CFLAGS and
# VARIABLE-PREFIX_LIBS; when they are missing, stop and name the Debian
# package that provides them.
AC_DEFUN([IPL_REQUIRE_PKG],
[PKG_CHECK_MODULES([$1], [$2], [],
  [AC_MSG_ERROR([$2 was not found by pkg-config.
On Debian or Ubuntu install it with:  apt-get install $3
($$1_PKG_ERRORS)])])])
