/* The text report: a summary an appraiser reads, with the trace of
 * every stage. */
#include <string.h>

#include "report_internal.h"

typedef char amount_buf[IPL__NUMBER_MAX];

static const char *
amount(char *buf, const ipl_money *m)
{
    return ipl__fmt_amount(buf, m, 1);
}

/* Multi-line text with every line indented. */
static void
indented(ipl__out *o, const char *text, const char *indent)
{
    while (*text != '\0') {
        const char *end = strchr(text, '\n');
        size_t len = end != NULL ? (size_t)(end - text) : strlen(text);

        ipl__out_str(o, indent);
        ipl__out_bytes(o, text, len);
        ipl__out_bytes(o, "\n", 1);
        text += len + (end != NULL);
    }
}

static void
heading(ipl__out *o, const char *title)
{
    static const char rule[] = "----------------------------------------";
    size_t n = strlen(title);

    ipl__out_printf(o, "\n%s\n", title);
    while (n > 0) {
        size_t k = n < sizeof rule - 1 ? n : sizeof rule - 1;

        ipl__out_bytes(o, rule, k);
        n -= k;
    }
    ipl__out_bytes(o, "\n", 1);
}

static void
write_case(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_case *c = ipl_appraisal_case(a);
    const ipl_policy *p = ipl_appraisal_policy(a);
    const char *industry = NULL;
    double years = -1;
    const char *who = ipl_case_borrower(c, &years, &industry);
    amount_buf day, y;

    ipl__out_printf(o, "ipledge appraisal: %s\n",
                    ipl_case_title(c)[0] ? ipl_case_title(c) : ipl_case_label(c));
    ipl__out_printf(o, "  case      %s, dated %s, amounts in %s\n", ipl_case_label(c),
                    ipl__fmt_day(day, ipl_case_date(c)), ipl_case_currency(c));
    ipl__out_printf(o, "  borrower  %s", who);
    if (years >= 0)
        ipl__out_printf(o, ", %s years in operation", ipl__fmt_real(y, years, 0));
    if (industry != NULL)
        ipl__out_printf(o, ", industry %s", industry);
    ipl__out_printf(o, "\n  policy    %s: %s\n", ipl_policy_name(p), ipl_policy_title(p));
}

static void
write_simulation(ipl__out *o, const ipl_montecarlo *mc, double cv)
{
    amount_buf mean, sd, p5, p50, p95, v;

    ipl__out_printf(o, "    Monte Carlo: %zu paths, mean %s, sd %s, P5 %s, P50 %s, P95 %s "
                    "(cv %s)\n", ipl_montecarlo_paths(mc),
                    ipl__fmt_fixed(mean, ipl_montecarlo_mean(mc), 2),
                    ipl__fmt_fixed(sd, ipl_montecarlo_sd(mc), 2),
                    ipl__fmt_fixed(p5, ipl_montecarlo_quantile(mc, 0.05), 2),
                    ipl__fmt_fixed(p50, ipl_montecarlo_quantile(mc, 0.5), 2),
                    ipl__fmt_fixed(p95, ipl_montecarlo_quantile(mc, 0.95), 2),
                    ipl__fmt_fixed(v, cv, 4));
}

static void
write_right(ipl__out *o, const ipl_appraisal *a, size_t k)
{
    const ipl_appraisal_right *r = ipl_appraisal_right_get(a, k);
    size_t j;

    ipl__out_printf(o, "\n  Right %zu: %s\n", k + 1, r->in->number);
    if (r->record != NULL) {
        const char *title = ipl_record_title(r->record, NULL);

        ipl__out_printf(o, "    record     %s (%s): \"%s\"\n", r->record_path,
                        ipl_record_format_name(r->record), title != NULL ? title : "");
    }
    ipl__out_printf(o, "    valuation  %s\n", r->valuation_path);
    for (j = 0; j < ipl_appraisal_value_count(a, k); j++)
        indented(o, ipl_value_trace(ipl_appraisal_value_at(a, k, j)), "    ");
    if (ipl_appraisal_montecarlo(a, k) != NULL)
        write_simulation(o, ipl_appraisal_montecarlo(a, k), r->cv);
}

