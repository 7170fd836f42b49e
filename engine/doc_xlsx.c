/* SPDX-License-Identifier: MIT */
/* The report model as an Excel workbook (libxlsxwriter, constant-memory mode: rows go
 * to disk as they come, so a report of 50,000 agencies takes no more memory than one).
 *
 * Sheets, each with the rubric and its provisional notice above a frozen header with an
 * autofilter:
 *   "Thông tin"   the title, the rubric, the document's notes and facts;
 *   "Kết quả"     a row per section: its keys, figures (total, level…) and bars (points
 *                 per pillar) — the per-agency results of a score report;
 *   one sheet per table (criteria, agencies, groups…), every section's rows under one
 *                 header, the section's keys first so a filter or a pivot finds them;
 *   "Phân bố mức" the stacked counts (agencies per level) and their chart;
 *   "Ghi chú"     the notes of the sections (errors and warnings of an agency).
 * A sheet is known by its name, keys and columns: a section with other keys or columns
 * (another edition's pillars) gets a sheet of its own, never a misplaced column. A sheet
 * that reaches Excel's 1,048,576 rows goes on in a new one with the same header.
 *
 * Cells are typed: points are numbers shown 0.00, percents numbers shown 0.00 %, a
 * level its name on its colour. Texts are strings, never formulas. Radar and band
 * charts are drawn by HTML only: their numbers are in the other sheets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "xlsx.h"

#define HEADER_ROW        2 /* rows 0 and 1: the rubric and its notice */
#define MAX_LEVEL_FORMATS 16
#define MAX_SHEETS        1000

enum { KIND_TABLE, KIND_RESULTS, KIND_STACKED, KIND_NOTES };

/* One column of a sheet: its header and how its cells are shown. */
typedef struct xcol {
	char *header;
	pdx_cell_type type;
	double width;
} xcol;

typedef struct sheet {
	int kind;
	char *signature; /* kind, name, key and column names: which rows belong here */
	char *name;      /* the sheet's name in the workbook */
	char *base;      /* the name its continuations are made from */
	lxw_worksheet *ws;
	xcol *cols;
	size_t n_cols;
	lxw_row_t row;                /* the next row to write */
	size_t n_keys;                /* leading columns from the section's keys */
	char *chart_title;            /* KIND_STACKED */
	lxw_row_t first_data, n_cats; /* KIND_STACKED: the chart's range */
} sheet;

/* A figure or bar of the open section, kept until the section ends (one row). */
typedef struct held {
	char *key, *label;
	pdx_cell cell; /* text copied */
} held;

typedef struct xlsx_doc {
	pdx_xlsx x;
	const pdx_rubric *r;
	char *rubric_line;
	const char *notice;
	lxw_format *f_title, *f_head, *f_notice, *f_points, *f_percent, *f_count, *f_wrap, *f_error,
	    *f_warning;
	lxw_format *f_level[MAX_LEVEL_FORMATS];
	lxw_worksheet *info;
	lxw_row_t info_row;
	/* "Kết quả", made at the first figure so that it comes right after "Thông tin"
	 * (a workbook's sheets stay in the order they were made); its header is written
	 * with its first row, when the section's figures are all known */
	lxw_worksheet *results;
	char *results_name;
	bool results_made; /* it was made (and perhaps taken) */
	sheet *sheets;
	size_t n_sheets;
	char **names; /* every sheet name given, for uniqueness */
	size_t n_names;
	/* the open section */
	pdx_doc_key *keys;
	size_t n_keys;
	char *heading;
	held *held;
	size_t n_held;
	/* the open table */
	sheet *table;
	const pdx_column *cols;
	size_t n_tcols;
	pdx_lang lang; /* of the rubric's line and notice */
} xlsx_doc;

static void oom(xlsx_doc *X)
{
	if (!X->x.err)
		X->x.err = PDX_ENOMEM;
}

static char *dup_or_oom(xlsx_doc *X, const char *s)
{
	char *d = pdx_strdup(s ? s : "");
	if (!d)
		oom(X);
	return d;
}

