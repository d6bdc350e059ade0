/* Allocation behaviour of valuation assumptions documents (oom_api.h):
 * the loaders, the accessors, and valuing and simulating what a
 * document says. */
#include <string.h>

#include "ipledge/assumptions.h"
#include "oom_api.h"

/* The bundle: the declining patent (3,855,432.89), a licensed
 * trademark and the multiplier-method patent (88.75), simulated over
 * 3,000 paths with correlated inputs. */
#define BUNDLE "value/bundle.xml"

/* One right per approach; the market right is worth 100 × 90 ÷ 80 =
 * 112.5 by the quality-score ratio. */
static const char three[] =
    "<valuation xmlns='urn:ipledge:valuation:1' currency='EUR'>\n"
    "  <income method='split'>\n"
    "    <base kind='profit' first='1000000' decline='100000'/>\n"
    "    <share value='1'/>\n"
    "    <discount rate='0.10'/>\n"
    "    <period legal-years='20'/>\n"
    "  </income>\n"
    "  <cost labour='10' materials='5'/>\n"
    "  <market quality='90'><comparable price='100' quality='80'/></market>\n"
    "</valuation>\n";

static int
bundle_setup(void **state)
{
    return ipl_assumptions_load_file((ipl_assumptions **)state,
                                     iplt_api_path("vectors", BUNDLE), NULL);
}

static int
three_setup(void **state)
{
    return ipl_assumptions_load_memory((ipl_assumptions **)state, three, sizeof three - 1,
                                       "three.xml", NULL);
}

static void
teardown(void *state)
{
    ipl_assumptions_free(state);
}

static const iplt_fixture bundle_fixture = { bundle_setup, teardown };
static const iplt_fixture three_fixture = { three_setup, teardown };

/* ---- loading ---- */

/* a, loaded with allocations failing before, is the bundle as loaded
 * without (the fixture's): compares what the accessors show, frees a. */
static int
same_bundle(ipl_assumptions *a, const ipl_assumptions *want)
{
    size_t n, m;
    int same = ipl_assumptions_count(a) == ipl_assumptions_count(want) &&
               strcmp(ipl_assumptions_currency(a), ipl_assumptions_currency(want)) == 0 &&
               ipl_assumptions_approach_at(a, 2) == IPL_ASSUMPTIONS_COST &&
               ipl_assumptions_montecarlo_inputs(a, &n) != NULL &&
               ipl_assumptions_montecarlo_inputs(want, &m) != NULL && n == m &&
               ipl_assumptions_montecarlo_options(a)->paths ==
                   ipl_assumptions_montecarlo_options(want)->paths &&
               iplt_same_double(ipl_assumptions_income_at(a, 1)->discount_rate,
                                ipl_assumptions_income_at(want, 1)->discount_rate);

    ipl_assumptions_free(a);
    return IPLT_EXPECT(same);
}

static int
assumptions_load_file(void *ctx)
{
    ipl_assumptions *a;
    int rc = ipl_assumptions_load_file(&a, iplt_api_path("vectors", BUNDLE), IPLT_ERR);

    return rc < 0 ? rc : same_bundle(a, ctx);
}

static int
assumptions_load_memory(void *ctx)
{
    ipl_assumptions *a;
    int rc = ipl_assumptions_load_memory(&a, three, sizeof three - 1, "three.xml", IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(ipl_assumptions_count(a) == 3 &&
                     strcmp(ipl_assumptions_label(a), "three.xml") == 0);
    ipl_assumptions_free(a);
    return rc;
}

static int
assumptions_free(void *ctx)
{
    ipl_assumptions_free(ctx);
    return IPL_OK;
}

static int
assumptions_schema(void *ctx)
{
    size_t size = 0;
    const char *xsd = ipl_assumptions_schema(&size);

    (void)ctx;
    return IPLT_EXPECT(xsd != NULL && size > 0 && strlen(xsd) == size);
}

/* ---- accessors ---- */

static int
assumptions_label(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_assumptions_label(ctx), "three.xml") == 0);
}

static int
assumptions_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_assumptions_currency(ctx), "EUR") == 0);
}

