/* XML elements whose figures are attributes, as the valuation and the
 * lending reports write them: one element per line, indented by the
 * caller's depth in spaces. */
#include "emit_internal.h"

void
ipl__xml_open(ipl__out *o, int depth, const char *name)
{
    ipl__out_printf(o, "%*s<%s", depth, "", name);
}

void
ipl__xml_attr(ipl__out *o, const char *name, const char *value)
{
    ipl__out_printf(o, " %s=\"", name);
    ipl__out_xml(o, value);
    ipl__out_str(o, "\"");
}

void
ipl__xml_real(ipl__out *o, const char *name, double v)
{
    char buf[IPL__NUMBER_MAX];

    ipl__xml_attr(o, name, ipl__fmt_real(buf, v, 0));
}

void
ipl__xml_int(ipl__out *o, const char *name, long long v)
{
    ipl__out_printf(o, " %s=\"%lld\"", name, v);
}

void
ipl__xml_money(ipl__out *o, const char *name, const ipl_money *m)
{
    char buf[IPL__NUMBER_MAX];

    ipl__xml_attr(o, name, ipl__fmt_amount(buf, m, 0));
}

void
ipl__xml_day(ipl__out *o, const char *name, ipl_date d)
{
    char buf[IPL__NUMBER_MAX];

    ipl__xml_attr(o, name, ipl__fmt_day(buf, d));
}

void
ipl__xml_close(ipl__out *o, int depth, const char *name)
{
    ipl__out_printf(o, "%*s</%s>\n", depth, "", name);
}
