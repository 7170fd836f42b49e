/* SPDX-License-Identifier: MIT */
/* Roadmaps to the next level (gap.c) as text, CSV (UTF-8 BOM) and JSON (shapes
 * documented in README.md); HTML is the report model's (report_gap_diff_doc.c). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#define PTS(p, buf) pdx_points_format((p), (buf), sizeof(buf))

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

/* The editions of the roadmaps' results, each once, in order (r for none); NULL when
 * memory ran out. */
static const pdx_rubric **editions_of(const pdx_rubric *r, pdx_gap *const *gaps, size_t n,
                                      size_t *ne)
{
	const pdx_rubric **v = pdx_calloc(n + 1, sizeof(*v));
	*ne = 0;
	for (size_t i = 0; v && i < n; i++)
		pdx_editions_add(v, ne, gaps[i]->result->rubric ? gaps[i]->result->rubric : r);
	if (v && !*ne)
		v[(*ne)++] = r;
	return v;
}

static int gap_json(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	int f = 0;
	json_object *root = json_object_new_object();
	size_t ne;
	const pdx_rubric **ed = editions_of(r, gaps, n, &ne);
	if (!ed)
		f = 1;
	/* "rubric" for one edition; "rubrics" always, and each agency names its own */
	if (ed && ne == 1)
		pdx_jput(root, "rubric", pdx_json_rubric(r, &f), &f);
	json_object *eds = json_object_new_array();
	for (size_t e = 0; ed && e < ne; e++)
		pdx_jpush(eds, pdx_json_rubric(ed[e], &f), &f);
	pdx_jput(root, "rubrics", eds, &f);
	pdx_free(ed);
	json_object *ags = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		const pdx_gap *g = gaps[i];
		const pdx_result *res = g->result;
		json_object *o = json_object_new_object();
		pdx_jstr(o, "agency_id", res->assessment->agency_id, &f);
		pdx_jstr(o, "agency_name", res->assessment->agency_name, &f);
		pdx_jput(o, "year", pdx_jyear(res->assessment->year), &f);
		pdx_jstr(o, "rubric_id", pdx_rubric_meta_get(res->rubric ? res->rubric : r)->id,
		         &f);
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

static void quoted(pdx_buf *b, const char *answer, pdx_lang lang)
{
	if (!answer) {
		pdx_buf_puts(b, pdx_label(lang, N_("(empty)"), NULL));
		return;
	}
	pdx_buf_putc(b, '"');
	pdx_buf_put_safe(b, answer);
	pdx_buf_putc(b, '"');
}

/* One line of a roadmap: the criterion, its pillar, the points to win, and what to type.
 * `step`: the next band up (the list of all improvements) rather than the full points
 * (the minimal set). The answers are written as typed, without a unit of ours. */
static void item_text(pdx_buf *b, const pdx_rubric *r, const pdx_gap_item *it, bool step,
                      pdx_lang lang)
{
	char t[32], m[32], g[32];
	const pdx_criterion *c = it->criterion;
	bool next = step && it->has_next;
	pdx_points gain = next ? it->next_points - it->current : it->gain;
	pdx_buf_printf(b, "    %-7s %s%s  +%s  (%s/%s)  ", c->id, pdx_label(lang, N_("P"), NULL),
	               pdx_rubric_pillar(r, c->pillar)->id, PTS(gain, g), PTS(it->current, t),
	               pdx_points_format_short(c->max, m, sizeof m));
	const char *to = next ? it->next_answer : it->full_answer;
	if (it->action == PDX_GAP_FIX)
		pdx_buf_printf(b, "%s ", pdx_label(lang, N_("fix"), "sửa (fix)"));
	/* two conflicting answers, one of which is the proposal: "keep one" says it */
	if (it->action == PDX_GAP_FIX && it->answer && strcmp(it->answer, to) == 0) {
		pdx_buf_printf(b, "%s ", pdx_label(lang, N_("keep only"), "chỉ giữ (keep only)"));
	} else {
		quoted(b, it->answer, lang);
		pdx_buf_puts(b, " → ");
	}
	quoted(b, to, lang);
	if (it->needs_evidence)
		pdx_buf_printf(b, " + %s",
		               pdx_label(lang, N_("with evidence"), "minh chứng (with evidence)"));
	pdx_buf_printf(b, "  %s\n", pdx_name_lang(lang, c->name, c->name_en));
	if (it->action == PDX_GAP_FIX && it->problem) {
		pdx_buf_puts(b, "            ");
		pdx_buf_put_safe(b, lang == PDX_LANG_EN && it->problem->message_en
		                        ? it->problem->message_en
		                        : it->problem->message_vi);
		pdx_buf_putc(b, '\n');
	}
}

static int gap_text(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n,
                    pdx_lang lang)
{
	pdx_buf b = {0};
	char t[32], u[32], v[32];
	size_t ne;
	const pdx_rubric **ed = editions_of(r, gaps, n, &ne);
	if (!ed)
		return PDX_ENOMEM;
	for (size_t e = 0; e < ne; e++) /* every edition used, with its notice */
		pdx_text_header(&b, ed[e], lang);
	pdx_free(ed);
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
		if (ne > 1) /* several editions: each roadmap says whose bands it climbs */
			pdx_buf_printf(&b, " · %s",
			               pdx_rubric_meta_get(res->rubric ? res->rubric : r)->id);
		pdx_buf_printf(
		    &b, "\n  %s %s · %s %d: %s\n", pdx_label(lang, N_("Total"), NULL),
		    PTS(res->total, t), pdx_label(lang, N_("Level"), NULL),
		    res->level ? res->level->number : 0,
		    res->level ? pdx_name_lang(lang, res->level->name, res->level->name_en) : "");
		if (!g->target) {
			pdx_buf_printf(
			    &b, "  %s\n",
			    pdx_label(lang, N_("At the top level. The weakest pillars:"),
			              "Đã ở mức cao nhất. Các trụ cột yếu nhất (at the top "
			              "level; weakest pillars):"));
			for (size_t k = 0; k < g->n_weakest && k < 3; k++) {
				const pdx_pillar *P = pdx_rubric_pillar(r, g->weakest[k]);
				pdx_points pct =
				    P->max
				        ? pdx_round_div(res->pillars[g->weakest[k]] * 10000, P->max)
				        : 0;
				pdx_buf_printf(&b, "    %s%s %s: %s/%s (%s%%)\n",
				               pdx_label(lang, N_("P"), NULL), P->id,
				               pdx_name_lang(lang, P->name, P->name_en),
				               PTS(res->pillars[g->weakest[k]], t),
				               pdx_points_format_short(P->max, u, sizeof u),
				               pdx_points_format(pct, v, sizeof v));
			}
		} else if (g->needed == 0) {
			const char *tn = pdx_name_lang(lang, g->target->name, g->target->name_en);
			pdx_buf_tr(&b, lang, "  Đã đạt mức %d: %s (target level reached)\n",
			           N_("  Target level %d reached: %s\n"), g->target->number, tn);
		} else {
			const char *tn = pdx_name_lang(lang, g->target->name, g->target->name_en);
			pdx_buf_tr(
			    &b, lang,
			    "  Cần thêm %s điểm để đạt mức %d: %s (ngưỡng %s) — points needed\n",
			    N_("  %s more points to reach level %d: %s (bound %s)\n"),
			    PTS(g->needed, t), g->target->number, tn,
			    pdx_level_bound(g->target, true, u, sizeof u));
			if (!g->reachable)
				pdx_buf_printf(
				    &b, "  %s\n",
				    pdx_label(
				        lang,
				        N_("Not reachable even with full points on every "
				           "remaining criterion"),
				        "Không thể đạt được dù trọn điểm mọi tiêu chí còn lại "
				        "(not reachable)"));
			else {
				pdx_buf_tr(&b, lang,
				           "  Ít tiêu chí nhất để đạt (smallest set, %zu):\n",
				           N_("  The fewest criteria that reach it (%zu):\n"),
				           g->n_minimal);
				for (size_t k = 0; k < g->n_minimal; k++)
					item_text(&b, r, &g->minimal[k], false, lang);
			}
		}
		if (g->n_improvements) {
			pdx_buf_tr(
			    &b, lang,
			    "  Mọi tiêu chí còn điểm, theo điểm có thể thêm (all "
			    "improvements, %zu):\n",
			    N_("  Every criterion with points left, by possible gain (%zu):\n"),
			    g->n_improvements);
			for (size_t k = 0; k < g->n_improvements; k++)
				item_text(&b, r, &g->improvements[k], true, lang);
		}
	}
	return pdx_buf_finish(&b, out, len);
}