/* A cell whose text outlives the caller's (figures are written at the section's end). */
static pdx_cell cell_copy(xlsx_doc *X, pdx_cell c)
{
	if (c.text)
		c.text = dup_or_oom(X, c.text);
	return c;
}

static lxw_format *new_format(xlsx_doc *X)
{
	lxw_format *f = workbook_add_format(X->x.wb);
	if (!f)
		oom(X);
	return f;
}

static lxw_format *level_format(xlsx_doc *X, long long level)
{
	size_t i = level < 0                    ? 0
	           : level >= MAX_LEVEL_FORMATS ? MAX_LEVEL_FORMATS - 1
	                                        : (size_t)level;
	if (!X->f_level[i] && !X->x.err) {
		X->f_level[i] = new_format(X);
		if (X->f_level[i]) {
			format_set_bg_color(X->f_level[i], pdx_xlsx_level_color(level));
			format_set_bold(X->f_level[i]);
		}
	}
	return X->f_level[i];
}

static void write_cell(xlsx_doc *X, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                       const pdx_cell *c, bool wrap)
{
	switch (c->type) {
	case PDX_CELL_POINTS:
		pdx_xlsx_hundredths(&X->x, ws, row, col, c->n, X->f_points);
		break;
	case PDX_CELL_PERCENT:
		/* hundredths of a percent: 8000 is 80.00 %, the number 0.8 shown as a percent */
		if (!X->x.err)
			pdx_xlsx_check(&X->x,
			               worksheet_write_number(ws, row, col, (double)c->n / 10000.0,
			                                      X->f_percent));
		break;
	case PDX_CELL_COUNT:
		if (!X->x.err)
			pdx_xlsx_check(
			    &X->x, worksheet_write_number(ws, row, col, (double)c->n, X->f_count));
		break;
	case PDX_CELL_YEAR:
		if (c->n && !X->x.err)
			pdx_xlsx_check(
			    &X->x, worksheet_write_number(ws, row, col, (double)c->n, X->f_count));
		break;
	case PDX_CELL_LEVEL:
		pdx_xlsx_text(&X->x, ws, row, col, c->text, c->text ? level_format(X, c->n) : NULL);
		break;
	case PDX_CELL_TEXT:
	default:
		pdx_xlsx_text(&X->x, ws, row, col, c->text, wrap ? X->f_wrap : NULL);
		break;
	}
}

static double width_of(pdx_cell_type t, const char *header)
{
	if (t != PDX_CELL_TEXT)
		return 12;
	/* names and questions are read whole: wide and wrapped */
	size_t n = strlen(header);
	return n > 24 ? 40 : 28;
}

static void add_name(xlsx_doc *X, const char *want, char *out, size_t size)
{
	pdx_xlsx_sheet_name(out, size, want, X->names, X->n_names);
	char **p = pdx_reallocarray(X->names, X->n_names + 1, sizeof(*p));
	if (!p) {
		oom(X);
		return;
	}
	X->names = p;
	if ((p[X->n_names] = dup_or_oom(X, out)))
		X->n_names++;
}

/* Rows 0 and 1 of a sheet: the rubric, then its provisional notice. */
static void sheet_head(xlsx_doc *X, lxw_worksheet *ws)
{
	pdx_xlsx_text(&X->x, ws, 0, 0, X->rubric_line, X->f_title);
	if (X->notice)
		pdx_xlsx_text(&X->x, ws, 1, 0, X->notice, X->f_notice);
}

/* A new worksheet named from `base`, its head written; NULL after an error. */
static lxw_worksheet *new_worksheet(xlsx_doc *X, const char *base, char **name_out)
{
	char name[128];
	if (X->n_names >= MAX_SHEETS) {
		/* more sheets than a person opens: the report is for a database, not Excel */
		if (!X->x.err)
			X->x.err = PDX_EARG;
		return NULL;
	}
	add_name(X, base, name, sizeof name);
	if (X->x.err)
		return NULL;
	pdx_free(*name_out);
	*name_out = dup_or_oom(X, name);
	lxw_worksheet *ws = *name_out ? workbook_add_worksheet(X->x.wb, *name_out) : NULL;
	if (!ws) {
		oom(X);
		return NULL;
	}
	sheet_head(X, ws);
	return ws;
}

