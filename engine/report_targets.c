/* SPDX-License-Identifier: MIT */
/* Serialisers of plan-target reports: what a provincial department sends the ministry
 * every November. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static void put(json_object *o, const char *k, json_object *v, int *f)
{
	if (!o || json_object_object_add(o, k, v) != 0) {
		json_object_put(v);
		*f = 1;
	}
}

static void put_str(json_object *o, const char *k, const char *s, int *f)
{
	json_object *v = s ? json_object_new_string(s) : NULL;
	if (s && !v)
		*f = 1;
	else
		put(o, k, v, f);
}

static bool measurable(const pdx_target_result *tr)
{
	return tr->indicator->measured && tr->eligible > 0;
}

static int targets_json(char **out, size_t *len, const pdx_rubric *r, const pdx_targets *t)
{
	int f = 0;
	const pdx_plan_meta *m = pdx_plan_meta_get(t->plan);
	json_object *root = json_object_new_object(), *plan = json_object_new_object();
	put_str(plan, "id", m->id, &f);
	put_str(plan, "title", m->title, &f);
	put_str(plan, "scope", pdx_group_key_name(m->scope), &f);
	put(root, "plan", plan, &f);
	put(root, "rubric", pdx_json_rubric(r, &f), &f);
	put(root, "year", t->year ? json_object_new_int(t->year) : NULL, &f);
	put(root, "agencies_in_scope", json_object_new_int64((int64_t)t->in_scope), &f);
	json_object *inds = json_object_new_array();
	for (size_t i = 0; i < t->n; i++) {
		const pdx_target_result *tr = &t->items[i];
		json_object *o = json_object_new_object();
		put_str(o, "id", tr->indicator->id, &f);
		put_str(o, "name", tr->indicator->name, &f);
		put_str(o, "media", tr->indicator->media, &f);
		put(o, "target_year", tr->target ? json_object_new_int(tr->target->year) : NULL,
		    &f);
		put(o, "target_pct", tr->target ? pdx_json_points(tr->target->pct) : NULL, &f);
		put(o, "eligible", json_object_new_int64((int64_t)tr->eligible), &f);
		bool ms = measurable(tr);
		put(o, "achieved", ms ? json_object_new_int64((int64_t)tr->achieved) : NULL, &f);
		put(o, "achieved_pct", ms ? pdx_json_points(tr->achieved_pct) : NULL, &f);
		put(o, "met", ms && tr->target ? json_object_new_boolean(tr->met) : NULL, &f);
		put(o, "measured", json_object_new_boolean(tr->indicator->measured), &f);
		json_object *sh = json_object_new_array();
		for (size_t k = 0; k < tr->n_short; k++)
			if (json_object_array_add(
			        sh, json_object_new_string(tr->short_of[k]->assessment->agency_id)))
				f = 1;
		put(o, "short", sh, &f);
		if (json_object_array_add(inds, o))
			f = 1;
	}
	put(root, "indicators", inds, &f);
	return pdx_json_finish(root, f, out, len);
}

static int targets_csv(char **out, size_t *len, const pdx_targets *t)
{
	pdx_buf b = {0};
	char n[32];
	pdx_buf_puts(&b, "\xef\xbb\xbf");
	static const char *const head[] = {"indicator",    "name",       "media",    "measured",
	                                   "target_year",  "target_pct", "eligible", "achieved",
	                                   "achieved_pct", "met",        "short"};
	size_t nh = sizeof head / sizeof *head;
	for (size_t i = 0; i < nh; i++)
		pdx_csv_put(&b, head[i], i + 1 == nh);
	for (size_t i = 0; i < t->n; i++) {
		const pdx_target_result *tr = &t->items[i];
		bool ms = measurable(tr);
		pdx_csv_put(&b, tr->indicator->id, 0);
		pdx_csv_put(&b, tr->indicator->name, 0);
		pdx_csv_put(&b, tr->indicator->media, 0);
		pdx_csv_put(&b, tr->indicator->measured ? "1" : "0", 0);
		snprintf(n, sizeof n, "%d", tr->target ? tr->target->year : 0);
		pdx_csv_put(&b, tr->target ? n : NULL, 0);
		pdx_csv_put(&b, tr->target ? pdx_points_format(tr->target->pct, n, sizeof n) : NULL,
		            0);
		snprintf(n, sizeof n, "%zu", tr->eligible);
		pdx_csv_put(&b, n, 0);
		snprintf(n, sizeof n, "%zu", tr->achieved);
		pdx_csv_put(&b, ms ? n : NULL, 0);
		pdx_csv_put(&b, ms ? pdx_points_format(tr->achieved_pct, n, sizeof n) : NULL, 0);
		pdx_csv_put(&b, ms && tr->target ? (tr->met ? "1" : "0") : NULL, 0);
		pdx_buf ids = {0};
		for (size_t k = 0; k < tr->n_short; k++)
			pdx_buf_printf(&ids, "%s%s", k ? " " : "",
			               tr->short_of[k]->assessment->agency_id);
		char *s;
		if (pdx_buf_finish(&ids, &s, NULL)) {
			b.failed = 1;
			continue;
		}
		pdx_csv_put(&b, s, 1);
		pdx_free(s);
	}
	return pdx_buf_finish(&b, out, len);
}

/* The achieved share as a percentage. Rounded to 0.01 it may equal the target while the
 * exact share is below it (2/3 = 66.666…% against 66.67%): a "not met" beside two equal
 * numbers would look like a bug, so such a share is written with the digits that show
 * it is below, truncated: "66.6666…%". */
