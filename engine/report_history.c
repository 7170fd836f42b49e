/* SPDX-License-Identifier: MIT */
/* The history report (pdx_history_report) on the report model: per agency a row per
 * year, or per province or block a row per year, each year with the edition it was
 * scored with and the change from the year before. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "pressdx/history.h"
#include "pressdx/roster.h"

/* One current assessment (the appraised version when there is one). */
typedef struct hrow {
	char *agency_id, *agency_name, *province, *block, *rubric_id, *level_name, *group;
	char *key; /* the agency's id today, through its aliases (agency_id when none) */
	int year;
	pdx_stage stage;
	long long total;
	int level;
	long long pillars[16]; /* by the report's pillar columns; -1: none */
} hrow;

typedef struct hdata {
	hrow *rows;
	size_t n;
	char *pillar_ids[16];
	size_t n_pillars;
	pdx_history_by by;
	char **editions; /* rubric ids in the order of first use, oldest year first */
	size_t n_editions;
} hdata;

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? pdx_strdup((const char *)t) : NULL;
}

static void hdata_free(hdata *h)
{
	for (size_t i = 0; i < h->n; i++) {
		hrow *r = &h->rows[i];
		pdx_free(r->agency_id);
		pdx_free(r->agency_name);
		pdx_free(r->province);
		pdx_free(r->block);
		pdx_free(r->rubric_id);
		pdx_free(r->level_name);
		pdx_free(r->key);
	}
	pdx_free(h->rows);
	for (size_t i = 0; i < h->n_pillars; i++)
		pdx_free(h->pillar_ids[i]);
	for (size_t i = 0; i < h->n_editions; i++)
		pdx_free(h->editions[i]);
	pdx_free(h->editions);
}

static long pillar_col(hdata *h, const char *id, bool add)
{
	for (size_t i = 0; i < h->n_pillars; i++)
		if (strcmp(h->pillar_ids[i], id) == 0)
			return (long)i;
	if (!add || h->n_pillars == 16)
		return -1;
	h->pillar_ids[h->n_pillars] = pdx_strdup(id);
	return h->pillar_ids[h->n_pillars] ? (long)h->n_pillars++ : -2;
}

/* Agency aliases (old id → new id), as stored. */
typedef struct aliases {
	char **old_ids, **new_ids;
	size_t n;
} aliases;

static void aliases_free(aliases *a)
{
	for (size_t i = 0; i < a->n; i++) {
		pdx_free(a->old_ids[i]);
		pdx_free(a->new_ids[i]);
	}
	pdx_free(a->old_ids);
	pdx_free(a->new_ids);
}

