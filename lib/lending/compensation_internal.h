/* Risk compensation inside the library: the result's layout and the
 * checks that settlement and simulation share. Not installed. */
#ifndef IPL_COMPENSATION_INTERNAL_H
#define IPL_COMPENSATION_INTERNAL_H

#include "ipledge/compensation.h"

/* At most a prepayment and a settlement per party. */
#define IPL__COMP_MAX_FLOWS (2 * IPL_COMPENSATION_MAX_PARTIES)

struct ipl_compensation {
    ipl_compensation_statement statement;
    size_t n_parties;
    ipl_compensation_share shares[IPL_COMPENSATION_MAX_PARTIES];
    char names[IPL_COMPENSATION_MAX_PARTIES][IPL_COMPENSATION_NAME_MAX];
    size_t n_flows;
    ipl_compensation_flow flows[IPL__COMP_MAX_FLOWS];
};

/* Checks a regime for claims in currency; on success *how is its
 * resolved rounding and *lender the index of the lending party. */
int ipl__comp_check_regime(const ipl_compensation_regime *r,
                           const char *currency, ipl_rounding *how,
                           size_t *lender, ipl_error *err);

/* The tier for a borrower balance (minor units), or IPL_ERANGE (where
 * names the balance) when it lies above every bounded tier. */
int ipl__comp_tier(size_t *out, const ipl_compensation_regime *r,
                   int64_t balance, const char *where, ipl_error *err);

/* The funds' share of a tier in basis points. */
int64_t ipl__comp_fund_bp(const ipl_compensation_regime *r, size_t tier);

#endif /* IPL_COMPENSATION_INTERNAL_H */
