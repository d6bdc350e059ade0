/**
 * @file ipledge/parse.h
 * @brief Reading office records: format detection, one driver per
 *        office format, and a streaming reader over bulk files.
 * @defgroup ipl_parse Parsing
 *
 * An ::ipl_reader reads patent, design and trademark records as the
 * offices publish them (USPTO, EPO, WIPO ST.36/ST.66/ST.96, CNIPA, JPO,
 * EUIPO) from a file, a memory buffer or a read callback, and yields
 * one ::ipl_record at a time:
 * @code
 * ipl_reader *rd;
 * ipl_record *rec;
 * ipl_error err;
 * int rc;
 *
 * if (ipl_parse_reader_new_file(&rd, "ipg230404.xml", NULL, &err) < 0)
 *     return report(&err);
 * while ((rc = ipl_parse_reader_next(&rec, rd, &err)) != 0) {
 *     if (rc < 0) { report(&err); continue; }   // that document is skipped
 *     use(rec);
 *     ipl_record_free(rec);
 * }
 * ipl_parse_reader_free(rd);
 * @endcode
 *
 * Input is untrusted. External DTDs and entities are never loaded,
 * nothing is fetched from the network, entity expansion is capped, text
 * nodes are limited to libxml2's default 10 MB and nesting to 256
 * levels. A reference to an entity that is not a character reference or
 * one of the five predefined entities is an error. Documents that are
 * not well-formed are skipped with an error naming the source, the
 * document's index, its byte offset and the line and column; the reader
 * then continues with the next document. Memory does not grow with the
 * size of the input: USPTO weekly files (many documents concatenated)
 * and TDXF daily files (one document of thousands of case files) are
 * read one record at a time.
 * @{
 */
#ifndef IPL_PARSE_H
#define IPL_PARSE_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/record.h"

IPL_BEGIN_DECL

/** A streaming reader of office records (opaque). */
typedef struct ipl_reader ipl_reader;

/** The office formats ipledge reads. */
typedef enum ipl_parse_format {
    IPL_FORMAT_AUTO = 0,       /**< detect from each document's root element */
    IPL_FORMAT_USPTO_GRANT,    /**< "uspto-grant": us-patent-grant v4.0–4.7 */
    IPL_FORMAT_USPTO_APPLICATION, /**< "uspto-application": us-patent-application v4.0–4.6 */
    IPL_FORMAT_USPTO_PAP,      /**< "uspto-pap": patent-application-publication 2001–2004 */
    IPL_FORMAT_USPTO_ST32,     /**< "uspto-st32": PATDOC grants 2001–2004 */
    IPL_FORMAT_EP,             /**< "ep-patent-document": EPO publication server v1.0–1.5.1 */
    IPL_FORMAT_EPO_OPS,        /**< "epo-ops": DOCDB exchange, family, legal, register, full text */
    IPL_FORMAT_ST36,           /**< "st36": WIPO ST.36 patent-document and the ST.36 toc */
    IPL_FORMAT_JPO,            /**< "jpo": JPO jp-official-gazette */
    IPL_FORMAT_CNIPA_OLD,      /**< "cnipa-old": cn-patent-document */
    IPL_FORMAT_CNIPA_NEW,      /**< "cnipa-new": business:PatentDocumentAndRelated */
    IPL_FORMAT_ST96_PATENT,    /**< "st96-patent": WIPO ST.96 and USPTO XML4IP */
    IPL_FORMAT_USPTO_TDXF,     /**< "uspto-tdxf": trademark daily XML case files */
    IPL_FORMAT_ST66,           /**< "st66": ST.66 / TM-XML (TSDR, EUIPO, TMview) */
    IPL_FORMAT_ST96_TRADEMARK, /**< "st96-trademark": ST.96 trademarks (TSDR, WIPO) */
    IPL_FORMAT_EUIPO_DESIGN,   /**< "euipo-design": EUIPO design open data */
    IPL_FORMAT_ST96_DESIGN,    /**< "st96-design": WIPO ST.96 design */
    IPL_FORMAT_COUNT           /**< the number of formats; not a format */
} ipl_parse_format;

/** Version of ::ipl_parse_options this header describes. */
#define IPL_PARSE_OPTIONS_VERSION 1

/** Options of a reader. Zero-initialised (or #IPL_PARSE_OPTIONS_INIT)
 *  means the defaults. */
typedef struct ipl_parse_options {
    unsigned int version;    /**< #IPL_PARSE_OPTIONS_VERSION */
    /** The format of every document, or #IPL_FORMAT_AUTO (the default)
     *  to detect it from each document's root element and namespace. */
    ipl_parse_format format;
} ipl_parse_options;

/** Initialiser of ::ipl_parse_options with the defaults. */
#define IPL_PARSE_OPTIONS_INIT { IPL_PARSE_OPTIONS_VERSION, IPL_FORMAT_AUTO }

/**
 * Fills an options struct with the defaults.
 *
 * @param[out] opts  the struct.
 * @param version    #IPL_PARSE_OPTIONS_VERSION.
 * @return #IPL_OK; #IPL_EINVAL (NULL @p opts); #IPL_EVERSION (unknown
 *         @p version).
 */
IPL_EXTERN(int) ipl_parse_options_init(ipl_parse_options *opts,
                                       unsigned int version);

/** Counts and position of a reader. */
typedef struct ipl_parse_stats {
    size_t documents;       /**< documents started so far */
    size_t skipped;         /**< documents skipped because of an error */
    size_t records;         /**< records returned */
    size_t document;        /**< 0-based index of the current document */
    uint64_t offset;        /**< byte offset where it starts in the input */
} ipl_parse_stats;

