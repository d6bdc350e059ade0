/* The first stages, per right: the office record the case names (its
 * dates replace the appraiser's) and the valuation document, valued and
 * simulated. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ipledge/parse.h"
#include "alloc_internal.h"
#include "appraisal_internal.h"

#define PATH_MAX_BYTES 4096

/* err, from a failure inner of file, moved to the stage where:
 * "rights[1].valuation" with "file: field: message" and inner's line. */
static int
restage(ipl_error *err, const ipl_error *inner, const char *where, const char *file)
{
    /* a document's own errors name it in where already */
    const char *field = strcmp(inner->where, file) == 0 ? "" : inner->where;

    return ipl__fail_at(err, inner->code, where, inner->line, inner->column, "%s: %s%s%s",
                        file, field, field[0] ? ": " : "", inner->message);
}

static int
readable(const char *path)
{
    return access(path, R_OK) == 0;
}

/* The record file: beside the case, else under a record directory, in
 * order. Sets *found to 0 when nowhere. */
static int
find_record(char *out, int *found, const ipl_appraisal *a, const char *record,
            const char *where, ipl_error *err)
{
    size_t i;

    *found = 1;
    if (ipl_case_path(out, PATH_MAX_BYTES, a->c, record, NULL) == IPL_OK && readable(out))
        return IPL_OK;
    for (i = 0; i < a->opts.n_record_dirs; i++) {
        int n = snprintf(out, PATH_MAX_BYTES, "%s/%s", a->opts.record_dirs[i], record);

        if (n < 0 || n >= PATH_MAX_BYTES)
            return ipl__fail(err, IPL_EINVAL, where, "record directory %zu: the path "
                             "to %s is too long", i, record);
        if (readable(out))
            return IPL_OK;
    }
    *found = 0;
    return IPL_OK;
}

/* The first record of the file; its dates replace the appraiser's. */
static int
read_record(ipl__appraised_right *r, const ipl_appraisal *a, const char *where,
            ipl_error *err)
{
    ipl_reader *rd = NULL;
    ipl_error inner;
    ipl_date d;
    int rc;

    if ((rc = ipl_parse_reader_new_file(&rd, r->record_path, NULL, &inner)) == IPL_OK)
        rc = ipl_parse_reader_next(&r->record, rd, &inner);
    ipl_parse_reader_free(rd);
    if (rc < 0)
        return restage(err, &inner, where, r->record_path);
    if (rc == 0)
        return ipl__fail(err, IPL_EPARSE, where, "%s: no record in the file",
                         r->record_path);
    if (ipl_record_right_type(r->record) != r->view.in->type)
        return ipl__fail_at(err, IPL_EINVAL, where, r->view.in->line, 0,
                            "%s: right %s: the record is a %s, the case says %s",
                            ipl_case_label(a->c), r->view.in->number,
                            ipl_right_type_name(ipl_record_right_type(r->record)),
                            ipl_right_type_name(r->view.in->type));
    if (ipl_record_expiry(&d, r->record, NULL) == IPL_OK) {
        r->view.expiry = d;
        r->view.expiry_from = IPL_APPRAISAL_FROM_RECORD;
    }
    if (ipl_record_date(&d, r->record, IPL_DATE_GRANT) == 1 ||
        ipl_record_date(&d, r->record, IPL_DATE_REGISTRATION) == 1) {
        r->view.registered = d;
        r->view.registered_from = IPL_APPRAISAL_FROM_RECORD;
    }
    return IPL_OK;
}

