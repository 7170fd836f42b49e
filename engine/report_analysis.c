/* Serialisers of rankings, summaries, roadmaps and diffs: text for a terminal or a
 * printer, CSV that opens in Excel as is (UTF-8 BOM), JSON for scripts (shapes
 * documented in README.md). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define PTS(p, buf) pdx_points_format((p), (buf), sizeof(buf))

/* ---- shared helpers (the others: report_util.c) ---- */

static const char *pillar_name(const pdx_rubric *r, size_t i)
{
	return pdx_rubric_pillar(r, i)->name;
}

/* ---- rank ---- */

/* `v` right-aligned in `width` columns; returns the characters written (sign too). */
static size_t put_num_right(pdx_buf *b, long long v, size_t width)
{
	char t[24], *q = t + sizeof t;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do {
		*--q = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--q = '-';
	size_t n = (size_t)(t + sizeof t - q);
	for (size_t w = n; w < width; w++)
		pdx_buf_putc(b, ' ');
	pdx_buf_append(b, q, n);
	return n;
}

/* An ASCII text of ours (a number) right-aligned: its width is its length. */
static void put_ascii_right(pdx_buf *b, const char *s, size_t width)
{
	size_t n = strlen(s);
	for (size_t w = n; w < width; w++)
		pdx_buf_putc(b, ' ');
	pdx_buf_append(b, s, n);
}

static int rank_json(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk)
{
	int f = 0;
	json_object *root = json_object_new_object();
	pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	pdx_jstr(root, "within", pdx_within_name(rk->within), &f);
	json_object *groups = json_object_new_array();
	for (size_t g = 0; g < rk->n_groups; g++) {
		const pdx_rank_group *G = &rk->groups[g];
		json_object *go = json_object_new_object(), *key = json_object_new_object();
		if (rk->within != PDX_WITHIN_NONE)
			pdx_jstr(key, pdx_within_name(rk->within), G->key, &f);
		if (rk->by_year)
			pdx_jput(key, "year", pdx_jyear(G->year), &f);
		pdx_jput(go, "group", key, &f);
		json_object *ags = json_object_new_array();
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			const pdx_assessment *a = res->assessment;
			json_object *o = json_object_new_object();
			pdx_jput(o, "rank", json_object_new_int64((int64_t)G->items[i].rank), &f);
			pdx_jstr(o, "agency_id", a->agency_id, &f);
			pdx_jstr(o, "agency_name", a->agency_name, &f);
			pdx_jstr(o, "province", a->province, &f);
			pdx_jstr(o, "block", a->block, &f);
			pdx_jput(o, "year", pdx_jyear(a->year), &f);
			pdx_jput(o, "total", pdx_json_points(res->total), &f);
			pdx_jput(o, "level",
			         json_object_new_int(res->level ? res->level->number : 0), &f);
			pdx_jstr(o, "level_name", res->level ? res->level->name : NULL, &f);
			json_object *ps = json_object_new_array();
			for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
				json_object *po = json_object_new_object();
				pdx_jstr(po, "id", pdx_rubric_pillar(r, p)->id, &f);
				pdx_jput(po, "score", pdx_json_points(res->pillars[p]), &f);
				pdx_jput(po, "max", pdx_json_points(pdx_rubric_pillar(r, p)->max),
				         &f);
				pdx_jpush(ps, po, &f);
			}
			pdx_jput(o, "pillars", ps, &f);
			pdx_jput(o, "has_errors",
			         json_object_new_boolean(pdx_result_errors(res) > 0), &f);
			pdx_jpush(ags, o, &f);
		}
		pdx_jput(go, "agencies", ags, &f);
		pdx_jpush(groups, go, &f);
	}
	pdx_jput(root, "groups", groups, &f);
	return pdx_json_finish(root, f, out, len);
}

