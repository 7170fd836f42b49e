/* SPDX-License-Identifier: MIT */
/* The score report written agency by agency: a batch of any size is reported while
 * the caller holds one result at a time. The whole-document functions are this writer
 * with a write function that collects. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Bytes gathered before they are handed on: large enough that a write call is rare,
 * small enough to stay in cache. */
#define FLUSH_AT ((size_t)64 * 1024)

struct pdx_report_writer {
	pdx_format fmt; /* plain: the language is `lang` */
	pdx_lang lang;
	const pdx_rubric **ed; /* the editions the report uses; ed[0] is the document's */
	size_t n_ed;
	pdx_write_fn write;
	void *ctx;
	pdx_buf b;
	size_t n;     /* agencies added */
	size_t width; /* text: the pillar labels' width */
	int err;      /* the first failure, returned from then on */
	pdx_doc *doc; /* HTML: the report model writes, and hands bytes on itself */
};

static int flush(pdx_report_writer *w)
{
	if (w->err)
		return w->err;
	if (w->b.failed)
		return w->err = PDX_ENOMEM;
	if (w->b.len) {
		int rc = w->write(w->ctx, w->b.data, w->b.len);
		w->b.len = 0;
		if (rc)
			return w->err = rc;
	}
	return 0;
}

static int start(pdx_report_writer **out, pdx_format fmt, const pdx_rubric *const *editions,
                 size_t n, const pdx_files *fl, pdx_write_fn write, void *ctx)
{
	pdx_report_writer *w = pdx_calloc(1, sizeof(*w));
	if (w)
		w->ed = pdx_calloc(n, sizeof(*w->ed));
	if (!w || !w->ed) {
		pdx_free(w);
		return PDX_ENOMEM;
	}
	memcpy(w->ed, editions, n * sizeof(*w->ed));
	w->n_ed = n;
	w->fmt = pdx_format_plain(fmt);
	w->lang = pdx_format_lang_of(fmt);
	w->write = write;
	w->ctx = ctx;
	if (pdx_doc_only(w->fmt)) {
		/* the document names its first edition; an agency scored by another says
		 * so on its own page (pdx_score_doc_agency) */
		int rc = pdx_doc_new(&w->doc, fmt, write, ctx);
		if (!rc)
			rc = pdx_score_doc_begin(w->doc, editions[0]);
		if (rc) {
			pdx_report_writer_free(w);
			return rc;
		}
		*out = w;
		return 0;
	}
	if (w->fmt == PDX_FORMAT_CSV)
		pdx_csv_report_head(&w->b, editions, n);
	else if (w->fmt == PDX_FORMAT_JSON)
		pdx_json_report_head(&w->b, editions, n, fl);
	else
		w->width = pdx_text_report_head(&w->b, editions, n, fl, w->lang);
	if (w->b.failed) {
		pdx_report_writer_free(w);
		return PDX_ENOMEM;
	}
	*out = w;
	return 0;
}

int pdx_report_writer_new_editions(pdx_report_writer **out, pdx_format fmt,
                                   const pdx_rubric *const *editions, size_t n,
                                   const pdx_answers *set, pdx_write_fn write, void *ctx)
{
	*out = NULL;
	if (!pdx_format_valid(fmt))
		return PDX_EARG;
	if (!editions || n == 0 || !write)
		return PDX_EINVALID;
	for (size_t e = 0; e < n; e++)
		if (!editions[e])
			return PDX_EINVALID;
	pdx_files fl = {0};
	/* the CSV report names no file: the rows need not be walked */
	if (pdx_format_plain(fmt) != PDX_FORMAT_CSV && pdx_files_of_set(&fl, set)) {
		pdx_files_free(&fl);
		return PDX_ENOMEM;
	}
	int rc = start(out, fmt, editions, n, &fl, write, ctx);
	pdx_files_free(&fl);
	return rc;
}

int pdx_report_writer_new(pdx_report_writer **out, pdx_format fmt, const pdx_rubric *r,
                          const pdx_answers *set, pdx_write_fn write, void *ctx)
{
	return pdx_report_writer_new_editions(out, fmt, &r, 1, set, write, ctx);
}

