/* SPDX-License-Identifier: MIT */
/* Private: an edition written as its differences from another (extends="ID"). */
#ifndef PDX_RUBRIC_DERIVE_H
#define PDX_RUBRIC_DERIVE_H

#include "xml.h"

/* The attribute of the rubric element that names the base edition, or NULL. */
const char *pdx_rubric_doc_extends(const xmlDoc *doc);

/* Validates a derived file against the rubric grammar whose start is `derived`
 * (rubric.rng starts at `whole`); 0 when valid. */
int pdx_rubric_validate_derived(pdx_xml_ctx *x, xmlDocPtr doc);

/* Applies `derived` (valid, see above) to `base`, the base edition as a whole document,
 * which it takes over: the derived file's header elements replace the base's, then its
 * change, remove, replace and add operations run in document order. Elements the
 * derived file touched carry its lines; the base's elements carry none (their lines are
 * in another file). Problems (a target not in the base, an element added twice...) are
 * added to x. Returns the resolved document, to be checked as a whole rubric (free with
 * xmlFreeDoc), or NULL (base freed). */
xmlDocPtr pdx_rubric_derive(pdx_xml_ctx *x, const xmlDoc *derived, xmlDocPtr base);

/* The resolved document as text, without comments and indented: what `pressdx validate
 * --resolved` shows and what an edition derived from this one starts from.
 * 0, or PDX_ENOMEM. *out is malloc'd. */
int pdx_rubric_dump(xmlDocPtr doc, char **out, size_t *len);

#endif
