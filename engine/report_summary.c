/* SPDX-License-Identifier: MIT */
/* A summary per group (count, levels, mean/median/min/max per pillar) as text, CSV
 * (UTF-8 BOM) and JSON (shapes documented in README.md); HTML is the report model's
 * (report_summary_doc.c). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define PTS(p, buf) pdx_points_format((p), (buf), sizeof(buf))

/* The edition a group was scored by (the summary's own for one made by hand). */
static const pdx_rubric *edition_of(const pdx_rubric *r, const pdx_summary_group *g)
{
	return g->rubric ? g->rubric : r;
}

/* Several editions: the headers of all, then which year each one scored. */
void pdx_summary_editions_text(pdx_buf *b, const pdx_rubric *r, const pdx_summary *s, pdx_lang lang)
{
	if (s->n_rubrics <= 1) {
		pdx_text_header(b, r, lang);
		return;
	}
	for (size_t e = 0; e < s->n_rubrics; e++)
		pdx_text_header(b, s->rubrics[e], lang);
	pdx_buf_printf(
	    b, "%s:",
	    pdx_label(lang, N_("Each year by its own edition"),
	              "Mỗi năm theo bộ chỉ số của năm đó (each year by its own edition)"));
	for (size_t t = 0; t < s->n_totals; t++) {
		pdx_buf_puts(b, t ? "; " : " ");
		if (s->totals[t].year)
			pdx_buf_printf(b, "%d", s->totals[t].year);
		else
			pdx_buf_puts(b, pdx_label(lang, N_("year unknown"), NULL));
		pdx_buf_printf(b, " → %s", pdx_rubric_meta_get(edition_of(r, &s->totals[t]))->id);
	}
	pdx_buf_printf(b, "; %s\n",
	               pdx_label(lang, N_("levels by each edition's bands"),
	                         "mức theo thang của từng bộ (levels by each edition's bands)"));
}

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
	/* "rubric" when one edition scored them all; "rubrics" always, and each group and
	 * total names its own */
	if (s->n_rubrics <= 1)
		pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *eds = json_object_new_array();
	for (size_t e = 0; e < s->n_rubrics; e++)
		pdx_jpush(eds, pdx_json_rubric(s->rubrics[e], &f), &f);
	pdx_jput(root, "rubrics", eds, &f);
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
		pdx_jstr(go, "rubric_id", pdx_rubric_meta_get(edition_of(r, &s->groups[g]))->id,
		         &f);
		pdx_jpush(groups, go, &f);
	}
	pdx_jput(root, "groups", groups, &f);
	/* every agency of a year: one per year, never a sum over years */
	json_object *totals = json_object_new_array();
	for (size_t t = 0; t < s->n_totals; t++) {
		json_object *to = stats_json(r, &s->totals[t].stats, &f);
		pdx_jput(to, "year", pdx_jyear(s->totals[t].year), &f);
		pdx_jstr(to, "rubric_id", pdx_rubric_meta_get(edition_of(r, &s->totals[t]))->id,
		         &f);
		pdx_jpush(totals, to, &f);
	}
	pdx_jput(root, "totals", totals, &f);
	pdx_jput(root, "all", s->by_year ? NULL : stats_json(r, &s->all, &f), &f);
	pdx_jput(root, "unfilled", json_object_new_int64((int64_t)s->unfilled), &f);
	return pdx_json_finish(root, f, out, len);
}

static void stats_csv(pdx_buf *b, const pdx_rubric *r, const pdx_stats *st, const char *edition)
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
		pdx_csv_pts(b, st->pillar_pct[p], p + 1 == np && !edition);
	}
	if (edition)
		pdx_csv_put(b, edition, 1);
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
		pdx_csv_put(&b, h, p + 1 == np && s->n_rubrics <= 1);
	}
	if (s->n_rubrics > 1) /* several editions: each row names its own */
		pdx_csv_put(&b, "rubric_id", 1);
