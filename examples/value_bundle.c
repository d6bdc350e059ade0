/* An appraisal agency's tool valuing a firm's rights pledged together
 * (打包组合): a patent by the income approach and an older patent by
 * the cost approach, then the bundle's value as exact money. Public API
 * only. */
#include <stdio.h>

#include <ipledge.h>

int
main(void)
{
    ipl_value_income income;
    ipl_value_cost cost;
    ipl_value *v[2] = { NULL, NULL };
    ipl_money m[2], total;
    char text[IPL_MONEY_FORMAT_MAX];
    ipl_error err;
    int i, rc = 1;

    if (ipl_init() < 0)
        return 1;
    /* Profit of 1,000,000 in year 1 falling 100,000 a year, all due to
     * the patent, discounted at 10 % over its 20-year term. */
    ipl_value_income_init(&income, IPL_VALUE_INCOME_VERSION);
    income.method = IPL_VALUE_SPLIT;
    income.base_kind = IPL_VALUE_BASE_PROFIT;
    income.base_first = 1000000;
    income.base_decline = 100000;
    income.share = 1;
    income.discount_rate = 0.10;
    income.legal_years = 20;
    /* Replacement cost by the multiplier method, 3 years used of 8. */
    ipl_value_cost_init(&cost, IPL_VALUE_COST_VERSION);
    cost.basis = IPL_VALUE_COST_MULTIPLIER;
    cost.materials = 15;
    cost.overhead = 20;
    cost.labour = 30;
    cost.beta1 = 1.2;
    cost.beta2 = 0.4;
    cost.profit_rate = 0.2;
    cost.used_years = 3;
    cost.remaining_years = 5;

    if (ipl_value_income_new(&v[0], &income, &err) < 0 ||
        ipl_value_cost_new(&v[1], &cost, &err) < 0 ||
        ipl_value_to_money(&m[0], v[0], "CNY", IPL_ROUND_HALF_EVEN, &err) < 0 ||
        ipl_value_to_money(&m[1], v[1], "CNY", IPL_ROUND_HALF_EVEN, &err) < 0 ||
        ipl_money_add(&total, &m[0], &m[1], &err) < 0) {
        fprintf(stderr, "value_bundle: %s: %s\n", err.where, err.message);
        goto out;
    }
    for (i = 0; i < 2; i++) {
        ipl_money_format(text, sizeof text, &m[i], IPL_MONEY_FORMAT_GROUP, NULL);
        printf("%-8s %-14s %16s\n", i == 0 ? "patent" : "patent 2",
               ipl_value_method_name(ipl_value_method_of(v[i])), text);
    }
    ipl_money_format(text, sizeof text, &total, IPL_MONEY_FORMAT_GROUP, NULL);
    printf("%-8s %-14s %16s\n", "bundle", "", text);
    rc = 0;
out:
    ipl_value_free(v[0]);
    ipl_value_free(v[1]);
    ipl_shutdown();
    return rc;
}
