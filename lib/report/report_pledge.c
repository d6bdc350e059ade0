/* The report of a pledge decision, as `ipledge pledge` prints it: the
 * policy, each right's ratio and collateral, the largest loan, the
 * failures and the trace, as text, JSON or XML (attributes, indented by
 * one); CSV gives the decision's figures on one line. */
#include <stdio.h>

#include "report_internal.h"

typedef char amount_buf[IPL_MONEY_FORMAT_MAX];

/* "CNY 1,234.56", as a person reads an amount. */
static const char *
shown(char *buf, const ipl_money *m)
{
    if (ipl_money_format(buf, IPL_MONEY_FORMAT_MAX, m,
                         IPL_MONEY_FORMAT_GROUP | IPL_MONEY_FORMAT_CODE, NULL) < 0)
        return "?";
    return buf;
}

/* "loan" for the whole request, else the right's index: "[0]" in the
 * trace, "right 0" in a failure. */
static const char *
step_owner(char *buf, size_t size, int right, int bracketed)
{
    if (right < 0)
        return "loan";
    if (bracketed)
        snprintf(buf, size, "[%d]", right);
    else
        snprintf(buf, size, "right %d", right);
    return buf;
}

static void
pledge_text(ipl__out *o, const ipl__report_pledge_subject *s)
{
    amount_buf a, b;
    char day[IPL_DATE_STRING_SIZE], num[IPL__NUMBER_MAX];
    size_t i;

    if (s->policy != NULL)
        ipl__out_printf(o, "Pledge decision under policy %s (pledge rules: %s)\n",
                        ipl_policy_name(s->policy), ipl_policy_pledge_origin(s->policy));
    else
        ipl__out_str(o, "Pledge decision\n");
    ipl__out_printf(o, "Loan starting %s for %u months\n\nRights\n",
                    ipl__fmt_day(day, s->request->start), s->request->tenor_months);
    for (i = 0; i < s->n_rights; i++) {
        const ipl_pledge_right *r = &s->rights[i];

        ipl__out_printf(o, "  [%zu] %-14s %-18s value %22s  ratio %s  collateral %s\n", i,
                        ipl_right_type_name(r->type), r->id != NULL ? r->id : "-",
                        shown(a, &r->value),
                        ipl__fmt_fixed(num, ipl_pledge_right_ratio(s->p, i), 4),
                        shown(b, ipl_pledge_right_collateral(s->p, i)));
    }
    ipl__out_printf(o, "\nCollateral value  %s\n", shown(a, ipl_pledge_collateral(s->p)));
    ipl__out_printf(o, "Largest loan      %s (%s %% of appraised value)\n",
                    shown(a, ipl_pledge_max_loan(s->p)),
                    ipl__fmt_fixed(num, 100 * ipl_pledge_ratio(s->p), 2));
    ipl__out_printf(o, "Eligible          %s\n", ipl_pledge_eligible(s->p) ? "yes" : "no");
    for (i = 0; i < ipl_pledge_failure_count(s->p); i++) {
        const ipl_pledge_step *f = ipl_pledge_failure(s->p, i);

        ipl__out_printf(o, "  not eligible (%s): %s\n",
                        step_owner(num, sizeof num, f->right, 0), f->text);
    }
    ipl__out_str(o, "\nTrace\n");
    for (i = 0; i < ipl_pledge_trace_count(s->p); i++) {
        const ipl_pledge_step *t = ipl_pledge_trace(s->p, i);
        int sourced = t->source[0] != '\0';

        ipl__out_printf(o, "  %-6s %-18s %s%s%s%s\n",
                        step_owner(num, sizeof num, t->right, 1), t->rule, t->text,
                        sourced ? " (" : "", t->source, sourced ? ")" : "");
    }
}