#define EDITION(G) (s->n_rubrics > 1 ? pdx_rubric_meta_get(edition_of(r, (G)))->id : NULL)
	for (size_t g = 0; g < s->n_groups; g++) {
		if (year_col)
			pdx_csv_year(&b, s->groups[g].year);
		for (size_t k = 0; k < s->n_keys; k++)
			pdx_csv_put(&b, s->groups[g].values[k], 0);
		stats_csv(&b, r, &s->groups[g].stats, EDITION(&s->groups[g]));
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
		stats_csv(&b, r, s->by_year ? &s->totals[t].stats : &s->all,
		          EDITION(&s->totals[t]));
	}
#undef EDITION
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
static void year_label(pdx_buf *b, int year, pdx_lang lang)
{
	if (year)
		pdx_buf_printf(b, "%d", year);
	else
		pdx_buf_puts(b, pdx_label(lang, N_("year unknown"), NULL));
}

static int summary_text(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s,
                        pdx_lang lang)
{
	pdx_buf b = {0};
	pdx_summary_editions_text(&b, r, s, lang);
	pdx_buf_printf(&b, "%s: ", pdx_label(lang, N_("Summary by"), "Tổng hợp theo (summary by)"));
	bool year_asked = false;
	for (size_t k = 0; k < s->n_keys; k++) {
		pdx_buf_printf(&b, "%s%s", k ? ", " : "", pdx_group_key_name(s->keys[k]));
		year_asked |= s->keys[k] == PDX_KEY_YEAR;
	}
	if (s->by_year)
		pdx_buf_printf(
		    &b, " — %s",
		    pdx_label(lang, N_("each year apart"), "mỗi năm riêng (each year apart)"));
	pdx_buf_puts(&b, "\n\n");
	/* labels of the groups, then of the totals */
	size_t nl = s->n_groups + s->n_totals;
	char **labels = pdx_calloc(nl + 1, sizeof(char *));
	const char *all = pdx_label(lang, N_("All"), "Tất cả (all)");
	const char *group = pdx_label(lang, N_("Group"), "Nhóm (group)");
	size_t wlabel = pdx_utf8_width(all);
	if (pdx_utf8_width(group) > wlabel)
		wlabel = pdx_utf8_width(group);
	for (size_t i = 0; labels && i < nl; i++) {
		const pdx_summary_group *G =
		    i < s->n_groups ? &s->groups[i] : &s->totals[i - s->n_groups];
		pdx_buf lb = {0};
		if (i >= s->n_groups) {
			pdx_buf_puts(&lb, all);
			if (s->by_year) {
				pdx_buf_puts(&lb, " · ");
				year_label(&lb, G->year, lang);
			}
		} else {
			if (s->by_year && !year_asked) {
				year_label(&lb, G->year, lang);
				pdx_buf_puts(&lb, " · ");
			}
			for (size_t k = 0; k < s->n_keys; k++) {
				pdx_buf_puts(&lb, k ? " · " : "");
				pdx_buf_puts(&lb, pdx_or_unknown(G->values[k], lang));
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
	pdx_text_padr(&b, group, wlabel);
	/* the both form has always been the Vietnamese abbreviations: "Số CQ", "TB" */
	pdx_buf_puts(&b, "  ");
	pdx_text_padl(&b, pdx_label(lang, N_("Count"), NULL), 5);
	pdx_text_padl(&b, pdx_label(lang, N_("Avg"), NULL), 8);
	pdx_text_padl(&b, pdx_label(lang, N_("Median"), NULL), 10);
	pdx_buf_puts(&b, "     Min     Max ");
	const char *h_l = pdx_label(lang, N_("L"), NULL), *h_p = pdx_label(lang, N_("P"), NULL);
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++) {
		char h[48];
		snprintf(h, sizeof h, "%s%d", h_l, pdx_rubric_level(r, l)->number);
		pdx_buf_puts(&b, "  ");
		pdx_text_padl(&b, h, 2);
	}
	pdx_buf_puts(&b, " ");
	for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
		char h[320];
		snprintf(h, sizeof h, "%s%s%%", h_p, pdx_rubric_pillar(r, p)->id);
		pdx_text_padl(&b, h, 7);
	}
	pdx_buf_putc(&b, '\n');
	if (labels && !s->by_year) {
		for (size_t g = 0; g < s->n_groups; g++)
			summary_row(&b, r, labels[g] ? labels[g] : "", wlabel, &s->groups[g].stats);
		summary_row(&b, r, all, wlabel, &s->all);
	}
	/* a year's groups, then that year's total, year after year */
	for (size_t t = 0, g = 0; labels && s->by_year && t < s->n_totals; t++) {
		for (; g < s->n_groups && s->groups[g].year == s->totals[t].year; g++)
			summary_row(&b, r, labels[g] ? labels[g] : "", wlabel, &s->groups[g].stats);
		const char *tl = labels[s->n_groups + t];
		summary_row(&b, r, tl ? tl : "", wlabel, &s->totals[t].stats);
	}
	if (lang == PDX_LANG_BOTH)
		pdx_buf_puts(&b,
		             "\nSố CQ: số cơ quan (agencies); TB: điểm trung bình (mean); M1…: số "
		             "cơ quan mỗi mức (per level:");
	else
		pdx_buf_printf(
		    &b, "\n%s; %s1…: %s (",
		    pdx_label(lang, N_("Count: number of agencies; Avg: mean points"), NULL), h_l,
		    pdx_label(lang, N_("agencies per level"), NULL));
	for (size_t l = 0; l < pdx_rubric_level_count(r); l++) {
		const pdx_level *lv = pdx_rubric_level(r, l);
		pdx_buf_printf(&b, "%s%s%d %s", lang == PDX_LANG_BOTH || l ? " " : "", h_l,
		               lv->number, pdx_name_lang(lang, lv->name, lv->name_en));
	}
	if (lang == PDX_LANG_BOTH)
		pdx_buf_puts(&b,
		             "); TC%: điểm trung bình trụ cột theo % điểm tối đa (pillar mean, % "
		             "of max).\n");
	else
		pdx_buf_printf(&b, "); %s%%: %s.\n", h_p,
		               pdx_label(lang, N_("pillar mean, as a share of its maximum"), NULL));
	if (s->unfilled && lang == PDX_LANG_BOTH)
		pdx_buf_printf(&b,
		               "Không tính %zu phiếu chưa điền (%zu unfilled questionnaires left "
		               "out).\n",
		               s->unfilled, s->unfilled);
	else if (s->unfilled) {
		char *u =
		    pdx_trf(lang,
		            PDX_PLURAL(s->unfilled, N_("%zu unfilled questionnaire not counted"),
		                       N_("%zu unfilled questionnaires not counted")),
		            s->unfilled);
		if (u)
			pdx_buf_printf(&b, "%s.\n", u);
		else
			b.failed = 1;
		pdx_free(u);
	}
	for (size_t i = 0; labels && i < nl; i++)
		pdx_free(labels[i]);
	pdx_free(labels);
	return pdx_buf_finish(&b, out, len);
}

/* HTML: the dashboard on the report model (report_summary_doc.c) */
static int summary_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_summary_doc(d, r, what);
}

int pdx_report_summary(char **out, size_t *len, const pdx_rubric *r, const pdx_summary *s,
                       pdx_format fmt)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!pdx_format_valid(fmt))
		return PDX_EARG;
	if (pdx_doc_only(fmt))
		return pdx_doc_collect(out, len, fmt, r, summary_doc, s);
	pdx_format plain = pdx_format_plain(fmt);
	return plain == PDX_FORMAT_JSON  ? summary_json(out, len, r, s)
	       : plain == PDX_FORMAT_CSV ? summary_csv(out, len, r, s)
	                                 : summary_text(out, len, r, s, pdx_format_lang_of(fmt));
}
