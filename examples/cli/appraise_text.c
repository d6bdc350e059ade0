/* The text report of `ipledge appraise`: a summary an appraiser reads,
 * with the trace of every stage. */
#include <string.h>

#include "appraise.h"
#include "lending_io.h"

static const char *
amount(char *buf, const ipl_money *m)
{
    return lio_amount(buf, m, 1);
}

/* Writes multi-line text with every line indented. */
static void
indented(FILE *out, const char *text, const char *indent)
{
    while (*text != '\0') {
        const char *end = strchr(text, '\n');
        int len = end != NULL ? (int)(end - text) : (int)strlen(text);

        fprintf(out, "%s%.*s\n", indent, len, text);
        text += len + (end != NULL);
    }
}

static void
heading(FILE *out, const char *title)
{
    fprintf(out, "\n%s\n", title);
    for (; *title != '\0'; title++)
        fputc('-', out);
    fputc('\n', out);
}

static void
write_case(FILE *out, const appraisal *a)
{
    const char *industry = NULL;
    double years = -1;
    const char *who = ipl_case_borrower(a->c, &years, &industry);
    char day[IPL_DATE_STRING_SIZE];

    fprintf(out, "ipledge appraisal: %s\n", ipl_case_title(a->c)[0]
            ? ipl_case_title(a->c) : ipl_case_label(a->c));
    fprintf(out, "  case      %s, dated %s, amounts in %s\n", ipl_case_label(a->c),
            lio_day(day, ipl_case_date(a->c)), ipl_case_currency(a->c));
    fprintf(out, "  borrower  %s", who);
    if (years >= 0)
        fprintf(out, ", %g years in operation", years);
    if (industry != NULL)
        fprintf(out, ", industry %s", industry);
    fprintf(out, "\n  policy    %s: %s\n", ipl_policy_name(a->policy),
            ipl_policy_title(a->policy));
}

static void
write_rights(FILE *out, const appraisal *a)
{
    char v[LIO_AMOUNT_MAX], low[LIO_AMOUNT_MAX], day[IPL_DATE_STRING_SIZE];
    size_t k;

    heading(out, "1. Rights and their values");
    fprintf(out, "  %-2s %-20s %-14s %-9s %-10s %18s %18s\n", "#", "number", "type",
            "status", "expiry", "value", "P5 (simulated)");
    for (k = 0; k < a->nrights; k++) {
        const appraised_right *r = &a->rights[k];

        fprintf(out, "  %-2zu %-20s %-14s %-9s %-10s %18s %18s\n", k + 1, r->in->number,
                ipl_right_type_name(r->type), ipl_legal_status_name(r->status),
                r->expiry.year ? lio_day(day, r->expiry) : "-", amount(v, &r->value),
                r->low.currency[0] ? amount(low, &r->low) : "-");
    }
    for (k = 0; k < a->nrights; k++) {
        const appraised_right *r = &a->rights[k];
        size_t j;

        fprintf(out, "\n  Right %zu: %s\n", k + 1, r->in->number);
        if (r->record != NULL)
            fprintf(out, "    record     %s (%s): \"%s\"\n", r->record_path,
                    ipl_record_format_name(r->record),
                    ipl_record_title(r->record, NULL) ? ipl_record_title(r->record, NULL)
                                                      : "");
        fprintf(out, "    valuation  %s\n", r->valuation_path);
        for (j = 0; j < ipl_assumptions_count(r->doc); j++)
            indented(out, ipl_value_trace(r->values[j]), "    ");
        if (r->mc != NULL)
            fprintf(out, "    Monte Carlo: %zu paths, mean %.2f, sd %.2f, P5 %.2f, "
                    "P50 %.2f, P95 %.2f (cv %.4f)\n", ipl_montecarlo_paths(r->mc),
                    ipl_montecarlo_mean(r->mc), ipl_montecarlo_sd(r->mc),
                    ipl_montecarlo_quantile(r->mc, 0.05), ipl_montecarlo_quantile(r->mc, 0.5),
                    ipl_montecarlo_quantile(r->mc, 0.95), r->cv);
    }
}

static void
write_pledge(FILE *out, const appraisal *a)
{
    char v[LIO_AMOUNT_MAX];
    size_t i;

    heading(out, "2. Pledge decision");
    fprintf(out, "  eligible           %s\n", a->eligible ? "yes" : "NO");
    fprintf(out, "  pledge ratio       %.2f %%\n", 100 * ipl_pledge_ratio(a->pledge));
    fprintf(out, "  collateral value   %s\n", amount(v, ipl_pledge_collateral(a->pledge)));
    fprintf(out, "  largest loan       %s\n", amount(v, ipl_pledge_max_loan(a->pledge)));
    fprintf(out, "  requested          %s\n", amount(v, &ipl_case_loan_get(a->c)->amount));
    fputs("  trace:\n", out);
    for (i = 0; i < ipl_pledge_trace_count(a->pledge); i++) {
        const ipl_pledge_step *s = ipl_pledge_trace(a->pledge, i);

        fprintf(out, "    %-18s %-18s %s\n",
                s->right < 0 ? "request" : a->rights[s->right].in->number, s->rule,
                s->text);
    }
    for (i = 0; i < ipl_pledge_failure_count(a->pledge); i++)
        fprintf(out, "  refused: %s\n", ipl_pledge_failure(a->pledge, i)->text);
}

