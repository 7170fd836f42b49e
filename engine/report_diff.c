/* SPDX-License-Identifier: MIT */
/* Two scorings of the same agencies compared (diff.c) as text, CSV (UTF-8 BOM) and
 * JSON (shapes documented in README.md); HTML is the report model's
 * (report_gap_diff_doc.c). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define PTS(p, buf) pdx_points_format((p), (buf), sizeof(buf))

static json_object *side_json(const pdx_result *res, int *f)
{
	json_object *o = json_object_new_object();
	pdx_jput(o, "year", pdx_jyear(res->assessment->year), f);
	pdx_jput(o, "total", pdx_json_points(res->total), f);
	pdx_jput(o, "level", json_object_new_int(res->level ? res->level->number : 0), f);
	/* the edition that side was scored with: its level is on that edition's bands */
	pdx_jstr(o, "rubric_id", pdx_rubric_meta_get(res->rubric)->id, f);
	return o;
}

static const char *compare_name(pdx_diff_level l)
{
	return l == PDX_DIFF_CRITERIA    ? "criteria"
	       : l == PDX_DIFF_CROSSWALK ? "crosswalk"
	                                 : "pillars";
}

/* The pillars of the two sides, paired by id (two editions may order them differently
 * or lack one): one entry per pillar of the later side that the earlier one has. */
