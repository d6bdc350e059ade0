/* The appraisal object: options, construction, notes, accessors and
 * release. The stages are in appraisal_chain.c and appraisal_right.c. */
#include <stdarg.h>
#include <stdio.h>

#include "alloc_internal.h"
#include "appraisal_internal.h"

int
ipl_appraisal_options_init(ipl_appraisal_options *opts, unsigned int version)
{
    static const ipl_appraisal_options defaults = IPL_APPRAISAL_OPTIONS_INIT;

    IPL__CHECK_ARG(NULL, opts);
    if (version != IPL_APPRAISAL_OPTIONS_VERSION)
        return IPL_EVERSION;
    *opts = defaults;
    return IPL_OK;
}

int
ipl__appraisal_note(ipl_appraisal *a, ipl_error *err, const char *fmt, ...)
{
    char text[512], **notes;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if ((notes = ipl__realloc(a->notes, (a->nnotes + 1) * sizeof *notes)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "notes", "out of memory");
    a->notes = notes;
    if ((notes[a->nnotes] = ipl__strdup(text)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "notes", "out of memory");
    a->nnotes++;
    return IPL_OK;
}

static int
check_options(const ipl_appraisal_options *o, ipl_error *err)
{
    size_t i;

    if (o->version != IPL_APPRAISAL_OPTIONS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "opts.version", "must be %d, got %u",
                         IPL_APPRAISAL_OPTIONS_VERSION, o->version);
    if (o->n_record_dirs > 0 && o->record_dirs == NULL)
        return ipl__fail(err, IPL_EINVAL, "opts.record_dirs", "must not be NULL when "
                         "n_record_dirs is %zu", o->n_record_dirs);
    for (i = 0; i < o->n_record_dirs; i++)
        if (o->record_dirs[i] == NULL)
            return ipl__fail(err, IPL_EINVAL, "opts.record_dirs", "entry %zu is NULL", i);
    if ((unsigned)o->loan_rounding > IPL_ROUND_UP)
        return ipl__fail(err, IPL_EINVAL, "opts.loan_rounding", "unknown rounding %d",
                         (int)o->loan_rounding);
    return IPL_OK;
}

int
ipl_appraisal_new(ipl_appraisal **out, const ipl_case *c, const ipl_appraisal_options *opts,
                  ipl_error *err)
{
    static const ipl_appraisal_options defaults = IPL_APPRAISAL_OPTIONS_INIT;
    ipl_appraisal *a;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, c);
    if (opts == NULL)
        opts = &defaults;
    if ((rc = check_options(opts, err)) < 0)
        return rc;
    if ((a = ipl__calloc(1, sizeof *a)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, NULL, "out of memory");
    a->c = c;
    a->opts = *opts;
    rc = ipl__appraisal_run(a, err);
    /* the directories are the caller's only for the call */
    a->opts.record_dirs = NULL;
    a->opts.n_record_dirs = 0;
    if (rc < 0) {
        ipl_appraisal_free(a);
        return rc;
    }
    *out = a;
    return IPL_OK;
}

void
ipl_appraisal_free(ipl_appraisal *a)
{
    size_t k, j;

    if (a == NULL)
        return;
    for (k = 0; a->rights != NULL && k < a->nrights; k++) {
        ipl__appraised_right *r = &a->rights[k];

        for (j = 0; r->values != NULL && j < r->nvalues; j++)
            ipl_value_free(r->values[j]);
        ipl__free(r->values);
        ipl_montecarlo_free(r->mc);
        ipl_assumptions_free(r->doc);
        ipl_record_free(r->record);
        ipl__free(r->record_path);
        ipl__free(r->valuation_path);
    }
    ipl__free(a->rights);
    for (k = 0; k < a->nsubsidies; k++)
        ipl_subsidy_schedule_free(a->subsidies[k].schedule);
    ipl__free(a->subsidies);
    for (k = 0; k < a->nnotes; k++)
        ipl__free(a->notes[k]);
    ipl__free(a->notes);
    ipl_compensation_free(a->compensation);
    ipl_loan_schedule_free(a->loan);
    ipl_pledge_free(a->pledge);
    ipl_policy_free(a->policy);
    ipl__free(a->policy_path);
    ipl__free(a);
}

const ipl_case *
ipl_appraisal_case(const ipl_appraisal *a)
{
    return a->c;
}

size_t
ipl_appraisal_right_count(const ipl_appraisal *a)
{
    return a->nrights;
}

const ipl_appraisal_right *
ipl_appraisal_right_get(const ipl_appraisal *a, size_t i)
{
    return i < a->nrights ? &a->rights[i].view : NULL;
}

const ipl_assumptions *
ipl_appraisal_assumptions(const ipl_appraisal *a, size_t i)
{
    return i < a->nrights ? a->rights[i].doc : NULL;
}

size_t
ipl_appraisal_value_count(const ipl_appraisal *a, size_t i)
{
    return i < a->nrights ? a->rights[i].nvalues : 0;
}

const ipl_value *
ipl_appraisal_value_at(const ipl_appraisal *a, size_t i, size_t j)
{
    return i < a->nrights && j < a->rights[i].nvalues ? a->rights[i].values[j] : NULL;
}

const ipl_montecarlo *
ipl_appraisal_montecarlo(const ipl_appraisal *a, size_t i)
{
    return i < a->nrights ? a->rights[i].mc : NULL;
}

const ipl_policy *
ipl_appraisal_policy(const ipl_appraisal *a)
{
    return a->policy;
}

const char *
ipl_appraisal_policy_path(const ipl_appraisal *a)
{
    return a->policy_path;
}

const ipl_pledge *
ipl_appraisal_pledge(const ipl_appraisal *a)
{
    return a->pledge;
}

int
ipl_appraisal_eligible(const ipl_appraisal *a)
{
    return a->eligible;
}

const ipl_loan_terms *
ipl_appraisal_loan_terms(const ipl_appraisal *a)
{
    return a->loan != NULL ? &a->terms : NULL;
}

const ipl_loan_schedule *
ipl_appraisal_loan(const ipl_appraisal *a)
{
    return a->loan;
}

size_t
ipl_appraisal_subsidy_count(const ipl_appraisal *a)
{
    return a->nsubsidies;
}

const ipl_appraisal_subsidy *
ipl_appraisal_subsidy_get(const ipl_appraisal *a, size_t i)
{
    return i < a->nsubsidies ? &a->subsidies[i].view : NULL;
}

const ipl_compensation_regime *
ipl_appraisal_regime(const ipl_appraisal *a, const char **source)
{
    if (a->compensation == NULL)
        return NULL;
    if (source != NULL)
        *source = a->regime_source;
    return &a->regime;
}

const ipl_money *
ipl_appraisal_outstanding(const ipl_appraisal *a)
{
    return a->compensation != NULL ? &a->outstanding : NULL;
}

const ipl_compensation *
ipl_appraisal_compensation(const ipl_appraisal *a)
{
    return a->compensation;
}

size_t
ipl_appraisal_note_count(const ipl_appraisal *a)
{
    return a->nnotes;
}

const char *
ipl_appraisal_note(const ipl_appraisal *a, size_t i)
{
    return i < a->nnotes ? a->notes[i] : NULL;
}