/**
 * A read callback: copies up to @p size bytes of input into @p buf.
 *
 * @param ctx   the caller's context.
 * @param buf   where to write.
 * @param size  capacity of @p buf, at least 1.
 * @return the number of bytes written, 0 at the end of the input, or a
 *         negative number for a read error.
 */
typedef long (*ipl_parse_read_fn)(void *ctx, char *buf, size_t size);

/**
 * The name of a format ("uspto-grant", "st66" ...).
 *
 * @param format  an ::ipl_parse_format.
 * @return borrowed static text; "auto" for #IPL_FORMAT_AUTO; NULL for
 *         unknown values.
 */
IPL_EXTERN(const char *) ipl_parse_format_name(ipl_parse_format format);

/**
 * The format a name stands for, the inverse of ipl_parse_format_name().
 *
 * @param[out] out  receives the format.
 * @param name      a name such as "uspto-grant" or "auto".
 * @param[out] err  optional; filled on failure (where: "name").
 * @return #IPL_OK; #IPL_EINVAL (NULL argument, unknown name).
 */
IPL_EXTERN(int) ipl_parse_format_from_name(ipl_parse_format *out,
                                           const char *name, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Detects the format of a document from its content: the local name and
 * namespace URI of its root element (never the prefix). Only the bytes
 * up to the root element's start tag are needed.
 *
 * @param[out] out  receives the format.
 * @param data      the start of a document.
 * @param size      bytes in @p data.
 * @param[out] err  optional; filled on failure, with line and column.
 * @return #IPL_OK; #IPL_EPARSE (no root element in @p data, or one no
 *         driver reads); #IPL_EINVAL (NULL argument).
 */
IPL_EXTERN(int) ipl_parse_detect(ipl_parse_format *out, const void *data,
                                 size_t size, ipl_error *err) IPL_WARN_UNUSED;

/**
 * Opens a reader on a file.
 *
 * @param[out] out  receives the reader: new (caller frees with
 *                  ipl_parse_reader_free()).
 * @param path      the file; also the name errors give.
 * @param opts      options, or NULL for the defaults.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL argument, bad options, the file
 *         cannot be opened: where is @p path); #IPL_ENOMEM;
 *         #IPL_EVERSION (unknown options version).
 */
IPL_EXTERN(int) ipl_parse_reader_new_file(ipl_reader **out, const char *path,
                                          const ipl_parse_options *opts,
                                          ipl_error *err) IPL_WARN_UNUSED;

/**
 * Opens a reader on a memory buffer, which is not copied.
 *
 * @param[out] out  receives the reader: new (caller frees with
 *                  ipl_parse_reader_free()).
 * @param data      the input; borrowed, it must stay unchanged while the
 *                  reader lives.
 * @param size      bytes in @p data.
 * @param name      the name errors give (copied); NULL gives "memory".
 * @param opts      options, or NULL for the defaults.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL @p out or @p data, bad options);
 *         #IPL_ENOMEM; #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_parse_reader_new_memory(ipl_reader **out, const void *data,
                                            size_t size, const char *name,
                                            const ipl_parse_options *opts,
                                            ipl_error *err) IPL_WARN_UNUSED;

/**
 * Opens a reader on a read callback.
 *
 * @param[out] out  receives the reader: new (caller frees with
 *                  ipl_parse_reader_free()).
 * @param read      called for more input until it returns 0 or less.
 * @param ctx       passed to @p read; borrowed.
 * @param name      the name errors give (copied); NULL gives "stream".
 * @param opts      options, or NULL for the defaults.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL @p out or @p read, bad options);
 *         #IPL_ENOMEM; #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_parse_reader_new_callback(ipl_reader **out,
                                              ipl_parse_read_fn read, void *ctx,
                                              const char *name,
                                              const ipl_parse_options *opts,
                                              ipl_error *err) IPL_WARN_UNUSED;

/**
 * Reads the next record.
 *
 * A failure concerns one document: it is skipped, and the next call
 * continues with the document after it. The error names the source in
 * @c where and gives the document's index and byte offset in the
 * message and its line and column (in the whole input) in @c line and
 * @c column.
 *
 * @note On #IPL_ENOMEM while building one record of a document of many
 * (a case file of a TDXF daily file) nothing is skipped: the reader
 * stays on that record and the next call reads it again. A document of
 * one record is skipped like any failing document.
 *
 * @param[out] out  receives the record when 1 is returned: new (caller
 *                  frees with ipl_record_free()).
 * @param rd        the reader.
 * @param[out] err  optional; filled on failure.
 * @return 1 (a record), 0 (end of input), or #IPL_EPARSE (a document is
 *         not well-formed, uses a refused entity, or is of no known
 *         format), #IPL_ENOMEM, #IPL_EINVAL (NULL argument, read error).
 */
IPL_EXTERN(int) ipl_parse_reader_next(ipl_record **out, ipl_reader *rd,
                                      ipl_error *err) IPL_WARN_UNUSED;

/**
 * Counts and position of a reader; at the end of input, how many
 * documents were read and how many skipped.
 *
 * @param[out] out  receives the counts.
 * @param rd        the reader.
 * @return #IPL_OK, or #IPL_EINVAL (NULL argument).
 */
IPL_EXTERN(int) ipl_parse_reader_stats(ipl_parse_stats *out,
                                       const ipl_reader *rd);

/**
 * Closes a reader and frees it. Records it returned live on.
 *
 * @param rd  the reader; NULL does nothing.
 */
IPL_EXTERN(void) ipl_parse_reader_free(ipl_reader *rd);

IPL_END_DECL

/** @} */
#endif /* IPL_PARSE_H */
