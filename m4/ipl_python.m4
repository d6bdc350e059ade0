# IPL_PYTHON_BINDINGS
# -------------------
# --enable-python[=yes|no|auto]: build the cffi bindings in
# bindings/python and test them with pytest.  The default, auto, builds
# them when $PYTHON3 imports cffi and pytest and the shared library is
# built (the extension links libipledge.so).  Defines the conditional
# IPL_PYTHON.  Call after LT_INIT and after PYTHON3 is set.
AC_DEFUN([IPL_PYTHON_BINDINGS],
[AC_ARG_ENABLE([python],
  [AS_HELP_STRING([--enable-python],
    [build and test the Python bindings (default: when $PYTHON3 has cffi and pytest)])],
  [], [enable_python=auto])
ipl_python_missing=
AS_IF([test "$enable_python" != no],
  [AS_IF([test "$enable_shared" != yes],
     [ipl_python_missing="a shared library (configure without --disable-shared)"])
   for ipl_py_mod in cffi pytest; do
     AC_MSG_CHECKING([whether $PYTHON3 can import $ipl_py_mod])
     AS_IF([test -n "$PYTHON3" && "$PYTHON3" -c "import $ipl_py_mod" >/dev/null 2>&1],
       [AC_MSG_RESULT([yes])],
       [AC_MSG_RESULT([no])
        ipl_python_missing="$ipl_python_missing python3-$ipl_py_mod"])
   done
   AS_IF([test -n "$ipl_python_missing"],
     [AS_IF([test "$enable_python" = yes],
        [AC_MSG_ERROR([--enable-python needs:$ipl_python_missing
On Debian or Ubuntu: apt-get install python3-cffi python3-pytest python3-dev])])
      enable_python=no],
     [enable_python=yes])])
AC_MSG_CHECKING([whether to build the Python bindings])
AC_MSG_RESULT([$enable_python])
AM_CONDITIONAL([IPL_PYTHON], [test "$enable_python" = yes])])
