/* The JSON report of `ipledge appraise` (schema: doc/appraise-report.md):
 * every stage's inputs, results and trace. Amounts are decimal strings
 * in major units ("1234.56"), so that no figure passes through a
 * binary double; rates and model values are numbers. */
#include <jansson.h>

#include "appraise.h"
#include "lending_io.h"

static json_t *
money(const ipl_money *m)
{
    char buf[LIO_AMOUNT_MAX];

    return json_string(lio_amount(buf, m, 0));
}

static json_t *
day(ipl_date d)
{
    char buf[IPL_DATE_STRING_SIZE];

    return d.year != 0 ? json_string(lio_day(buf, d)) : json_null();
}

static json_t *
case_json(const appraisal *a)
{
    const char *industry = NULL;
    double years = -1;
    const char *who = ipl_case_borrower(a->c, &years, &industry);

    return json_pack("{s:s, s:s, s:s, s:o, s:{s:s, s:o, s:o}, s:{s:s, s:s, s:s}}",
                     "file", ipl_case_label(a->c), "title", ipl_case_title(a->c),
                     "currency", ipl_case_currency(a->c), "date", day(ipl_case_date(a->c)),
                     "borrower", "name", who,
                     "years", years >= 0 ? json_real(years) : json_null(),
                     "industry", industry ? json_string(industry) : json_null(),
                     "policy", "name", ipl_policy_name(a->policy),
                     "title", ipl_policy_title(a->policy),
                     "file", a->policy_path);
}

static json_t *
simulation_json(const ipl_montecarlo *mc)
{
    json_t *bins = json_array();
    size_t i;

    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t n;

        if (ipl_montecarlo_bin(&lo, &hi, &n, mc, i, NULL) == IPL_OK)
            json_array_append_new(bins, json_pack("{s:f, s:f, s:I}", "lower", lo,
                                                  "upper", hi, "count", (json_int_t)n));
    }
    return json_pack("{s:I, s:f, s:f, s:f, s:f, s:f, s:o}",
                     "paths", (json_int_t)ipl_montecarlo_paths(mc),
                     "mean", ipl_montecarlo_mean(mc), "sd", ipl_montecarlo_sd(mc),
                     "p5", ipl_montecarlo_quantile(mc, 0.05),
                     "p50", ipl_montecarlo_quantile(mc, 0.5),
                     "p95", ipl_montecarlo_quantile(mc, 0.95), "bins", bins);
}

static json_t *
right_json(const appraised_right *r)
{
    json_t *traces = json_array();
    size_t j;

    for (j = 0; j < ipl_assumptions_count(r->doc); j++)
        json_array_append_new(traces, json_pack("{s:s, s:f, s:s}", "method",
                              ipl_value_method_name(ipl_value_method_of(r->values[j])),
                              "value", ipl_value_total(r->values[j]),
                              "trace", ipl_value_trace(r->values[j])));
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:f, s:o, s:f, s:o, s:o}",
                     "number", r->in->number, "type", ipl_right_type_name(r->type),
                     "status", ipl_legal_status_name(r->status),
                     "registered", day(r->registered), "expiry", day(r->expiry),
                     "record", r->record != NULL ? json_pack("{s:s, s:s}", "file",
                               r->record_path, "format", ipl_record_format_name(r->record))
                                                 : json_null(),
                     "valuation", r->valuation_path, "value", money(&r->value),
                     "model_value", r->total,
                     "p5", r->low.currency[0] ? money(&r->low) : json_null(),
                     "cv", r->cv, "valuations", traces,
                     "simulation", r->mc != NULL ? simulation_json(r->mc) : json_null());
}

static json_t *
pledge_json(const appraisal *a)
{
    json_t *trace = json_array(), *failures = json_array();
    size_t i;

    for (i = 0; i < ipl_pledge_trace_count(a->pledge); i++) {
        const ipl_pledge_step *s = ipl_pledge_trace(a->pledge, i);

        json_array_append_new(trace, json_pack("{s:i, s:s, s:s, s:f, s:f, s:s}",
                              "right", s->right, "rule", s->rule, "source", s->source,
                              "before", s->before, "after", s->after, "text", s->text));
    }
    for (i = 0; i < ipl_pledge_failure_count(a->pledge); i++)
        json_array_append_new(failures,
                              json_string(ipl_pledge_failure(a->pledge, i)->text));
    return json_pack("{s:b, s:f, s:o, s:o, s:o, s:o, s:o}", "eligible", a->eligible,
                     "ratio", ipl_pledge_ratio(a->pledge),
                     "collateral", money(ipl_pledge_collateral(a->pledge)),
                     "max_loan", money(ipl_pledge_max_loan(a->pledge)),
                     "requested", money(&ipl_case_loan_get(a->c)->amount),
                     "trace", trace, "failures", failures);
}

