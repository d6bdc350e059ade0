/* The JSON and XML reports (schema: doc/guide.md): every stage's
 * inputs, results and trace as one tree. Amounts are decimal strings in
 * major units ("1234.56"), so that no figure passes through a binary
 * double; rates and model values are numbers. */
#include "report_internal.h"

static void
case_tree(ipl__tree *t, const ipl_appraisal *a)
{
    const ipl_case *c = ipl_appraisal_case(a);
    const ipl_policy *p = ipl_appraisal_policy(a);
    const char *industry = NULL;
    double years = -1;
    const char *who = ipl_case_borrower(c, &years, &industry);

    ipl__tree_begin(t, "case", 0);
    ipl__tree_string(t, "file", ipl_case_label(c));
    ipl__tree_string(t, "title", ipl_case_title(c));
    ipl__tree_string(t, "currency", ipl_case_currency(c));
    ipl__tree_date(t, "date", ipl_case_date(c));
    ipl__tree_begin(t, "borrower", 0);
    ipl__tree_string(t, "name", who);
    if (years >= 0)
        ipl__tree_real(t, "years", years);
    else
        ipl__tree_null(t, "years");
    if (industry != NULL)
        ipl__tree_string(t, "industry", industry);
    else
        ipl__tree_null(t, "industry");
    ipl__tree_end(t);
    ipl__tree_begin(t, "policy", 0);
    ipl__tree_string(t, "name", ipl_policy_name(p));
    ipl__tree_string(t, "title", ipl_policy_title(p));
    ipl__tree_string(t, "file", ipl_appraisal_policy_path(a));
    ipl__tree_end(t);
    ipl__tree_end(t);
}

static void
simulation_tree(ipl__tree *t, const ipl_montecarlo *mc)
{
    ipl__tree_begin(t, "simulation", 0);
    ipl__tree_int(t, "paths", (int64_t)ipl_montecarlo_paths(mc));
    ipl__tree_real(t, "mean", ipl_montecarlo_mean(mc));
    ipl__tree_real(t, "sd", ipl_montecarlo_sd(mc));
    ipl__tree_real(t, "p5", ipl_montecarlo_quantile(mc, 0.05));
    ipl__tree_real(t, "p50", ipl_montecarlo_quantile(mc, 0.5));
    ipl__tree_real(t, "p95", ipl_montecarlo_quantile(mc, 0.95));
    ipl__report_histogram(t, "bins", mc);
    ipl__tree_end(t);
}