/* A worksheet for `s` (new, or the next part of a full one), head and header written. */
static void open_worksheet(xlsx_doc *X, sheet *s)
{
	if (s->kind == KIND_RESULTS && X->results) {
		/* the sheet made at the first figure */
		pdx_free(s->name);
		s->name = X->results_name;
		s->ws = X->results;
		X->results_name = NULL;
		X->results = NULL;
	} else {
		s->ws = new_worksheet(X, s->base, &s->name);
	}
	if (!s->ws)
		return;
	for (size_t i = 0; i < s->n_cols; i++) {
		pdx_xlsx_text(&X->x, s->ws, HEADER_ROW, (lxw_col_t)i, s->cols[i].header, X->f_head);
		pdx_xlsx_check(&X->x, worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i,
		                                           s->cols[i].width, NULL));
	}
	worksheet_freeze_panes(s->ws, HEADER_ROW + 1, 0);
	s->row = HEADER_ROW + 1;
	s->first_data = s->row;
}

/* The row to write next in `s`, going on in a new part when the sheet is full. */
static lxw_row_t next_row(xlsx_doc *X, sheet *s)
{
	if (s->row >= LXW_ROW_MAX && s->kind != KIND_STACKED)
		open_worksheet(X, s);
	return s->row++;
}

static sheet *find_sheet(xlsx_doc *X, const char *signature)
{
	for (size_t i = 0; i < X->n_sheets; i++)
		if (strcmp(X->sheets[i].signature, signature) == 0)
			return &X->sheets[i];
	return NULL;
}

/* The section's keys as the leading columns of a sheet's signature and header. */
static void key_signature(xlsx_doc *X, pdx_buf *sig)
{
	for (size_t i = 0; i < X->n_keys; i++) {
		pdx_buf_puts(sig, X->keys[i].key);
		pdx_buf_putc(sig, '\x1f');
	}
	pdx_buf_putc(sig, '\x1e');
}

/* The sheet of this signature, made with `cols` (taken) when it is new; NULL after an
 * error (and `cols` freed). */
static sheet *get_sheet(xlsx_doc *X, int kind, const char *base, pdx_buf *sig, xcol *cols,
                        size_t n_cols)
{
	sheet *s = NULL;
	if (!sig->failed) {
		pdx_buf_putc(sig, '\0');
		s = find_sheet(X, sig->data);
	}
	sheet *p = NULL;
	if (!s && !sig->failed && !X->x.err &&
	    !(p = pdx_reallocarray(X->sheets, X->n_sheets + 1, sizeof(*p))))
		oom(X);
	if (!p) {
		/* a sheet there is already, or an error: `cols` is not needed */
		if (sig->failed)
			oom(X);
		for (size_t i = 0; i < n_cols; i++)
			pdx_free(cols[i].header);
		pdx_free(cols);
		pdx_buf_free(sig);
		return X->x.err ? NULL : s;
	}
	X->sheets = p;
	s = &p[X->n_sheets++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->signature = sig->data; /* taken */
	*sig = (pdx_buf){0};
	s->cols = cols;
	s->n_cols = n_cols;
	s->n_keys = X->n_keys;
	s->base = dup_or_oom(X, base);
	if (s->base)
		open_worksheet(X, s);
	return X->x.err ? NULL : s;
}

/* A key's header: the Vietnamese name people read, then the key scripts use. */
static char *key_header(xlsx_doc *X, const char *key)
{
	/* the name people read (a msgid), then the key scripts use, in every language */
	static const char *const names[][2] = {
	    {"agency_id", N_("Agency code")}, {"year", N_("Year")},
	    {"rubric", N_("Rubric")},         {"block", N_("Block")},
	    {"province", N_("Province")},     {"owner", N_("Governing body")},
	    {"media", N_("Media type")},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i][0], key) == 0) {
			char *h =
			    pdx_aprintf("%s (%s)", pdx_label(X->lang, names[i][1], NULL), key);
			if (!h)
				oom(X);
			return h;
		}
	return dup_or_oom(X, key);
}