static int rank_csv(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk)
{
	pdx_buf b = {0};
	size_t np = pdx_rubric_pillar_count(r);
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	pdx_csv_put(&b, "group", 0);
	static const char *const head[] = {"rank", "agency_id", "agency_name", "province",  "block",
	                                   "year", "total",     "level",       "level_name"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		pdx_csv_put(&b, head[i], 0);
	for (size_t p = 0; p < np; p++) {
		char name[320]; /* "pillar_" + an id of up to 64 characters */
		snprintf(name, sizeof name, "pillar_%s", pdx_rubric_pillar(r, p)->id);
		pdx_csv_put(&b, name, 0);
	}
	pdx_csv_put(&b, "has_errors", 1);
	for (size_t g = 0; g < rk->n_groups; g++) {
		const pdx_rank_group *G = &rk->groups[g];
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			const pdx_assessment *a = res->assessment;
			pdx_csv_put(&b, G->key, 0);
			pdx_csv_num(&b, (long long)G->items[i].rank, 0);
			pdx_csv_put(&b, a->agency_id, 0);
			pdx_csv_put(&b, a->agency_name, 0);
			pdx_csv_put(&b, a->province, 0);
			pdx_csv_put(&b, a->block, 0);
			if (a->year)
				pdx_csv_num(&b, a->year, 0);
			else
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_pts(&b, res->total, 0);
			pdx_csv_num(&b, res->level ? res->level->number : 0, 0);
			pdx_csv_put(&b, res->level ? res->level->name : NULL, 0);
			for (size_t p = 0; p < np; p++)
				pdx_csv_pts(&b, res->pillars[p], 0);
			pdx_csv_put(&b, pdx_result_errors(res) ? "1" : "0", 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static int rank_text(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk)
{
	pdx_buf b = {0};
	size_t np = pdx_rubric_pillar_count(r);
	char t[32];
	pdx_text_header(&b, r);
	pdx_buf_printf(&b, "Xếp hạng %s (ranking within %s)\n",
	               rk->within == PDX_WITHIN_BLOCK      ? "theo khối"
	               : rk->within == PDX_WITHIN_PROVINCE ? "theo tỉnh/thành phố"
	                                                   : "chung",
	               pdx_within_name(rk->within));
	for (size_t g = 0; g < rk->n_groups; g++) {
		const pdx_rank_group *G = &rk->groups[g];
		size_t wid = 4, wname = 4, wlev = 3;
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			size_t w = pdx_safe_width(res->assessment->agency_id);
			wid = w > wid ? w : wid;
			w = res->assessment->agency_name
			        ? pdx_safe_width(res->assessment->agency_name)
			        : 0;
			wname = w > wname ? w : wname;
			w = res->level ? pdx_utf8_width(res->level->name) + 2 : 0;
			wlev = w > wlev ? w : wlev;
		}
		pdx_buf_puts(&b, "\n");
		if (rk->within == PDX_WITHIN_BLOCK)
			pdx_buf_printf(&b, "Khối (block): %s", pdx_or_unknown(G->key));
		else if (rk->within == PDX_WITHIN_PROVINCE)
			pdx_buf_printf(&b, "Tỉnh/TP (province): %s", pdx_or_unknown(G->key));
		else
			pdx_buf_puts(&b, "Tất cả (all)");
		if (rk->by_year && G->year)
			pdx_buf_printf(&b, " · Năm %d", G->year);
		else if (rk->by_year)
			pdx_buf_puts(&b, " · Năm không rõ (year unknown)");
		pdx_buf_printf(&b, " — %zu cơ quan\n", G->n);
		pdx_buf_puts(&b, "  Hạng  ");
		pdx_text_padr(&b, "Mã", wid);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, "Tên", wname);
		pdx_buf_puts(&b, "   Tổng  ");
		pdx_text_padr(&b, "Mức", wlev);
		for (size_t p = 0; p < np; p++) {
			char h[320];
			snprintf(h, sizeof h, "TC%s", pdx_rubric_pillar(r, p)->id);
			pdx_buf_puts(&b, "  ");
			pdx_text_padl(&b, h, 5);
		}
		pdx_buf_putc(&b, '\n');
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			/* a row per agency of a national batch: numbers written and padded here,
			 * without a formatted print per cell */
			pdx_buf_puts(&b, "  ");
			put_num_right(&b, (long long)G->items[i].rank, 4);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(&b, res->assessment->agency_id, wid);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(
			    &b, res->assessment->agency_name ? res->assessment->agency_name : "",
			    wname);
			pdx_buf_puts(&b, "  ");
			put_ascii_right(&b, PTS(res->total, t), 6);
			pdx_buf_puts(&b, "  ");
			/* the level as "N name", padded */
			size_t w = put_num_right(&b, res->level ? res->level->number : 0, 0) + 1;
			pdx_buf_putc(&b, ' ');
			if (res->level) {
				pdx_buf_put_safe(&b, res->level->name);
				w += pdx_safe_width(res->level->name);
			}
			for (; w < wlev; w++)
				pdx_buf_putc(&b, ' ');
			for (size_t p = 0; p < np; p++) {
				pdx_buf_puts(&b, "  ");
				put_ascii_right(&b, PTS(res->pillars[p], t), 5);
			}
			if (pdx_result_errors(res))
				pdx_buf_printf(&b, "  (!) có lỗi (%zu errors)",
				               pdx_result_errors(res));
			pdx_buf_putc(&b, '\n');
		}
	}
	if (rk->unfilled)
		pdx_buf_printf(&b,
		               "\nKhông xếp hạng %zu phiếu chưa điền (%zu unfilled questionnaires "
		               "left out).\n",
		               rk->unfilled, rk->unfilled);
	pdx_buf_puts(&b, "\nTC1…TC5: điểm trụ cột (pillar scores): ");
	for (size_t p = 0; p < np; p++)
		pdx_buf_printf(&b, "%sTC%s %s", p ? "; " : "", pdx_rubric_pillar(r, p)->id,
		               pillar_name(r, p));
	pdx_buf_putc(&b, '\n');
	return pdx_buf_finish(&b, out, len);
}

/* HTML: a document of the report model (report_rank_doc.c, report_summary_doc.c,
 * report_gap_diff_doc.c), collected whole. `build` is given `what`. */
typedef int (*doc_fn)(pdx_doc *d, const pdx_rubric *r, const void *what);

static int rank_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_rank_doc(d, r, what);
}

static int summary_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_summary_doc(d, r, what);
}

static int diff_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_diff_doc(d, r, what);
}

typedef struct {
	pdx_gap *const *gaps;
	size_t n;
} gaps_arg;

static int gap_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	const gaps_arg *g = what;
	return pdx_gap_doc(d, r, g->gaps, g->n);
}

static int html_of(char **out, size_t *len, const pdx_rubric *r, doc_fn build, const void *what)
{
	pdx_buf b = {0};
	pdx_doc *d = NULL;
	int rc = pdx_doc_new(&d, PDX_FORMAT_HTML, pdx_buf_collect, &b);
	if (!rc)
		rc = build(d, r, what);
	pdx_doc_free(d);
	if (rc) {
		pdx_buf_free(&b);
		return rc;
	}
	return pdx_buf_finish(&b, out, len);
}