void pdx_target_share(pdx_buf *b, const pdx_target_result *tr)
{
	char c[32];
	if (tr->met || !tr->target || tr->achieved_pct < tr->target->pct) {
		pdx_buf_printf(b, "%s%%", pdx_points_format(tr->achieved_pct, c, sizeof c));
		return;
	}
	/* achieved × 100 / eligible with 4 decimals, truncated */
	uint64_t num = (uint64_t)tr->achieved * 1000000u, den = tr->eligible;
	uint64_t q = num / den;
	pdx_buf_printf(b, "%llu.%04llu%s%%", (unsigned long long)(q / 10000),
	               (unsigned long long)(q % 10000), num % den ? "…" : "");
}

static int targets_text(char **out, size_t *len, const pdx_rubric *r, const pdx_targets *t,
                        pdx_lang lang)
{
	pdx_buf b = {0};
	char a[32];
	const pdx_plan_meta *m = pdx_plan_meta_get(t->plan);
	pdx_text_header(&b, r, lang);
	pdx_buf_printf(&b, "%s: %s — %s\n", pdx_label(lang, N_("Plan"), "Kế hoạch (plan)"), m->id,
	               m->title);
	pdx_buf_printf(&b, "%s: %s = ", pdx_label(lang, N_("Scope"), "Phạm vi (scope)"),
	               m->scope == PDX_KEY_OWNER
	                   ? pdx_label(lang, N_("governing body"), "cơ quan chủ quản (owner)")
	                   : pdx_label(lang, N_("province"), "tỉnh/TP (province)"));
	for (size_t i = 0; i < m->n_matches; i++)
		pdx_buf_printf(&b, "%s%s", i ? " / " : "", m->matches[i]);
	pdx_buf_tr(&b, lang, " · %zu cơ quan · năm đánh giá (year): ",
	           PDX_PLURAL(t->in_scope, N_(" · %zu agency · assessment year: "),
	                      N_(" · %zu agencies · assessment year: ")),
	           t->in_scope);
	if (t->year)
		pdx_buf_printf(&b, "%d\n", t->year);
	else
		pdx_buf_printf(&b, "%s\n", pdx_label(lang, N_("unknown"), "không rõ (unknown)"));
	for (size_t i = 0; i < t->n; i++) {
		const pdx_target_result *tr = &t->items[i];
		const pdx_indicator *ind = tr->indicator;
		pdx_buf_printf(&b, "\n%s — %s\n", ind->id,
		               pdx_name_lang(lang, ind->name, ind->name_en));
		if (ind->media)
			pdx_buf_tr(&b, lang, "  chỉ tính cơ quan có loại hình (media) %s\n",
			           N_("  only agencies of media type %s are counted\n"),
			           ind->media);
		if (tr->target)
			pdx_buf_tr(&b, lang, "  Mục tiêu (target) %d: %s%%\n",
			           N_("  Target %d: %s%%\n"), tr->target->year,
			           pdx_points_format_short(tr->target->pct, a, sizeof a));
		else
			pdx_buf_tr(
			    &b, lang,
			    "  Không có mục tiêu từ năm %d (no target for this year or later)\n",
			    N_("  No target for %d or later\n"), t->year);
		if (!ind->measured) {
			pdx_buf_printf(
			    &b, "  %s\n",
			    pdx_label(lang, N_("Not measured by the index"),
			              "Không đo được bằng bộ chỉ số (not measured by the "
			              "index)"));
			continue;
		}
		if (!tr->eligible) {
			pdx_buf_printf(
			    &b, "  %s\n",
			    pdx_label(lang, N_("No eligible agency"),
			              "Không có cơ quan nào thuộc diện (no eligible agency)"));
			continue;
		}
		pdx_buf_printf(
		    &b, "  %s: %zu/%zu = ", pdx_label(lang, N_("Achieved"), "Đạt (achieved)"),
		    tr->achieved, tr->eligible);
		pdx_target_share(&b, tr);
		if (tr->target)
			pdx_buf_printf(&b, "  →  %s\n",
			               tr->met
			                   ? pdx_label(lang, N_("MET"), "ĐẠT (met)")
			                   : pdx_label(lang, N_("NOT MET"), "CHƯA ĐẠT (not met)"));
		else
			pdx_buf_putc(&b, '\n');
		if (tr->n_short) {
			pdx_buf_printf(
			    &b, "  %s:", pdx_label(lang, N_("Falling short"), "Chưa đạt (short)"));
			for (size_t k = 0; k < tr->n_short; k++) {
				const pdx_assessment *as = tr->short_of[k]->assessment;
				pdx_buf_puts(&b, k ? "; " : " ");
				pdx_buf_put_safe(&b, as->agency_id);
				if (as->agency_name) {
					pdx_buf_putc(&b, ' ');
					pdx_buf_put_safe(&b, as->agency_name);
				}
			}
			pdx_buf_putc(&b, '\n');
		}
	}
	return pdx_buf_finish(&b, out, len);
}

/* HTML: the report model (report_targets_doc.c) */
static int targets_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	return pdx_targets_doc(d, r, what);
}

int pdx_report_targets(char **out, size_t *len, const pdx_rubric *r, const pdx_targets *t,
                       pdx_format fmt)
{
	if (!out)
		return PDX_EARG;
	*out = NULL;
	if (!pdx_format_valid(fmt))
		return PDX_EARG;
	if (pdx_doc_only(fmt)) {
		return pdx_doc_collect(out, len, fmt, r, targets_doc, t);
	}
	pdx_format plain = pdx_format_plain(fmt);
	return plain == PDX_FORMAT_JSON  ? targets_json(out, len, r, t)
	       : plain == PDX_FORMAT_CSV ? targets_csv(out, len, t)
	                                 : targets_text(out, len, r, t, pdx_format_lang_of(fmt));
}
