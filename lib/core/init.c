/* Reference-counted set-up of libxml2 and GSL (include/ipledge/init.h). */
#include <limits.h>
#include <pthread.h>

#include <gsl/gsl_errno.h>
#include <libxml/parser.h>

#include "ipledge/error.h"
#include "ipledge/init.h"
#include "init_internal.h"

/* The one piece of global mutable state: how many ipl_init() calls are
 * in force, and whether ipledge installed GSL's handler. */
static pthread_mutex_t ipl__init_lock = PTHREAD_MUTEX_INITIALIZER;
static int ipl__init_count;
static int ipl__gsl_handler_ours;

/* Replaces GSL's default handler, which aborts the process. GSL reports
 * the error through the status every routine returns, which ipledge
 * checks, so the handler has nothing to add. */
static void
ipl__gsl_quiet(const char *reason, const char *file, int line, int gsl_errno)
{
    (void)reason;
    (void)file;
    (void)line;
    (void)gsl_errno;
}

static void
ipl__gsl_install(void)
{
    gsl_error_handler_t *prev = gsl_set_error_handler(ipl__gsl_quiet);

    /* NULL means GSL's default (aborting) handler was in place: that is
     * the only one ipledge replaces. A host's own handler goes back. */
    if (prev != NULL) {
        gsl_set_error_handler(prev);
        ipl__gsl_handler_ours = 0;
    } else {
        ipl__gsl_handler_ours = 1;
    }
}

static void
ipl__gsl_uninstall(void)
{
    gsl_error_handler_t *current;

    if (!ipl__gsl_handler_ours)
        return;
    current = gsl_set_error_handler(NULL);
    /* The host replaced ours meanwhile: keep its handler. */
    if (current != ipl__gsl_quiet)
        gsl_set_error_handler(current);
    ipl__gsl_handler_ours = 0;
}

int
ipl_init(void)
{
    int count;

    pthread_mutex_lock(&ipl__init_lock);
    if (ipl__init_count == INT_MAX) {
        pthread_mutex_unlock(&ipl__init_lock);
        return IPL_ERROR;
    }
    if (ipl__init_count == 0) {
        xmlInitParser();
        ipl__gsl_install();
    }
    count = ++ipl__init_count;
    pthread_mutex_unlock(&ipl__init_lock);
    return count;
}

int
ipl_shutdown(void)
{
    int count;

    pthread_mutex_lock(&ipl__init_lock);
    if (ipl__init_count == 0) {
        pthread_mutex_unlock(&ipl__init_lock);
        return IPL_EINVAL;
    }
    count = --ipl__init_count;
    if (count == 0)
        ipl__gsl_uninstall();
    pthread_mutex_unlock(&ipl__init_lock);
    return count;
}

int
ipl__library_in_use(void)
{
    int in_use;

    pthread_mutex_lock(&ipl__init_lock);
    in_use = ipl__init_count > 0;
    pthread_mutex_unlock(&ipl__init_lock);
    return in_use;
}