static int
assumptions_count(void *ctx)
{
    return IPLT_EXPECT(ipl_assumptions_count(ctx) == 3);
}

static int
assumptions_approach_at(void *ctx)
{
    return IPLT_EXPECT(ipl_assumptions_approach_at(ctx, 0) == IPL_ASSUMPTIONS_INCOME &&
                       ipl_assumptions_approach_at(ctx, 1) == IPL_ASSUMPTIONS_COST &&
                       ipl_assumptions_approach_at(ctx, 2) == IPL_ASSUMPTIONS_MARKET);
}

static int
assumptions_income_at(void *ctx)
{
    const ipl_value_income *in = ipl_assumptions_income_at(ctx, 0);

    return IPLT_EXPECT(in != NULL && iplt_same_double(in->discount_rate, 0.10) &&
                       ipl_assumptions_income_at(ctx, 1) == NULL);
}

static int
assumptions_cost_at(void *ctx)
{
    return IPLT_EXPECT(ipl_assumptions_cost_at(ctx, 1) != NULL &&
                       ipl_assumptions_cost_at(ctx, 0) == NULL);
}

static int
assumptions_market_at(void *ctx)
{
    const ipl_value_market *m = ipl_assumptions_market_at(ctx, 2);

    return IPLT_EXPECT(m != NULL && m->count == 1 &&
                       ipl_assumptions_market_at(ctx, 3) == NULL);
}

static int
assumptions_has_montecarlo(void *ctx)
{
    return IPLT_EXPECT(ipl_assumptions_has_montecarlo(ctx));
}

static int
assumptions_montecarlo_options(void *ctx)
{
    const ipl_montecarlo_options *o = ipl_assumptions_montecarlo_options(ctx);

    return IPLT_EXPECT(o != NULL && o->paths == 3000 && o->seed == 7 && o->threads == 2);
}

static int
assumptions_montecarlo_inputs(void *ctx)
{
    size_t n = 0;
    const ipl_montecarlo_input *in = ipl_assumptions_montecarlo_inputs(ctx, &n);

    return IPLT_EXPECT(in != NULL && n == 3 && in[2].right == 2);
}

/* The cost right is the document's line 8. */
static int
assumptions_line(void *ctx)
{
    return IPLT_EXPECT(ipl_assumptions_line(ctx, "rights[1].labour") == 8);
}

/* ---- valuing and simulating ---- */

static int
assumptions_value(void *ctx)
{
    ipl_value *v;
    int rc = ipl_assumptions_value(&v, ctx, 2, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(iplt_same_double(ipl_value_total(v), 112.5));
    ipl_value_free(v);
    return rc;
}

static int
assumptions_simulate(void *ctx)
{
    ipl_montecarlo *mc;
    int rc = ipl_assumptions_simulate(&mc, ctx, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(ipl_montecarlo_paths(mc) == 3000);
    ipl_montecarlo_free(mc);
    return rc;
}

const iplt_api iplt_api_assumptions[] = {
    IPLT_API(IPLT_OOM, ipl_assumptions_load_file, assumptions_load_file, &bundle_fixture),
    IPLT_API(IPLT_OOM, ipl_assumptions_load_memory, assumptions_load_memory, NULL),
    IPLT_API(IPLT_FREES, ipl_assumptions_free, assumptions_free, &bundle_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_schema, assumptions_schema, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_label, assumptions_label, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_currency, assumptions_currency, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_count, assumptions_count, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_approach_at, assumptions_approach_at,
             &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_income_at, assumptions_income_at, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_cost_at, assumptions_cost_at, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_market_at, assumptions_market_at, &three_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_has_montecarlo, assumptions_has_montecarlo,
             &bundle_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_montecarlo_options, assumptions_montecarlo_options,
             &bundle_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_montecarlo_inputs, assumptions_montecarlo_inputs,
             &bundle_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_assumptions_line, assumptions_line, &three_fixture),
    IPLT_API(IPLT_OOM, ipl_assumptions_value, assumptions_value, &three_fixture),
    IPLT_API(IPLT_OOM, ipl_assumptions_simulate, assumptions_simulate, &bundle_fixture),
    IPLT_API_END
};