static json_object *pillars_json(const pdx_diff_item *it, int *f)
{
	json_object *a = json_object_new_array();
	const pdx_rubric *rb = it->before->rubric, *ra = it->after->rubric;
	for (size_t k = 0; k < pdx_rubric_pillar_count(ra); k++) {
		long m = pdx_rubric_find_pillar(rb, pdx_rubric_pillar(ra, k)->id);
		if (m < 0)
			continue;
		pdx_points x = it->before->pillars[m], y = it->after->pillars[k];
		json_object *o = json_object_new_object();
		pdx_jstr(o, "id", pdx_rubric_pillar(ra, k)->id, f);
		pdx_jput(o, "before", pdx_json_points(x), f);
		pdx_jput(o, "after", pdx_json_points(y), f);
		pdx_jput(o, "delta", pdx_json_points(y - x), f);
		pdx_jpush(a, o, f);
	}
	return a;
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
		/* how far the two were compared: criteria (one edition), through a crosswalk,
		 * or totals and pillars only (two editions no crosswalk joins) */
		pdx_jstr(o, "comparison", compare_name(it->compare), &f);
		if (it->crosswalk) {
			const pdx_crosswalk_meta *cm = pdx_crosswalk_meta_get(it->crosswalk);
			json_object *cw = json_object_new_object();
			pdx_jstr(cw, "from", cm->from_id, &f);
			pdx_jstr(cw, "to", cm->to_id, &f);
			pdx_jstr(cw, "status", pdx_status_name(cm->status), &f);
			pdx_jput(o, "crosswalk", cw, &f);
		} else {
			pdx_jput(o, "crosswalk", NULL, &f);
		}
		pdx_jput(o, "pillars", pillars_json(it, &f), &f);
		json_object *ch = json_object_new_array();
		for (size_t k = 0; k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			json_object *co = json_object_new_object();
			pdx_jstr(co, "criterion", c->criterion->id, &f);
			pdx_jstr(co, "before_answer", c->before_answer, &f);
			pdx_jstr(co, "after_answer", c->after_answer, &f);
			pdx_jput(co, "before_points", pdx_json_points(c->before_points), &f);
			pdx_jput(co, "after_points", pdx_json_points(c->after_points), &f);
			if (it->compare != PDX_DIFF_CRITERIA) {
				pdx_jstr(co, "after_criterion", c->after_criterion->id, &f);
				pdx_jput(co, "points_comparable",
				         json_object_new_boolean(c->points_comparable), &f);
			}
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
	static const char *const head[] = {"agency_id",     "before_total",  "before_level",
	                                   "after_total",   "after_level",   "delta",
	                                   "criterion",     "before_answer", "after_answer",
	                                   "before_points", "after_points",  "comparison"};
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
				for (int c = 0; c < 5; c++)
					pdx_csv_put(&b, NULL, 0);
				pdx_csv_put(&b, compare_name(it->compare), 1);
				continue;
			}
			const pdx_change *c = &it->changes[k];
			pdx_csv_put(&b, c->criterion->id, 0);
			pdx_csv_put(&b, c->before_answer, 0);
			pdx_csv_put(&b, c->after_answer, 0);
			pdx_csv_pts(&b, c->before_points, 0);
			pdx_csv_pts(&b, c->after_points, 0);
			pdx_csv_put(&b, compare_name(it->compare), 1);
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
			for (int c = 0; c < 6; c++)
				pdx_csv_put(&b, NULL, 0);
			pdx_csv_put(&b, NULL, 1);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

static int diff_text(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d, pdx_lang lang)
{
	pdx_buf b = {0};
	char t[32], u[32], v[32];
	pdx_text_header(&b, r, lang);
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
		pdx_buf_tr(&b, lang,
		           "\n  Trước (before): %s · Mức %d  →  Sau (after): %s · Mức %d  (%s%s)\n",
		           N_("\n  Before: %s · Level %d  →  After: %s · Level %d  (%s%s)\n"),
		           PTS(x->total, t), x->level ? x->level->number : 0, PTS(y->total, u),
		           y->level ? y->level->number : 0, delta > 0 ? "+" : "", PTS(delta, v));
		const pdx_rubric_meta *rx = pdx_rubric_meta_get(x->rubric),
		                      *ry = pdx_rubric_meta_get(y->rubric);
		if (it->compare != PDX_DIFF_CRITERIA) {
			pdx_buf_printf(&b, "  %s ",
			               pdx_label(lang, N_("Note: before scored with rubric"),
			                         "Lưu ý: trước chấm theo bộ chỉ số"));
			pdx_buf_put_safe(&b, rx->id);
			pdx_buf_printf(&b, ", %s ", pdx_label(lang, N_("after with"), "sau theo"));
			pdx_buf_put_safe(&b, ry->id);
			pdx_buf_printf(
			    &b, ": %s\n",
			    it->compare == PDX_DIFF_CROSSWALK
			        ? pdx_label(
			              lang,
			              N_("levels from two different sets of bands; criteria "
			                 "compared through the crosswalk between the two"),
			              "mức theo hai thang ngưỡng khác nhau; tiêu chí so qua bảng "
			              "đối chiếu giữa hai bộ (two editions: levels from different "
			              "bands; criteria compared through the crosswalk)")
			        : pdx_label(
			              lang,
			              N_("levels from two different sets of bands; no crosswalk "
			                 "joins the criteria of the two, only totals and pillars "
			                 "are compared"),
			              "mức theo hai thang ngưỡng khác nhau; không có bảng đối "
			              "chiếu tiêu chí giữa hai bộ, chỉ so tổng điểm và trụ cột "
			              "(two editions, no crosswalk: totals and pillars compared, "
			              "not criteria)"));
			for (size_t k = 0; k < pdx_rubric_pillar_count(y->rubric); k++) {
				const pdx_pillar *py = pdx_rubric_pillar(y->rubric, k);
				long m = pdx_rubric_find_pillar(x->rubric, py->id);
				if (m < 0)
					continue;
				pdx_points dp = y->pillars[k] - x->pillars[m];
				pdx_buf_tr(&b, lang, "    Trụ cột (pillar) %-3s %s → %s  (%s%s)\n",
				           N_("    Pillar %-3s %s → %s  (%s%s)\n"), py->id,
				           PTS(x->pillars[m], t), PTS(y->pillars[k], u),
				           dp > 0 ? "+" : "", PTS(dp, v));
			}
		}
		if (it->compare == PDX_DIFF_PILLARS)
			continue;
		if (!it->n_changes)
			pdx_buf_printf(
			    &b, "  %s\n",
			    pdx_label(lang, N_("No change"), "Không có thay đổi (no changes)"));
		for (size_t k = 0; k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			pdx_buf_printf(&b, "    %-7s \"", c->criterion->id);
			pdx_buf_put_safe(&b, c->before_answer ? c->before_answer : "");
			pdx_buf_puts(&b, "\" → \"");
			pdx_buf_put_safe(&b, c->after_answer ? c->after_answer : "");
			pdx_buf_printf(&b, "\"   %s → %s", PTS(c->before_points, t),
			               PTS(c->after_points, u));
			if (c->after_criterion != c->criterion &&
			    strcmp(c->after_criterion->id, c->criterion->id) != 0) {
				if (lang == PDX_LANG_BOTH) {
					pdx_buf_puts(&b, "  (sau là tiêu chí ");
					pdx_buf_put_safe(&b, c->after_criterion->id);
					pdx_buf_puts(&b, ", after: criterion ");
				} else
					pdx_buf_printf(
					    &b, "  (%s ",
					    pdx_label(lang, N_("after: criterion"), NULL));
				pdx_buf_put_safe(&b, c->after_criterion->id);
				pdx_buf_puts(&b, ")");
			}
			if (!c->points_comparable && !c->before_answer &&
			    pdx_rubric_find_criterion(x->rubric, c->criterion->id) < 0)
				pdx_buf_printf(
				    &b, "  (%s)",
				    pdx_label(lang, N_("new in the later edition"),
				              "tiêu chí mới của bộ sau; new in the later "
				              "edition"));
			else if (!c->points_comparable)
				pdx_buf_printf(
				    &b, "  (%s)",
				    pdx_label(lang, N_("points under different rules"),
				              "điểm theo hai cách chấm khác nhau; points under "
				              "different rules"));
			pdx_buf_putc(&b, '\n');
		}
	}
	if (d->n_only_before) {
		pdx_buf_printf(&b, "\n%s:",
		               pdx_label(lang, N_("Only in the first set"),
		                         "Chỉ có ở tệp trước (only before)"));
		for (size_t i = 0; i < d->n_only_before; i++)
			pdx_buf_putc(&b, ' '),
			    pdx_buf_put_safe(&b, d->only_before[i]->assessment->agency_id);
		pdx_buf_putc(&b, '\n');
	}
	if (d->n_only_after) {
		pdx_buf_printf(
		    &b, "\n%s:",
		    pdx_label(lang, N_("Only in the second set"), "Chỉ có ở tệp sau (only after)"));
		for (size_t i = 0; i < d->n_only_after; i++)
			pdx_buf_putc(&b, ' '),
			    pdx_buf_put_safe(&b, d->only_after[i]->assessment->agency_id);
		pdx_buf_putc(&b, '\n');
	}
	pdx_buf_printf(
	    &b, "\n%s\n",
	    d->differs
	        ? pdx_label(lang, N_("Differences found."), "Có khác biệt (differences found).")
	        : pdx_label(lang, N_("No differences."), "Không có khác biệt (no differences)."));
	return pdx_buf_finish(&b, out, len);
}