static void
write_rights(ipl__out *o, const ipl_appraisal *a)
{
    amount_buf v, low, day;
    size_t k;

    heading(o, "1. Rights and their values");
    ipl__out_printf(o, "  %-2s %-20s %-14s %-9s %-10s %18s %18s\n", "#", "number", "type",
                    "status", "expiry", "value", "P5 (simulated)");
    for (k = 0; k < ipl_appraisal_right_count(a); k++) {
        const ipl_appraisal_right *r = ipl_appraisal_right_get(a, k);

        ipl__out_printf(o, "  %-2zu %-20s %-14s %-9s %-10s %18s %18s\n", k + 1,
                        r->in->number, ipl_right_type_name(r->type),
                        ipl_legal_status_name(r->status),
                        r->expiry.year ? ipl__fmt_day(day, r->expiry) : "-",
                        amount(v, &r->value), r->p5.currency[0] ? amount(low, &r->p5) : "-");
    }
    for (k = 0; k < ipl_appraisal_right_count(a); k++)
        write_right(o, a, k);
}

static void
write_pledge(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_pledge *p = ipl_appraisal_pledge(a);
    amount_buf v;
    size_t i;

    heading(o, "2. Pledge decision");
    ipl__out_printf(o, "  eligible           %s\n", ipl_appraisal_eligible(a) ? "yes" : "NO");
    ipl__out_printf(o, "  pledge ratio       %s %%\n",
                    ipl__fmt_fixed(v, 100 * ipl_pledge_ratio(p), 2));
    ipl__out_printf(o, "  collateral value   %s\n", amount(v, ipl_pledge_collateral(p)));
    ipl__out_printf(o, "  largest loan       %s\n", amount(v, ipl_pledge_max_loan(p)));
    ipl__out_printf(o, "  requested          %s\n",
                    amount(v, &ipl_case_loan_get(ipl_appraisal_case(a))->amount));
    ipl__out_str(o, "  trace:\n");
    for (i = 0; i < ipl_pledge_trace_count(p); i++) {
        const ipl_pledge_step *s = ipl_pledge_trace(p, i);

        ipl__out_printf(o, "    %-18s %-18s %s\n", s->right < 0 ? "request"
                        : ipl_appraisal_right_get(a, (size_t)s->right)->in->number,
                        s->rule, s->text);
    }
    for (i = 0; i < ipl_pledge_failure_count(p); i++)
        ipl__out_printf(o, "  refused: %s\n", ipl_pledge_failure(p, i)->text);
}

static void
write_loan(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_loan_schedule *s = ipl_appraisal_loan(a);
    const ipl_loan_terms *terms = ipl_appraisal_loan_terms(a);
    const ipl_loan_totals *t = ipl_loan_schedule_totals(s);
    amount_buf op, in, p, pay, cl, day;
    size_t i;

    heading(o, "3. Loan schedule");
    ipl__out_printf(o, "  %s, %u payments, %s %% a year, %s, interest rounded %s\n",
                    ipl_loan_method_name(terms->method), terms->periods,
                    ipl__fmt_fixed(p, 100 * terms->rate, 4),
                    ipl_daycount_name(terms->daycount), ipl__report_rounding(terms->rounding));
    ipl__out_printf(o, "  %4s %-10s %16s %14s %16s %16s %16s\n", "n", "date", "opening",
                    "interest", "principal", "payment", "closing");
    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__out_printf(o, "  %4zu %-10s %16s %14s %16s %16s %16s\n", i + 1,
                        ipl__fmt_day(day, r->date), amount(op, &r->opening),
                        amount(in, &r->interest), amount(p, &r->principal),
                        amount(pay, &r->payment), amount(cl, &r->closing));
    }
    ipl__out_printf(o, "  %4s %-10s %16s %14s %16s %16s\n", "", "total", "",
                    amount(in, &t->interest), amount(p, &t->principal),
                    amount(pay, &t->payment));
}

