/**
 * @file ipledge.h
 * @brief The whole public API of ipledge: include this one header.
 *
 * ipledge is an embeddable C library for intellectual-property pledge
 * lending. Each module has its own header under ipledge/; this one
 * includes them all. Extension interfaces live under ipledge/sys/.
 */
#ifndef IPLEDGE_H
#define IPLEDGE_H

#include "ipledge/common.h"
#include "ipledge/version.h"
#include "ipledge/error.h"
#include "ipledge/init.h"
#include "ipledge/sys/alloc.h"
#include "ipledge/currency.h"
#include "ipledge/money.h"
#include "ipledge/date.h"
#include "ipledge/daycount.h"
#include "ipledge/right.h"
#include "ipledge/ident.h"
#include "ipledge/record.h"
#include "ipledge/parse.h"
#include "ipledge/pledge.h"
#include "ipledge/policy.h"
#include "ipledge/value.h"
#include "ipledge/montecarlo.h"
#include "ipledge/indicators.h"
#include "ipledge/loan.h"
#include "ipledge/subsidy.h"
#include "ipledge/compensation.h"
#include "ipledge/case.h"
#include "ipledge/assumptions.h"

#endif /* IPLEDGE_H */