/* Header cells for the section's keys, then `extra` more to be filled by the caller. */
static xcol *key_columns(xlsx_doc *X, size_t extra)
{
	xcol *c = pdx_calloc(X->n_keys + extra + 1, sizeof(*c));
	if (!c) {
		oom(X);
		return NULL;
	}
	for (size_t i = 0; i < X->n_keys; i++) {
		c[i].header = key_header(X, X->keys[i].key);
		c[i].type = X->keys[i].value.type;
		c[i].width = 14;
	}
	return c;
}

static void write_keys(xlsx_doc *X, sheet *s, lxw_row_t row)
{
	for (size_t i = 0; i < s->n_keys && i < X->n_keys; i++)
		write_cell(X, s->ws, row, (lxw_col_t)i, &X->keys[i].value, false);
}

/* A table's sheet name: the table's name for people, in the workbook's language. */
static const char *table_title(const xlsx_doc *X, const char *name)
{
	static const char *const titles[][2] = {
	    {"criteria", N_("Criteria")},         {"roadmap", N_("Roadmap")},
	    {"agencies", N_("Press agencies")},   {"groups", N_("Groups")},
	    {"improvements", N_("Improvements")}, {"changes", N_("Changes")},
	    {"indicators", N_("Indicators")},
	};
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		if (strcmp(titles[i][0], name) == 0)
			return pdx_label(X->lang, titles[i][1], NULL);
	return name;
}

static void x_begin(void *self, pdx_buf *b, const pdx_rubric *r, const char *kind,
                    const char *title_vi, const char *title_en)
{
	xlsx_doc *X = self;
	(void)b;
	(void)kind;
	X->r = r;
	if (pdx_xlsx_open(&X->x, true))
		return;
	X->rubric_line = pdx_rubric_line(r, X->lang);
	if (!X->rubric_line)
		oom(X);
	X->notice = pdx_rubric_notice_lang(r, X->lang);
	if ((X->f_title = new_format(X)))
		format_set_bold(X->f_title);
	if ((X->f_head = new_format(X))) {
		format_set_bold(X->f_head);
		format_set_bg_color(X->f_head, 0xF6F8FA);
		format_set_bottom(X->f_head, LXW_BORDER_THIN);
		format_set_text_wrap(X->f_head);
		format_set_align(X->f_head, LXW_ALIGN_VERTICAL_TOP);
	}
	if ((X->f_notice = new_format(X))) {
		format_set_italic(X->f_notice);
		format_set_font_color(X->f_notice, 0x9A6700);
	}
	if ((X->f_points = new_format(X)))
		format_set_num_format(X->f_points, "0.00");
	if ((X->f_percent = new_format(X)))
		format_set_num_format(X->f_percent, "0.00%");
	if ((X->f_count = new_format(X)))
		format_set_num_format(X->f_count, "0");
	if ((X->f_wrap = new_format(X))) {
		format_set_text_wrap(X->f_wrap);
		format_set_align(X->f_wrap, LXW_ALIGN_VERTICAL_TOP);
	}
	if ((X->f_error = new_format(X)))
		format_set_font_color(X->f_error, 0xCF222E);
	if ((X->f_warning = new_format(X)))
		format_set_font_color(X->f_warning, 0x9A6700);
	if (X->x.err)
		return;
	char name[128];
	add_name(X, pdx_label(X->lang, N_("Information"), NULL), name, sizeof name);
	X->info = X->x.err ? NULL : workbook_add_worksheet(X->x.wb, name);
	if (!X->info) {
		oom(X);
		return;
	}
	pdx_xlsx_check(&X->x, worksheet_set_column(X->info, 0, 0, 36, NULL));
	pdx_xlsx_check(&X->x, worksheet_set_column(X->info, 1, 2, 60, NULL));
	sheet_head(X, X->info);
	pdx_xlsx_text(&X->x, X->info, 3, 0, title_vi, X->f_title);
	pdx_xlsx_text(&X->x, X->info, 4, 0, title_en, NULL);
	X->info_row = 6;
}

