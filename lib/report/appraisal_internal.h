/* The appraisal's layout, shared by the chain (appraisal*.c) and the
 * report writers (report*.c). Not installed. */
#ifndef IPL_APPRAISAL_INTERNAL_H
#define IPL_APPRAISAL_INTERNAL_H

#include "ipledge/appraisal.h"
#include "error_internal.h"

/* One right: the public view and what it points to. */
typedef struct ipl__appraised_right {
    ipl_appraisal_right view;
    char *record_path;            /* "" when no record was read */
    char *valuation_path;
    ipl_record *record;
    ipl_assumptions *doc;
    ipl_value **values;           /* one per right of the document */
    size_t nvalues;
    ipl_montecarlo *mc;
} ipl__appraised_right;

typedef struct ipl__appraised_subsidy {
    ipl_appraisal_subsidy view;
    ipl_subsidy_schedule *schedule;
} ipl__appraised_subsidy;

struct ipl_appraisal {
    const ipl_case *c;
    ipl_appraisal_options opts;
    char *policy_path;            /* "" for a preset */
    ipl_policy *policy;
    ipl__appraised_right *rights;
    size_t nrights;
    ipl_pledge *pledge;
    int eligible;
    ipl_loan_terms terms;
    ipl_loan_schedule *loan;
    ipl__appraised_subsidy *subsidies;
    size_t nsubsidies;
    ipl_compensation_regime regime;
    const char *regime_source;    /* "case" or the policy's name */
    ipl_money outstanding;
    ipl_compensation *compensation;
    char **notes;
    size_t nnotes;
};

/* Adds a note (printf-formatted). IPL_OK or IPL_ENOMEM (err filled). */
int ipl__appraisal_note(ipl_appraisal *a, ipl_error *err, const char *fmt, ...)
    IPL__PRINTF(3, 4);

/* The stages, in order (appraisal_chain.c, appraisal_right.c,
 * appraisal_policy.c). Each fills err with the stage in where. */
/* Runs the chain, with a->opts as given to ipl_appraisal_new(). */
int ipl__appraisal_run(ipl_appraisal *a, ipl_error *err);
int ipl__appraisal_rights(ipl_appraisal *a, ipl_error *err);
int ipl__appraisal_regime(ipl_appraisal *a, ipl_error *err);
int ipl__appraisal_subsidy_rules(ipl_appraisal *a, ipl_error *err);

#endif /* IPL_APPRAISAL_INTERNAL_H */
