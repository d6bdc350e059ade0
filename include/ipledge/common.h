/**
 * @file ipledge/common.h
 * @brief Platform glue shared by every public header: export and
 *        linkage macros.
 *
 * Every public header includes this one. Nothing here is a function;
 * it only decides how ipledge's declarations are exported and seen from
 * C and C++.
 */
#ifndef IPL_COMMON_H
#define IPL_COMMON_H

#include <stddef.h>
#include <stdint.h>

/** @cond IPL_INTERNAL_MACROS */
#ifdef __cplusplus
# define IPL_BEGIN_DECL extern "C" {
# define IPL_END_DECL   }
#else
# define IPL_BEGIN_DECL
# define IPL_END_DECL
#endif
/** @endcond */

/**
 * @def IPL_EXTERN(type)
 * Declares a public function returning @p type. Only declarations made
 * with it are exported from the shared library, which is otherwise built
 * with hidden visibility. Define @c IPL_STATIC when linking the static
 * library on Windows.
 */
#if defined(_WIN32) && !defined(IPL_STATIC)
# ifdef IPL_BUILDING_LIBRARY
#  define IPL_EXTERN(type) __declspec(dllexport) type
# else
#  define IPL_EXTERN(type) __declspec(dllimport) type
# endif
#elif defined(__GNUC__) && __GNUC__ >= 4
# define IPL_EXTERN(type) __attribute__((visibility("default"))) type
#else
# define IPL_EXTERN(type) type
#endif

/**
 * @def IPL_WARN_UNUSED
 * Marks a function whose status must be checked: ignoring it is a
 * compiler warning.
 */
#if defined(__GNUC__) && __GNUC__ >= 4
# define IPL_WARN_UNUSED __attribute__((warn_unused_result))
#else
# define IPL_WARN_UNUSED
#endif

/**
 * @def IPL_DEPRECATED
 * Marks a declaration kept for compatibility until the next major
 * version; using it is a compiler warning.
 */
#if defined(__GNUC__) && __GNUC__ >= 4
# define IPL_DEPRECATED __attribute__((deprecated))
#else
# define IPL_DEPRECATED
#endif

#endif /* IPL_COMMON_H */
