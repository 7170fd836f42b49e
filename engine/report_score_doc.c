/* SPDX-License-Identifier: MIT */
/* The score report as a document of the report model (doc.h), one section per
 * assessment: what an agency's director reads, on screen or printed (each agency on a
 * new A4 page). So far the HTML report is made this way; the text, CSV and JSON score
 * reports keep their own writers (report_text.c, report_csv.c, report_json.c) until
 * they move here with byte-identical output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Notes per severity in one agency's page: the two-page bound holds however many rows
 * a file got wrong; the rest is in the JSON report and `pressdx validate`. */
#define NOTES_SHOWN 10

static const pdx_column criteria_cols[] = {
    {"id", "Mã", PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", "Tiêu chí", PDX_CELL_TEXT, PDX_COL_ALL},
    {"answer", "Trả lời", PDX_CELL_TEXT, PDX_COL_ALL},
    {"points", "Điểm", PDX_CELL_POINTS, PDX_COL_ALL},
    {"max", "Tối đa", PDX_CELL_POINTS, PDX_COL_ALL},
    {"status", "Tình trạng", PDX_CELL_TEXT, PDX_COL_ALL},
};

static const pdx_column roadmap_cols[] = {
    {"id", "Mã", PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", "Tiêu chí", PDX_CELL_TEXT, PDX_COL_ALL},
    {"answer", "Hiện nay", PDX_CELL_TEXT, PDX_COL_ALL},
    {"proposed", "Đề xuất", PDX_CELL_TEXT, PDX_COL_ALL},
    {"gain", "Điểm thêm", PDX_CELL_POINTS, PDX_COL_ALL},
    {"note", "Ghi chú", PDX_CELL_TEXT, PDX_COL_ALL},
};

/* What `gap` proposes: the points to the target level and the fewest criteria that
 * close them (the whole list of improvements is `pressdx gap`'s). */
int pdx_gap_doc_roadmap(pdx_doc *d, const pdx_gap *g)
{
	int rc = 0;
	char t[32], u[32];
	char *vi = NULL, *en = NULL;
	if (!g->target) {
		vi = pdx_aprintf("Đã ở mức cao nhất");
		en = pdx_aprintf("at the top level");
	} else if (g->needed > 0) {
		vi =
		    pdx_aprintf("Lộ trình: cần thêm %s điểm để đạt mức %s (ngưỡng %s)%s",
		                pdx_points_format(g->needed, t, sizeof t), g->target->name,
		                pdx_level_bound(g->target, true, u, sizeof u),
		                g->reachable ? "; ít tiêu chí nhất để đạt:"
		                             : "; không thể đạt dù trọn điểm mọi tiêu chí còn lại");
		en = pdx_aprintf("roadmap: %s points to %s%s", t,
		                 g->target->name_en ? g->target->name_en : g->target->name,
		                 g->reachable ? "; the fewest criteria that reach it"
		                              : "; not reachable");
	} else {
		vi = pdx_aprintf("Đã đạt mức %s", g->target->name);
		en = pdx_aprintf("target level reached");
	}
	if (!vi || !en)
		rc = PDX_ENOMEM;
	else
		rc = pdx_doc_note(d, PDX_NOTE_INFO, vi, en);
	pdx_free(vi);
	pdx_free(en);
	bool list = g->target && g->needed > 0 && g->reachable && g->n_minimal;
	if (!rc && list)
		rc = pdx_doc_table(d, "roadmap", roadmap_cols,
		                   sizeof roadmap_cols / sizeof *roadmap_cols);
	for (size_t k = 0; !rc && list && k < g->n_minimal; k++) {
		const pdx_gap_item *it = &g->minimal[k];
		pdx_cell cells[] = {
		    {PDX_CELL_TEXT, it->criterion->id, 0},
		    {PDX_CELL_TEXT, it->criterion->name, 0},
		    {PDX_CELL_TEXT, it->answer, 0},
		    {PDX_CELL_TEXT, it->full_answer, 0},
		    {PDX_CELL_POINTS, NULL, it->gain},
		    {PDX_CELL_TEXT,
		     it->action == PDX_GAP_FIX ? "sửa câu trả lời"
		     : it->needs_evidence      ? "cần minh chứng"
		                               : NULL,
		     0},
		};
		rc = pdx_doc_row(d, cells);
	}
	return rc;
}

static int roadmap(pdx_doc *d, const pdx_result *res)
{
	pdx_gap *g = NULL;
	int rc = pdx_gap_compute(&g, res, 0);
	if (!rc)
		rc = pdx_gap_doc_roadmap(d, g);
	pdx_gap_free(g);
	return rc;
}

int pdx_score_doc_begin(pdx_doc *d, const pdx_rubric *r)
{
	return pdx_doc_begin(d, r, "score",
	                     "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ TRƯỞNG THÀNH CHUYỂN ĐỔI SỐ BÁO CHÍ",
	                     "press digital transformation maturity: results per agency");
}

static const char *status_of(const pdx_criterion_result *c)
{
	switch (c->status) {
	case PDX_CRIT_UNANSWERED:
		return "chưa trả lời";
	case PDX_CRIT_ERROR:
		return "lỗi";
	case PDX_CRIT_NO_EVIDENCE:
		return "thiếu minh chứng: 0 điểm";
	case PDX_CRIT_OK:
	default:
		return c->missing_evidence ? "thiếu minh chứng" : "";
	}
}

/* The diagnostics of one severity as notes, at most NOTES_SHOWN, then how many more. */
static int notes_of(pdx_doc *d, const pdx_diags *diags, pdx_severity sev)
{
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < pdx_diags_count(diags); i++) {
		const pdx_diag *g = pdx_diags_get(diags, i);
		if (g->severity != sev)
			continue;
		if (shown == NOTES_SHOWN) {
			more++;
			continue;
		}
		char *line = pdx_diag_format(g);
		if (!line)
			return PDX_ENOMEM;
		int rc = pdx_doc_note(d, sev == PDX_SEV_ERROR ? PDX_NOTE_ERROR : PDX_NOTE_WARNING,
		                      line, NULL);
		pdx_free(line);
		if (rc)
			return rc;
		shown++;
	}
	if (!more)
		return 0;
	bool err = sev == PDX_SEV_ERROR;
	char *vi = pdx_aprintf("… và %zu %s nữa (xem báo cáo JSON hoặc \"pressdx validate\")", more,
	                       err ? "lỗi" : "cảnh báo");
	char *en = pdx_aprintf("… and %zu more %s; see the JSON report or \"pressdx validate\"",
	                       more, err ? "errors" : "warnings");
	int rc = vi && en ? pdx_doc_note(d, err ? PDX_NOTE_ERROR : PDX_NOTE_WARNING, vi, en)
	                  : PDX_ENOMEM;
	pdx_free(vi);
	pdx_free(en);
	return rc;
}

/* An assessment scored by another edition than the document's: which, and its own
 * provisional notice (the page's head names only the document's rubric). */
static int other_edition(pdx_doc *d, const pdx_rubric *r)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	int rc =
	    pdx_doc_figure(d, "rubric", "Bộ chỉ số (rubric)", (pdx_cell){PDX_CELL_TEXT, m->id, 0});
	const char *notice = pdx_report_provisional_notice(r);
	if (!rc && notice) {
		char *vi =
		    pdx_aprintf("Lượt đánh giá này được chấm theo bộ chỉ số %s. %s", m->id, notice);
		rc = vi ? pdx_doc_note(d, PDX_NOTE_INFO, vi, NULL) : PDX_ENOMEM;
		pdx_free(vi);
	}
	return rc;
}

