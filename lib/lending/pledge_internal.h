/* The insides of pledge rules and decisions. Not installed. */
#ifndef IPL_PLEDGE_INTERNAL_H
#define IPL_PLEDGE_INTERNAL_H

#include "ipledge/pledge.h"

/* The ratio of one kind of right; set = 0 means "not accepted". */
typedef struct ipl__pledge_ratio {
    int set;
    double base, max;
    char *source;
} ipl__pledge_ratio;

/* A growable list of rules whose strings the list owns. */
typedef struct ipl__rule_list {
    ipl_pledge_rule *items;
    size_t count, capacity;
} ipl__rule_list;

struct ipl_pledge_rules {
    char currency[4];
    ipl__pledge_ratio ratios[IPL_RIGHT_TYPE_COUNT];
    ipl__rule_list adjustments;
    ipl__rule_list gates;
    ipl_pledge_caps caps;
};

/* A trace step with its own copies of the texts it shows. */
typedef struct ipl__pledge_step {
    ipl_pledge_step view;
    char rule[64];
    char source[160];
    char text[256];
} ipl__pledge_step;

typedef struct ipl__step_list {
    ipl__pledge_step *items;
    size_t count, capacity;
} ipl__step_list;

/* What the decision found for one right. */
typedef struct ipl__pledge_share {
    int eligible;
    double ratio;
    ipl_money collateral;
} ipl__pledge_share;

struct ipl_pledge {
    int eligible;
    size_t nrights;
    ipl__pledge_share *shares;
    ipl_money collateral;
    ipl_money max_loan;
    double ratio;
    ipl__step_list trace;
    ipl__step_list failures;
};

/* The IPL_PLEDGE_* bit of a circumstance's name in policy and case
 * documents ("litigation", "co-owned" ...), or 0 for an unknown name. */
unsigned int ipl__pledge_flag(const char *name);

/* Whether a test only makes sense for the request as a whole. */
int ipl__pledge_test_is_request_wide(ipl_pledge_test test);

#endif /* IPL_PLEDGE_INTERNAL_H */