static int
record_stage(ipl__appraised_right *r, ipl_appraisal *a, size_t k, ipl_error *err)
{
    char path[PATH_MAX_BYTES], where[48];
    int found, rc;

    snprintf(where, sizeof where, "rights[%zu].record", k);
    path[0] = '\0';
    if (r->view.in->record != NULL &&
        (rc = find_record(path, &found, a, r->view.in->record, where, err)) < 0)
        return rc;
    if (r->view.in->record != NULL && !found) {
        path[0] = '\0';
        if ((rc = ipl__appraisal_note(a, err, "right %s: record %s not found beside the "
                                      "case or in the record directories; the facts "
                                      "are the appraiser's", r->view.in->number,
                                      r->view.in->record)) < 0)
            return rc;
    }
    if ((r->record_path = ipl__strdup(path)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, where, "out of memory");
    r->view.record_path = r->record_path;
    return path[0] != '\0' ? read_record(r, a, where, err) : IPL_OK;
}

/* Rounds the model figures to the appraised value, P5 and cv. */
static int
figures(ipl__appraised_right *r, const char *currency, const char *where, ipl_error *err)
{
    ipl_error inner;

    if (ipl_money_from_double(&r->view.value, r->view.model_value, currency,
                              IPL_ROUND_HALF_EVEN, &inner) < 0)
        return restage(err, &inner, where, r->valuation_path);
    if (r->mc == NULL)
        return IPL_OK;
    if (ipl_money_from_double(&r->view.p5, ipl_montecarlo_quantile(r->mc, 0.05), currency,
                              IPL_ROUND_HALF_EVEN, &inner) < 0)
        return restage(err, &inner, where, r->valuation_path);
    r->view.cv = ipl_montecarlo_mean(r->mc) > 0
                 ? ipl_montecarlo_sd(r->mc) / ipl_montecarlo_mean(r->mc) : 0;
    return IPL_OK;
}

/* The valuation document's rights, valued (and simulated) as one. */
static int
valuation_stage(ipl__appraised_right *r, ipl_appraisal *a, size_t k, ipl_error *err)
{
    const char *currency = ipl_case_currency(a->c);
    char path[PATH_MAX_BYTES], where[48];
    ipl_error inner;
    size_t j;

    snprintf(where, sizeof where, "rights[%zu].valuation", k);
    if (ipl_case_path(path, sizeof path, a->c, r->view.in->valuation, &inner) < 0)
        return restage(err, &inner, where, ipl_case_label(a->c));
    if ((r->valuation_path = ipl__strdup(path)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, where, "out of memory");
    r->view.valuation_path = r->valuation_path;
    if (ipl_assumptions_load_file(&r->doc, path, &inner) < 0)
        return restage(err, &inner, where, path);
    if (strcmp(ipl_assumptions_currency(r->doc), currency) != 0)
        return ipl__fail(err, IPL_EINVAL, where, "%s: valued in %s, the case is in %s",
                         path, ipl_assumptions_currency(r->doc), currency);
    r->nvalues = ipl_assumptions_count(r->doc);
    if ((r->values = ipl__calloc(r->nvalues, sizeof *r->values)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, where, "out of memory");
    for (j = 0; j < r->nvalues; j++) {
        if (ipl_assumptions_value(&r->values[j], r->doc, j, &inner) < 0)
            return restage(err, &inner, where, path);
        r->view.model_value += ipl_value_total(r->values[j]);
    }
    if (ipl_assumptions_has_montecarlo(r->doc) &&
        ipl_assumptions_simulate(&r->mc, r->doc, &inner) < 0)
        return restage(err, &inner, where, path);
    return figures(r, currency, where, err);
}

int
ipl__appraisal_rights(ipl_appraisal *a, ipl_error *err)
{
    size_t k;
    int rc;

    a->nrights = ipl_case_right_count(a->c);
    if ((a->rights = ipl__calloc(a->nrights, sizeof *a->rights)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "rights", "out of memory");
    for (k = 0; k < a->nrights; k++) {
        ipl__appraised_right *r = &a->rights[k];
        ipl_appraisal_right *v = &r->view;

        v->in = ipl_case_right_get(a->c, k);
        v->type = v->in->type;
        v->status = v->in->status;
        v->registered = v->in->registered;
        v->expiry = v->in->expiry;
        v->registered_from = v->expiry_from = IPL_APPRAISAL_FROM_CASE;
        if ((rc = record_stage(r, a, k, err)) < 0 ||
            (rc = valuation_stage(r, a, k, err)) < 0)
            return rc;
        v->record = r->record;
    }
    return IPL_OK;
}