static void
pledge_csv(ipl__out *o, const ipl__report_pledge_subject *s)
{
    amount_buf a, b;
    char ratio[IPL__NUMBER_MAX];
    const ipl_money *max = ipl_pledge_max_loan(s->p);

    ipl__out_str(o, "policy,pledge_rules,currency,eligible,max_loan,collateral,ratio,rights,"
                 "failures\n");
    if (s->policy != NULL) {
        ipl__out_csv(o, ipl_policy_name(s->policy));
        ipl__out_str(o, ",");
        ipl__out_csv(o, ipl_policy_pledge_origin(s->policy));
    } else {
        ipl__out_str(o, ",");
    }
    ipl__out_printf(o, ",%s,%s,%s,%s,%s,%zu,%zu\n", max->currency,
                    ipl_pledge_eligible(s->p) ? "true" : "false", ipl__fmt_amount(a, max, 0),
                    ipl__fmt_amount(b, ipl_pledge_collateral(s->p), 0),
                    ipl__fmt_real(ratio, ipl_pledge_ratio(s->p), 0), s->n_rights,
                    ipl_pledge_failure_count(s->p));
}

static void
xml_step(ipl__out *o, const char *name, const ipl_pledge_step *s)
{
    ipl__xml_open(o, 1, name);
    ipl__xml_int(o, "right", s->right);
    ipl__xml_attr(o, "rule", s->rule);
    if (s->source[0] != '\0')
        ipl__xml_attr(o, "source", s->source);
    ipl__xml_real(o, "before", s->before);
    ipl__xml_real(o, "after", s->after);
    ipl__out_str(o, ">");
    ipl__out_xml(o, s->text);
    ipl__out_printf(o, "</%s>\n", name);
}

static void
pledge_xml(ipl__out *o, const ipl__report_pledge_subject *s)
{
    size_t i;

    ipl__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ipl__xml_open(o, 0, "pledge");
    if (s->policy != NULL)
        ipl__xml_attr(o, "policy", ipl_policy_name(s->policy));
    ipl__xml_attr(o, "currency", ipl_pledge_max_loan(s->p)->currency);
    ipl__xml_attr(o, "eligible", ipl_pledge_eligible(s->p) ? "true" : "false");
    ipl__xml_money(o, "max-loan", ipl_pledge_max_loan(s->p));
    ipl__xml_money(o, "collateral", ipl_pledge_collateral(s->p));
    ipl__xml_real(o, "ratio", ipl_pledge_ratio(s->p));
    ipl__out_str(o, ">\n");
    for (i = 0; i < s->n_rights; i++) {
        ipl__xml_open(o, 1, "right");
        if (s->rights[i].id != NULL)
            ipl__xml_attr(o, "id", s->rights[i].id);
        ipl__xml_attr(o, "type", ipl_right_type_name(s->rights[i].type));
        ipl__xml_money(o, "value", &s->rights[i].value);
        ipl__xml_real(o, "ratio", ipl_pledge_right_ratio(s->p, i));
        ipl__xml_money(o, "collateral", ipl_pledge_right_collateral(s->p, i));
        ipl__out_str(o, "/>\n");
    }
    for (i = 0; i < ipl_pledge_failure_count(s->p); i++)
        xml_step(o, "failure", ipl_pledge_failure(s->p, i));
    for (i = 0; i < ipl_pledge_trace_count(s->p); i++)
        xml_step(o, "step", ipl_pledge_trace(s->p, i));
    ipl__out_str(o, "</pledge>\n");
}

