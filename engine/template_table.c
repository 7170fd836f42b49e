/* SPDX-License-Identifier: MIT */
/* The CSV questionnaire read back as a table of cells, and what each row's answer cell
 * takes: what the .xlsx questionnaire and the XLSForm are made from (template_xlsx.h),
 * so that neither can drift from the CSV template. */
#include <stdlib.h>
#include <string.h>

#include "template_xlsx.h"

/* ---- the CSV template, read back --------------------------------------------------- */

void pdx_tpl_table_free(pdx_tpl_table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
		pdx_free(t->cell[i]);
	pdx_free(t->cell);
	memset(t, 0, sizeof *t);
}

const char *pdx_tpl_table_at(const pdx_tpl_table *t, size_t row, size_t col)
{
	return row < t->n_rows && col < t->n_cols ? t->cell[row * t->n_cols + col] : "";
}

long pdx_tpl_table_col(const pdx_tpl_table *t, const char *name)
{
	for (size_t c = 0; c < t->n_cols; c++)
		if (strcmp(pdx_tpl_table_at(t, 0, c), name) == 0)
			return (long)c;
	return -1;
}

/* Our own CSV (report_csv.c, put_cell): cells separated by ',', records by CRLF, a cell
 * quoted when it holds a separator or a quote (doubled), and a quoted cell that begins
 * with "'" and then one of = + - @ TAB CR was neutralised: the apostrophe is taken off
 * again, since a workbook cell is written as text, never run as a formula. */
int pdx_tpl_table_parse(pdx_tpl_table *t, const char *s, size_t len)
{
	memset(t, 0, sizeof *t);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	size_t cap = 0, n = 0, col = 0, i = 0;
	pdx_buf cell = {0};
	while (i < len) {
		cell.len = 0;
		bool quoted = i < len && s[i] == '"';
		if (quoted) {
			for (i++; i < len; i++) {
				if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
					pdx_buf_putc(&cell, s[i++]);
				else if (s[i] == '"')
					break;
				else
					pdx_buf_putc(&cell, s[i]);
			}
			i++; /* the closing quote */
		} else {
			for (; i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++)
				pdx_buf_putc(&cell, s[i]);
		}
		pdx_buf_putc(&cell, '\0');
		if (cell.failed)
			break;
		const char *text = cell.data;
		if (quoted && text[0] == '\'' && text[1] && strchr("=+-@\t\r", text[1]))
			text++;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 256;
			char **p = pdx_reallocarray(t->cell, nc, sizeof *p);
			if (!p) {
				cell.failed = 1;
				break;
			}
			t->cell = p;
			cap = nc;
		}
		if (!(t->cell[n] = pdx_strdup(text))) {
			cell.failed = 1;
			break;
		}
		n++;
		col++;
		bool end = i >= len || s[i] != ',';
		if (!end)
			i++;
		else {
			while (i < len && (s[i] == '\r' || s[i] == '\n'))
				i++;
			if (!t->n_cols)
				t->n_cols = col;
			if (col != t->n_cols) {
				cell.failed = 2; /* not the shape we write: a bug, not a user's */
				break;
			}
			t->n_rows++;
			col = 0;
		}
	}
	int failed = cell.failed;
	pdx_buf_free(&cell);
	/* cells of an unfinished record are owned too */
	if (failed || col) {
		for (size_t k = 0; k < n; k++)
			pdx_free(t->cell[k]);
		pdx_free(t->cell);
		memset(t, 0, sizeof *t);
		return failed == 1 ? PDX_ENOMEM : PDX_EARG;
	}
	return t->n_rows ? 0 : PDX_EARG;
}

pdx_tpl_row_kind pdx_tpl_kind_of(const pdx_rubric *r, size_t i)
{
	size_t nk = pdx_rubric_criterion_count(r);
	if (i < nk) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		return (pdx_tpl_row_kind){c->id, c->type, c->options, c->n_options, true, c->max};
	}
	const pdx_question *q = pdx_rubric_question(r, i - nk);
	return (pdx_tpl_row_kind){q->id, q->type, q->options, q->n_options, false, 0};
}

const char *pdx_tpl_opt_text(const pdx_template_options *o, pdx_field f)
{
	if (!o)
		return NULL;
	switch (f) {
	case PDX_FIELD_AGENCY:
		return o->agency_id;
	case PDX_FIELD_NAME:
		return o->agency_name;
	case PDX_FIELD_PROVINCE:
		return o->province;
	case PDX_FIELD_OWNER:
		return o->owner;
	case PDX_FIELD_BLOCK:
		return o->block;
	case PDX_FIELD_MEDIA:
		return o->media;
	default:
		return NULL;
	}
}

int pdx_tpl_table_read(pdx_tpl_table *t, const pdx_rubric *r, const pdx_template_options *opts)
{
	char *csv = NULL;
	size_t len = 0;
	int rc = pdx_template_csv(&csv, &len, r, opts);
	if (!rc)
		rc = pdx_tpl_table_parse(t, csv, len);
	pdx_free(csv);
	return rc;
}
