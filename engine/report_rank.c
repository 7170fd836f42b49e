/* SPDX-License-Identifier: MIT */
/* A ranking as text for a terminal or a printer, CSV that opens in Excel as is (UTF-8
 * BOM) and JSON for scripts (shapes documented in README.md); HTML is the report
 * model's (report_rank_doc.c). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define PTS(p, buf) pdx_points_format((p), (buf), sizeof(buf))

static const char *pillar_name(const pdx_rubric *r, size_t i, pdx_lang lang)
{
	const pdx_pillar *p = pdx_rubric_pillar(r, i);
	return pdx_name_lang(lang, p->name, p->name_en);
}

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

/* The editions the ranked results were scored by, each once, in the groups' order (r
 * for results that name none); *n 0 when memory ran out. */
static const pdx_rubric **editions_of(const pdx_rubric *r, const pdx_ranking *rk, size_t *n)
{
	size_t cap = 1;
	for (size_t g = 0; g < rk->n_groups; g++)
		cap += rk->groups[g].n;
	const pdx_rubric **v = pdx_calloc(cap, sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t g = 0; g < rk->n_groups; g++)
		for (size_t i = 0; i < rk->groups[g].n; i++) {
			const pdx_rubric *e = rk->groups[g].items[i].result->rubric;
			pdx_editions_add(v, n, e ? e : r);
		}
	if (!*n)
		v[(*n)++] = r;
	return v;
}

static const char *edition_id(const pdx_rubric *r, const pdx_result *res)
{
	return pdx_rubric_meta_get(res->rubric ? res->rubric : r)->id;
}

