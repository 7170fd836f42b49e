/* SPDX-License-Identifier: MIT */
/* The report model as text for a terminal or a printer: a table is held until it ends
 * (its columns are as wide as their widest cell), every user text is escaped
 * (pdx_buf_put_safe) and padded by its printed width. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

typedef struct text_doc {
	const pdx_column *cols;
	size_t n_cols;
	pdx_buf cells; /* the table's cells as printed, NUL-separated, row by row */
	size_t n_rows;
	size_t *widths; /* per column */
	pdx_lang lang;
} text_doc;

static bool numeric(pdx_cell_type t)
{
	return t == PDX_CELL_POINTS || t == PDX_CELL_PERCENT || t == PDX_CELL_COUNT ||
	       t == PDX_CELL_YEAR;
}

static void t_begin(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
                    const char *title_vi, const char *title_en)
{
	text_doc *t = self;
	(void)kind;
	pdx_text_header(b, r, t->lang);
	pdx_buf_printf(b, "\n%s\n", title_vi);
	if (title_en)
		pdx_buf_printf(b, "(%s)\n", title_en);
}

static void t_section(void *self, pdx_buf *b, const char *heading, const pdx_doc_key *keys,
                      size_t n_keys)
{
	(void)self;
	(void)keys;
	(void)n_keys;
	pdx_buf_putc(b, '\n');
	pdx_buf_put_safe(b, heading);
	pdx_buf_putc(b, '\n');
}

static void t_section_end(void *self, pdx_buf *b)
{
	(void)self;
	(void)b;
}

static void t_table(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n)
{
	text_doc *t = self;
	(void)name;
	t->cols = cols;
	t->n_cols = n;
	t->n_rows = 0;
	t->cells.len = 0;
	pdx_free(t->widths);
	t->widths = pdx_calloc(n ? n : 1, sizeof(*t->widths));
	if (!t->widths) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		t->widths[i] = pdx_column_shown(&cols[i], true) ? pdx_utf8_width(cols[i].label) : 0;
}

static void t_row(void *self, pdx_buf *b, const pdx_cell *cells)
{
	text_doc *t = self;
	if (!t->widths)
		return;
	for (size_t i = 0; i < t->n_cols; i++) {
		if (!pdx_column_shown(&t->cols[i], true))
			continue;
		char num[64];
		const char *s = pdx_cell_format(&cells[i], num, sizeof num);
		size_t w = pdx_safe_width(s);
		if (w > t->widths[i])
			t->widths[i] = w;
		pdx_buf_append(&t->cells, s, strlen(s) + 1);
	}
	t->n_rows++;
	if (t->cells.failed)
		b->failed = 1;
}

/* One line of the table: two spaces, the cells two spaces apart, numbers to the right,
 * the last cell not padded when it is text. */
static void line(text_doc *t, pdx_buf *b, const char *const *texts, bool header)
{
	size_t last = 0;
	for (size_t i = 0; i < t->n_cols; i++)
		if (pdx_column_shown(&t->cols[i], true))
			last = i;
	pdx_buf_puts(b, "  ");
	for (size_t i = 0, k = 0; i < t->n_cols; i++) {
		if (!pdx_column_shown(&t->cols[i], true))
			continue;
		const char *s = texts[k++];
		if (i > 0 && k > 1)
			pdx_buf_puts(b, "  ");
		size_t w = header ? pdx_utf8_width(s) : pdx_safe_width(s);
		bool right = numeric(t->cols[i].type);
		if (right)
			for (; w < t->widths[i]; w++)
				pdx_buf_putc(b, ' ');
		if (header)
			pdx_buf_puts(b, s);
		else
			pdx_buf_put_safe(b, s);
		if (!right && i != last)
			for (; w < t->widths[i]; w++)
				pdx_buf_putc(b, ' ');
	}
	pdx_buf_putc(b, '\n');
}

static void t_table_end(void *self, pdx_buf *b)
{
	text_doc *t = self;
	if (!t->widths)
		return;
	const char **texts = pdx_calloc(t->n_cols + 1, sizeof(*texts));
	if (!texts) {
		b->failed = 1;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < t->n_cols; i++)
		if (pdx_column_shown(&t->cols[i], true))
			texts[k++] = t->cols[i].label;
	line(t, b, texts, true);
	const char *p = t->cells.data;
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t j = 0; j < k; j++) {
			texts[j] = p;
			p += strlen(p) + 1;
		}
		line(t, b, texts, false);
	}
	pdx_free(texts);
	t->cells.len = 0;
	t->n_rows = 0;
}

