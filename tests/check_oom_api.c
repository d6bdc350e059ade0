/* Allocation failure over every exported function (issue 9). The tables
 * in tests/oom/api_*.c hold one entry per function of tests/ipledge.sym;
 * tests/check_oom_coverage.sh checks that none is missing, with
 * `check_oom_api --list`. Each entry is one test, run as its kind says
 * (tests/oom/oom_api.h). A failure the harness reports names the entry
 * by its index, "test_entry:N": line N + 1 of `check_oom_api --list`
 * names the function. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/error.h"
#include "ipledge/init.h"
#include "oom_api.h"

ipl_error iplt_api_err;

static const iplt_api *const tables[] = {
    iplt_api_core, iplt_api_records, iplt_api_documents, iplt_api_lending, iplt_api_pledge,
    iplt_api_value, iplt_api_assumptions, iplt_api_reports
};

/* The i-th entry over all tables, or NULL past the last. */
static const iplt_api *
entry(size_t i)
{
    size_t t, j;

    for (t = 0; t < sizeof tables / sizeof tables[0]; t++)
        for (j = 0; tables[t][j].name != NULL; j++)
            if (i-- == 0)
                return &tables[t][j];
    return NULL;
}

static size_t
entry_count(void)
{
    size_t n = 0;

    while (entry(n) != NULL)
        n++;
    return n;
}

const char *
iplt_api_path(const char *what, const char *rel)
{
    static char buf[4096];
    const char *var = strcmp(what, "shared") == 0 ? "IPL_SHARED_DATA" : "IPL_VECTORS_DIR";
    const char *root = getenv(var);

    ck_assert_msg(root != NULL && root[0] != '\0', "%s is not set (run through make check)",
                  var);
    snprintf(buf, sizeof buf, "%s/%s%s", root, strcmp(what, "shared") == 0 ? "records/" : "",
             rel);
    return buf;
}

ipl_date
iplt_api_ymd(int year, int month, int day)
{
    ipl_date d;

    d.year = year;
    d.month = month;
    d.day = day;
    return d;
}

ipl_money
iplt_api_cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

void
iplt_api_no_teardown(void *state)
{
    (void)state;
}

char *
iplt_api_slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    ck_assert_int_ge(n, 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *size = (size_t)n;
    return buf;
}

/* An entry and the state its fixture built. */
typedef struct run {
    const iplt_api *e;
    void *state;
} run;

/* Runs an entry's call with a stale error record: a failure for want of
 * memory must overwrite it with IPL_ENOMEM, a place and a message. */
static int
reported(void *ctx)
{
    const run *r = ctx;
    int rc;

    iplt_api_err = iplt_stale_error();
    rc = r->e->call(r->state);
    if (rc == IPL_ENOMEM) {
        ck_assert_msg(iplt_api_err.code == IPL_ENOMEM, "%s: IPL_ENOMEM, but err.code is %s",
                      r->e->name, ipl_status_name(iplt_api_err.code));
        ck_assert_msg(strcmp(iplt_api_err.where, "stale") != 0 &&
                      strcmp(iplt_api_err.message, "stale") != 0 &&
                      iplt_api_err.message[0] != '\0',
                      "%s: IPL_ENOMEM without a place and a message", r->e->name);
    }
    return rc;
}

START_TEST(test_entry)
{
    const iplt_api *e = entry((size_t)_i);
    size_t live = iplt_alloc_live(), attempts;
    void *state = NULL;
    run r;
    int rc;

    ck_assert_ptr_nonnull(e);
    if (e->fixture != NULL)
        ck_assert_msg(e->fixture->setup(&state) == IPL_OK, "%s: fixture failed", e->name);
    switch (e->kind) {
    case IPLT_NO_ALLOC:
    case IPLT_FREES:
        attempts = iplt_oom_none(e->call, state, &rc);
        ck_assert_msg(rc == IPL_OK, "%s with every allocation refused returned %s",
                      e->name, ipl_status_name(rc));
        ck_assert_msg(attempts == 0, "%s attempted %zu allocation(s): it is IPLT_OOM",
                      e->name, attempts);
        break;
    case IPLT_OOM:
        r.e = e;
        r.state = state;
        ck_assert_msg(iplt_oom_check(reported, &r) > 0,
                      "%s allocated nothing: it is IPLT_NO_ALLOC", e->name);
        break;
    }
    if (e->fixture != NULL && e->kind != IPLT_FREES)
        e->fixture->teardown(state);
    ck_assert_msg(iplt_alloc_live() == live, "%s: %zu block(s) left alive", e->name,
                  iplt_alloc_live() - live);
}
END_TEST

/* `check_oom_api --list` prints "name kind" per entry for
 * tests/check_oom_coverage.sh. */
static int
list(void)
{
    static const char *const kinds[] = { "NO_ALLOC", "OOM", "FREES" };
    const iplt_api *e;
    size_t i;

    for (i = 0; (e = entry(i)) != NULL; i++)
        printf("%s %s\n", e->name, kinds[e->kind]);
    return EXIT_SUCCESS;
}

int
main(int argc, char **argv)
{
    Suite *s;
    TCase *tc;

    if (argc == 2 && strcmp(argv[1], "--list") == 0)
        return list();
    s = suite_create("oom_api");
    tc = tcase_create("every exported function");
    iplt_oom_install();
    if (ipl_init() < 0)
        return EXIT_FAILURE;
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_entry, 0, (int)entry_count());
    suite_add_tcase(s, tc);
    return iplt_run(s);
}
