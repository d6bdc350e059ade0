#include "ipledge/value.h"
#include "harness.h"
START_TEST(test_x) { } END_TEST
int main(void) { Suite *s = suite_create("x"); TCase *tc = tcase_create("x"); tcase_add_test(tc, test_x); suite_add_tcase(s, tc); iplt_oom_install(); return iplt_run(s); }
