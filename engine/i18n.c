/* SPDX-License-Identifier: MIT */
/* The library's own texts in the report's language (see internal.h): a binary search
 * of the catalogue compiled from po/vi.po, never the process locale (a library does
 * not read it behind the caller's back, and a vi locale need not be installed). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "pdx_vi_catalog.h"

static int by_english(const void *key, const void *entry)
{
	return strcmp(key, ((const pdx_catalog_entry *)entry)->en);
}

const char *pdx_tr(const char *en)
{
	if (!en)
		return NULL;
	const pdx_catalog_entry *e =
	    bsearch(en, pdx_vi_catalog, pdx_vi_catalog_size, sizeof *pdx_vi_catalog, by_english);
	return e ? e->vi : en;
}

const char *pdx_label(pdx_lang lang, const char *en, const char *both)
{
	if (lang == PDX_LANG_EN)
		return en;
	if (lang == PDX_LANG_BOTH && both)
		return both;
	return pdx_tr(en);
}

char *pdx_trf(pdx_lang lang, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	/* the Vietnamese format comes from the catalogue, whose conversions msgfmt
	 * --check-format compares with the English one's (tests/readme/check-po.py) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *out = pdx_vaprintf(lang == PDX_LANG_EN ? en_fmt : pdx_tr(en_fmt), ap);
#pragma GCC diagnostic pop
	va_end(ap);
	return out;
}

void pdx_buf_tr(pdx_buf *b, pdx_lang lang, const char *both_fmt, const char *en_fmt, ...)
{
	const char *f = lang == PDX_LANG_BOTH ? both_fmt
	                : lang == PDX_LANG_EN ? en_fmt
	                                      : pdx_tr(en_fmt);
	va_list ap;
	va_start(ap, en_fmt);
	/* both_fmt is the caller's, the Vietnamese from the catalogue (msgfmt
	 * --check-format); each takes the English one's arguments */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *out = pdx_vaprintf(f, ap);
#pragma GCC diagnostic pop
	va_end(ap);
	if (out)
		pdx_buf_puts(b, out);
	else
		b->failed = 1;
	pdx_free(out);
}
