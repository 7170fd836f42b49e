/* SPDX-License-Identifier: MIT */
/* The report model's calls: order checked, bytes gathered and handed on in chunks, the
 * format's writer chosen once (see doc.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define FLUSH_AT ((size_t)64 * 1024)

struct pdx_doc {
	const pdx_doc_sink *sink;
	void *self;
	pdx_write_fn write;
	void *ctx;
	pdx_buf b;
	bool begun, in_section, in_table, ended;
	int err;
	pdx_lang lang;
};

int pdx_doc_new(pdx_doc **out, pdx_format fmt, pdx_write_fn write, void *ctx)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!write || !pdx_format_valid(fmt))
		return PDX_EARG;
	pdx_doc *d = pdx_calloc(1, sizeof(*d));
	if (!d)
		return PDX_ENOMEM;
	pdx_lang lang = pdx_format_lang_of(fmt);
	fmt = pdx_format_plain(fmt);
	/* JSON is for machines: it carries both texts of every note, whatever the language */
	d->lang = fmt == PDX_FORMAT_JSON ? PDX_LANG_BOTH : lang;
	d->self = fmt == PDX_FORMAT_CSV    ? pdx_doc_csv_new(&d->sink)
	          : fmt == PDX_FORMAT_JSON ? pdx_doc_json_new(&d->sink)
	          : fmt == PDX_FORMAT_HTML ? pdx_doc_html_new(&d->sink, d->lang)
	          : fmt == PDX_FORMAT_XLSX ? pdx_doc_xlsx_new(&d->sink, d->lang)
	                                   : pdx_doc_text_new(&d->sink, d->lang);
	if (!d->self) {
		pdx_free(d);
		return PDX_ENOMEM;
	}
	d->write = write;
	d->ctx = ctx;
	*out = d;
	return 0;
}

pdx_lang pdx_doc_lang(const pdx_doc *d)
{
	return d ? d->lang : PDX_LANG_BOTH;
}

/* Of a text given in both languages, what a document in one language shows: that
 * language's alone (the Vietnamese where there is no English); both as they are. */
static void pick(const pdx_doc *d, const char **vi, const char **en)
{
	if (d->lang == PDX_LANG_EN && *en)
		*vi = *en;
	if (d->lang != PDX_LANG_BOTH)
		*en = NULL;
}

void pdx_doc_free(pdx_doc *d)
{
	if (!d)
		return;
	d->sink->free(d->self);
	pdx_buf_free(&d->b);
	pdx_free(d);
}

int pdx_doc_collect(char **out, size_t *len, pdx_format fmt, const pdx_rubric *r,
                    pdx_doc_build_fn build, const void *what)
{
	pdx_buf b = {0};
	pdx_doc *d = NULL;
	int rc = pdx_doc_new(&d, fmt, pdx_buf_collect, &b);
	if (!rc)
		rc = build(d, r, what);
	pdx_doc_free(d);
	if (rc) {
		pdx_buf_free(&b);
		return rc;
	}
	return pdx_buf_finish(&b, out, len);
}

/* Hands on what was gathered once there is enough (or at the end). */
static int pass_on(pdx_doc *d, bool all)
{
	if (d->err)
		return d->err;
	if (d->b.failed)
		return d->err = PDX_ENOMEM;
	if (d->sink->status && (d->err = d->sink->status(d->self)))
		return d->err;
	if (d->b.len && (all || d->b.len >= FLUSH_AT)) {
		int rc = d->write(d->ctx, d->b.data, d->b.len);
		d->b.len = 0;
		if (rc)
			return d->err = rc;
	}
	return 0;
}

/* A call out of order is a bug of the analysis, not of the user's data. */
static int usable(pdx_doc *d, bool want_begun)
{
	if (!d)
		return PDX_EARG;
	if (d->err)
		return d->err;
	if (d->ended || d->begun != want_begun)
		return d->err = PDX_EARG;
	return 0;
}

