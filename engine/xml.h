/* SPDX-License-Identifier: MIT */
/* Private: safe loading of the project's XML files (rubrics, plans). */
#ifndef PDX_XML_H
#define PDX_XML_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "internal.h"

/* Where problems of one XML file go. */
typedef struct pdx_xml_ctx {
	pdx_diags *diags;
	const char *file;
	int errors;
	int oom;
	pdx_code code; /* the code of the errors added now (0: PDX_E_XML); set by stage */
} pdx_xml_ctx;

/* How much of a kind of XML file (rubric, plan) is read at all. A file over any of these
 * is refused before libxml2 sees a byte of it, so that the work libxml2 does (some of
 * it quadratic, such as its check for duplicate attributes) stays bounded. The values
 * are defined once, in xml_scan.c, and listed in the README ("Giới hạn và cam kết"). */
typedef struct pdx_xml_limits {
	const char *what_vi; /* subject of a message: "tệp bộ chỉ số" */
	const char *what_en; /* "rubric" */
	size_t bytes;        /* the whole file */
	size_t elements;     /* start tags in the file */
	size_t depth;        /* elements open at once */
	size_t attributes;   /* on one element */
	size_t name;         /* bytes of one element, attribute or instruction name */
	size_t text;         /* bytes of one attribute value, text (with its CDATA sections),
	                        comment or processing instruction */
} pdx_xml_limits;

extern const pdx_xml_limits pdx_xml_rubric_limits;
extern const pdx_xml_limits pdx_xml_plan_limits;

/* Adds an error at `line` about element `id` (may be NULL). Once the context has run
 * out of memory, further errors are counted but not added: they are most likely the
 * shortage's consequences (an attribute that could not be copied looks absent), and
 * the load fails with PDX_ENOMEM anyway. */
void pdx_xml_error(pdx_xml_ctx *x, long line, const char *id, const char *vi, const char *en);

/* The same at a column (0: none), taking both messages, malloc'd, and freeing them; a
 * NULL message (from a failed pdx_aprintf) sets x->oom instead. */
void pdx_xml_error_owned(pdx_xml_ctx *x, long line, long col, char *vi, char *en);

/* "a rubric may not contain a DOCTYPE", at `line`; kind_vi/kind_en name the file. */
void pdx_xml_doctype_error(pdx_xml_ctx *x, long line, const char *kind_vi, const char *kind_en);

/* The file is over lim->bytes: it has `found` bytes, or more than the limit when 0 (a
 * stream, read only up to the limit). */
void pdx_xml_too_big(pdx_xml_ctx *x, const pdx_xml_limits *lim, size_t found);

/* The same with printf-style Vietnamese and English formats taking the same arguments. */
#define PDX_XERR(x, line, id, vi_fmt, en_fmt, ...)                                                 \
	do {                                                                                       \
		char *vi_ = pdx_aprintf(vi_fmt, __VA_ARGS__);                                      \
		char *en_ = pdx_aprintf(en_fmt, __VA_ARGS__);                                      \
		if (!vi_ || !en_)                                                                  \
			(x)->oom = 1;                                                              \
		else                                                                               \
			pdx_xml_error((x), (line), (id), vi_, en_);                                \
		pdx_free(vi_);                                                                     \
		pdx_free(en_);                                                                     \
	} while (0)

/* Reads a whole rubric or plan file ("-" is standard input) of at most lim->bytes.
 * Returns 0 with *data (malloc'd, NUL-terminated) and *len, or PDX_EIO, PDX_EINVALID
 * (too large) or PDX_ENOMEM; the first two are also added to x's diagnostics. */
int pdx_xml_read_file(pdx_xml_ctx *x, const char *path, const pdx_xml_limits *lim, char **data,
                      size_t *len);

/* The bytes-level checks made before libxml2 parses: the limits `lim`, a NUL byte or
 * another character XML forbids (with its line and column), an encoding that would let
 * libxml2 read the bytes differently from this scan (UTF-32, EBCDIC, or a declared
 * encoding other than UTF-8, UTF-16, US-ASCII, ISO-8859-n and windows-125n), a DOCTYPE
 * (`kind_vi`/`kind_en` name the file in that message), "--" inside a comment and a
 * processing instruction without an ASCII name. One linear pass; 0 when the bytes may be
 * parsed, otherwise -1 after adding one error to x. */
int pdx_xml_prescan(pdx_xml_ctx *x, const char *data, size_t len, const pdx_xml_limits *lim,
                    const char *kind_vi, const char *kind_en);

/* Parses untrusted XML: pdx_xml_prescan first, then libxml2 without entities, external
 * DTD or network (any DOCTYPE is refused before its internal subset is read); errors
 * are collected, never printed, and libxml2 running out of memory sets x->oom (it may
 * otherwise hand back a truncated document that looks well-formed).
 * Returns the document (free with xmlFreeDoc) or NULL. */
xmlDocPtr pdx_xml_parse(pdx_xml_ctx *x, const char *data, size_t len, const pdx_xml_limits *lim,
                        const char *kind_vi, const char *kind_en);

/* Validates against a RELAX NG schema held in memory; 0 when valid. */
int pdx_xml_validate(pdx_xml_ctx *x, xmlDocPtr doc, const char *schema, size_t schema_len,
                     const char *schema_name);

/* libxml2's one-time initialisation (thread-safe; every parse and validation calls it
 * first, pdx_global_init too). */
void pdx_xml_init(void);

/* libxml2 prints to its generic error channel when memory runs out while it builds,
 * copies or writes a tree; a library must not print. Silence it around such work, and
 * restore what was there. */
typedef struct pdx_xml_channel {
	xmlGenericErrorFunc func;
	void *ctx;
} pdx_xml_channel;
pdx_xml_channel pdx_xml_silence(void);
void pdx_xml_restore(pdx_xml_channel saved);

/* Element helpers; none of them allocates. */
int pdx_xml_is(const xmlNode *n, const char *name);
const xmlNode *pdx_xml_first(const xmlNode *parent, const char *name);
size_t pdx_xml_count(const xmlNode *parent, const char *name);
/* Whether the element has the attribute (present, whatever its value). */
int pdx_xml_has(const xmlNode *n, const char *name);
long pdx_xml_line(const xmlNode *n);

/* Text of an element, or an attribute, cleaned (NFC, trimmed), copied into `arena`.
 * NULL when the element is NULL or the attribute absent, and also when memory ran out
 * (inside libxml2 or here): then x->oom is set, so that a NULL is never mistaken for
 * "absent" by a caller that goes on to check x->oom before using the result. */
const char *pdx_xml_text(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n);
const char *pdx_xml_attr(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n, const char *name);

/* SHA-256 of a buffer as 64 hex digits and a NUL. */
void pdx_sha256_hex(const char *data, size_t len, char out[65]);

#endif