void
ipl__report_pledge_steps(ipl__tree *t, const char *name, const ipl_pledge *p, int failures)
{
    size_t i, n = failures ? ipl_pledge_failure_count(p) : ipl_pledge_trace_count(p);

    ipl__tree_begin(t, name, 1);
    for (i = 0; i < n; i++) {
        const ipl_pledge_step *s = failures ? ipl_pledge_failure(p, i) : ipl_pledge_trace(p, i);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_int(t, "right", s->right);
        ipl__tree_string(t, "rule", s->rule);
        ipl__tree_string(t, "source", s->source);
        ipl__tree_real(t, "before", s->before);
        ipl__tree_real(t, "after", s->after);
        ipl__tree_string(t, "text", s->text);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
}

static void
json_policy(ipl__tree *t, const ipl_policy *policy)
{
    if (policy != NULL) {
        ipl__tree_string(t, "policy", ipl_policy_name(policy));
        ipl__tree_string(t, "pledge_rules", ipl_policy_pledge_origin(policy));
    } else {
        ipl__tree_null(t, "policy");
        ipl__tree_null(t, "pledge_rules");
    }
}

static void
pledge_json(ipl__out *o, const ipl__report_pledge_subject *s)
{
    ipl__tree t;
    size_t i;

    ipl__tree_init(&t, o, 0);
    ipl__tree_begin(&t, NULL, 0);
    json_policy(&t, s->policy);
    ipl__tree_string(&t, "currency", ipl_pledge_max_loan(s->p)->currency);
    ipl__tree_bool(&t, "eligible", ipl_pledge_eligible(s->p));
    ipl__tree_money(&t, "max_loan", ipl_pledge_max_loan(s->p));
    ipl__tree_money(&t, "collateral", ipl_pledge_collateral(s->p));
    ipl__tree_real(&t, "ratio", ipl_pledge_ratio(s->p));
    ipl__tree_begin(&t, "rights", 1);
    for (i = 0; i < s->n_rights; i++) {
        ipl__tree_begin(&t, NULL, 0);
        if (s->rights[i].id != NULL)
            ipl__tree_string(&t, "id", s->rights[i].id);
        else
            ipl__tree_null(&t, "id");
        ipl__tree_string(&t, "type", ipl_right_type_name(s->rights[i].type));
        ipl__tree_money(&t, "value", &s->rights[i].value);
        ipl__tree_real(&t, "ratio", ipl_pledge_right_ratio(s->p, i));
        ipl__tree_money(&t, "collateral", ipl_pledge_right_collateral(s->p, i));
        ipl__tree_end(&t);
    }
    ipl__tree_end(&t);
    ipl__report_pledge_steps(&t, "failures", s->p, 1);
    ipl__report_pledge_steps(&t, "trace", s->p, 0);
    ipl__tree_end(&t);
}

void
ipl__report_pledge(ipl__out *o, const void *subject, ipl_report_format format)
{
    if (format == IPL_REPORT_TEXT)
        pledge_text(o, subject);
    else if (format == IPL_REPORT_CSV)
        pledge_csv(o, subject);
    else if (format == IPL_REPORT_XML)
        pledge_xml(o, subject);
    else
        pledge_json(o, subject);
}

/* Fills s after checking what a report of the decision needs. */
static int
pledge_subject(ipl__report_pledge_subject *s, const ipl_pledge *p, const ipl_policy *policy,
               const ipl_pledge_request *request, const ipl_pledge_right *rights,
               size_t n_rights, ipl_report_format format, ipl_error *err)
{
    IPL__CHECK_ARG(err, p);
    IPL__CHECK_ARG(err, request);
    IPL__CHECK_ARG(err, rights);
    if (n_rights == 0)
        return ipl__fail(err, IPL_EINVAL, "n_rights", "must be at least 1, got 0");
    /* the decision has a collateral for each right it was asked about */
    if (ipl_pledge_right_collateral(p, n_rights - 1) == NULL)
        return ipl__fail(err, IPL_EINVAL, "n_rights", "the decision has fewer than %zu "
                         "rights", n_rights);
    s->p = p;
    s->policy = policy;
    s->request = request;
    s->rights = rights;
    s->n_rights = n_rights;
    return ipl__report_check_format(format, IPL__FORMATS_LENDING, "a pledge decision", err);
}

int
ipl_report_pledge(const ipl_pledge *p, const ipl_policy *policy,
                  const ipl_pledge_request *request, const ipl_pledge_right *rights,
                  size_t n_rights, ipl_report_format format, ipl_report_sink sink, void *ctx,
                  ipl_error *err)
{
    ipl__report_pledge_subject s;
    int rc;

    if ((rc = pledge_subject(&s, p, policy, request, rights, n_rights, format, err)) < 0)
        return rc;
    return ipl__report_run(ipl__report_pledge, &s, format, sink, ctx, err);
}

int
ipl_report_pledge_string(char **out, size_t *len, const ipl_pledge *p,
                         const ipl_policy *policy, const ipl_pledge_request *request,
                         const ipl_pledge_right *rights, size_t n_rights,
                         ipl_report_format format, ipl_error *err)
{
    ipl__report_pledge_subject s;
    int rc;

    if ((rc = pledge_subject(&s, p, policy, request, rights, n_rights, format, err)) < 0)
        return rc;
    return ipl__report_run_string(out, len, ipl__report_pledge, &s, format, err);
}
