/* Shorthands for the rule tables of the drivers (parse_internal.h). */
#ifndef IPL_RULE_MACROS_H
#define IPL_RULE_MACROS_H

#define NUM(k, p)  { IPL__T_NUMBER + (k), p, NULL, NULL, NULL, NULL, NULL, NULL }
#define DATE(k, p) { IPL__T_DATE + (k), p, NULL, NULL, NULL, NULL, NULL, NULL }
#define ONE(t, p)  { t, p, NULL, NULL, NULL, NULL, NULL, NULL }
#define ROW(l, p, text, lang, country, code, date, value) \
    { IPL__T_LIST + (l), p, text, lang, country, code, date, value }
/* A list row that is just the text of the node. */
#define TEXT(l, p) ROW(l, p, NULL, NULL, NULL, NULL, NULL, NULL)

/* IPC and CPC symbols written as parts (ST.36 and ST.96 alike). */
#define IPCR "{section}{class}{subclass} {main-group}/{subgroup}"

#endif /* IPL_RULE_MACROS_H */
