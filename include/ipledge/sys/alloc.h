/**
 * @file ipledge/sys/alloc.h
 * @brief Replacing the allocator ipledge uses.
 * @defgroup ipl_alloc Allocator
 *
 * Every allocation ipledge itself makes goes through one process-wide
 * allocator, the C library's malloc() family unless the host installs
 * its own here. A host installs it once, before the first ipl_init(),
 * and keeps it until the last ipl_shutdown(): memory allocated by one
 * allocator is always freed by the same one.
 *
 * Memory that libxml2, PCRE2 or GSL allocate internally for their own
 * structures is not routed here unless a module says so.
 *
 * This header belongs to the extension interface: it is stable within a
 * minor release, a weaker promise than the main API.
 * @{
 */
#ifndef IPL_SYS_ALLOC_H
#define IPL_SYS_ALLOC_H

#include "ipledge/common.h"

IPL_BEGIN_DECL

/**
 * An allocator: three functions with the contracts of malloc(),
 * realloc() and free(), each given the user pointer @c ud.
 * ipledge never asks for 0 bytes and never passes NULL to @c free.
 */
typedef struct ipl_allocator {
    /** Allocates @p size bytes; returns NULL on failure. */
    void *(*malloc)(size_t size, void *ud);
    /** Resizes @p ptr (never NULL) to @p size bytes; returns NULL on
     *  failure, leaving @p ptr intact. */
    void *(*realloc)(void *ptr, size_t size, void *ud);
    /** Releases @p ptr (never NULL). */
    void (*free)(void *ptr, void *ud);
    /** Passed unchanged to the three functions. */
    void *ud;
} ipl_allocator;

/**
 * Installs the allocator ipledge uses from now on.
 *
 * @param alloc  the allocator, copied; NULL restores the C library's.
 * @return #IPL_OK, or #IPL_EINVAL when one of its functions is NULL or
 *         when the library is initialised (an allocator can only change
 *         while nothing allocated by the previous one may still be
 *         alive).
 * @note Thread safety: call it before any other ipledge function runs
 *       on any thread.
 */
IPL_EXTERN(int) ipl_alloc_set(const ipl_allocator *alloc);

IPL_END_DECL

/** @} */
#endif /* IPL_SYS_ALLOC_H */
