/* SPDX-License-Identifier: MIT */
/* Roadmaps (gap) and comparisons (diff) as documents of the report model (doc.h), for
 * their HTML reports; text, CSV and JSON keep their writers in report_gap.c and report_diff.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static char *agency_heading(const pdx_assessment *a)
{
	char year[16] = "";
	if (a->year)
		snprintf(year, sizeof year, " · %d", a->year);
	return a->agency_name ? pdx_aprintf("%s — %s%s", a->agency_id, a->agency_name, year)
	                      : pdx_aprintf("%s%s", a->agency_id, year);
}

static const pdx_column improvement_cols[] = {
    {"id", "Mã", PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", "Tiêu chí", PDX_CELL_TEXT, PDX_COL_ALL},
    {"points", "Điểm", PDX_CELL_POINTS, PDX_COL_ALL},
    {"gain", "Có thể thêm", PDX_CELL_POINTS, PDX_COL_ALL},
    {"answer", "Hiện nay", PDX_CELL_TEXT, PDX_COL_ALL},
    {"next", "Bước kế tiếp", PDX_CELL_TEXT, PDX_COL_ALL},
};

int pdx_gap_doc(pdx_doc *d, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	int rc = pdx_doc_begin(d, r, "gap", "LỘ TRÌNH LÊN MỨC TRƯỞNG THÀNH CAO HƠN",
	                       "roadmap to the next level");
	for (size_t i = 0; !rc && i < n; i++) {
		const pdx_gap *g = gaps[i];
		const pdx_result *res = g->result;
		char *h = agency_heading(res->assessment);
		if (!h)
			return PDX_ENOMEM;
		pdx_doc_key keys[] = {{"agency_id", {PDX_CELL_TEXT, res->assessment->agency_id, 0}},
		                      {"year", {PDX_CELL_YEAR, NULL, res->assessment->year}}};
		rc = pdx_doc_section(d, h, keys, 2);
		pdx_free(h);
		const pdx_level *lv = res->level;
		if (!rc)
			rc = pdx_doc_figure(d, "total", "Tổng điểm (total)",
			                    (pdx_cell){PDX_CELL_POINTS, NULL, res->total});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "level", "Mức (level)",
			    (pdx_cell){PDX_CELL_LEVEL, lv ? lv->name : NULL, lv ? lv->number : 0});
		if (!rc && g->target)
			rc = pdx_doc_figure(d, "needed", "Còn thiếu (points needed)",
			                    (pdx_cell){PDX_CELL_POINTS, NULL, g->needed});
		if (!rc)
			rc = pdx_gap_doc_roadmap(d, g);
		if (!rc && g->n_improvements)
			rc = pdx_doc_table(d, "improvements", improvement_cols,
			                   sizeof improvement_cols / sizeof *improvement_cols);
		for (size_t k = 0; !rc && k < g->n_improvements; k++) {
			const pdx_gap_item *it = &g->improvements[k];
			pdx_cell cells[] = {
			    {PDX_CELL_TEXT, it->criterion->id, 0},
			    {PDX_CELL_TEXT, it->criterion->name, 0},
			    {PDX_CELL_POINTS, NULL, it->current},
			    {PDX_CELL_POINTS, NULL, it->gain},
			    {PDX_CELL_TEXT, it->answer, 0},
			    {PDX_CELL_TEXT, it->has_next ? it->next_answer : it->full_answer, 0},
			};
			rc = pdx_doc_row(d, cells);
		}
		if (!rc)
			rc = pdx_doc_section_end(d);
	}
	return rc ? rc : pdx_doc_end(d);
}

static const pdx_column change_cols[] = {
    {"id", "Mã", PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", "Tiêu chí", PDX_CELL_TEXT, PDX_COL_ALL},
    {"before_answer", "Trước", PDX_CELL_TEXT, PDX_COL_ALL},
    {"after_answer", "Sau", PDX_CELL_TEXT, PDX_COL_ALL},
    {"before_points", "Điểm trước", PDX_CELL_POINTS, PDX_COL_ALL},
    {"after_points", "Điểm sau", PDX_CELL_POINTS, PDX_COL_ALL},
};

/* The agencies found on one side only, as a note naming them. */
static int one_side(pdx_doc *d, pdx_result *const *res, size_t n, const char *vi, const char *en)
{
	if (!n)
		return 0;
	pdx_buf b = {0};
	for (size_t i = 0; i < n; i++)
		pdx_buf_printf(&b, "%s%s", i ? ", " : "", res[i]->assessment->agency_id);
	pdx_buf_putc(&b, '\0');
	char *v = b.failed ? NULL : pdx_aprintf("%s: %s", vi, b.data);
	int rc = v ? pdx_doc_note(d, PDX_NOTE_INFO, v, en) : PDX_ENOMEM;
	pdx_free(v);
	pdx_buf_free(&b);
	return rc;
}