int pdx_report_rank(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk,
                    pdx_format fmt)
{
	if (fmt == PDX_FORMAT_HTML)
		return html_of(out, len, r, rank_doc, rk);
	return fmt == PDX_FORMAT_JSON  ? rank_json(out, len, r, rk)
	       : fmt == PDX_FORMAT_CSV ? rank_csv(out, len, r, rk)
	                               : rank_text(out, len, r, rk);
}

/* ---- summary ---- */

static json_object *stats_json(const pdx_rubric *r, const pdx_stats *st, int *f)
{
	json_object *o = json_object_new_object();
	pdx_jput(o, "count", json_object_new_int64((int64_t)st->count), f);
	pdx_jput(o, "mean", pdx_json_points(st->mean), f);
	pdx_jput(o, "median", pdx_json_points(st->median), f);
	pdx_jput(o, "min", pdx_json_points(st->min), f);
	pdx_jput(o, "max", pdx_json_points(st->max), f);
	json_object *lv = json_object_new_object();
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++) {
		char k[16];
		snprintf(k, sizeof k, "%d", pdx_rubric_level(r, l)->number);
		pdx_jput(lv, k, json_object_new_int64((int64_t)st->levels[l]), f);
	}
	pdx_jput(o, "levels", lv, f);
	json_object *ps = json_object_new_array();
	for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
		json_object *po = json_object_new_object();
		pdx_jstr(po, "id", pdx_rubric_pillar(r, p)->id, f);
		pdx_jput(po, "mean", pdx_json_points(st->pillar_mean[p]), f);
		pdx_jput(po, "mean_pct", pdx_json_points(st->pillar_pct[p]), f);
		pdx_jpush(ps, po, f);
	}
	pdx_jput(o, "pillars", ps, f);
	return o;
}

static void key_value_json(json_object *key, pdx_group_key k, const char *v, int *f)
{
	if (k == PDX_KEY_YEAR)
		pdx_jput(key, "year", v ? json_object_new_int(atoi(v)) : NULL, f);
	else
		pdx_jstr(key, pdx_group_key_name(k), v, f);
}

static int summary_json(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s)
{
	int f = 0;
	json_object *root = json_object_new_object();
	pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *by = json_object_new_array();
	for (size_t k = 0; k < s->n_keys; k++)
		pdx_jpush(by, json_object_new_string(pdx_group_key_name(s->keys[k])), &f);
	pdx_jput(root, "by", by, &f);
	pdx_jput(root, "by_year", json_object_new_boolean(s->by_year), &f);
	bool year_asked = false;
	for (size_t k = 0; k < s->n_keys; k++)
		year_asked |= s->keys[k] == PDX_KEY_YEAR;
	json_object *groups = json_object_new_array();
	for (size_t g = 0; g < s->n_groups; g++) {
		json_object *go = stats_json(r, &s->groups[g].stats, &f);
		json_object *key = json_object_new_object();
		for (size_t k = 0; k < s->n_keys; k++)
			key_value_json(key, s->keys[k], s->groups[g].values[k], &f);
		if (s->by_year && !year_asked)
			pdx_jput(key, "year", pdx_jyear(s->groups[g].year), &f);
		pdx_jput(go, "key", key, &f);
		pdx_jpush(groups, go, &f);
	}
	pdx_jput(root, "groups", groups, &f);
	/* every agency of a year: one per year, never a sum over years */
	json_object *totals = json_object_new_array();
	for (size_t t = 0; t < s->n_totals; t++) {
		json_object *to = stats_json(r, &s->totals[t].stats, &f);
		pdx_jput(to, "year", pdx_jyear(s->totals[t].year), &f);
		pdx_jpush(totals, to, &f);
	}
	pdx_jput(root, "totals", totals, &f);
	pdx_jput(root, "all", s->by_year ? NULL : stats_json(r, &s->all, &f), &f);
	pdx_jput(root, "unfilled", json_object_new_int64((int64_t)s->unfilled), &f);
	return pdx_json_finish(root, f, out, len);
}

static void stats_csv(pdx_buf *b, const pdx_rubric *r, const pdx_stats *st)
{
	pdx_csv_num(b, (long long)st->count, 0);
	pdx_csv_pts(b, st->mean, 0);
	pdx_csv_pts(b, st->median, 0);
	pdx_csv_pts(b, st->min, 0);
	pdx_csv_pts(b, st->max, 0);
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++)
		pdx_csv_num(b, (long long)st->levels[l], 0);
	size_t np = pdx_rubric_pillar_count(r);
	for (size_t p = 0; p < np; p++) {
		pdx_csv_pts(b, st->pillar_mean[p], 0);
		pdx_csv_pts(b, st->pillar_pct[p], p + 1 == np);
	}
}