static void drop_section(xlsx_doc *X)
{
	for (size_t i = 0; i < X->n_keys; i++)
		pdx_free((char *)X->keys[i].value.text);
	pdx_free(X->keys);
	X->keys = NULL;
	X->n_keys = 0;
	for (size_t i = 0; i < X->n_held; i++) {
		pdx_free(X->held[i].key);
		pdx_free(X->held[i].label);
		pdx_free((char *)X->held[i].cell.text);
	}
	pdx_free(X->held);
	X->held = NULL;
	X->n_held = 0;
	pdx_free(X->heading);
	X->heading = NULL;
	X->table = NULL;
}

static void x_section(void *self, pdx_buf *b, const char *heading, const pdx_doc_key *keys,
                      size_t n_keys)
{
	xlsx_doc *X = self;
	(void)b;
	drop_section(X);
	if (X->x.err)
		return;
	X->heading = dup_or_oom(X, heading);
	X->keys = pdx_calloc(n_keys + 1, sizeof(*X->keys));
	if (!X->keys) {
		oom(X);
		return;
	}
	for (size_t i = 0; i < n_keys; i++) {
		X->keys[i].key = keys[i].key; /* the analyses' constants */
		X->keys[i].value = cell_copy(X, keys[i].value);
		X->n_keys++;
	}
}

static void hold(xlsx_doc *X, const char *key, const char *label, pdx_cell value)
{
	if (X->x.err)
		return;
	held *p = pdx_reallocarray(X->held, X->n_held + 1, sizeof(*p));
	if (!p) {
		oom(X);
		return;
	}
	X->held = p;
	held *h = &p[X->n_held++];
	h->key = dup_or_oom(X, key);
	h->label = dup_or_oom(X, label);
	h->cell = cell_copy(X, value);
}

/* The section's figures and bars as one row of "Kết quả". */
static void results_row(xlsx_doc *X)
{
	if (!X->n_held || X->x.err)
		return;
	pdx_buf sig = {0};
	pdx_buf_puts(&sig, "results\x1e");
	key_signature(X, &sig);
	for (size_t i = 0; i < X->n_held; i++) {
		pdx_buf_puts(&sig, X->held[i].key);
		pdx_buf_putc(&sig, '\x1f');
	}
	xcol *c = key_columns(X, X->n_held);
	for (size_t i = 0; c && i < X->n_held; i++) {
		xcol *k = &c[X->n_keys + i];
		k->header = dup_or_oom(X, X->held[i].label);
		k->type = X->held[i].cell.type;
		k->width = k->type == PDX_CELL_TEXT ? 24 : 14;
	}
	sheet *s = c ? get_sheet(X, KIND_RESULTS, pdx_label(X->lang, N_("Results"), NULL), &sig, c,
	                         X->n_keys + X->n_held)
	             : NULL;
	pdx_buf_free(&sig);
	if (!s)
		return;
	lxw_row_t row = next_row(X, s);
	write_keys(X, s, row);
	for (size_t i = 0; i < X->n_held && X->n_keys + i < s->n_cols; i++)
		write_cell(X, s->ws, row, (lxw_col_t)(X->n_keys + i), &X->held[i].cell, false);
}

static void x_section_end(void *self, pdx_buf *b)
{
	xlsx_doc *X = self;
	(void)b;
	results_row(X);
	drop_section(X);
}

static void x_table(void *self, pdx_buf *b, const char *name, const pdx_column *cols, size_t n)
{
	xlsx_doc *X = self;
	(void)b;
	X->table = NULL;
	X->cols = cols;
	X->n_tcols = n;
	if (X->x.err)
		return;
	pdx_buf sig = {0};
	pdx_buf_printf(&sig, "table\x1e%s\x1e", name);
	key_signature(X, &sig);
	for (size_t i = 0; i < n; i++) {
		pdx_buf_puts(&sig, cols[i].key);
		pdx_buf_putc(&sig, '\x1f');
	}
	xcol *c = key_columns(X, n);
	for (size_t i = 0; c && i < n; i++) {
		xcol *k = &c[X->n_keys + i];
		/* both names: the Vietnamese one people read, the stable key scripts use */
		k->header = pdx_aprintf("%s (%s)", cols[i].label, cols[i].key);
		if (!k->header)
			oom(X);
		k->type = cols[i].type;
		k->width = width_of(cols[i].type, cols[i].key);
		if (cols[i].type == PDX_CELL_TEXT &&
		    (strcmp(cols[i].key, "criterion") == 0 ||
		     strcmp(cols[i].key, "agency_name") == 0 || strcmp(cols[i].key, "next") == 0 ||
		     strcmp(cols[i].key, "note") == 0))
			k->width = 48;
	}
	X->table =
	    c ? get_sheet(X, KIND_TABLE, table_title(X, name), &sig, c, X->n_keys + n) : NULL;
	pdx_buf_free(&sig);
}