static int rank_json(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk)
{
	int f = 0;
	json_object *root = json_object_new_object();
	size_t ne;
	const pdx_rubric **ed = editions_of(r, rk, &ne);
	if (!ed)
		f = 1;
	/* "rubric" for one edition; "rubrics" always, and each agency names its own */
	if (ne == 1)
		pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *eds = json_object_new_array();
	for (size_t e = 0; e < ne; e++)
		pdx_jpush(eds, pdx_json_rubric(ed[e], &f), &f);
	pdx_jput(root, "rubrics", eds, &f);
	pdx_free(ed);
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
			pdx_jstr(o, "rubric_id", edition_id(r, res), &f);
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
	size_t np = pdx_rubric_pillar_count(r), ne;
	const pdx_rubric **ed = editions_of(r, rk, &ne);
	bool ok = ed != NULL;
	pdx_free(ed);
	if (!ok)
		return PDX_ENOMEM;
	bool several = ne > 1; /* then a last column names each row's edition */
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
	pdx_csv_put(&b, "has_errors", !several);
	if (several)
		pdx_csv_put(&b, "rubric_id", 1);
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
			pdx_csv_put(&b, pdx_result_errors(res) ? "1" : "0", !several);
			if (several)
				pdx_csv_put(&b, edition_id(r, res), 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static int rank_text(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk,
                     pdx_lang lang)
{
	pdx_buf b = {0};
	size_t np = pdx_rubric_pillar_count(r);
	char t[32];
	size_t ne;
	const pdx_rubric **ed = editions_of(r, rk, &ne);
	if (!ed)
		return PDX_ENOMEM;
	for (size_t e = 0; e < ne; e++) /* every edition used, with its notice */
		pdx_text_header(&b, ed[e], lang);
	pdx_free(ed);
	if (ne > 1)
		pdx_buf_printf(&b, "%s\n",
		               pdx_label(lang, N_("Each year by its own edition and its bands"),
		                         "Mỗi năm theo bộ chỉ số của năm đó; mức theo thang của "
		                         "từng bộ (each year by its own edition and its bands)"));
	if (lang == PDX_LANG_BOTH)
		pdx_buf_printf(&b, "Xếp hạng %s (ranking within %s)\n",
		               rk->within == PDX_WITHIN_BLOCK      ? "theo khối"
		               : rk->within == PDX_WITHIN_PROVINCE ? "theo tỉnh/thành phố"
		                                                   : "chung",
		               pdx_within_name(rk->within));
	else
		pdx_buf_printf(&b, "%s\n",
		               pdx_label(lang,
		                         rk->within == PDX_WITHIN_BLOCK
		                             ? N_("Ranking within each block")
		                         : rk->within == PDX_WITHIN_PROVINCE
		                             ? N_("Ranking within each province")
		                             : N_("Ranking of all agencies"),
		                         NULL));
	const char *h_rank = pdx_label(lang, N_("Rank"), NULL),
	           *h_code = pdx_label(lang, N_("Code"), NULL),
	           *h_name = pdx_label(lang, N_("Name"), NULL),
	           *h_total = pdx_label(lang, N_("Total points"), NULL),
	           *h_level = pdx_label(lang, N_("Level"), NULL),
	           *h_p = pdx_label(lang, N_("P"), NULL);
	/* a heading wider than its numbers widens the column ("Total points" in English);
	 * the total's heading has always stood one short of its six-wide numbers */
	size_t wrank = pdx_utf8_width(h_rank), wtotal = pdx_utf8_width(h_total);
	wrank = wrank < 4 ? 4 : wrank;
	wtotal = wtotal < 6 ? 6 : wtotal;
	for (size_t g = 0; g < rk->n_groups; g++) {
		const pdx_rank_group *G = &rk->groups[g];
		size_t wid = pdx_utf8_width(h_code), wname = pdx_utf8_width(h_name),
		       wlev = pdx_utf8_width(h_level);
		wid = wid < 4 ? 4 : wid;
		wname = wname < 4 ? 4 : wname;
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			size_t w = pdx_safe_width(res->assessment->agency_id);
			wid = w > wid ? w : wid;
			w = res->assessment->agency_name
			        ? pdx_safe_width(res->assessment->agency_name)
			        : 0;
			wname = w > wname ? w : wname;
			w = res->level ? pdx_utf8_width(pdx_name_lang(lang, res->level->name,
			                                              res->level->name_en)) +
			                     2
			               : 0;
			wlev = w > wlev ? w : wlev;
		}
		pdx_buf_puts(&b, "\n");
		if (rk->within == PDX_WITHIN_BLOCK)
			pdx_buf_printf(&b, "%s: %s", pdx_label(lang, N_("Block"), "Khối (block)"),
			               pdx_or_unknown(G->key, lang));
		else if (rk->within == PDX_WITHIN_PROVINCE)
			pdx_buf_printf(&b, "%s: %s",
			               pdx_label(lang, N_("Province"), "Tỉnh/TP (province)"),
			               pdx_or_unknown(G->key, lang));
		else
			pdx_buf_puts(&b, pdx_label(lang, N_("All"), "Tất cả (all)"));
		if (rk->by_year && G->year)
			pdx_buf_printf(&b, " · %s %d", pdx_label(lang, N_("Year"), NULL), G->year);
		else if (rk->by_year)
			pdx_buf_printf(
			    &b, " · %s",
			    pdx_label(lang, N_("Year unknown"), "Năm không rõ (year unknown)"));
		char *count = pdx_trf(
		    lang, PDX_PLURAL(G->n, N_(" — %zu agency"), N_(" — %zu agencies")), G->n);
		if (count)
			pdx_buf_puts(&b, count);
		else
			b.failed = 1;
		pdx_free(count);
		if (ne > 1 && G->n)
			pdx_buf_printf(&b, " · %s %s", pdx_label(lang, N_("rubric"), "bộ chỉ số"),
			               edition_id(r, G->items[0].result));
		pdx_buf_putc(&b, '\n');
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, h_rank, wrank);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, h_code, wid);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, h_name, wname);
		pdx_buf_puts(&b, "  ");
		pdx_text_padl(&b, h_total, wtotal > 6 ? wtotal : 5);
		pdx_buf_puts(&b, "  ");
		pdx_text_padr(&b, h_level, wlev);
		for (size_t p = 0; p < np; p++) {
			char h[320];
			snprintf(h, sizeof h, "%s%s", h_p, pdx_rubric_pillar(r, p)->id);
			pdx_buf_puts(&b, "  ");
			pdx_text_padl(&b, h, 5);
		}
		pdx_buf_putc(&b, '\n');
		for (size_t i = 0; i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			/* a row per agency of a national batch: numbers written and padded here,
			 * without a formatted print per cell */
			pdx_buf_puts(&b, "  ");
			put_num_right(&b, (long long)G->items[i].rank, wrank);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(&b, res->assessment->agency_id, wid);
			pdx_buf_puts(&b, "  ");
			pdx_text_padr(
			    &b, res->assessment->agency_name ? res->assessment->agency_name : "",
			    wname);
			pdx_buf_puts(&b, "  ");
			put_ascii_right(&b, PTS(res->total, t), wtotal);
			pdx_buf_puts(&b, "  ");
			/* the level as "N name", padded */
			size_t w = put_num_right(&b, res->level ? res->level->number : 0, 0) + 1;
			pdx_buf_putc(&b, ' ');
			if (res->level) {
				const char *ln =
				    pdx_name_lang(lang, res->level->name, res->level->name_en);
				pdx_buf_put_safe(&b, ln);
				w += pdx_safe_width(ln);
			}
			for (; w < wlev; w++)
				pdx_buf_putc(&b, ' ');
			for (size_t p = 0; p < np; p++) {
				pdx_buf_puts(&b, "  ");
				put_ascii_right(&b, PTS(res->pillars[p], t), 5);
			}
			if (pdx_result_errors(res) && lang == PDX_LANG_BOTH)
				pdx_buf_printf(&b, "  (!) có lỗi (%zu errors)",
				               pdx_result_errors(res));
			else if (pdx_result_errors(res))
				pdx_buf_printf(&b, "  (!) %s (%zu)",
				               pdx_label(lang, N_("Errors"), NULL),
				               pdx_result_errors(res));
			pdx_buf_putc(&b, '\n');
		}
	}
	if (rk->unfilled && lang == PDX_LANG_BOTH)
		pdx_buf_printf(&b,
		               "\nKhông xếp hạng %zu phiếu chưa điền (%zu unfilled questionnaires "
		               "left out).\n",
		               rk->unfilled, rk->unfilled);
	else if (rk->unfilled) {
		char *u =
		    pdx_trf(lang,
		            PDX_PLURAL(rk->unfilled, N_("%zu unfilled questionnaire not ranked"),
		                       N_("%zu unfilled questionnaires not ranked")),
		            rk->unfilled);
		if (u)
			pdx_buf_printf(&b, "\n%s.\n", u);
		else
			b.failed = 1;
		pdx_free(u);
	}
	pdx_buf_printf(&b, "\n%s1…%s5: %s: ", h_p, h_p,
	               pdx_label(lang, N_("pillar scores"), "điểm trụ cột (pillar scores)"));
	for (size_t p = 0; p < np; p++)
		pdx_buf_printf(&b, "%s%s%s %s", p ? "; " : "", h_p, pdx_rubric_pillar(r, p)->id,
		               pillar_name(r, p, lang));
	pdx_buf_putc(&b, '\n');
	return pdx_buf_finish(&b, out, len);
}

/* HTML: the dashboard on the report model (report_rank_doc.c) */
static int rank_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_rank_doc(d, r, what);
}

int pdx_report_rank(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk,
                    pdx_format fmt)
{
	*out = NULL;
	if (!pdx_format_valid(fmt))
		return PDX_EARG;
	/* the columns are r's: every result's edition must line up with them */
	for (size_t g = 0; g < rk->n_groups; g++)
		for (size_t i = 0; i < rk->groups[g].n; i++) {
			const pdx_rubric *e = rk->groups[g].items[i].result->rubric;
			if (e && !pdx_rubric_compatible(r, e))
				return PDX_EINVALID;
		}
	if (pdx_doc_only(fmt))
		return pdx_doc_collect(out, len, fmt, r, rank_doc, rk);
	pdx_format plain = pdx_format_plain(fmt);
	return plain == PDX_FORMAT_JSON  ? rank_json(out, len, r, rk)
	       : plain == PDX_FORMAT_CSV ? rank_csv(out, len, r, rk)
	                                 : rank_text(out, len, r, rk, pdx_format_lang_of(fmt));
}