static void close_table(pdx_doc *d)
{
	if (d->in_table)
		if (d->sink->table_end)
			d->sink->table_end(d->self, &d->b);
	d->in_table = false;
}

static void close_section(pdx_doc *d)
{
	close_table(d);
	if (d->in_section)
		if (d->sink->section_end)
			d->sink->section_end(d->self, &d->b);
	d->in_section = false;
}

int pdx_doc_begin(pdx_doc *d, const pdx_rubric *r, const char *kind, const char *title_vi,
                  const char *title_en)
{
	int rc = usable(d, false);
	if (rc)
		return rc;
	if (!r || !kind || !title_vi)
		return d->err = PDX_EARG;
	d->begun = true;
	pick(d, &title_vi, &title_en);
	d->sink->begin(d->self, &d->b, r, kind, title_vi, title_en);
	return pass_on(d, false);
}

int pdx_doc_section(pdx_doc *d, const char *heading, const pdx_doc_key *keys, size_t n_keys)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	close_section(d);
	/* the section before is complete: it goes out now */
	if ((rc = pass_on(d, false)))
		return rc;
	d->in_section = true;
	if (d->sink->section)
		d->sink->section(d->self, &d->b, heading ? heading : "", keys, keys ? n_keys : 0);
	return pass_on(d, false);
}

int pdx_doc_section_end(pdx_doc *d)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	close_section(d);
	return pass_on(d, false);
}

int pdx_doc_table(pdx_doc *d, const char *name, const pdx_column *cols, size_t n_cols)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!name || !cols || !n_cols)
		return d->err = PDX_EARG;
	close_table(d);
	d->in_table = true;
	d->sink->table(d->self, &d->b, name, cols, n_cols);
	return pass_on(d, false);
}

int pdx_doc_row(pdx_doc *d, const pdx_cell *cells)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!d->in_table || !cells)
		return d->err = PDX_EARG;
	d->sink->row(d->self, &d->b, cells);
	return pass_on(d, false);
}

int pdx_doc_figure(pdx_doc *d, const char *key, const char *label, pdx_cell value)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!key || !label || !d->in_section)
		return d->err = PDX_EARG;
	close_table(d);
	if (d->sink->figure)
		d->sink->figure(d->self, &d->b, true, key, label, value);
	return pass_on(d, false);
}

int pdx_doc_fact(pdx_doc *d, const char *key, pdx_cell value)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!key)
		return d->err = PDX_EARG;
	close_section(d);
	if (d->sink->figure)
		d->sink->figure(d->self, &d->b, false, key, key, value);
	return pass_on(d, false);
}

int pdx_doc_bars(pdx_doc *d, const char *title, const pdx_bar *bars, size_t n)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!title || (!bars && n))
		return d->err = PDX_EARG;
	close_table(d);
	if (d->sink->bars)
		d->sink->bars(d->self, &d->b, title, bars, n);
	return pass_on(d, false);
}

int pdx_doc_note(pdx_doc *d, pdx_note_kind kind, const char *vi, const char *en)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!vi)
		return d->err = PDX_EARG;
	close_table(d);
	pick(d, &vi, &en);
	if (d->sink->note)
		d->sink->note(d->self, &d->b, d->in_section, kind, vi, en);
	return pass_on(d, false);
}

int pdx_doc_radar(pdx_doc *d, const char *title, const pdx_bar *bars, size_t n)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!title || (!bars && n))
		return d->err = PDX_EARG;
	close_table(d);
	if (d->sink->radar && n >= 3) /* fewer axes make no polygon */
		d->sink->radar(d->self, &d->b, title, bars, n);
	return pass_on(d, false);
}

int pdx_doc_stacked(pdx_doc *d, const char *title, const char *const *categories, size_t n_cat,
                    const pdx_stack_row *rows, size_t n_rows)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!title || !categories || !n_cat || (!rows && n_rows))
		return d->err = PDX_EARG;
	close_table(d);
	if (d->sink->stacked)
		d->sink->stacked(d->self, &d->b, title, categories, n_cat, rows, n_rows);
	return pass_on(d, false);
}