static void x_row(void *self, pdx_buf *b, const pdx_cell *cells)
{
	xlsx_doc *X = self;
	(void)b;
	sheet *s = X->table;
	if (!s || X->x.err)
		return;
	lxw_row_t row = next_row(X, s);
	write_keys(X, s, row);
	for (size_t i = 0; i < X->n_tcols && s->n_keys + i < s->n_cols; i++)
		write_cell(X, s->ws, row, (lxw_col_t)(s->n_keys + i), &cells[i],
		           s->cols[s->n_keys + i].width >= 40);
}

static void x_table_end(void *self, pdx_buf *b)
{
	xlsx_doc *X = self;
	(void)b;
	X->table = NULL;
}

static void info_line(xlsx_doc *X, const char *label, const pdx_cell *value, const char *en,
                      lxw_format *f)
{
	if (X->x.err || !X->info)
		return;
	pdx_xlsx_text(&X->x, X->info, X->info_row, 0, label, f);
	if (value)
		write_cell(X, X->info, X->info_row, 1, value, true);
	if (en)
		pdx_xlsx_text(&X->x, X->info, X->info_row, 2, en, X->f_wrap);
	X->info_row++;
}

static void x_figure(void *self, pdx_buf *b, bool in_section, const char *key, const char *label,
                     pdx_cell value)
{
	xlsx_doc *X = self;
	(void)b;
	/* a figure repeating a key of the section (its edition) is in the key column */
	for (size_t i = 0; in_section && i < X->n_keys; i++)
		if (strcmp(X->keys[i].key, key) == 0)
			return;
	if (in_section && !X->results && !X->results_made)
		X->results =
		    new_worksheet(X, pdx_label(X->lang, N_("Results"), NULL), &X->results_name);
	if (in_section) {
		X->results_made = true;
		hold(X, key, label, value);
	} else
		info_line(X, label, &value, NULL, NULL);
}

static void x_bars(void *self, pdx_buf *b, const char *title, const pdx_bar *bars, size_t n)
{
	xlsx_doc *X = self;
	(void)b;
	(void)title;
	for (size_t i = 0; i < n; i++) {
		char key[64];
		snprintf(key, sizeof key, "bar%zu", i);
		hold(X, key, bars[i].label, (pdx_cell){PDX_CELL_POINTS, NULL, bars[i].value});
	}
}

