/* The report writers, one per subject and notation, and the runner they
 * share; each writes through o and leaves failures in o->status. Not
 * installed. */
#ifndef IPL_REPORT_INTERNAL_H
#define IPL_REPORT_INTERNAL_H

#include "ipledge/appraisal.h"
#include "ipledge/loan.h"
#include "ipledge/pledge.h"
#include "ipledge/policy.h"
#include "ipledge/subsidy.h"
#include "ipledge/report.h"
#include "emit_internal.h"

/* Writes subject in format through o, leaving failures in o->status. */
typedef void (*ipl__report_fn)(ipl__out *o, const void *subject, ipl_report_format format);

/* Runs fn through the sink, or into a new string (*out, *len as
 * ipl_report_value_string() documents). The caller checked subject and
 * format; sink and out are checked here. */
int ipl__report_run(ipl__report_fn fn, const void *subject, ipl_report_format format,
                    ipl_report_sink sink, void *ctx, ipl_error *err);
int ipl__report_run_string(char **out, size_t *len, ipl__report_fn fn, const void *subject,
                           ipl_report_format format, ipl_error *err);

/* The formats a kind of report comes in, as bit sets. */
#define IPL__FORMAT_BIT(f) (1u << (unsigned)(f))
#define IPL__FORMATS_VALUE (IPL__FORMAT_BIT(IPL_REPORT_TEXT) \
                            | IPL__FORMAT_BIT(IPL_REPORT_JSON) \
                            | IPL__FORMAT_BIT(IPL_REPORT_XML))
#define IPL__FORMATS_APPRAISAL (IPL__FORMATS_VALUE | IPL__FORMAT_BIT(IPL_REPORT_HTML))
#define IPL__FORMATS_LENDING (IPL__FORMATS_VALUE | IPL__FORMAT_BIT(IPL_REPORT_CSV))

/* IPL_OK when format is one of formats; else IPL_EINVAL at "format"
 * naming what (a report's subject: "a loan schedule"). */
int ipl__report_check_format(ipl_report_format format, unsigned formats, const char *what,
                             ipl_error *err);

/* The lending results (report_loan.c, report_subsidy.c,
 * report_compensation.c, report_pledge.c): subject is the struct named. */
typedef struct ipl__report_loan_subject {
    const ipl_loan_schedule *s;
    const ipl_loan_terms *terms;
} ipl__report_loan_subject;
void ipl__report_loan(ipl__out *o, const void *subject, ipl_report_format format);
/* subject: the ipl_subsidy_schedule */
void ipl__report_subsidy(ipl__out *o, const void *subject, ipl_report_format format);
/* subject: the ipl_compensation */
void ipl__report_compensation(ipl__out *o, const void *subject, ipl_report_format format);
typedef struct ipl__report_pledge_subject {
    const ipl_pledge *p;
    const ipl_policy *policy;          /* or NULL */
    const ipl_pledge_request *request;
    const ipl_pledge_right *rights;
    size_t n_rights;
} ipl__report_pledge_subject;
void ipl__report_pledge(ipl__out *o, const void *subject, ipl_report_format format);

void ipl__report_text(ipl__out *o, const ipl_appraisal *a);
void ipl__report_html(ipl__out *o, const ipl_appraisal *a);
/* JSON, or XML when xml is set: the same tree. */
void ipl__report_tree(ipl__out *o, const ipl_appraisal *a, int xml);
/* A valuation of n rights (a bundle when n > 1) and its simulation (or
 * NULL) as text, JSON or XML. */
void ipl__report_value(ipl__out *o, const ipl_value *const *vs, size_t n,
                       const ipl_montecarlo *mc, ipl_report_format format);

/* A simulation's histogram as an array named name of {lower, upper,
 * count} (the appraisal calls it "bins", the valuation "histogram"). */
void ipl__report_histogram(ipl__tree *t, const char *name, const ipl_montecarlo *mc);

/* A pledge decision's trace (or, when failures is set, its failures)
 * as an array named name of {right, rule, source, before, after, text}. */
void ipl__report_pledge_steps(ipl__tree *t, const char *name, const ipl_pledge *p,
                              int failures);

/* Shared wording: a share's role and a flow's kind. */
const char *ipl__report_role(ipl_compensation_role role);
const char *ipl__report_flow_kind(ipl_compensation_flow_kind kind);
/* A rounding as the reports spell it ("half-up"). */
const char *ipl__report_rounding(ipl_rounding r);

#endif /* IPL_REPORT_INTERNAL_H */