static void
write_subsidies(ipl__out *o, const ipl_appraisal *a)
{
    amount_buf b, s, p;
    size_t i;

    heading(o, "4. Subsidies");
    if (ipl_appraisal_subsidy_count(a) == 0)
        ipl__out_str(o, "  none under this policy for this loan\n");
    for (i = 0; i < ipl_appraisal_subsidy_count(a); i++) {
        const ipl_appraisal_subsidy *sub = ipl_appraisal_subsidy_get(a, i);
        const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(sub->schedule);

        ipl__out_printf(o, "  %-14s base %s, subsidy %s, paid %s  (%s)\n", sub->name,
                        amount(b, &t->base), amount(s, &t->subsidy), amount(p, &t->paid),
                        sub->source);
    }
}

static void
write_parties(ipl__out *o, const ipl_compensation *comp)
{
    amount_buf x, y, z, share, day;
    size_t i;

    ipl__out_printf(o, "  %-14s %-7s %8s %16s %16s %16s\n", "party", "role", "share",
                    "final", "prepaid", "settlement");
    for (i = 0; i < ipl_compensation_share_count(comp); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(comp, i);

        ipl__out_printf(o, "  %-14s %-7s %7s%% %16s %16s %16s\n", s->name,
                        ipl__report_role(s->role),
                        ipl__fmt_fixed(share, (double)s->share_bp / 100.0, 2),
                        amount(x, &s->final), amount(y, &s->prepaid),
                        amount(z, &s->settlement));
    }
    ipl__out_str(o, "  flows:\n");
    for (i = 0; i < ipl_compensation_flow_count(comp); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(comp, i);

        ipl__out_printf(o, "    %s  %-12s %-10s %16s\n", ipl__fmt_day(day, f->date),
                        ipl_compensation_share_get(comp, f->party)->name,
                        ipl__report_flow_kind(f->kind), amount(x, &f->amount));
    }
}

static void
write_compensation(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_compensation *comp = ipl_appraisal_compensation(a);
    const ipl_compensation_statement *st = ipl_compensation_statement_get(comp);
    const char *source = NULL;
    amount_buf x, y, z, day;

    ipl_appraisal_regime(a, &source);
    heading(o, "5. Default and risk compensation");
    ipl__out_printf(o, "  regime from        %s\n", source);
    ipl__out_printf(o, "  principal at NPL   %s (the schedule's balance on %s)\n",
                    amount(x, &st->outstanding_principal),
                    ipl__fmt_day(day, ipl_case_default_get(ipl_appraisal_case(a))->npl));
    ipl__out_printf(o, "  interest at NPL    %s\n", amount(x, &st->outstanding_interest));
    ipl__out_printf(o, "  net recovery       %s\n", amount(x, &st->net_recovery));
    ipl__out_printf(o, "  loss               %s (principal %s, interest %s)\n",
                    amount(x, &st->loss), amount(y, &st->principal_loss),
                    amount(z, &st->interest_loss));
    ipl__out_printf(o, "  shared loss        %s; moved to the lender by caps %s\n",
                    amount(x, &st->covered), amount(y, &st->capped));
    write_parties(o, comp);
}

void
ipl__report_text(ipl__out *o, const ipl_appraisal *a)
{
    size_t i;

    write_case(o, a);
    write_rights(o, a);
    write_pledge(o, a);
    if (ipl_appraisal_loan(a) != NULL) {
        write_loan(o, a);
        write_subsidies(o, a);
    }
    if (ipl_appraisal_compensation(a) != NULL)
        write_compensation(o, a);
    if (ipl_appraisal_note_count(a) > 0)
        heading(o, "Notes");
    for (i = 0; i < ipl_appraisal_note_count(a); i++)
        ipl__out_printf(o, "  - %s\n", ipl_appraisal_note(a, i));
}