static void t_figure(void *self, pdx_buf *b, bool in_section, const char *key, const char *label,
                     pdx_cell value)
{
	(void)self;
	(void)key;
	if (!in_section)
		return; /* a document's figures are for machines; its notes say them */
	char num[64];
	pdx_buf_puts(b, "  ");
	pdx_buf_put_safe(b, label);
	pdx_buf_puts(b, ": ");
	pdx_buf_put_safe(b, pdx_cell_format(&value, num, sizeof num));
	pdx_buf_putc(b, '\n');
}

static void t_bars(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n)
{
	const text_doc *t = self;
	pdx_buf_printf(b, "  %s\n", title);
	for (size_t i = 0; i < n; i++) {
		char v[32], m[32];
		pdx_buf_puts(b, "    ");
		pdx_buf_put_safe(b, bars[i].label);
		pdx_buf_printf(b, ": %s / %s",
		               pdx_points_format((pdx_points)bars[i].value, v, sizeof v),
		               pdx_points_format((pdx_points)bars[i].max, m, sizeof m));
		if (bars[i].target >= 0)
			pdx_buf_printf(b, " (%s %s)", pdx_label(t->lang, N_("target"), NULL),
			               pdx_points_format((pdx_points)bars[i].target, v, sizeof v));
		pdx_buf_putc(b, '\n');
	}
}

/* "Mức (levels): Yếu 0 · Trung bình 50 · … — 84.32 / 100" */
static void t_band(void *self, pdx_buf *b, const char *title, const pdx_level *levels, size_t n,
                   long long value, long long max)
{
	const text_doc *t = self;
	char v[32], m[32];
	pdx_buf_puts(b, "  ");
	pdx_buf_put_safe(b, title);
	pdx_buf_puts(b, ": ");
	for (size_t i = 0; i < n; i++) {
		pdx_buf_puts(b, i ? " · " : "");
		pdx_buf_put_safe(b, pdx_name_lang(t->lang, levels[i].name, levels[i].name_en));
		pdx_buf_printf(b, " %s", pdx_level_bound(&levels[i], false, v, sizeof v));
	}
	pdx_buf_printf(b, " — %s / %s\n", pdx_points_format((pdx_points)value, v, sizeof v),
	               pdx_points_format((pdx_points)max, m, sizeof m));
}

/* "  title\n    label: Yếu 2 · Khá 1" */
static void t_stacked(void *self, pdx_buf *b, const char *title, const char *const *categories,
                      size_t n_cat, const pdx_stack_row *rows, size_t n_rows)
{
	(void)self;
	pdx_buf_puts(b, "  ");
	pdx_buf_put_safe(b, title);
	pdx_buf_putc(b, '\n');
	for (size_t i = 0; i < n_rows; i++) {
		pdx_buf_puts(b, "    ");
		pdx_buf_put_safe(b, rows[i].label);
		pdx_buf_puts(b, ":");
		for (size_t c = 0; c < n_cat; c++) {
			pdx_buf_puts(b, c ? " · " : " ");
			pdx_buf_put_safe(b, categories[c]);
			pdx_buf_printf(b, " %lld", rows[i].counts[c]);
		}
		pdx_buf_putc(b, '\n');
	}
}

static void t_note(void *self, pdx_buf *b, bool in_section, pdx_note_kind kind, const char *vi,
                   const char *en)
{
	(void)self;
	(void)kind;
	if (in_section)
		pdx_buf_puts(b, "  ");
	else
		pdx_buf_putc(b, '\n');
	pdx_buf_put_safe(b, vi);
	if (en) {
		pdx_buf_puts(b, " (");
		pdx_buf_put_safe(b, en);
		pdx_buf_putc(b, ')');
	}
	/* a document's note is a sentence: its full stop, unless it ends with one already
	 * (a rubric's notice) */
	const char *last = en ? en : vi;
	size_t n = strlen(last);
	pdx_buf_puts(b, in_section || (n && last[n - 1] == '.') ? "\n" : ".\n");
}

static void t_end(void *self, pdx_buf *b)
{
	(void)self;
	(void)b;
}

static void t_free(void *self)
{
	text_doc *t = self;
	if (!t)
		return;
	pdx_buf_free(&t->cells);
	pdx_free(t->widths);
	pdx_free(t);
}

static const pdx_doc_sink text_sink = {
    .begin = t_begin,
    .section = t_section,
    .section_end = t_section_end,
    .table = t_table,
    .row = t_row,
    .table_end = t_table_end,
    .figure = t_figure,
    .bars = t_bars,
    .band = t_band,
    .stacked = t_stacked,
    .note = t_note,
    .end = t_end,
    .free = t_free,
};

void *pdx_doc_text_new(const pdx_doc_sink **sink, pdx_lang lang)
{
	*sink = &text_sink;
	text_doc *t = pdx_calloc(1, sizeof(text_doc));
	if (t)
		t->lang = lang;
	return t;
}