/* HTML: the comparison on the report model (report_gap_diff_doc.c) */
static int diff_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_diff_doc(d, r, what);
}

/* Whether `r` scored any result of the diff (true for a diff of nothing): the report's
 * heading names r, and the figures come from the results' own editions. */
static bool diff_edition(const pdx_rubric *r, const pdx_diff *d)
{
	size_t seen = 0;
	for (size_t i = 0; i < d->n; i++, seen++)
		if (pdx_rubric_same(r, d->items[i].before->rubric) ||
		    pdx_rubric_same(r, d->items[i].after->rubric))
			return true;
	for (size_t i = 0; i < d->n_only_before; i++, seen++)
		if (pdx_rubric_same(r, d->only_before[i]->rubric))
			return true;
	for (size_t i = 0; i < d->n_only_after; i++, seen++)
		if (pdx_rubric_same(r, d->only_after[i]->rubric))
			return true;
	return seen == 0;
}

int pdx_report_diff(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d, pdx_format fmt)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!len || !r || !d || !pdx_format_valid(fmt))
		return PDX_EARG;
	if (!diff_edition(r, d))
		return PDX_EINVALID;
	if (pdx_doc_only(fmt))
		return pdx_doc_collect(out, len, fmt, r, diff_doc, d);
	pdx_format plain = pdx_format_plain(fmt);
	return plain == PDX_FORMAT_JSON  ? diff_json(out, len, r, d)
	       : plain == PDX_FORMAT_CSV ? diff_csv(out, len, d)
	                                 : diff_text(out, len, r, d, pdx_format_lang_of(fmt));
}