/* HTML: the roadmaps on the report model (report_gap_diff_doc.c) */
typedef struct {
	pdx_gap *const *gaps;
	size_t n;
} gaps_arg;

static int gap_doc(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	const gaps_arg *g = what;
	return pdx_gap_doc(d, r, g->gaps, g->n);
}

int pdx_report_gap(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps, size_t n,
                   pdx_format fmt)
{
	*out = NULL;
	if (!pdx_format_valid(fmt))
		return PDX_EARG;
	if (!r || (n && !gaps))
		return PDX_EINVALID;
	/* pillars are looked up in r: every roadmap's edition must line up with it */
	for (size_t i = 0; i < n; i++)
		if (gaps[i]->result->rubric && !pdx_rubric_compatible(r, gaps[i]->result->rubric))
			return PDX_EINVALID;
	if (pdx_doc_only(fmt)) {
		gaps_arg g = {gaps, n};
		return pdx_doc_collect(out, len, fmt, r, gap_doc, &g);
	}
	pdx_format plain = pdx_format_plain(fmt);
	return plain == PDX_FORMAT_JSON  ? gap_json(out, len, r, gaps, n)
	       : plain == PDX_FORMAT_CSV ? gap_csv(out, len, r, gaps, n)
	                                 : gap_text(out, len, r, gaps, n, pdx_format_lang_of(fmt));
}
