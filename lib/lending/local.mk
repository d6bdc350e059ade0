# Lending: loan schedules, subsidies and risk compensation.
# Included by Makefile.am.
