/**
 * @file ipledge/init.h
 * @brief One-time set-up and tear-down of the library.
 * @defgroup ipl_init Initialisation
 *
 * Call ipl_init() once from the main thread before any other thread
 * uses ipledge, and ipl_shutdown() as many times when done. The calls
 * are reference-counted, so a program and the plug-ins it loads may
 * each pair their own.
 *
 * The first ipl_init():
 * - initialises libxml2 (xmlInitParser()). ipledge never calls
 *   xmlCleanupParser(): that would pull libxml2 from under any other
 *   user in the process.
 * - replaces GSL's default error handler, which calls abort(), with one
 *   that returns silently, so a GSL routine given bad input returns its
 *   status instead of killing the process. A handler the host installed
 *   itself before that call is left in place.
 *
 * The last ipl_shutdown() puts GSL's default handler back if ipledge's
 * is still the one installed. Money, date and day-count functions need
 * no initialisation; everything that parses or computes with libxml2 or
 * GSL does.
 * @{
 */
#ifndef IPL_INIT_H
#define IPL_INIT_H

#include "ipledge/common.h"

IPL_BEGIN_DECL

/**
 * Initialises the library, or counts one more user of it.
 *
 * @return the number of users after this call (1 the first time), or a
 *         negative ::ipl_status: #IPL_ERROR if the count would overflow.
 * @note Thread safety: the count itself is protected, but the first
 *       call must come from the main thread before other threads use
 *       libxml2 or GSL, as those libraries require.
 */
IPL_EXTERN(int) ipl_init(void);

/**
 * Counts one user of the library less; the last one undoes what the
 * first ipl_init() did (see above).
 *
 * @return the number of users left (0 after the last), or #IPL_EINVAL
 *         when the library was not initialised.
 * @note Thread safety: as ipl_init().
 */
IPL_EXTERN(int) ipl_shutdown(void);

IPL_END_DECL

/** @} */
#endif /* IPL_INIT_H */