int pdx_score_doc_agency(pdx_doc *d, const pdx_rubric *doc_rubric, const pdx_result *res)
{
	/* each assessment with the edition it was scored by (one per year, issue 11) */
	const pdx_rubric *r = res->rubric ? res->rubric : doc_rubric;
	const pdx_assessment *a = res->assessment;
	char *heading = a->agency_name ? pdx_aprintf("%s — %s", a->agency_id, a->agency_name)
	                               : pdx_aprintf("%s", a->agency_id);
	if (!heading)
		return PDX_ENOMEM;
	pdx_doc_key keys[] = {{"agency_id", {PDX_CELL_TEXT, a->agency_id, 0}},
	                      {"year", {PDX_CELL_YEAR, NULL, a->year}},
	                      {"rubric", {PDX_CELL_TEXT, pdx_rubric_meta_get(r)->id, 0}}};
	int rc = pdx_doc_section(d, heading, keys, 3);
	pdx_free(heading);
	const pdx_level *lv = res->level;
	const struct {
		const char *key, *label;
		pdx_cell v;
	} figs[] = {
	    {"total", "Tổng điểm (total)", {PDX_CELL_POINTS, NULL, res->total}},
	    {"level", "Mức (level)", {PDX_CELL_LEVEL, lv ? lv->name : NULL, lv ? lv->number : 0}},
	    {"province", "Tỉnh/TP (province)", {PDX_CELL_TEXT, a->province, 0}},
	    {"owner", "Cơ quan chủ quản (owner)", {PDX_CELL_TEXT, a->owner, 0}},
	    {"block", "Khối (block)", {PDX_CELL_TEXT, a->block, 0}},
	    {"year", "Năm (year)", {PDX_CELL_YEAR, NULL, a->year}},
	};
	for (size_t i = 0; !rc && i < sizeof figs / sizeof *figs; i++)
		rc = pdx_doc_figure(d, figs[i].key, figs[i].label, figs[i].v);
	if (!rc && r != doc_rubric &&
	    strcmp(pdx_rubric_meta_get(r)->sha256, pdx_rubric_meta_get(doc_rubric)->sha256) != 0)
		rc = other_edition(d, r);
	size_t nl = pdx_rubric_level_count(r), np = pdx_rubric_pillar_count(r);
	const pdx_level *first = nl ? pdx_rubric_level(r, 0) : NULL;
	/* the levels are one array in the rubric, in order */
	if (!rc && first)
		rc = pdx_doc_band(d, "Mức trưởng thành theo thang điểm (levels on the scale)",
		                  first, nl, res->total, pdx_rubric_meta_get(r)->total);
	pdx_bar *bars = pdx_calloc(np + 1, sizeof(*bars));
	char(*labels)[160] = pdx_calloc(np + 1, sizeof(*labels));
	if (!rc && (!bars || !labels))
		rc = PDX_ENOMEM;
	for (size_t i = 0; !rc && i < np; i++) {
		const pdx_pillar *p = pdx_rubric_pillar(r, i);
		snprintf(labels[i], sizeof labels[i], "TC%s %s", p->id, p->name);
		bars[i] = (pdx_bar){labels[i], res->pillars[i], p->max, -1};
	}
	if (!rc)
		rc = pdx_doc_bars(d, "Điểm theo trụ cột (points per pillar)", bars, np);
	if (!rc)
		rc = pdx_doc_radar(d, "Các trụ cột theo % điểm tối đa (pillars, % of their maxima)",
		                   bars, np);
	pdx_free(bars);
	pdx_free(labels);
	/* per criterion: only when the result kept them (not totals_only) */
	if (!rc && res->criteria)
		rc = pdx_doc_table(d, "criteria", criteria_cols,
		                   sizeof criteria_cols / sizeof *criteria_cols);
	for (size_t k = 0; !rc && res->criteria && k < pdx_rubric_criterion_count(r); k++) {
		const pdx_criterion_result *c = &res->criteria[k];
		pdx_cell cells[] = {
		    {PDX_CELL_TEXT, c->criterion->id, 0},
		    {PDX_CELL_TEXT, c->criterion->name, 0},
		    {PDX_CELL_TEXT, c->answer ? c->answer->value : NULL, 0},
		    {PDX_CELL_POINTS, NULL, c->points},
		    {PDX_CELL_POINTS, NULL, c->criterion->max},
		    {PDX_CELL_TEXT, status_of(c), 0},
		};
		rc = pdx_doc_row(d, cells);
	}
	if (!rc && res->criteria)
		rc = roadmap(d, res);
	if (!rc)
		rc = notes_of(d, res->diags, PDX_SEV_ERROR);
	if (!rc)
		rc = notes_of(d, res->diags, PDX_SEV_WARNING);
	return rc ? rc : pdx_doc_section_end(d);
}
