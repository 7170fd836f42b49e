/* Private: safe loading of the project's XML files (rubrics, plans). */
#ifndef PDX_XML_H
#define PDX_XML_H

#include <libxml/tree.h>

#include "internal.h"

/* Where problems of one XML file go. */
typedef struct pdx_xml_ctx {
	pdx_diags *diags;
	const char *file;
	int errors;
	int oom;
} pdx_xml_ctx;

/* Adds an error at `line` about element `id` (may be NULL). */
void pdx_xml_error(pdx_xml_ctx *x, long line, const char *id, const char *vi, const char *en);

/* The same with printf-style Vietnamese and English formats taking the same arguments. */
#define PDX_XERR(x, line, id, vi_fmt, en_fmt, ...)                                                 \
	do {                                                                                       \
		char *vi_ = pdx_aprintf(vi_fmt, __VA_ARGS__);                                      \
		char *en_ = pdx_aprintf(en_fmt, __VA_ARGS__);                                      \
		if (!vi_ || !en_)                                                                  \
			(x)->oom = 1;                                                              \
		else                                                                               \
			pdx_xml_error((x), (line), (id), vi_, en_);                                \
		free(vi_);                                                                         \
		free(en_);                                                                         \
	} while (0)

/* Parses untrusted XML: any DOCTYPE is refused before its internal subset is read (no
 * entities, no external DTD, no network), errors are collected, never printed.
 * Returns the document (free with xmlFreeDoc) or NULL. */
xmlDocPtr pdx_xml_parse(pdx_xml_ctx *x, const char *data, size_t len, const char *kind_vi,
                        const char *kind_en);

/* Validates against a RELAX NG schema held in memory; 0 when valid. */
int pdx_xml_validate(pdx_xml_ctx *x, xmlDocPtr doc, const char *schema, size_t schema_len,
                     const char *schema_name);

/* Element helpers. */
int pdx_xml_is(const xmlNode *n, const char *name);
const xmlNode *pdx_xml_first(const xmlNode *parent, const char *name);
size_t pdx_xml_count(const xmlNode *parent, const char *name);
/* Text or attribute, cleaned (NFC, trimmed), copied into `arena`; NULL if absent. */
const char *pdx_xml_text(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n);
const char *pdx_xml_attr(pdx_xml_ctx *x, pdx_arena *arena, const xmlNode *n, const char *name);
long pdx_xml_line(const xmlNode *n);

/* SHA-256 of a buffer as 64 hex digits and a NUL. */
void pdx_sha256_hex(const char *data, size_t len, char out[65]);

#endif