static json_t *
loan_json(const appraisal *a)
{
    const ipl_loan_totals *t = ipl_loan_schedule_totals(a->loan);
    json_t *rows = json_array();
    size_t i;

    for (i = 0; i < ipl_loan_schedule_count(a->loan); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(a->loan, i);

        json_array_append_new(rows, json_pack("{s:o, s:o, s:f, s:o, s:o, s:o, s:o, s:o}",
                              "start", day(r->start), "date", day(r->date), "rate", r->rate,
                              "opening", money(&r->opening), "interest", money(&r->interest),
                              "principal", money(&r->principal),
                              "payment", money(&r->payment), "closing", money(&r->closing)));
    }
    return json_pack("{s:o, s:o, s:i, s:s, s:f, s:s, s:s, s:o, s:{s:o, s:o, s:o}}",
                     "principal", money(&a->terms.principal), "start", day(a->terms.start),
                     "periods", (int)a->terms.periods,
                     "method", ipl_loan_method_name(a->terms.method), "rate", a->terms.rate,
                     "daycount", ipl_daycount_name(a->terms.daycount),
                     "rounding", "half-up", "rows", rows,
                     "totals", "interest", money(&t->interest),
                     "principal", money(&t->principal), "payment", money(&t->payment));
}

static json_t *
subsidies_json(const appraisal *a)
{
    json_t *list = json_array();
    size_t i, j;

    for (i = 0; i < a->nsubsidies; i++) {
        const ipl_subsidy_schedule *s = a->subsidies[i].schedule;
        const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
        json_t *rows = json_array();

        for (j = 0; j < ipl_subsidy_schedule_count(s); j++) {
            const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, j);

            json_array_append_new(rows, json_pack("{s:o, s:o, s:o, s:o, s:o}",
                                  "end", day(r->end), "paid_on", day(r->paid_on),
                                  "base", money(&r->base), "subsidy", money(&r->subsidy),
                                  "paid", money(&r->paid)));
        }
        json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
                              "name", a->subsidies[i].name, "source", a->subsidies[i].source,
                              "base", money(&t->base), "subsidy", money(&t->subsidy),
                              "paid", money(&t->paid), "capped", money(&t->capped),
                              "rows", rows));
    }
    return list;
}

static json_t *
compensation_json(const appraisal *a)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(a->compensation);
    json_t *shares = json_array(), *flows = json_array();
    size_t i;

    for (i = 0; i < ipl_compensation_share_count(a->compensation); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(a->compensation, i);

        json_array_append_new(shares, json_pack("{s:s, s:s, s:I, s:o, s:o, s:o}",
                              "name", s->name,
                              "role", s->role == IPL_COMPENSATION_FUND ? "fund"
                              : s->role == IPL_COMPENSATION_LENDER ? "lender" : "other",
                              "share_bp", (json_int_t)s->share_bp, "final", money(&s->final),
                              "prepaid", money(&s->prepaid),
                              "settlement", money(&s->settlement)));
    }
    for (i = 0; i < ipl_compensation_flow_count(a->compensation); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(a->compensation, i);

        json_array_append_new(flows, json_pack("{s:o, s:s, s:s, s:o}", "date", day(f->date),
                              "party", ipl_compensation_share_get(a->compensation,
                                                                  f->party)->name,
                              "kind", f->kind == IPL_COMPENSATION_PREPAY ? "prepay"
                              : f->kind == IPL_COMPENSATION_SETTLE ? "settle" : "claw-back",
                              "amount", money(&f->amount)));
    }
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                     "regime", a->regime_source,
                     "npl", day(ipl_case_default_get(a->c)->npl),
                     "outstanding_principal", money(&st->outstanding_principal),
                     "outstanding_interest", money(&st->outstanding_interest),
                     "net_recovery", money(&st->net_recovery), "loss", money(&st->loss),
                     "covered", money(&st->covered), "capped", money(&st->capped),
                     "settlement", day(st->settlement_date), "shares", shares,
                     "flows", flows);
}

json_t *
appraise_report(const appraisal *a)
{
    json_t *root = json_object(), *rights = json_array(), *notes = json_array();
    size_t i;

    for (i = 0; i < a->nrights; i++)
        json_array_append_new(rights, right_json(&a->rights[i]));
    for (i = 0; i < a->nnotes; i++)
        json_array_append_new(notes, json_string(a->notes[i]));
    json_object_set_new(root, "ipledge_report", json_integer(1));
    json_object_set_new(root, "case", case_json(a));
    json_object_set_new(root, "rights", rights);
    json_object_set_new(root, "pledge", pledge_json(a));
    json_object_set_new(root, "loan", a->loan != NULL ? loan_json(a) : json_null());
    json_object_set_new(root, "subsidies", subsidies_json(a));
    json_object_set_new(root, "compensation",
                        a->compensation != NULL ? compensation_json(a) : json_null());
    json_object_set_new(root, "notes", notes);
    return root;
}

int
appraise_write_json(FILE *out, const appraisal *a)
{
    json_t *root = appraise_report(a);
    int rc;

    if (root == NULL)
        return -1;
    rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    fputc('\n', out);
    return rc < 0 || ferror(out) ? -1 : 0;
}
