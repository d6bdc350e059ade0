# Policies and pledge decisions: presets, XML policy files (XSD),
# pledge ratios. Included by Makefile.am.