static int summary_csv(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s)
{
	pdx_buf b = {0};
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	bool year_col = s->by_year;
	for (size_t k = 0; k < s->n_keys; k++)
		year_col &= s->keys[k] != PDX_KEY_YEAR;
	if (year_col)
		pdx_csv_put(&b, "year", 0);
	for (size_t k = 0; k < s->n_keys; k++)
		pdx_csv_put(&b, pdx_group_key_name(s->keys[k]), 0);
	static const char *const head[] = {"count", "mean", "median", "min", "max"};
	for (size_t i = 0; i < 5; i++)
		pdx_csv_put(&b, head[i], 0);
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++) {
		char h[320];
		snprintf(h, sizeof h, "level_%d", pdx_rubric_level(r, l)->number);
		pdx_csv_put(&b, h, 0);
	}
	size_t np = pdx_rubric_pillar_count(r);
	for (size_t p = 0; p < np; p++) {
		char h[320];
		snprintf(h, sizeof h, "pillar_%s_mean", pdx_rubric_pillar(r, p)->id);
		pdx_csv_put(&b, h, 0);
		snprintf(h, sizeof h, "pillar_%s_pct", pdx_rubric_pillar(r, p)->id);
		pdx_csv_put(&b, h, p + 1 == np);
	}
	for (size_t g = 0; g < s->n_groups; g++) {
		if (year_col)
			pdx_csv_year(&b, s->groups[g].year);
		for (size_t k = 0; k < s->n_keys; k++)
			pdx_csv_put(&b, s->groups[g].values[k], 0);
		stats_csv(&b, r, &s->groups[g].stats);
	}
	/* the totals of each year: a summary never adds up years */
	for (size_t t = 0; t < (s->by_year ? s->n_totals : 1); t++) {
		if (year_col)
			pdx_csv_year(&b, s->totals[t].year);
		for (size_t k = 0; k < s->n_keys; k++) {
			if (s->by_year && !year_col && s->keys[k] == PDX_KEY_YEAR)
				pdx_csv_year(&b, s->totals[t].year);
			else
				pdx_csv_put(&b, k == 0 ? "(tất cả / all)" : NULL, 0);
		}
		stats_csv(&b, r, s->by_year ? &s->totals[t].stats : &s->all);
	}
	return pdx_buf_finish(&b, out, len);
}

static void summary_row(pdx_buf *b, const pdx_rubric *r, const char *label, size_t wlabel,
                        const pdx_stats *st)
{
	char t[32];
	pdx_buf_puts(b, "  ");
	pdx_text_padr(b, label, wlabel);
	pdx_buf_printf(b, "  %5zu", st->count);
	pdx_text_padl(b, PTS(st->mean, t), 8);
	pdx_text_padl(b, PTS(st->median, t), 9);
	pdx_text_padl(b, PTS(st->min, t), 8);
	pdx_text_padl(b, PTS(st->max, t), 8);
	pdx_buf_puts(b, " ");
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++)
		pdx_buf_printf(b, " %3zu", st->levels[l]);
	pdx_buf_puts(b, " ");
	for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
		/* one decimal is enough to read a table (rounded half away from zero, like
		 * every figure here); the CSV and JSON keep two */
		char pct[40];
		long long tenths = (long long)pdx_round_div(st->pillar_pct[p], 10);
		snprintf(pct, sizeof pct, "%s%lld.%lld", tenths < 0 ? "-" : "", llabs(tenths) / 10,
		         llabs(tenths) % 10);
		pdx_text_padl(b, pct, 7);
	}
	pdx_buf_putc(b, '\n');
}

/* "2025", or "năm không rõ" */
static void year_label(pdx_buf *b, int year)
{
	if (year)
		pdx_buf_printf(b, "%d", year);
	else
		pdx_buf_puts(b, "năm không rõ");
}

static int summary_text(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s)
{
	pdx_buf b = {0};
	pdx_text_header(&b, r);
	pdx_buf_puts(&b, "Tổng hợp theo (summary by): ");
	bool year_asked = false;
	for (size_t k = 0; k < s->n_keys; k++) {
		pdx_buf_printf(&b, "%s%s", k ? ", " : "", pdx_group_key_name(s->keys[k]));
		year_asked |= s->keys[k] == PDX_KEY_YEAR;
	}
	if (s->by_year)
		pdx_buf_puts(&b, " — mỗi năm riêng (each year apart)");
	pdx_buf_puts(&b, "\n\n");
	/* labels of the groups, then of the totals */
	size_t nl = s->n_groups + s->n_totals;
	char **labels = pdx_calloc(nl + 1, sizeof(char *));
	size_t wlabel = pdx_utf8_width("Tất cả (all)");
	for (size_t i = 0; labels && i < nl; i++) {
		const pdx_summary_group *G =
		    i < s->n_groups ? &s->groups[i] : &s->totals[i - s->n_groups];
		pdx_buf lb = {0};
		if (i >= s->n_groups) {
			pdx_buf_puts(&lb, "Tất cả (all)");
			if (s->by_year) {
				pdx_buf_puts(&lb, " · ");
				year_label(&lb, G->year);
			}
		} else {
			if (s->by_year && !year_asked) {
				year_label(&lb, G->year);
				pdx_buf_puts(&lb, " · ");
			}
			for (size_t k = 0; k < s->n_keys; k++) {
				pdx_buf_puts(&lb, k ? " · " : "");
				pdx_buf_puts(&lb, pdx_or_unknown(G->values[k]));
			}
		}
		if (pdx_buf_finish(&lb, &labels[i], NULL))
			b.failed = 1;
		else if (pdx_utf8_width(labels[i]) > wlabel)
			wlabel = pdx_utf8_width(labels[i]);
	}
	if (!labels)
		b.failed = 1;
	pdx_buf_puts(&b, "  ");
	pdx_text_padr(&b, "Nhóm (group)", wlabel);
	pdx_buf_puts(&b, "  Số CQ      TB  Trung vị     Min     Max ");
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++)
		pdx_buf_printf(&b, "  M%d", pdx_rubric_level(r, l)->number);
	pdx_buf_puts(&b, " ");
	for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
		char h[320];
		snprintf(h, sizeof h, "TC%s%%", pdx_rubric_pillar(r, p)->id);
		pdx_text_padl(&b, h, 7);
	}
	pdx_buf_putc(&b, '\n');
	if (labels && !s->by_year) {
		for (size_t g = 0; g < s->n_groups; g++)
			summary_row(&b, r, labels[g] ? labels[g] : "", wlabel, &s->groups[g].stats);
		summary_row(&b, r, "Tất cả (all)", wlabel, &s->all);
	}
	/* a year's groups, then that year's total, year after year */
	for (size_t t = 0, g = 0; labels && s->by_year && t < s->n_totals; t++) {
		for (; g < s->n_groups && s->groups[g].year == s->totals[t].year; g++)
			summary_row(&b, r, labels[g] ? labels[g] : "", wlabel, &s->groups[g].stats);
		const char *tl = labels[s->n_groups + t];
		summary_row(&b, r, tl ? tl : "", wlabel, &s->totals[t].stats);
	}
	pdx_buf_puts(
	    &b, "\nSố CQ: số cơ quan (agencies); TB: điểm trung bình (mean); M1…: số cơ quan mỗi "
	        "mức (per level:");
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++)
		pdx_buf_printf(&b, " M%d %s", pdx_rubric_level(r, l)->number,
		               pdx_rubric_level(r, l)->name);
	pdx_buf_puts(
	    &b, "); TC%: điểm trung bình trụ cột theo % điểm tối đa (pillar mean, % of max).\n");
	if (s->unfilled)
		pdx_buf_printf(&b,
		               "Không tính %zu phiếu chưa điền (%zu unfilled questionnaires left "
		               "out).\n",
		               s->unfilled, s->unfilled);
	for (size_t i = 0; labels && i < nl; i++)
		pdx_free(labels[i]);
	pdx_free(labels);
	return pdx_buf_finish(&b, out, len);
}

