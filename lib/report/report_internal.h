/* The appraisal report writers, one per notation; each writes through
 * o and leaves failures in o->status. Not installed. */
#ifndef IPL_REPORT_INTERNAL_H
#define IPL_REPORT_INTERNAL_H

#include "ipledge/appraisal.h"
#include "ipledge/report.h"
#include "emit_internal.h"

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

/* Shared wording: a share's role and a flow's kind. */
const char *ipl__report_role(ipl_compensation_role role);
const char *ipl__report_flow_kind(ipl_compensation_flow_kind kind);
/* A rounding as the reports spell it ("half-up"). */
const char *ipl__report_rounding(ipl_rounding r);

#endif /* IPL_REPORT_INTERNAL_H */