static void
right_tree(ipl__tree *t, const ipl_appraisal *a, size_t k)
{
    const ipl_appraisal_right *r = ipl_appraisal_right_get(a, k);
    const ipl_montecarlo *mc = ipl_appraisal_montecarlo(a, k);
    size_t j;

    ipl__tree_begin(t, NULL, 0);
    ipl__tree_string(t, "number", r->in->number);
    ipl__tree_string(t, "type", ipl_right_type_name(r->type));
    ipl__tree_string(t, "status", ipl_legal_status_name(r->status));
    ipl__tree_date(t, "registered", r->registered);
    ipl__tree_date(t, "expiry", r->expiry);
    if (r->record != NULL) {
        ipl__tree_begin(t, "record", 0);
        ipl__tree_string(t, "file", r->record_path);
        ipl__tree_string(t, "format", ipl_record_format_name(r->record));
        ipl__tree_end(t);
    } else {
        ipl__tree_null(t, "record");
    }
    ipl__tree_string(t, "valuation", r->valuation_path);
    ipl__tree_money(t, "value", &r->value);
    ipl__tree_real(t, "model_value", r->model_value);
    ipl__tree_money(t, "p5", &r->p5);
    ipl__tree_real(t, "cv", r->cv);
    ipl__tree_begin(t, "valuations", 1);
    for (j = 0; j < ipl_appraisal_value_count(a, k); j++) {
        const ipl_value *v = ipl_appraisal_value_at(a, k, j);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_string(t, "method", ipl_value_method_name(ipl_value_method_of(v)));
        ipl__tree_real(t, "value", ipl_value_total(v));
        ipl__tree_string(t, "trace", ipl_value_trace(v));
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
    if (mc != NULL)
        simulation_tree(t, mc);
    else
        ipl__tree_null(t, "simulation");
    ipl__tree_end(t);
}

static void
pledge_tree(ipl__tree *t, const ipl_appraisal *a)
{
    const ipl_pledge *p = ipl_appraisal_pledge(a);
    size_t i;

    ipl__tree_begin(t, "pledge", 0);
    ipl__tree_bool(t, "eligible", ipl_appraisal_eligible(a));
    ipl__tree_real(t, "ratio", ipl_pledge_ratio(p));
    ipl__tree_money(t, "collateral", ipl_pledge_collateral(p));
    ipl__tree_money(t, "max_loan", ipl_pledge_max_loan(p));
    ipl__tree_money(t, "requested", &ipl_case_loan_get(ipl_appraisal_case(a))->amount);
    ipl__report_pledge_steps(t, "trace", p, 0);
    ipl__tree_begin(t, "failures", 1);
    for (i = 0; i < ipl_pledge_failure_count(p); i++)
        ipl__tree_string(t, NULL, ipl_pledge_failure(p, i)->text);
    ipl__tree_end(t);
    ipl__tree_end(t);
}

static void
loan_row(ipl__tree *t, const ipl_loan_row *r)
{
    ipl__tree_begin(t, NULL, 0);
    ipl__tree_date(t, "start", r->start);
    ipl__tree_date(t, "date", r->date);
    ipl__tree_real(t, "rate", r->rate);
    ipl__tree_money(t, "opening", &r->opening);
    ipl__tree_money(t, "interest", &r->interest);
    ipl__tree_money(t, "principal", &r->principal);
    ipl__tree_money(t, "payment", &r->payment);
    ipl__tree_money(t, "closing", &r->closing);
    ipl__tree_end(t);
}

static void
loan_tree(ipl__tree *t, const ipl_appraisal *a)
{
    const ipl_loan_schedule *s = ipl_appraisal_loan(a);
    const ipl_loan_terms *terms = ipl_appraisal_loan_terms(a);
    const ipl_loan_totals *tot;
    size_t i;

    if (s == NULL) {
        ipl__tree_null(t, "loan");
        return;
    }
    tot = ipl_loan_schedule_totals(s);
    ipl__tree_begin(t, "loan", 0);
    ipl__tree_money(t, "principal", &terms->principal);
    ipl__tree_date(t, "start", terms->start);
    ipl__tree_int(t, "periods", terms->periods);
    ipl__tree_string(t, "method", ipl_loan_method_name(terms->method));
    ipl__tree_real(t, "rate", terms->rate);
    ipl__tree_string(t, "daycount", ipl_daycount_name(terms->daycount));
    ipl__tree_string(t, "rounding", ipl__report_rounding(terms->rounding));
    ipl__tree_begin(t, "rows", 1);
    for (i = 0; i < ipl_loan_schedule_count(s); i++)
        loan_row(t, ipl_loan_schedule_row(s, i));
    ipl__tree_end(t);
    ipl__tree_begin(t, "totals", 0);
    ipl__tree_money(t, "interest", &tot->interest);
    ipl__tree_money(t, "principal", &tot->principal);
    ipl__tree_money(t, "payment", &tot->payment);
    ipl__tree_end(t);
    ipl__tree_end(t);
}

static void
subsidy_tree(ipl__tree *t, const ipl_appraisal_subsidy *sub)
{
    const ipl_subsidy_totals *tot = ipl_subsidy_schedule_totals(sub->schedule);
    size_t j;

    ipl__tree_begin(t, NULL, 0);
    ipl__tree_string(t, "name", sub->name);
    ipl__tree_string(t, "source", sub->source);
    ipl__tree_money(t, "base", &tot->base);
    ipl__tree_money(t, "subsidy", &tot->subsidy);
    ipl__tree_money(t, "paid", &tot->paid);
    ipl__tree_money(t, "capped", &tot->capped);
    ipl__tree_begin(t, "rows", 1);
    for (j = 0; j < ipl_subsidy_schedule_count(sub->schedule); j++) {
        const ipl_subsidy_row *r = ipl_subsidy_schedule_row(sub->schedule, j);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_date(t, "end", r->end);
        ipl__tree_date(t, "paid_on", r->paid_on);
        ipl__tree_money(t, "base", &r->base);
        ipl__tree_money(t, "subsidy", &r->subsidy);
        ipl__tree_money(t, "paid", &r->paid);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
    ipl__tree_end(t);
}

static void
shares_tree(ipl__tree *t, const ipl_compensation *comp)
{
    size_t i;

    ipl__tree_begin(t, "shares", 1);
    for (i = 0; i < ipl_compensation_share_count(comp); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(comp, i);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_string(t, "name", s->name);
        ipl__tree_string(t, "role", ipl__report_role(s->role));
        ipl__tree_int(t, "share_bp", s->share_bp);
        ipl__tree_money(t, "final", &s->final);
        ipl__tree_money(t, "prepaid", &s->prepaid);
        ipl__tree_money(t, "settlement", &s->settlement);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
    ipl__tree_begin(t, "flows", 1);
    for (i = 0; i < ipl_compensation_flow_count(comp); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(comp, i);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_date(t, "date", f->date);
        ipl__tree_string(t, "party", ipl_compensation_share_get(comp, f->party)->name);
        ipl__tree_string(t, "kind", ipl__report_flow_kind(f->kind));
        ipl__tree_money(t, "amount", &f->amount);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
}

static void
compensation_tree(ipl__tree *t, const ipl_appraisal *a)
{
    const ipl_compensation *comp = ipl_appraisal_compensation(a);
    const ipl_compensation_statement *st;
    const char *source = NULL;

    if (comp == NULL) {
        ipl__tree_null(t, "compensation");
        return;
    }
    st = ipl_compensation_statement_get(comp);
    ipl_appraisal_regime(a, &source);
    ipl__tree_begin(t, "compensation", 0);
    ipl__tree_string(t, "regime", source);
    ipl__tree_date(t, "npl", ipl_case_default_get(ipl_appraisal_case(a))->npl);
    ipl__tree_money(t, "outstanding_principal", &st->outstanding_principal);
    ipl__tree_money(t, "outstanding_interest", &st->outstanding_interest);
    ipl__tree_money(t, "net_recovery", &st->net_recovery);
    ipl__tree_money(t, "loss", &st->loss);
    ipl__tree_money(t, "covered", &st->covered);
    ipl__tree_money(t, "capped", &st->capped);
    ipl__tree_date(t, "settlement", st->settlement_date);
    shares_tree(t, comp);
    ipl__tree_end(t);
}

void
ipl__report_tree(ipl__out *o, const ipl_appraisal *a, int xml)
{
    ipl__tree t;
    size_t i;

    ipl__tree_init(&t, o, xml);
    ipl__tree_begin(&t, NULL, 0);
    if (!xml)   /* the XML report says its version on the root */
        ipl__tree_int(&t, "ipledge_report", 1);
    case_tree(&t, a);
    ipl__tree_begin(&t, "rights", 1);
    for (i = 0; i < ipl_appraisal_right_count(a); i++)
        right_tree(&t, a, i);
    ipl__tree_end(&t);
    pledge_tree(&t, a);
    loan_tree(&t, a);
    ipl__tree_begin(&t, "subsidies", 1);
    for (i = 0; i < ipl_appraisal_subsidy_count(a); i++)
        subsidy_tree(&t, ipl_appraisal_subsidy_get(a, i));
    ipl__tree_end(&t);
    compensation_tree(&t, a);
    ipl__tree_begin(&t, "notes", 1);
    for (i = 0; i < ipl_appraisal_note_count(a); i++)
        ipl__tree_string(&t, NULL, ipl_appraisal_note(a, i));
    ipl__tree_end(&t);
    ipl__tree_end(&t);
}