int pdx_doc_band(pdx_doc *d, const char *title, const pdx_level *levels, size_t n, long long value,
                 long long max)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	if (!title || !levels || !n || max <= 0)
		return d->err = PDX_EARG;
	close_table(d);
	if (d->sink->band)
		d->sink->band(d->self, &d->b, title, levels, n, value, max);
	return pass_on(d, false);
}

int pdx_doc_end(pdx_doc *d)
{
	int rc = usable(d, true);
	if (rc)
		return rc;
	close_section(d);
	if (d->sink->end)
		d->sink->end(d->self, &d->b);
	d->ended = true;
	rc = pass_on(d, true);
	if (!rc && d->sink->spill && (rc = d->sink->spill(d->self, d->write, d->ctx)))
		d->err = rc;
	return rc;
}

const char *pdx_cell_format(const pdx_cell *c, char *buf, size_t size)
{
	char t[40];
	switch (c->type) {
	case PDX_CELL_POINTS:
		return pdx_points_format((pdx_points)c->n, buf, size);
	case PDX_CELL_PERCENT:
		snprintf(buf, size, "%s %%", pdx_points_format((pdx_points)c->n, t, sizeof t));
		return buf;
	case PDX_CELL_COUNT:
		snprintf(buf, size, "%lld", c->n);
		return buf;
	case PDX_CELL_YEAR:
		if (c->n)
			snprintf(buf, size, "%lld", c->n);
		else if (size)
			buf[0] = '\0';
		return buf;
	case PDX_CELL_LEVEL:
	case PDX_CELL_TEXT:
	default:
		return c->text ? c->text : "";
	}
}

bool pdx_column_shown(const pdx_column *c, bool people)
{
	return c->only == PDX_COL_ALL || c->only == (people ? PDX_COL_PEOPLE : PDX_COL_MACHINE);
}

int pdx_doc_begin_tr(pdx_doc *d, const pdx_rubric *r, const char *kind, const char *en,
                     const char *gloss)
{
	pdx_lang lang = pdx_doc_lang(d);
	return pdx_doc_begin(d, r, kind, pdx_tr(en), lang == PDX_LANG_EN ? en : gloss);
}

int pdx_doc_note_tr(pdx_doc *d, pdx_note_kind kind, const char *en, const char *gloss)
{
	pdx_lang lang = pdx_doc_lang(d);
	return pdx_doc_note(d, kind, pdx_tr(en), lang == PDX_LANG_EN ? en : gloss);
}

const pdx_column *pdx_columns_in(pdx_column *out, const pdx_column *cols, size_t n, pdx_lang lang)
{
	for (size_t i = 0; i < n; i++) {
		out[i] = cols[i];
		out[i].label = pdx_label(lang, cols[i].label, NULL);
	}
	return out;
}

int pdx_doc_notef(pdx_doc *d, pdx_note_kind kind, const char *gloss_fmt, const char *en_fmt, ...)
{
	pdx_lang lang = pdx_doc_lang(d);
	/* one text in one language; in both, the Vietnamese and the caller's gloss */
	const char *first = lang == PDX_LANG_EN ? en_fmt : pdx_tr(en_fmt);
	const char *second = lang == PDX_LANG_BOTH ? gloss_fmt : NULL;
	va_list ap;
	/* the formats come from the catalogue (msgfmt --check-format compares their
	 * conversions) or are the caller's gloss of the same arguments */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	va_start(ap, en_fmt);
	char *text = pdx_vaprintf(first, ap);
	va_end(ap);
	char *gloss = NULL;
	if (second) {
		va_start(ap, en_fmt);
		gloss = pdx_vaprintf(second, ap);
		va_end(ap);
	}
#pragma GCC diagnostic pop
	int rc = text && (gloss || !second) ? pdx_doc_note(d, kind, text, gloss) : PDX_ENOMEM;
	pdx_free(text);
	pdx_free(gloss);
	return rc;
}
