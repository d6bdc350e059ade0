# Valuation: income, cost and market approaches, Monte Carlo (GSL).
# Included by Makefile.am.
