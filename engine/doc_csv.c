/* SPDX-License-Identifier: MIT */
/* The report model as CSV for Excel: a UTF-8 BOM, one header (the machine names of the
 * first table's columns), every table's rows under it, CRLF, cells that would run as a
 * formula neutralised (pdx_csv_put). A level is two cells, its number and its name.
 * Every row ends with the rubric's id and status, so that no part of the table copied
 * elsewhere loses the word "provisional". Headings, figures and notes are for people
 * (text, HTML) and machines reading JSON: not here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

typedef struct csv_doc {
	const pdx_column *cols;
	size_t n_cols;
	bool header_done;
	const char *rubric_id, *status;
} csv_doc;

static void c_begin(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
                    const char *title_vi, const char *title_en)
{
	csv_doc *c = self;
	(void)kind;
	(void)title_vi;
	(void)title_en;
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	c->rubric_id = m->id;
	c->status = m->provisional ? "provisional" : m->published ? "published" : "official";
	pdx_buf_puts(b, "\xef\xbb\xbf");
}

static void c_table(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n)
{
	csv_doc *c = self;
	(void)name;
	c->cols = cols;
	c->n_cols = n;
	if (c->header_done)
		return;
	c->header_done = true;
	for (size_t i = 0; i < n; i++) {
		if (!pdx_column_shown(&cols[i], false))
			continue;
		pdx_csv_put(b, cols[i].key, 0);
		if (cols[i].type == PDX_CELL_LEVEL) {
			char name_key[128];
			snprintf(name_key, sizeof name_key, "%s_name", cols[i].key);
			pdx_csv_put(b, name_key, 0);
		}
	}
	pdx_csv_put(b, "rubric", 0);
	pdx_csv_put(b, "rubric_status", 1);
}

static void c_row(void *self, pdx_buf *b, const pdx_cell *cells)
{
	csv_doc *c = self;
	for (size_t i = 0; i < c->n_cols; i++) {
		if (!pdx_column_shown(&c->cols[i], false))
			continue;
		char num[64];
		const pdx_cell *x = &cells[i];
		if (x->type == PDX_CELL_LEVEL) {
			snprintf(num, sizeof num, "%lld", x->n);
			pdx_csv_put(b, num, 0);
			pdx_csv_put(b, x->text, 0);
		} else if (x->type == PDX_CELL_PERCENT) {
			/* a number Excel can compute with; the header says it is a percent */
			pdx_csv_put(b, pdx_points_format((pdx_points)x->n, num, sizeof num), 0);
		} else {
			pdx_csv_put(b, pdx_cell_format(x, num, sizeof num), 0);
		}
	}
	pdx_csv_put(b, c->rubric_id, 0);
	pdx_csv_put(b, c->status, 1);
}

static void c_free(void *self)
{
	pdx_free(self);
}

static const pdx_doc_sink csv_sink = {
    .begin = c_begin,
    .table = c_table,
    .row = c_row,
    .free = c_free,
};

void *pdx_doc_csv_new(const pdx_doc_sink **sink)
{
	*sink = &csv_sink;
	return pdx_calloc(1, sizeof(csv_doc));
}