int pdx_report_summary(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s,
                       pdx_format fmt)
{
	if (fmt == PDX_FORMAT_HTML)
		return html_of(out, len, r, summary_doc, s);
	return fmt == PDX_FORMAT_JSON  ? summary_json(out, len, r, s)
	       : fmt == PDX_FORMAT_CSV ? summary_csv(out, len, r, s)
	                               : summary_text(out, len, r, s);
}

/* ---- gap ---- */

static json_object *next_band_json(const pdx_gap_item *it, int *f)
{
	if (!it->has_next)
		return NULL;
	json_object *o = json_object_new_object();
	pdx_jstr(o, "answer", it->next_answer, f);
	pdx_jput(o, "points", pdx_json_points(it->next_points), f);
	pdx_jput(o, "gain", pdx_json_points(it->next_points - it->current), f);
	return o;
}

/* One proposal: the criterion, what the agency answered, what to answer instead (an
 * answer that earns the points claimed), and the points it gains. */
static json_object *item_json(const pdx_rubric *r, const pdx_gap_item *it, bool full, int *f)
{
	json_object *o = json_object_new_object();
	pdx_jstr(o, "criterion", it->criterion->id, f);
	pdx_jstr(o, "pillar", pdx_rubric_pillar(r, it->criterion->pillar)->id, f);
	pdx_jstr(o, "action", pdx_gap_action_name(it->action), f);
	pdx_jstr(o, "current_answer", it->answer, f);
	pdx_jstr(o, "proposed_answer", it->full_answer, f);
	pdx_jput(o, "needs_evidence", json_object_new_boolean(it->needs_evidence), f);
	if (it->action == PDX_GAP_FIX) {
		pdx_jstr(o, "problem", it->problem ? it->problem->message_vi : NULL, f);
		pdx_jstr(o, "problem_en", it->problem ? it->problem->message_en : NULL, f);
	}
	if (full) {
		pdx_jput(o, "current", pdx_json_points(it->current), f);
		pdx_jput(o, "max", pdx_json_points(it->criterion->max), f);
	}
	pdx_jput(o, "gain", pdx_json_points(it->gain), f);
	if (full)
		pdx_jput(o, "next_band", next_band_json(it, f), f);
	return o;
}

static int gap_json(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	int f = 0;
	json_object *root = json_object_new_object();
	pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *ags = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		const pdx_gap *g = gaps[i];
		const pdx_result *res = g->result;
		json_object *o = json_object_new_object();
		pdx_jstr(o, "agency_id", res->assessment->agency_id, &f);
		pdx_jstr(o, "agency_name", res->assessment->agency_name, &f);
		pdx_jput(o, "year", pdx_jyear(res->assessment->year), &f);
		pdx_jput(o, "total", pdx_json_points(res->total), &f);
		pdx_jput(o, "level", json_object_new_int(res->level ? res->level->number : 0), &f);
		pdx_jput(o, "target_level",
		         g->target ? json_object_new_int(g->target->number) : NULL, &f);
		pdx_jput(o, "points_needed", pdx_json_points(g->needed), &f);
		pdx_jput(o, "reachable", json_object_new_boolean(g->reachable), &f);
		json_object *ms = json_object_new_array();
		for (size_t k = 0; k < g->n_minimal; k++)
			pdx_jpush(ms, item_json(r, &g->minimal[k], false, &f), &f);
		pdx_jput(o, "minimal_set", ms, &f);
		json_object *im = json_object_new_array();
		for (size_t k = 0; k < g->n_improvements; k++)
			pdx_jpush(im, item_json(r, &g->improvements[k], true, &f), &f);
		pdx_jput(o, "improvements", im, &f);
		json_object *wk = json_object_new_array();
		for (size_t k = 0; !g->target && k < g->n_weakest; k++) {
			size_t p = g->weakest[k];
			json_object *po = json_object_new_object();
			const pdx_pillar *P = pdx_rubric_pillar(r, p);
			pdx_jstr(po, "id", P->id, &f);
			pdx_jput(po, "score", pdx_json_points(res->pillars[p]), &f);
			pdx_jput(po, "max", pdx_json_points(P->max), &f);
			pdx_jput(po, "pct",
			         pdx_json_points(
			             P->max ? pdx_round_div(res->pillars[p] * 10000, P->max) : 0),
			         &f);
			pdx_jpush(wk, po, &f);
		}
		pdx_jput(o, "weakest_pillars", wk, &f);
		pdx_jpush(ags, o, &f);
	}
	pdx_jput(root, "agencies", ags, &f);
	return pdx_json_finish(root, f, out, len);
}