static int aliases_load(sqlite3 *db, aliases *a)
{
	sqlite3_stmt *st = NULL;
	/* a version 1 store, read as it is, has no aliases */
	int rc =
	    sqlite3_prepare_v2(db,
	                       "SELECT old_id, new_id FROM agency_alias WHERE EXISTS (SELECT 1 "
	                       "FROM sqlite_schema WHERE name = 'agency_alias')",
	                       -1, &st, NULL);
	if (rc == SQLITE_ERROR) { /* no such table: prepared statements need it to exist */
		sqlite3_finalize(st);
		return SQLITE_OK;
	}
	size_t cap = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->n == cap) {
			cap = cap ? 2 * cap : 16;
			char **o = pdx_reallocarray(a->old_ids, cap, sizeof *o);
			if (o)
				a->old_ids = o;
			char **n = o ? pdx_reallocarray(a->new_ids, cap, sizeof *n) : NULL;
			if (n)
				a->new_ids = n;
			if (!o || !n) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		a->old_ids[a->n] = dup_col(st, 0);
		a->new_ids[a->n] = dup_col(st, 1);
		a->n++;
		rc = a->old_ids[a->n - 1] && a->new_ids[a->n - 1] ? SQLITE_OK : SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The id an agency is known by today: its aliases followed (a loop, which the store
 * refuses, would stop after 64 steps). */
static const char *resolve_id(const aliases *a, const char *id)
{
	for (int hops = 0; hops < 64; hops++) {
		size_t i = 0;
		while (i < a->n && strcmp(a->old_ids[i], id) != 0)
			i++;
		if (i == a->n)
			break;
		id = a->new_ids[i];
	}
	return id;
}

static int by_key_year(const void *x, const void *y)
{
	const hrow *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return strcmp(a->agency_id, b->agency_id);
}

/* The rows of the query, then each row's pillar points. */
static int load(sqlite3 *db, const pdx_history_query *q, const aliases *al, hdata *h)
{
	static const char *const order[] = {"a.agency_id, a.year",
	                                    "a.province IS NULL, a.province, a.year, a.agency_id",
	                                    "a.block IS NULL, a.block, a.year, a.agency_id"};
	char *sql = pdx_aprintf(
	    "SELECT a.id, a.agency_id, a.agency_name, a.province, a.block, a.year, a.stage, "
	    "r.rubric_id, a.total, a.level, a.level_name FROM assessment a JOIN rubric r ON "
	    "r.id = a.rubric WHERE a.superseded_at IS NULL AND (?1 IS NULL OR a.agency_id = ?1) "
	    "AND (?2 IS NULL OR a.province = ?2) AND (?3 IS NULL OR a.block = ?3) AND NOT "
	    "(a.stage = 'self' AND EXISTS (SELECT 1 FROM assessment b WHERE b.agency_id = "
	    "a.agency_id AND b.year = a.year AND b.stage = 'appraised' AND b.superseded_at IS "
	    "NULL)) ORDER BY %s",
	    order[q->by]);
	if (!sql)
		return SQLITE_NOMEM;
	sqlite3_stmt *st = NULL, *pt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	pdx_free(sql);
	/* the agency is filtered below, once its rows' ids are followed through aliases */
	const char *filters[] = {NULL, q->province, q->block};
	for (int i = 0; rc == SQLITE_OK && i < 3; i++)
		rc = filters[i] ? sqlite3_bind_text(st, i + 1, filters[i], -1, SQLITE_STATIC)
		                : sqlite3_bind_null(st, i + 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(
		    db,
		    "SELECT pillar, points FROM pillar_points WHERE assessment = "
		    "? ORDER BY pillar",
		    -1, &pt, NULL);
	size_t cap = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (h->n == cap) {
			cap = cap ? 2 * cap : 16;
			hrow *nr = pdx_reallocarray(h->rows, cap, sizeof *nr);
			if (!nr) {
				rc = SQLITE_NOMEM;
				break;
			}
			h->rows = nr;
		}
		hrow *r = &h->rows[h->n++];
		memset(r, 0, sizeof *r);
		for (size_t k = 0; k < 16; k++)
			r->pillars[k] = -1;
		r->agency_id = dup_col(st, 1);
		r->agency_name = dup_col(st, 2);
		r->province = dup_col(st, 3);
		r->block = dup_col(st, 4);
		r->year = sqlite3_column_int(st, 5);
		const char *stage = (const char *)sqlite3_column_text(st, 6);
		r->stage =
		    stage && strcmp(stage, "appraised") == 0 ? PDX_STAGE_APPRAISED : PDX_STAGE_SELF;
		r->rubric_id = dup_col(st, 7);
		r->total = sqlite3_column_int64(st, 8);
		r->level = sqlite3_column_int(st, 9);
		r->level_name = dup_col(st, 10);
		r->key = r->agency_id ? pdx_strdup(resolve_id(al, r->agency_id)) : NULL;
		if (!r->agency_id || !r->rubric_id || !r->key) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (q->agency && strcmp(r->key, resolve_id(al, q->agency)) != 0) {
			pdx_free(r->agency_id); /* not this agency under any of its ids */
			pdx_free(r->agency_name);
			pdx_free(r->province);
			pdx_free(r->block);
			pdx_free(r->rubric_id);
			pdx_free(r->level_name);
			pdx_free(r->key);
			h->n--;
			rc = SQLITE_OK;
			continue;
		}
		r->group = q->by == PDX_HISTORY_BY_PROVINCE ? r->province
		           : q->by == PDX_HISTORY_BY_BLOCK  ? r->block
		                                            : r->agency_id;
		sqlite3_reset(pt);
		rc = sqlite3_bind_int64(pt, 1, sqlite3_column_int64(st, 0));
		while (rc == SQLITE_OK && (rc = sqlite3_step(pt)) == SQLITE_ROW) {
			long k = pillar_col(h, (const char *)sqlite3_column_text(pt, 0), true);
			if (k == -2)
				rc = SQLITE_NOMEM;
			else if (k >= 0)
				r->pillars[k] = sqlite3_column_int64(pt, 1);
			if (rc == SQLITE_ROW)
				rc = SQLITE_OK;
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		/* the editions, in the order the years use them */
		bool seen = false;
		for (size_t e = 0; e < h->n_editions; e++)
			seen |= strcmp(h->editions[e], r->rubric_id) == 0;
		if (!seen && rc == SQLITE_OK) {
			char **ne = pdx_reallocarray(h->editions, h->n_editions + 1, sizeof *ne);
			if (!ne || !(ne[h->n_editions] = pdx_strdup(r->rubric_id))) {
				if (ne)
					h->editions = ne;
				rc = SQLITE_NOMEM;
			} else {
				h->editions = ne;
				h->n_editions++;
			}
		}
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	sqlite3_finalize(pt);
	/* an agency's years together, under the id it has today */
	if (rc == SQLITE_OK && q->by == PDX_HISTORY_BY_AGENCY && h->n)
		qsort(h->rows, h->n, sizeof *h->rows, by_key_year);
	return rc;
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Half away from zero, in hundredths: a mean of totals. */
static long long mean(long long sum, long long n)
{
	return n ? (sum >= 0 ? (2 * sum + n) / (2 * n) : -((-2 * sum + n) / (2 * n))) : 0;
}

typedef struct hctx {
	hdata *h;
	pdx_column *cols;
	/* the other editions the years use (the newest heads the report), for their notices */
	pdx_rubric **others;
	size_t n_others;
	const pdx_rubric *head; /* the newest edition, which heads the report */
} hctx;

/* A year's level as people read it: the name the store kept (Vietnamese, as the report
 * has always shown it), or in English the edition's name_en for that level number. */
static const char *level_name(const hctx *c, const hrow *row, pdx_lang lang)
{
	if (lang != PDX_LANG_EN)
		return row->level_name;
	const pdx_rubric *e = NULL;
	if (c->head && strcmp(pdx_rubric_meta_get(c->head)->id, row->rubric_id) == 0)
		e = c->head;
	for (size_t i = 0; !e && i < c->n_others; i++)
		if (strcmp(pdx_rubric_meta_get(c->others[i])->id, row->rubric_id) == 0)
			e = c->others[i];
	for (size_t l = 0; e && l < pdx_rubric_level_count(e); l++) {
		const pdx_level *lv = pdx_rubric_level(e, l);
		if (lv->number == row->level)
			return pdx_name_lang(lang, lv->name, lv->name_en);
	}
	return row->level_name;
}

/* A note under a change of edition between two consecutive years of a group. */
static int edition_change(pdx_doc *d, const hrow *prev, const hrow *r)
{
	if (!prev || strcmp(prev->rubric_id, r->rubric_id) == 0)
		return 0;
	return pdx_doc_notef(d, PDX_NOTE_WARNING,
	                     "%d → %d: two editions (%s, %s); the levels come from different "
	                     "bands, totals and pillars compare",
	                     N_("%d → %d: the two years were scored with two editions (%s, %s); "
	                        "the levels come from two different sets of bands, the totals "
	                        "and pillars compare"),
	                     prev->year, r->year, prev->rubric_id, r->rubric_id);
}

/* The heading of an agency's section: its id today, its latest name and province, and
 * the ids its earlier years were filed under. */
static char *agency_heading(const hrow *rows, size_t n, pdx_lang lang)
{
	const hrow *last = &rows[n - 1];
	pdx_buf b = {0};
	pdx_buf_printf(&b, "%s  %s", last->key, last->agency_name ? last->agency_name : "");
	if (last->province)
		pdx_buf_printf(&b, " (%s)", last->province);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		bool seen = strcmp(rows[i].agency_id, rows[i].key) == 0;
		for (size_t j = 0; !seen && j < i; j++)
			seen = strcmp(rows[j].agency_id, rows[i].agency_id) == 0;
		if (!seen && shown++)
			pdx_buf_printf(&b, ", %s", rows[i].agency_id);
		else if (!seen)
			pdx_buf_printf(&b, " — %s: %s",
			               pdx_label(lang, N_("formerly"), "trước đây (formerly)"),
			               rows[i].agency_id);
	}
	char *text;
	size_t len;
	return pdx_buf_finish(&b, &text, &len) ? NULL : text;
}

/* How many rows of rows[i..j) have the year of rows[k]. */
static size_t rows_of_year(const hrow *rows, size_t i, size_t j, int year)
{
	size_t n = 0;
	for (size_t k = i; k < j; k++)
		n += rows[k].year == year;
	return n;
}

static int by_agency(pdx_doc *d, hctx *c)
{
	hdata *h = c->h;
	size_t nc = 8 + h->n_pillars;
	pdx_cell *cells = pdx_calloc(nc, sizeof *cells);
	if (!cells)
		return PDX_ENOMEM;
	int rc = 0;
	for (size_t i = 0; !rc && i < h->n;) {
		size_t j = i;
		while (j < h->n && strcmp(h->rows[j].key, h->rows[i].key) == 0)
			j++;
		char *heading = agency_heading(&h->rows[i], j - i, pdx_doc_lang(d));
		if (!heading) {
			rc = PDX_ENOMEM;
			break;
		}
		pdx_doc_key key = {"agency_id", {PDX_CELL_TEXT, h->rows[i].key, 0}};
		rc = pdx_doc_section(d, heading, &key, 1);
		pdx_free(heading);
		if (!rc)
			rc = pdx_doc_table(d, "years", c->cols, nc);
		for (size_t k = i; !rc && k < j; k++) {
			const hrow *r = &h->rows[k];
			/* the change from the year before: when each year has one assessment (two
			 * agencies merged into this one have two for a year before the merger) */
			const hrow *prev = NULL;
			for (size_t p = i; p < k; p++)
				if (h->rows[p].year < r->year)
					prev = &h->rows[p];
			if (prev && (rows_of_year(h->rows, i, j, prev->year) != 1 ||
			             rows_of_year(h->rows, i, j, r->year) != 1))
				prev = NULL;
			cells[0] = (pdx_cell){PDX_CELL_YEAR, NULL, r->year};
			cells[1] = (pdx_cell){PDX_CELL_TEXT, pdx_stage_name(r->stage), 0};
			cells[2] = (pdx_cell){PDX_CELL_TEXT, r->rubric_id, 0};
			cells[3] = (pdx_cell){PDX_CELL_POINTS, NULL, r->total};
			cells[4] =
			    (pdx_cell){PDX_CELL_LEVEL, level_name(c, r, pdx_doc_lang(d)), r->level};
			cells[5] = prev ? (pdx_cell){PDX_CELL_POINTS, NULL, r->total - prev->total}
			                : (pdx_cell){PDX_CELL_TEXT, NULL, 0};
			cells[6] = (pdx_cell){PDX_CELL_TEXT, r->province, 0};
			cells[7] = (pdx_cell){PDX_CELL_TEXT, r->agency_id, 0};
			for (size_t p = 0; p < h->n_pillars; p++)
				cells[8 + p] =
				    r->pillars[p] >= 0
				        ? (pdx_cell){PDX_CELL_POINTS, NULL, r->pillars[p]}
				        : (pdx_cell){PDX_CELL_TEXT, NULL, 0};
			rc = pdx_doc_row(d, cells);
		}
		const hrow *prev_year = NULL;
		for (size_t k = i; !rc && k < j; k++) {
			if (prev_year && prev_year->year == h->rows[k].year)
				continue;
			rc = edition_change(d, prev_year, &h->rows[k]);
			prev_year = &h->rows[k];
		}
		if (!rc)
			rc = pdx_doc_section_end(d);
		i = j;
	}
	pdx_free(cells);
	return rc;
}

/* Per group (province or block) and year: how many agencies, their mean, lowest and
 * highest total, and the edition(s) the year used. */
static int by_group(pdx_doc *d, hctx *c)
{
	hdata *h = c->h;
	int rc = 0;
	for (size_t i = 0; !rc && i < h->n;) {
		size_t j = i;
		while (j < h->n && same_text(h->rows[j].group, h->rows[i].group))
			j++;
		const char *name = h->rows[i].group ? h->rows[i].group
		                                    : pdx_label(pdx_doc_lang(d), N_("(unknown)"),
		                                                "(không rõ, unknown)");
		pdx_doc_key key = {h->by == PDX_HISTORY_BY_PROVINCE ? "province" : "block",
		                   {PDX_CELL_TEXT, h->rows[i].group, 0}};
		rc = pdx_doc_section(d, name, &key, 1);
		if (!rc)
			rc = pdx_doc_table(d, "years", c->cols, 7);
		const hrow *prev_year = NULL;
		long long prev_mean = 0;
		for (size_t k = i; !rc && k < j;) {
			size_t m = k;
			long long sum = 0, lo = h->rows[k].total, hi = lo;
			bool mixed = false;
			while (m < j && h->rows[m].year == h->rows[k].year) {
				sum += h->rows[m].total;
				lo = h->rows[m].total < lo ? h->rows[m].total : lo;
				hi = h->rows[m].total > hi ? h->rows[m].total : hi;
				mixed |= strcmp(h->rows[m].rubric_id, h->rows[k].rubric_id) != 0;
				m++;
			}
			long long n = (long long)(m - k), avg = mean(sum, n);
			pdx_cell cells[] = {
			    {PDX_CELL_YEAR, NULL, h->rows[k].year},
			    {PDX_CELL_TEXT,
			     mixed ? pdx_label(pdx_doc_lang(d), N_("(several)"),
			                       "(nhiều bộ, several)")
			           : h->rows[k].rubric_id,
			     0},
			    {PDX_CELL_COUNT, NULL, n},
			    {PDX_CELL_POINTS, NULL, avg},
			    prev_year ? (pdx_cell){PDX_CELL_POINTS, NULL, avg - prev_mean}
			              : (pdx_cell){PDX_CELL_TEXT, NULL, 0},
			    {PDX_CELL_POINTS, NULL, lo},
			    {PDX_CELL_POINTS, NULL, hi},
			};
			rc = pdx_doc_row(d, cells);
			prev_year = &h->rows[k];
			prev_mean = avg;
			k = m;
		}
		/* under the table (a note ends it): each change of edition from year to year */
		prev_year = NULL;
		for (size_t k = i; !rc && k < j; k++) {
			if (prev_year && prev_year->year == h->rows[k].year)
				continue;
			rc = edition_change(d, prev_year, &h->rows[k]);
			prev_year = &h->rows[k];
		}
		if (!rc)
			rc = pdx_doc_section_end(d);
		i = j;
	}
	return rc;
}

static int build(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	hctx *c = (hctx *)what;
	pdx_lang lang = pdx_doc_lang(d);
	/* the fixed columns' labels are msgids: in the document's language from here on (the
	 * pillars' after them are made in it) */
	size_t nc = c->h->by == PDX_HISTORY_BY_AGENCY ? 8 : 7;
	for (size_t i = 0; i < nc; i++)
		c->cols[i].label = pdx_label(lang, c->cols[i].label, NULL);
	int rc = pdx_doc_begin_tr(d, r, "history", N_("Assessments year over year"),
	                          "assessments year over year");
	if (!rc)
		rc = c->h->by == PDX_HISTORY_BY_AGENCY ? by_agency(d, c) : by_group(d, c);
	/* what every report says of a rubric that is not all official, for each edition */
	for (size_t i = 0; !rc && i < c->n_others; i++) {
		const pdx_rubric_meta *m = pdx_rubric_meta_get(c->others[i]);
		const char *notice = pdx_rubric_notice_lang(c->others[i], lang);
		if (!notice)
			continue;
		/* the both form's gloss takes the id alone (the notice is in both already) */
		rc = pdx_doc_notef(d, PDX_NOTE_WARNING,
		                   "rubric %s: see its notice, in both languages, before",
		                   N_("Rubric %s: %s"), m->id, notice);
	}
	if (!rc && c->h->n_editions > 1)
		rc =
		    pdx_doc_note_tr(d, PDX_NOTE_INFO,
		                    N_("Each year is scored with its own edition; across two "
		                       "editions the levels come from different bands"),
		                    "each year is scored with its own edition; across two editions "
		                    "the levels come from different bands");
	return rc ? rc : pdx_doc_end(d);
}

/* The newest edition the report uses, loaded from the copy the store keeps: the head
 * of the report (its title, decision and notice). */
static int head_rubric(sqlite3 *db, const char *id, pdx_rubric **out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT xml FROM rubric WHERE rubric_id = ? ORDER BY id "
	                            "DESC LIMIT 1",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int e = PDX_EINVALID;
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		e = pdx_rubric_load_memory(out, (const char *)sqlite3_column_text(st, 0),
		                           (size_t)sqlite3_column_bytes(st, 0), id, NULL);
	sqlite3_finalize(st);
	return e;
}

int pdx_history_report(char **out, size_t *len, pdx_history *hist, const pdx_history_query *q,
                       pdx_format fmt, pdx_diags *diags)
{
	*out = NULL;
	*len = 0;
	if (!hist || !q || q->by > PDX_HISTORY_BY_BLOCK || !pdx_format_valid(fmt))
		return PDX_EARG;
	sqlite3 *db = pdx_history_db(hist);
	hdata h = {.by = q->by};
	aliases al = {0};
	int rc = aliases_load(db, &al);
	if (rc == SQLITE_OK)
		rc = load(db, q, &al, &h);
	/* with aliases, people see the id each year was filed under too */
	bool renamed = al.n > 0;
	aliases_free(&al);
	if (rc != SQLITE_OK) {
		hdata_free(&h);
		return rc == SQLITE_NOMEM ? PDX_ENOMEM : PDX_EIO;
	}
	if (!h.n) {
		hdata_free(&h);
		pdx_diag_addc(diags, PDX_E_HISTORY, PDX_SEV_ERROR, NULL, 0, 0, NULL, NULL,
		              "không có đánh giá nào khớp trong lịch sử",
		              "no assessment in the history matches");
		return PDX_EINVALID;
	}
	/* the newest year's edition heads the report */
	const char *newest = h.rows[0].rubric_id;
	int year = h.rows[0].year;
	for (size_t i = 1; i < h.n; i++)
		if (h.rows[i].year > year)
			year = h.rows[i].year, newest = h.rows[i].rubric_id;
	pdx_rubric *r = NULL;
	int e = head_rubric(db, newest, &r);
	pdx_column agency_cols[8 + 16] = {
	    {"year", N_("Year"), PDX_CELL_YEAR, PDX_COL_ALL},
	    {"stage", N_("Stage"), PDX_CELL_TEXT, PDX_COL_MACHINE},
	    {"rubric_id", N_("Rubric"), PDX_CELL_TEXT, PDX_COL_ALL},
	    {"total", N_("Total"), PDX_CELL_POINTS, PDX_COL_ALL},
	    {"level", N_("Level"), PDX_CELL_LEVEL, PDX_COL_ALL},
	    {"change", N_("Change"), PDX_CELL_POINTS, PDX_COL_ALL},
	    {"province", N_("Province"), PDX_CELL_TEXT, PDX_COL_MACHINE},
	    {"filed_as", N_("Filed as"), PDX_CELL_TEXT, renamed ? PDX_COL_ALL : PDX_COL_MACHINE},
	};
	/* labels put in the report's language by build() */
	pdx_lang lang = pdx_format_lang_of(fmt);
	char keys[16][80], labels[16][80];
	for (size_t p = 0; p < h.n_pillars; p++) {
		snprintf(keys[p], sizeof keys[p], "pillar_%s", h.pillar_ids[p]);
		snprintf(labels[p], sizeof labels[p], "%s %s", pdx_label(lang, N_("Pillar"), NULL),
		         h.pillar_ids[p]);
		agency_cols[8 + p] = (pdx_column){keys[p], labels[p], PDX_CELL_POINTS, PDX_COL_ALL};
	}
	pdx_column group_cols[7] = {
	    {"year", N_("Year"), PDX_CELL_YEAR, PDX_COL_ALL},
	    {"rubric_id", N_("Rubric"), PDX_CELL_TEXT, PDX_COL_ALL},
	    {"agencies", N_("Agencies"), PDX_CELL_COUNT, PDX_COL_ALL},
	    {"mean", N_("Mean points"), PDX_CELL_POINTS, PDX_COL_ALL},
	    {"change", N_("Change"), PDX_CELL_POINTS, PDX_COL_ALL},
	    {"min", N_("Lowest"), PDX_CELL_POINTS, PDX_COL_ALL},
	    {"max", N_("Highest"), PDX_CELL_POINTS, PDX_COL_ALL},
	};
	hctx c = {&h, q->by == PDX_HISTORY_BY_AGENCY ? agency_cols : group_cols, NULL, 0, r};
	if (!e && h.n_editions > 1) {
		c.others = pdx_calloc(h.n_editions, sizeof *c.others);
		for (size_t i = 0; c.others && !e && i < h.n_editions; i++)
			if (strcmp(h.editions[i], newest) != 0)
				e = head_rubric(db, h.editions[i], &c.others[c.n_others++]);
		if (!c.others)
			e = PDX_ENOMEM;
	}
	if (!e)
		e = pdx_doc_collect(out, len, fmt, r, build, &c);
	for (size_t i = 0; i < c.n_others; i++)
		pdx_rubric_free(c.others[i]);
	pdx_free(c.others);
	pdx_rubric_free(r);
	hdata_free(&h);
	return e;
}

int pdx_history_roster_check(pdx_history *hist, const pdx_roster *ro, size_t *missing,
                             pdx_diags *diags)
{
	if (missing)
		*missing = 0;
	if (!hist || !ro)
		return PDX_EARG;
	sqlite3 *db = pdx_history_db(hist);
	aliases al = {0};
	int rc = aliases_load(db, &al);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
		                        "SELECT DISTINCT agency_id, year FROM assessment WHERE "
		                        "superseded_at IS NULL",
		                        -1, &st, NULL);
	char **ids = NULL;
	int *years = NULL;
	size_t n = 0, cap = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			char **ni = pdx_reallocarray(ids, cap, sizeof *ni);
			if (ni)
				ids = ni;
			int *ny = ni ? pdx_reallocarray(years, cap, sizeof *ny) : NULL;
			if (ny)
				years = ny;
			if (!ni || !ny) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		/* under the id the agency has today: the roster is today's */
		const char *id = (const char *)sqlite3_column_text(st, 0);
		ids[n] = id ? pdx_strdup(resolve_id(&al, id)) : NULL;
		years[n++] = sqlite3_column_int(st, 1);
		rc = ids[n - 1] ? SQLITE_OK : SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	aliases_free(&al);
	int e = rc == SQLITE_DONE || rc == SQLITE_OK ? 0
	        : rc == SQLITE_NOMEM                 ? PDX_ENOMEM
	                                             : PDX_EIO;
	if (!e)
		e = pdx_roster_check(ro, (const char *const *)ids, years, n, 0, missing, diags);
	for (size_t i = 0; i < n; i++)
		pdx_free(ids[i]);
	pdx_free(ids);
	pdx_free(years);
	return e;
}