/* The writer's edition that scored `res`, or NULL when it is none of them. */
static const pdx_rubric *edition_of(const pdx_report_writer *w, const pdx_result *res)
{
	if (!res->rubric)
		return w->ed[0];
	for (size_t e = 0; e < w->n_ed; e++)
		if (pdx_rubric_same(res->rubric, w->ed[e]))
			return res->rubric;
	return NULL;
}

int pdx_report_writer_add(pdx_report_writer *w, const pdx_result *res)
{
	if (!w || !res)
		return PDX_EARG;
	if (w->err)
		return w->err;
	const pdx_rubric *r = edition_of(w, res);
	if (!r)
		return w->err = PDX_EINVALID;
	if (w->doc) {
		if (!res->criteria)
			return w->err = PDX_EINVALID;
		w->n++;
		int rc = pdx_score_doc_agency(w->doc, w->ed[0], res);
		return rc ? (w->err = rc) : 0;
	}
	if (w->fmt == PDX_FORMAT_CSV)
		pdx_csv_report_row(&w->b, w->ed, w->n_ed, r, res);
	else if (w->fmt == PDX_FORMAT_JSON) {
		if (!res->criteria)
			return w->err = PDX_EINVALID;
		pdx_json_report_agency(&w->b, r, res, w->n == 0);
	} else
		pdx_text_report_agency(&w->b, r, w->width, res, w->n_ed > 1, w->lang);
	w->n++;
	return w->b.len >= FLUSH_AT || w->b.failed ? flush(w) : 0;
}

int pdx_report_writer_finish(pdx_report_writer *w)
{
	if (w->err)
		return w->err;
	if (w->doc) {
		int rc = w->n ? 0
		              : pdx_doc_note_tr(w->doc, PDX_NOTE_INFO, N_("No agency was scored"),
		                                "no agency was scored");
		if (!rc)
			rc = pdx_doc_end(w->doc);
		return rc ? (w->err = rc) : 0;
	}
	if (w->fmt == PDX_FORMAT_JSON)
		pdx_buf_puts(&w->b, PDX_JSON_REPORT_TAIL "\n");
	else if (w->fmt == PDX_FORMAT_TEXT && w->n == 0)
		pdx_text_report_none(&w->b, w->lang);
	return flush(w);
}

void pdx_report_writer_free(pdx_report_writer *w)
{
	if (!w)
		return;
	pdx_doc_free(w->doc);
	pdx_buf_free(&w->b);
	pdx_free(w->ed);
	pdx_free(w);
}

/* ---- the whole document: a writer that collects ---- */

static int whole(char **out, size_t *len, pdx_format fmt, const pdx_rubric *r,
                 pdx_result *const *results, size_t n)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!len || !r || (n && !results))
		return PDX_EARG;
	for (size_t i = 0; i < n; i++)
		if (!results[i])
			return PDX_EARG;
	pdx_buf doc = {0};
	pdx_files fl = {0};
	pdx_report_writer *w = NULL;
	/* the files of the results given (not of a whole set) */
	int rc = fmt == PDX_FORMAT_CSV ? 0 : pdx_files_of_results(&fl, results, n);
	if (!rc)
		rc = start(&w, fmt, &r, 1, &fl, pdx_buf_collect, &doc);
	pdx_files_free(&fl);
	for (size_t i = 0; !rc && i < n; i++)
		rc = pdx_report_writer_add(w, results[i]);
	if (!rc)
		rc = pdx_report_writer_finish(w);
	pdx_report_writer_free(w);
	if (rc) {
		pdx_buf_free(&doc);
		return rc;
	}
	return pdx_buf_finish(&doc, out, len);
}

int pdx_report_text(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                    size_t n)
{
	return whole(out, len, PDX_FORMAT_TEXT, r, results, n);
}

int pdx_report_json(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                    size_t n)
{
	return whole(out, len, PDX_FORMAT_JSON, r, results, n);
}

int pdx_report_csv(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                   size_t n)
{
	return whole(out, len, PDX_FORMAT_CSV, r, results, n);
}