static void x_stacked(void *self, pdx_buf *b, const char *title, const char *const *categories,
                      size_t n_cat, const pdx_stack_row *rows, size_t n_rows)
{
	xlsx_doc *X = self;
	(void)b;
	if (X->x.err)
		return;
	pdx_buf sig = {0};
	pdx_buf_puts(&sig, "stacked\x1e");
	key_signature(X, &sig);
	for (size_t i = 0; i < n_cat; i++) {
		pdx_buf_puts(&sig, categories[i]);
		pdx_buf_putc(&sig, '\x1f');
	}
	xcol *c = key_columns(X, n_cat + 1);
	if (c) {
		c[X->n_keys].header =
		    dup_or_oom(X, pdx_label(X->lang, N_("Group"), "Nhóm (group)"));
		c[X->n_keys].type = PDX_CELL_TEXT;
		c[X->n_keys].width = 40;
		for (size_t i = 0; i < n_cat; i++) {
			c[X->n_keys + 1 + i].header = dup_or_oom(X, categories[i]);
			c[X->n_keys + 1 + i].type = PDX_CELL_COUNT;
			c[X->n_keys + 1 + i].width = 12;
		}
	}
	sheet *s =
	    c ? get_sheet(X, KIND_STACKED, pdx_label(X->lang, N_("Level distribution"), NULL), &sig,
	                  c, X->n_keys + n_cat + 1)
	      : NULL;
	pdx_buf_free(&sig);
	if (!s)
		return;
	if (!s->chart_title) {
		s->chart_title = dup_or_oom(X, title);
		s->n_cats = (lxw_row_t)n_cat;
	}
	for (size_t r = 0; r < n_rows; r++) {
		if (s->row >= LXW_ROW_MAX)
			return; /* a chart of a million bars says nothing more */
		lxw_row_t row = next_row(X, s);
		write_keys(X, s, row);
		/* the group: the section's heading when the row is the section's own */
		const char *label =
		    n_rows == 1 && X->heading && *X->heading ? X->heading : rows[r].label;
		pdx_xlsx_text(&X->x, s->ws, row, (lxw_col_t)s->n_keys, label, NULL);
		for (size_t i = 0; i < n_cat; i++)
			write_cell(X, s->ws, row, (lxw_col_t)(s->n_keys + 1 + i),
			           &(pdx_cell){PDX_CELL_COUNT, NULL, rows[r].counts[i]}, false);
	}
}

static void x_note(void *self, pdx_buf *b, bool in_section, pdx_note_kind kind, const char *vi,
                   const char *en)
{
	xlsx_doc *X = self;
	(void)b;
	if (X->x.err)
		return;
	lxw_format *f = kind == PDX_NOTE_ERROR     ? X->f_error
	                : kind == PDX_NOTE_WARNING ? X->f_warning
	                                           : NULL;
	const char *what = kind == PDX_NOTE_ERROR ? pdx_label(X->lang, N_("error"), "lỗi (error)")
	                   : kind == PDX_NOTE_WARNING
	                       ? pdx_label(X->lang, N_("warning"), "cảnh báo (warning)")
	                       : pdx_label(X->lang, N_("note"), "ghi chú (note)");
	if (!in_section) {
		info_line(X, what, &(pdx_cell){PDX_CELL_TEXT, vi, 0}, en, f);
		return;
	}
	pdx_buf sig = {0};
	pdx_buf_puts(&sig, "notes\x1e");
	key_signature(X, &sig);
	/* the message in Vietnamese and in English, or in the workbook's one language */
	size_t nt = X->lang == PDX_LANG_BOTH ? 3 : 2;
	xcol *c = key_columns(X, nt);
	if (c) {
		const char *h[] = {pdx_label(X->lang, N_("Kind"), "Loại (kind)"),
		                   pdx_label(X->lang, N_("Message"), "Nội dung"), "Message"};
		for (size_t i = 0; i < nt; i++) {
			c[X->n_keys + i].header = dup_or_oom(X, h[i]);
			c[X->n_keys + i].type = PDX_CELL_TEXT;
			c[X->n_keys + i].width = i ? 70 : 18;
		}
	}
	sheet *s = c ? get_sheet(X, KIND_NOTES, pdx_label(X->lang, N_("Notes"), NULL), &sig, c,
	                         X->n_keys + nt)
	             : NULL;
	pdx_buf_free(&sig);
	if (!s)
		return;
	lxw_row_t row = next_row(X, s);
	write_keys(X, s, row);
	pdx_xlsx_text(&X->x, s->ws, row, (lxw_col_t)s->n_keys, what, f);
	pdx_xlsx_text(&X->x, s->ws, row, (lxw_col_t)s->n_keys + 1, vi, X->f_wrap);
	if (nt == 3)
		pdx_xlsx_text(&X->x, s->ws, row, (lxw_col_t)s->n_keys + 2, en, X->f_wrap);
}

/* The chart of a stacked sheet: one series per category (level), from the lowest, in
 * the level's colour, a bar per row. */
