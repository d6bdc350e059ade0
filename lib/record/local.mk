# Records: identifiers (PCRE2), the record model, the office-format
# parsers and the streaming reader (libxml2). Included by Makefile.am.
