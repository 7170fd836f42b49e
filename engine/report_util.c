/* SPDX-License-Identifier: MIT */
/* Helpers shared by the analysis reports (report_rank.c, report_summary.c, report_gap.c,
 * report_diff.c, report_publication.c):
 * padded text cells, json-c additions that remember a failure, CSV numbers. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Cells of text tables: values from users' files are escaped (pdx_buf_put_safe) and
 * padded by the width of what is printed. */
void pdx_text_padr(pdx_buf *b, const char *s, size_t width)
{
	pdx_buf_put_safe(b, s);
	for (size_t w = pdx_safe_width(s); w < width; w++)
		pdx_buf_putc(b, ' ');
}

void pdx_text_padl(pdx_buf *b, const char *s, size_t width)
{
	for (size_t w = pdx_safe_width(s); w < width; w++)
		pdx_buf_putc(b, ' ');
	pdx_buf_put_safe(b, s);
}

const char *pdx_or_unknown(const char *s, pdx_lang lang)
{
	return s ? s : pdx_label(lang, N_("(unknown)"), NULL);
}

void pdx_jput(json_object *o, const char *k, json_object *v, int *failed)
{
	if (!o || json_object_object_add(o, k, v) != 0) {
		json_object_put(v);
		*failed = 1;
	}
}

void pdx_jstr(json_object *o, const char *k, const char *s, int *failed)
{
	json_object *v = s ? json_object_new_string(s) : NULL;
	if (s && !v)
		*failed = 1;
	else
		pdx_jput(o, k, v, failed);
}

void pdx_jpush(json_object *a, json_object *v, int *failed)
{
	if (!a || !v || json_object_array_add(a, v) != 0) {
		json_object_put(v);
		*failed = 1;
	}
}

json_object *pdx_jyear(int year)
{
	return year ? json_object_new_int(year) : NULL;
}

void pdx_csv_num(pdx_buf *b, long long v, int last)
{
	char n[32];
	snprintf(n, sizeof n, "%lld", v);
	pdx_csv_put(b, n, last);
}

void pdx_csv_year(pdx_buf *b, int year)
{
	if (year)
		pdx_csv_num(b, year, 0);
	else
		pdx_csv_put(b, NULL, 0);
}

void pdx_csv_pts(pdx_buf *b, pdx_points p, int last)
{
	char n[32];
	pdx_csv_put(b, pdx_points_format(p, n, sizeof n), last);
}

/* The delimiter of a table file (rubric table, roster): Excel saves "CSV" with ';' where the
 * decimal comma is the locale's (Vietnamese among them). Counted over the whole text outside
 * quotes: every criterion row holds some twenty delimiters, where a name or a rule ("có=2;
 * không=0") holds a stray ',' or ';' of the other kind. */
char pdx_csv_guess_delimiter(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			comma += s[i] == ',', semi += s[i] == ';', tab += s[i] == '\t';
	}
	return semi > comma && semi >= tab ? ';' : tab > comma ? '\t' : ',';
}

void pdx_editions_add(const pdx_rubric **v, size_t *n, const pdx_rubric *e)
{
	for (size_t k = 0; k < *n; k++)
		if (pdx_rubric_same(v[k], e))
			return;
	v[(*n)++] = e;
}