/* The two sides scored with two editions (last year's and this year's): their levels
 * come from two sets of bands, and criteria are compared only through a crosswalk. */
static int two_editions(pdx_doc *d, const pdx_diff_item *it)
{
	const pdx_rubric_meta *b = pdx_rubric_meta_get(it->before->rubric),
	                      *a = pdx_rubric_meta_get(it->after->rubric);
	if (it->compare == PDX_DIFF_CRITERIA)
		return 0;
	bool cw = it->compare == PDX_DIFF_CROSSWALK;
	char *vi = pdx_aprintf("Trước chấm theo bộ chỉ số %s, sau theo %s: mức theo hai thang "
	                       "ngưỡng khác nhau; %s",
	                       b->id, a->id,
	                       cw ? "tiêu chí được so qua bảng đối chiếu giữa hai bộ"
	                          : "không có bảng đối chiếu tiêu chí giữa hai bộ, chỉ so tổng "
	                            "điểm");
	char *en = pdx_aprintf("before scored with %s, after with %s: the levels come from "
	                       "different bands; %s",
	                       b->id, a->id,
	                       cw ? "criteria are compared through the crosswalk"
	                          : "no crosswalk joins them: totals compared, not criteria");
	int rc = vi && en ? pdx_doc_note(d, PDX_NOTE_WARNING, vi, en) : PDX_ENOMEM;
	pdx_free(vi);
	pdx_free(en);
	return rc;
}

int pdx_diff_doc(pdx_doc *d, const pdx_rubric *r, const pdx_diff *df)
{
	int rc =
	    pdx_doc_begin(d, r, "diff", "SO SÁNH HAI BỘ CÂU TRẢ LỜI", "two answer sets compared");
	for (size_t i = 0; !rc && i < df->n; i++) {
		const pdx_diff_item *it = &df->items[i];
		char *h = agency_heading(it->after->assessment);
		if (!h)
			return PDX_ENOMEM;
		pdx_doc_key key = {"agency_id",
		                   {PDX_CELL_TEXT, it->after->assessment->agency_id, 0}};
		rc = pdx_doc_section(d, h, &key, 1);
		pdx_free(h);
		const pdx_level *lb = it->before->level, *la = it->after->level;
		if (!rc)
			rc = pdx_doc_figure(d, "before_total", "Tổng trước (before)",
			                    (pdx_cell){PDX_CELL_POINTS, NULL, it->before->total});
		if (!rc)
			rc = pdx_doc_figure(d, "after_total", "Tổng sau (after)",
			                    (pdx_cell){PDX_CELL_POINTS, NULL, it->after->total});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "before_level", "Mức trước",
			    (pdx_cell){PDX_CELL_LEVEL, lb ? lb->name : NULL, lb ? lb->number : 0});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "after_level", "Mức sau",
			    (pdx_cell){PDX_CELL_LEVEL, la ? la->name : NULL, la ? la->number : 0});
		if (!rc && it->n_changes)
			rc = pdx_doc_table(d, "changes", change_cols,
			                   sizeof change_cols / sizeof *change_cols);
		for (size_t k = 0; !rc && k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			pdx_cell cells[] = {
			    {PDX_CELL_TEXT, c->criterion->id, 0},
			    {PDX_CELL_TEXT, c->criterion->name, 0},
			    {PDX_CELL_TEXT, c->before_answer, 0},
			    {PDX_CELL_TEXT, c->after_answer, 0},
			    {PDX_CELL_POINTS, NULL, c->before_points},
			    {PDX_CELL_POINTS, NULL, c->after_points},
			};
			rc = pdx_doc_row(d, cells);
		}
		if (!rc && !it->n_changes && it->compare != PDX_DIFF_PILLARS)
			rc = pdx_doc_note(d, PDX_NOTE_INFO, "Không có thay đổi", "no change");
		if (!rc)
			rc = two_editions(d, it);
		if (!rc)
			rc = pdx_doc_section_end(d);
	}
	if (!rc)
		rc = one_side(d, df->only_before, df->n_only_before, "Chỉ có ở tệp trước",
		              "only in the first set");
	if (!rc)
		rc = one_side(d, df->only_after, df->n_only_after, "Chỉ có ở tệp sau",
		              "only in the second set");
	if (!rc && !df->differs)
		rc = pdx_doc_note(d, PDX_NOTE_INFO, "Hai bộ câu trả lời cho cùng kết quả",
		                  "the two sets give the same results");
	return rc ? rc : pdx_doc_end(d);
}
