/* `ipledge appraise CASE.xml`: a case run through every stage, and the
 * writers of the report. */
#ifndef IPLEDGE_CLI_APPRAISE_H
#define IPLEDGE_CLI_APPRAISE_H

#include <stdio.h>

#include <ipledge.h>

#include "value.h"

#define APPRAISE_MAX_SUBSIDIES 4
#define APPRAISE_MAX_NOTES 16
#define APPRAISE_NOTE_MAX 300

/* One pledged right as the chain saw it. */
typedef struct appraised_right {
    const ipl_case_right *in;     /* as the case gives it */
    char record_path[4096];       /* "" when the case names no record */
    ipl_record *record;           /* NULL when none was read */
    ipl_right_type type;          /* the facts used: the record's over */
    ipl_legal_status status;      /*   the appraiser's */
    ipl_date registered, expiry;
    char valuation_path[4096];
    ipl_assumptions *doc;         /* the valuation document, or NULL */
    ipl_value **values;           /* one per right of the document */
    ipl_montecarlo *mc;           /* NULL without a simulation */
    double total;                 /* Σ values, currency units */
    ipl_money value;              /* appraised value, rounded half-even */
    ipl_money low;                /* P5 of the simulation, or currency "" */
    double cv;                    /* sd ÷ mean of the simulation, or 0 */
} appraised_right;

/* A subsidy the policy grants on this loan. */
typedef struct appraised_subsidy {
    const char *name;             /* "appraisal-fee", "interest" */
    const char *source;           /* where the rule comes from */
    ipl_subsidy_rule rule;
    ipl_subsidy_schedule *schedule;
} appraised_subsidy;

/* The whole chain's results; every stage's inputs stay reachable so the
 * report can trace each figure. */
typedef struct appraisal {
    const ipl_case *c;
    char policy_path[4096];       /* "" for a preset */
    ipl_policy *policy;
    appraised_right *rights;
    size_t nrights;
    ipl_pledge *pledge;
    int eligible;
    ipl_loan_terms terms;         /* principal: what the pledge allows */
    ipl_loan_schedule *loan;
    appraised_subsidy subsidies[APPRAISE_MAX_SUBSIDIES];
    size_t nsubsidies;
    int has_default;
    ipl_compensation_regime regime;
    const char *regime_source;    /* "case" or the policy's name */
    ipl_money outstanding;        /* principal unpaid at NPL */
    ipl_compensation *compensation;
    char notes[APPRAISE_MAX_NOTES][APPRAISE_NOTE_MAX];
    size_t nnotes;
} appraisal;

/* Adds a note to the report (a fact the reader must know: a record not
 * found, a subsidy the policy leaves unpublished). */
void appraise_note(appraisal *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The regime and the subsidy rules the case's policy publishes (the
 * one place to switch to ipl_policy_compensation/ipl_policy_subsidy). */
int appraise_regime(appraisal *a, ipl_error *err);
int appraise_subsidy_rules(appraisal *a, ipl_error *err);

/* The report as a JSON tree (new; the caller releases it with
 * json_decref), which the JSON and XML writers share. NULL when out of
 * memory. */
struct json_t *appraise_report(const appraisal *a);

/* The writers. Each returns 0, or -1 when out fails. */
int appraise_write_text(FILE *out, const appraisal *a);
int appraise_write_json(FILE *out, const appraisal *a);
int appraise_write_xml(FILE *out, const appraisal *a);
int appraise_write_html(FILE *out, const appraisal *a);

#endif /* IPLEDGE_CLI_APPRAISE_H */