static void chart(xlsx_doc *X, sheet *s)
{
	if (!s->chart_title || s->row <= s->first_data || X->x.err)
		return;
	lxw_chart *ch = workbook_add_chart(X->x.wb, LXW_CHART_BAR_STACKED);
	if (!ch) {
		oom(X);
		return;
	}
	lxw_row_t last = s->row - 1;
	lxw_col_t label = (lxw_col_t)s->n_keys;
	for (lxw_row_t i = 0; i < s->n_cats; i++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			oom(X);
			return;
		}
		lxw_col_t col = (lxw_col_t)(label + 1 + i);
		chart_series_set_categories(se, s->name, s->first_data, label, last, label);
		chart_series_set_values(se, s->name, s->first_data, col, last, col);
		chart_series_set_name_range(se, s->name, HEADER_ROW, col);
		lxw_chart_fill fill = {.color = pdx_xlsx_level_color((long long)i + 1)};
		chart_series_set_fill(se, &fill);
	}
	chart_title_set_name(ch, s->chart_title);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	/* the rows from the top down, as in the table */
	chart_axis_set_reverse(ch->y_axis);
	lxw_chart_options o = {.x_scale = 1.6, .y_scale = 1.0 + (double)(last - s->first_data) / 8};
	if (o.y_scale > 8)
		o.y_scale = 8;
	pdx_xlsx_check(&X->x, worksheet_insert_chart_opt(s->ws, HEADER_ROW,
	                                                 (lxw_col_t)(s->n_cols + 1), ch, &o));
}

static void x_end(void *self, pdx_buf *b)
{
	xlsx_doc *X = self;
	drop_section(X);
	for (size_t i = 0; i < X->n_sheets && !X->x.err; i++) {
		sheet *s = &X->sheets[i];
		if (s->n_cols && s->row > HEADER_ROW + 1)
			pdx_xlsx_check(&X->x, worksheet_autofilter(s->ws, HEADER_ROW, 0, s->row - 1,
			                                           (lxw_col_t)(s->n_cols - 1)));
		if (s->kind == KIND_STACKED)
			chart(X, s);
	}
	if (X->info && !X->x.err)
		worksheet_activate(X->info);
	(void)b; /* the bytes go out in x_spill, straight from the file */
}

/* The finished workbook's bytes, from its temporary file to `write` in chunks: never
 * whole in memory (a report of 50,000 agencies is tens of megabytes). */
static int x_spill(void *self, pdx_write_fn write, void *ctx)
{
	xlsx_doc *X = self;
	return pdx_xlsx_close(&X->x, write, ctx);
}

static int x_status(void *self)
{
	xlsx_doc *X = self;
	return X->x.err;
}

static void x_free(void *self)
{
	xlsx_doc *X = self;
	if (!X)
		return;
	drop_section(X);
	if (X->x.wb || X->x.path)
		pdx_xlsx_discard(&X->x);
	for (size_t i = 0; i < X->n_sheets; i++) {
		sheet *s = &X->sheets[i];
		for (size_t k = 0; k < s->n_cols; k++)
			pdx_free(s->cols[k].header);
		pdx_free(s->cols);
		pdx_free(s->signature);
		pdx_free(s->name);
		pdx_free(s->base);
		pdx_free(s->chart_title);
	}
	pdx_free(X->sheets);
	for (size_t i = 0; i < X->n_names; i++)
		pdx_free(X->names[i]);
	pdx_free(X->names);
	pdx_free(X->rubric_line);
	pdx_free(X->results_name);
	pdx_free(X);
}

static const pdx_doc_sink xlsx_sink = {
    .begin = x_begin,
    .section = x_section,
    .section_end = x_section_end,
    .table = x_table,
    .row = x_row,
    .table_end = x_table_end,
    .figure = x_figure,
    .bars = x_bars,
    .stacked = x_stacked,
    .note = x_note,
    .end = x_end,
    .spill = x_spill,
    .status = x_status,
    .free = x_free,
};

void *pdx_doc_xlsx_new(const pdx_doc_sink **sink, pdx_lang lang)
{
	*sink = &xlsx_sink;
	xlsx_doc *X = pdx_calloc(1, sizeof(xlsx_doc));
	if (X)
		X->lang = lang;
	return X;
}