static int gap_csv(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	pdx_buf b = {0};
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	static const char *const head[] = {"agency_id",
	                                   "year",
	                                   "total",
	                                   "level",
	                                   "target_level",
	                                   "points_needed",
	                                   "in_minimal_set",
	                                   "criterion",
	                                   "pillar",
	                                   "current",
	                                   "max",
	                                   "gain",
	                                   "next_answer",
	                                   "next_points",
	                                   "action",
	                                   "current_answer",
	                                   "proposed_answer",
	                                   "needs_evidence"};
	size_t nh = sizeof head / sizeof *head;
	for (size_t i = 0; i < nh; i++)
		pdx_csv_put(&b, head[i], i + 1 == nh);
	for (size_t i = 0; i < n; i++) {
		const pdx_gap *g = gaps[i];
		const pdx_result *res = g->result;
		for (size_t k = 0; k < g->n_improvements; k++) {
			const pdx_gap_item *it = &g->improvements[k];
			bool in_min = false;
			for (size_t m = 0; m < g->n_minimal; m++)
				in_min |= g->minimal[m].criterion == it->criterion;
			pdx_csv_put(&b, res->assessment->agency_id, 0);
			if (res->assessment->year)
				pdx_csv_num(&b, res->assessment->year, 0);
			else
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_pts(&b, res->total, 0);
			pdx_csv_num(&b, res->level ? res->level->number : 0, 0);
			if (g->target)
				pdx_csv_num(&b, g->target->number, 0);
			else
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_pts(&b, g->needed, 0);
			pdx_csv_put(&b, in_min ? "1" : "0", 0);
			pdx_csv_put(&b, it->criterion->id, 0);
			pdx_csv_put(&b, pdx_rubric_pillar(r, it->criterion->pillar)->id, 0);
			pdx_csv_pts(&b, it->current, 0);
			pdx_csv_pts(&b, it->criterion->max, 0);
			pdx_csv_pts(&b, it->gain, 0);
			pdx_csv_put(&b, it->has_next ? it->next_answer : NULL, 0);
			if (it->has_next)
				pdx_csv_pts(&b, it->next_points, 0);
			else
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_put(&b, pdx_gap_action_name(it->action), 0);
			pdx_csv_put(&b, it->answer, 0);
			pdx_csv_put(&b, it->full_answer, 0);
			pdx_csv_put(&b, it->needs_evidence ? "1" : "0", 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static void quoted(pdx_buf *b, const char *answer)
{
	if (!answer) {
		pdx_buf_puts(b, "(trống)");
		return;
	}
	pdx_buf_putc(b, '"');
	pdx_buf_put_safe(b, answer);
	pdx_buf_putc(b, '"');
}

/* One line of a roadmap: the criterion, its pillar, the points to win, and what to type.
 * `step`: the next band up (the list of all improvements) rather than the full points
 * (the minimal set). The answers are written as typed, without a unit of ours. */
static void item_text(pdx_buf *b, const pdx_rubric *r, const pdx_gap_item *it, bool step)
{
	char t[32], m[32], g[32];
	const pdx_criterion *c = it->criterion;
	bool next = step && it->has_next;
	pdx_points gain = next ? it->next_points - it->current : it->gain;
	pdx_buf_printf(b, "    %-7s TC%s  +%s  (%s/%s)  ", c->id,
	               pdx_rubric_pillar(r, c->pillar)->id, PTS(gain, g), PTS(it->current, t),
	               pdx_points_format_short(c->max, m, sizeof m));
	const char *to = next ? it->next_answer : it->full_answer;
	if (it->action == PDX_GAP_FIX)
		pdx_buf_puts(b, "sửa (fix) ");
	/* two conflicting answers, one of which is the proposal: "keep one" says it */
	if (it->action == PDX_GAP_FIX && it->answer && strcmp(it->answer, to) == 0) {
		pdx_buf_puts(b, "chỉ giữ (keep only) ");
	} else {
		quoted(b, it->answer);
		pdx_buf_puts(b, " → ");
	}
	quoted(b, to);
	if (it->needs_evidence)
		pdx_buf_puts(b, " + minh chứng (with evidence)");
	pdx_buf_printf(b, "  %s\n", c->name);
	if (it->action == PDX_GAP_FIX && it->problem) {
		pdx_buf_puts(b, "            ");
		pdx_buf_put_safe(b, it->problem->message_vi);
		pdx_buf_putc(b, '\n');
	}
}

static int gap_text(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	pdx_buf b = {0};
	char t[32], u[32], v[32];
	pdx_text_header(&b, r);
	for (size_t i = 0; i < n; i++) {
		const pdx_gap *g = gaps[i];
		const pdx_result *res = g->result;
		pdx_buf_putc(&b, '\n');
		pdx_buf_put_safe(&b, res->assessment->agency_id);
		if (res->assessment->agency_name) {
			pdx_buf_puts(&b, "  ");
			pdx_buf_put_safe(&b, res->assessment->agency_name);
		}
		if (res->assessment->year)
			pdx_buf_printf(&b, " · %d", res->assessment->year);
		pdx_buf_printf(&b, "\n  Tổng điểm %s · Mức %d: %s\n", PTS(res->total, t),
		               res->level ? res->level->number : 0,
		               res->level ? res->level->name : "");
		if (!g->target) {
			pdx_buf_puts(&b,
			             "  Đã ở mức cao nhất. Các trụ cột yếu nhất (at the top level; "
			             "weakest pillars):\n");
			for (size_t k = 0; k < g->n_weakest && k < 3; k++) {
				const pdx_pillar *P = pdx_rubric_pillar(r, g->weakest[k]);
				pdx_points pct =
				    P->max
				        ? pdx_round_div(res->pillars[g->weakest[k]] * 10000, P->max)
				        : 0;
				pdx_buf_printf(&b, "    TC%s %s: %s/%s (%s%%)\n", P->id, P->name,
				               PTS(res->pillars[g->weakest[k]], t),
				               pdx_points_format_short(P->max, u, sizeof u),
				               pdx_points_format(pct, v, sizeof v));
			}
		} else if (g->needed == 0) {
			pdx_buf_printf(&b, "  Đã đạt mức %d: %s (target level reached)\n",
			               g->target->number, g->target->name);
		} else {
			pdx_buf_printf(
			    &b,
			    "  Cần thêm %s điểm để đạt mức %d: %s (ngưỡng %s) — points needed\n",
			    PTS(g->needed, t), g->target->number, g->target->name,
			    pdx_points_format_short(g->target->min, u, sizeof u));
			if (!g->reachable)
				pdx_buf_puts(
				    &b, "  Không thể đạt được dù trọn điểm mọi tiêu chí còn lại "
				        "(not reachable)\n");
			else {
				pdx_buf_printf(&b,
				               "  Ít tiêu chí nhất để đạt (smallest set, %zu):\n",
				               g->n_minimal);
				for (size_t k = 0; k < g->n_minimal; k++)
					item_text(&b, r, &g->minimal[k], false);
			}
		}
		if (g->n_improvements) {
			pdx_buf_printf(&b,
			               "  Mọi tiêu chí còn điểm, theo điểm có thể thêm (all "
			               "improvements, %zu):\n",
			               g->n_improvements);
			for (size_t k = 0; k < g->n_improvements; k++)
				item_text(&b, r, &g->improvements[k], true);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

int pdx_report_gap(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n,
                   pdx_format fmt)
{
	if (fmt == PDX_FORMAT_HTML) {
		gaps_arg g = {gaps, n};
		return html_of(out, len, r, gap_doc, &g);
	}
	return fmt == PDX_FORMAT_JSON  ? gap_json(out, len, r, gaps, n)
	       : fmt == PDX_FORMAT_CSV ? gap_csv(out, len, r, gaps, n)
	                               : gap_text(out, len, r, gaps, n);
}

/* ---- diff ---- */

static json_object *side_json(const pdx_result *res, int *f)
{
	json_object *o = json_object_new_object();
	pdx_jput(o, "year", pdx_jyear(res->assessment->year), f);
	pdx_jput(o, "total", pdx_json_points(res->total), f);
	pdx_jput(o, "level", json_object_new_int(res->level ? res->level->number : 0), f);
	return o;
}

static int diff_json(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d)
{
	int f = 0;
	json_object *root = json_object_new_object();
	pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	pdx_jput(root, "differs", json_object_new_boolean(d->differs), &f);
	json_object *ags = json_object_new_array();
	for (size_t i = 0; i < d->n; i++) {
		const pdx_diff_item *it = &d->items[i];
		json_object *o = json_object_new_object();
		pdx_jstr(o, "agency_id", it->before->assessment->agency_id, &f);
		pdx_jput(o, "before", side_json(it->before, &f), &f);
		pdx_jput(o, "after", side_json(it->after, &f), &f);
		pdx_jput(o, "delta", pdx_json_points(it->after->total - it->before->total), &f);
		json_object *ch = json_object_new_array();
		for (size_t k = 0; k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			json_object *co = json_object_new_object();
			pdx_jstr(co, "criterion", c->criterion->id, &f);
			pdx_jstr(co, "before_answer", c->before_answer, &f);
			pdx_jstr(co, "after_answer", c->after_answer, &f);
			pdx_jput(co, "before_points", pdx_json_points(c->before_points), &f);
			pdx_jput(co, "after_points", pdx_json_points(c->after_points), &f);
			pdx_jpush(ch, co, &f);
		}
		pdx_jput(o, "changes", ch, &f);
		pdx_jpush(ags, o, &f);
	}
	pdx_jput(root, "agencies", ags, &f);
	json_object *ob = json_object_new_array(), *oa = json_object_new_array();
	for (size_t i = 0; i < d->n_only_before; i++)
		pdx_jpush(ob, json_object_new_string(d->only_before[i]->assessment->agency_id), &f);
	for (size_t i = 0; i < d->n_only_after; i++)
		pdx_jpush(oa, json_object_new_string(d->only_after[i]->assessment->agency_id), &f);
	pdx_jput(root, "only_before", ob, &f);
	pdx_jput(root, "only_after", oa, &f);
	return pdx_json_finish(root, f, out, len);
}

static int diff_csv(char **out, size_t *len, const pdx_diff *d)
{
	pdx_buf b = {0};
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	static const char *const head[] = {
	    "agency_id", "before_total",  "before_level", "after_total",   "after_level", "delta",
	    "criterion", "before_answer", "after_answer", "before_points", "after_points"};
	size_t nh = sizeof head / sizeof *head;
	for (size_t i = 0; i < nh; i++)
		pdx_csv_put(&b, head[i], i + 1 == nh);
	for (size_t i = 0; i < d->n; i++) {
		const pdx_diff_item *it = &d->items[i];
		size_t rows = it->n_changes ? it->n_changes : 1;
		for (size_t k = 0; k < rows; k++) {
			pdx_csv_put(&b, it->before->assessment->agency_id, 0);
			pdx_csv_pts(&b, it->before->total, 0);
			pdx_csv_num(&b, it->before->level ? it->before->level->number : 0, 0);
			pdx_csv_pts(&b, it->after->total, 0);
			pdx_csv_num(&b, it->after->level ? it->after->level->number : 0, 0);
			pdx_csv_pts(&b, it->after->total - it->before->total, 0);
			if (!it->n_changes) {
				for (int c = 0; c < 4; c++)
					pdx_csv_put(&b, NULL, 0);
				pdx_csv_put(&b, NULL, 1);
				continue;
			}
			const pdx_change *c = &it->changes[k];
			pdx_csv_put(&b, c->criterion->id, 0);
			pdx_csv_put(&b, c->before_answer, 0);
			pdx_csv_put(&b, c->after_answer, 0);
			pdx_csv_pts(&b, c->before_points, 0);
			pdx_csv_pts(&b, c->after_points, 1);
		}
	}
	/* agencies on one side only: that side's total and level, the other side empty */
	for (int side = 0; side < 2; side++) {
		size_t cnt = side ? d->n_only_after : d->n_only_before;
		pdx_result *const *rs = side ? d->only_after : d->only_before;
		for (size_t i = 0; i < cnt; i++) {
			pdx_csv_put(&b, rs[i]->assessment->agency_id, 0);
			for (int s2 = 0; s2 < 2; s2++) {
				if (s2 == side) {
					pdx_csv_pts(&b, rs[i]->total, 0);
					pdx_csv_num(&b, rs[i]->level ? rs[i]->level->number : 0, 0);
				} else {
					pdx_csv_put(&b, NULL, 0);
					pdx_csv_put(&b, NULL, 0);
				}
			}
			for (int c = 0; c < 5; c++)
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_put(&b, NULL, 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static int diff_text(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d)
{
	pdx_buf b = {0};
	char t[32], u[32], v[32];
	pdx_text_header(&b, r);
	for (size_t i = 0; i < d->n; i++) {
		const pdx_diff_item *it = &d->items[i];
		const pdx_result *x = it->before, *y = it->after;
		pdx_buf_putc(&b, '\n');
		pdx_buf_put_safe(&b, x->assessment->agency_id);
		if (y->assessment->agency_name) {
			pdx_buf_puts(&b, "  ");
			pdx_buf_put_safe(&b, y->assessment->agency_name);
		}
		pdx_points delta = y->total - x->total;
		pdx_buf_printf(
		    &b, "\n  Trước (before): %s · Mức %d  →  Sau (after): %s · Mức %d  (%s%s)\n",
		    PTS(x->total, t), x->level ? x->level->number : 0, PTS(y->total, u),
		    y->level ? y->level->number : 0, delta > 0 ? "+" : "", PTS(delta, v));
		if (!it->n_changes)
			pdx_buf_puts(&b, "  Không có thay đổi (no changes)\n");
		for (size_t k = 0; k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			pdx_buf_printf(&b, "    %-7s \"", c->criterion->id);
			pdx_buf_put_safe(&b, c->before_answer ? c->before_answer : "");
			pdx_buf_puts(&b, "\" → \"");
			pdx_buf_put_safe(&b, c->after_answer ? c->after_answer : "");
			pdx_buf_printf(&b, "\"   %s → %s\n", PTS(c->before_points, t),
			               PTS(c->after_points, u));
		}
	}
	if (d->n_only_before) {
		pdx_buf_puts(&b, "\nChỉ có ở tệp trước (only before):");
		for (size_t i = 0; i < d->n_only_before; i++)
			pdx_buf_putc(&b, ' '),
			    pdx_buf_put_safe(&b, d->only_before[i]->assessment->agency_id);
		pdx_buf_putc(&b, '\n');
	}
	if (d->n_only_after) {
		pdx_buf_puts(&b, "\nChỉ có ở tệp sau (only after):");
		for (size_t i = 0; i < d->n_only_after; i++)
			pdx_buf_putc(&b, ' '),
			    pdx_buf_put_safe(&b, d->only_after[i]->assessment->agency_id);
		pdx_buf_putc(&b, '\n');
	}
	pdx_buf_printf(&b, "\n%s\n",
	               d->differs ? "Có khác biệt (differences found)."
	                          : "Không có khác biệt (no differences).");
	return pdx_buf_finish(&b, out, len);
}

int pdx_report_diff(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d, pdx_format fmt)
{
	if (fmt == PDX_FORMAT_HTML)
		return html_of(out, len, r, diff_doc, d);
	return fmt == PDX_FORMAT_JSON  ? diff_json(out, len, r, d)
	       : fmt == PDX_FORMAT_CSV ? diff_csv(out, len, d)
	                               : diff_text(out, len, r, d);
}