static void
write_loan(FILE *out, const appraisal *a)
{
    const ipl_loan_totals *t = ipl_loan_schedule_totals(a->loan);
    char o[LIO_AMOUNT_MAX], in[LIO_AMOUNT_MAX], p[LIO_AMOUNT_MAX], pay[LIO_AMOUNT_MAX],
         c[LIO_AMOUNT_MAX], day[IPL_DATE_STRING_SIZE];
    size_t i;

    heading(out, "3. Loan schedule");
    fprintf(out, "  %s, %u payments, %.4f %% a year, %s, interest rounded half-up\n",
            ipl_loan_method_name(a->terms.method), a->terms.periods, 100 * a->terms.rate,
            ipl_daycount_name(a->terms.daycount));
    fprintf(out, "  %4s %-10s %16s %14s %16s %16s %16s\n", "n", "date", "opening",
            "interest", "principal", "payment", "closing");
    for (i = 0; i < ipl_loan_schedule_count(a->loan); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(a->loan, i);

        fprintf(out, "  %4zu %-10s %16s %14s %16s %16s %16s\n", i + 1, lio_day(day, r->date),
                amount(o, &r->opening), amount(in, &r->interest),
                amount(p, &r->principal), amount(pay, &r->payment),
                amount(c, &r->closing));
    }
    fprintf(out, "  %4s %-10s %16s %14s %16s %16s\n", "", "total", "",
            amount(in, &t->interest), amount(p, &t->principal), amount(pay, &t->payment));
}

static void
write_subsidies(FILE *out, const appraisal *a)
{
    char b[LIO_AMOUNT_MAX], s[LIO_AMOUNT_MAX], p[LIO_AMOUNT_MAX];
    size_t i;

    heading(out, "4. Subsidies");
    if (a->nsubsidies == 0)
        fputs("  none under this policy for this loan\n", out);
    for (i = 0; i < a->nsubsidies; i++) {
        const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(a->subsidies[i].schedule);

        fprintf(out, "  %-14s base %s, subsidy %s, paid %s  (%s)\n", a->subsidies[i].name,
                amount(b, &t->base), amount(s, &t->subsidy), amount(p, &t->paid),
                a->subsidies[i].source);
    }
}

static void
write_compensation(FILE *out, const appraisal *a)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(a->compensation);
    char x[LIO_AMOUNT_MAX], y[LIO_AMOUNT_MAX], z[LIO_AMOUNT_MAX], day[IPL_DATE_STRING_SIZE];
    size_t i;

    heading(out, "5. Default and risk compensation");
    fprintf(out, "  regime from        %s\n", a->regime_source);
    fprintf(out, "  principal at NPL   %s (the schedule's balance on %s)\n",
            amount(x, &st->outstanding_principal),
            lio_day(day, ipl_case_default_get(a->c)->npl));
    fprintf(out, "  interest at NPL    %s\n", amount(x, &st->outstanding_interest));
    fprintf(out, "  net recovery       %s\n", amount(x, &st->net_recovery));
    fprintf(out, "  loss               %s (principal %s, interest %s)\n",
            amount(x, &st->loss), amount(y, &st->principal_loss),
            amount(z, &st->interest_loss));
    fprintf(out, "  shared loss        %s; moved to the lender by caps %s\n",
            amount(x, &st->covered), amount(y, &st->capped));
    fprintf(out, "  %-14s %-7s %8s %16s %16s %16s\n", "party", "role", "share", "final",
            "prepaid", "settlement");
    for (i = 0; i < ipl_compensation_share_count(a->compensation); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(a->compensation, i);

        fprintf(out, "  %-14s %-7s %7.2f%% %16s %16s %16s\n", s->name,
                s->role == IPL_COMPENSATION_FUND ? "fund"
                : s->role == IPL_COMPENSATION_LENDER ? "lender" : "other",
                s->share_bp / 100.0, amount(x, &s->final), amount(y, &s->prepaid),
                amount(z, &s->settlement));
    }
    fputs("  flows:\n", out);
    for (i = 0; i < ipl_compensation_flow_count(a->compensation); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(a->compensation, i);

        fprintf(out, "    %s  %-12s %-10s %16s\n", lio_day(day, f->date),
                ipl_compensation_share_get(a->compensation, f->party)->name,
                f->kind == IPL_COMPENSATION_PREPAY ? "prepay"
                : f->kind == IPL_COMPENSATION_SETTLE ? "settle" : "claw-back",
                amount(x, &f->amount));
    }
}

int
appraise_write_text(FILE *out, const appraisal *a)
{
    size_t i;

    write_case(out, a);
    write_rights(out, a);
    write_pledge(out, a);
    if (a->loan != NULL) {
        write_loan(out, a);
        write_subsidies(out, a);
    }
    if (a->compensation != NULL)
        write_compensation(out, a);
    if (a->nnotes > 0)
        heading(out, "Notes");
    for (i = 0; i < a->nnotes; i++)
        fprintf(out, "  - %s\n", a->notes[i]);
    return ferror(out) ? -1 : 0;
}
