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

/* Labels are msgids, put in the document's language by pdx_columns_in. */
static const pdx_column improvement_cols[] = {
    {"id", N_("Code"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", N_("Criterion"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"points", N_("Points"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"gain", N_("Possible gain"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"answer", N_("Current answer"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"next", N_("Next step"), PDX_CELL_TEXT, PDX_COL_ALL},
};
enum { N_IMPROVEMENT_COLS = 6, N_CHANGE_COLS = 6 };

int pdx_gap_doc(pdx_doc *d, const pdx_rubric *r, pdx_gap *const *gaps, size_t n)
{
	pdx_lang lang = pdx_doc_lang(d);
	pdx_column cols[N_IMPROVEMENT_COLS];
	pdx_columns_in(cols, improvement_cols, N_IMPROVEMENT_COLS, lang);
	int rc = pdx_doc_begin_tr(d, r, "gap", N_("Roadmap to a higher maturity level"),
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
			rc = pdx_doc_figure(d, "total",
			                    pdx_label(lang, N_("Total"), "Tổng điểm (total)"),
			                    (pdx_cell){PDX_CELL_POINTS, NULL, res->total});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "level", pdx_label(lang, N_("Level"), "Mức (level)"),
			    (pdx_cell){PDX_CELL_LEVEL,
			               lv ? pdx_name_lang(lang, lv->name, lv->name_en) : NULL,
			               lv ? lv->number : 0});
		if (!rc && g->target)
			rc = pdx_doc_figure(
			    d, "needed",
			    pdx_label(lang, N_("Points needed"), "Còn thiếu (points needed)"),
			    (pdx_cell){PDX_CELL_POINTS, NULL, g->needed});
		if (!rc)
			rc = pdx_gap_doc_roadmap(d, g);
		if (!rc && g->n_improvements)
			rc = pdx_doc_table(d, "improvements", cols, N_IMPROVEMENT_COLS);
		for (size_t k = 0; !rc && k < g->n_improvements; k++) {
			const pdx_gap_item *it = &g->improvements[k];
			pdx_cell cells[] = {
			    {PDX_CELL_TEXT, it->criterion->id, 0},
			    {PDX_CELL_TEXT,
			     pdx_name_lang(lang, it->criterion->name, it->criterion->name_en), 0},
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
    {"id", N_("Code"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", N_("Criterion"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"before_answer", N_("Before"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"after_answer", N_("After"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"before_points", N_("Points before"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"after_points", N_("Points after"), PDX_CELL_POINTS, PDX_COL_ALL},
};

/* The agencies found on one side only (the first set's or the second's), as a note
 * naming them; the both form's English gloss has never named them. */
static int one_side(pdx_doc *d, pdx_result *const *res, size_t n, bool first)
{
	if (!n)
		return 0;
	pdx_buf b = {0};
	for (size_t i = 0; i < n; i++)
		pdx_buf_printf(&b, "%s%s", i ? ", " : "", res[i]->assessment->agency_id);
	pdx_buf_putc(&b, '\0');
	int rc = b.failed ? PDX_ENOMEM
	         : first  ? pdx_doc_notef(d, PDX_NOTE_INFO, "only in the first set",
	                                  N_("Only in the first set: %s"), b.data)
	                  : pdx_doc_notef(d, PDX_NOTE_INFO, "only in the second set",
	                                  N_("Only in the second set: %s"), b.data);
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
	/* the both form's gloss is the English it has always had */
	if (it->compare == PDX_DIFF_CROSSWALK)
		return pdx_doc_notef(
		    d, PDX_NOTE_WARNING,
		    "before scored with %s, after with %s: the levels come from "
		    "different bands; criteria are compared through the crosswalk",
		    N_("Before scored with rubric %s, after with %s: the levels come "
		       "from two different sets of bands; criteria are compared "
		       "through the crosswalk between the two"),
		    b->id, a->id);
	return pdx_doc_notef(d, PDX_NOTE_WARNING,
	                     "before scored with %s, after with %s: the levels come from "
	                     "different bands; no crosswalk joins them: totals compared, not "
	                     "criteria",
	                     N_("Before scored with rubric %s, after with %s: the levels come "
	                        "from two different sets of bands; no crosswalk joins the criteria "
	                        "of the two, only the totals are compared"),
	                     b->id, a->id);
}

int pdx_diff_doc(pdx_doc *d, const pdx_rubric *r, const pdx_diff *df)
{
	pdx_lang lang = pdx_doc_lang(d);
	pdx_column cols[N_CHANGE_COLS];
	pdx_columns_in(cols, change_cols, N_CHANGE_COLS, lang);
	int rc = pdx_doc_begin_tr(d, r, "diff", N_("Two answer sets compared"),
	                          "two answer sets compared");
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
			rc = pdx_doc_figure(
			    d, "before_total",
			    pdx_label(lang, N_("Total before"), "Tổng trước (before)"),
			    (pdx_cell){PDX_CELL_POINTS, NULL, it->before->total});
		if (!rc)
			rc = pdx_doc_figure(d, "after_total",
			                    pdx_label(lang, N_("Total after"), "Tổng sau (after)"),
			                    (pdx_cell){PDX_CELL_POINTS, NULL, it->after->total});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "before_level", pdx_label(lang, N_("Level before"), NULL),
			    (pdx_cell){PDX_CELL_LEVEL,
			               lb ? pdx_name_lang(lang, lb->name, lb->name_en) : NULL,
			               lb ? lb->number : 0});
		if (!rc)
			rc = pdx_doc_figure(
			    d, "after_level", pdx_label(lang, N_("Level after"), NULL),
			    (pdx_cell){PDX_CELL_LEVEL,
			               la ? pdx_name_lang(lang, la->name, la->name_en) : NULL,
			               la ? la->number : 0});
		if (!rc && it->n_changes)
			rc = pdx_doc_table(d, "changes", cols, N_CHANGE_COLS);
		for (size_t k = 0; !rc && k < it->n_changes; k++) {
			const pdx_change *c = &it->changes[k];
			pdx_cell cells[] = {
			    {PDX_CELL_TEXT, c->criterion->id, 0},
			    {PDX_CELL_TEXT,
			     pdx_name_lang(lang, c->criterion->name, c->criterion->name_en), 0},
			    {PDX_CELL_TEXT, c->before_answer, 0},
			    {PDX_CELL_TEXT, c->after_answer, 0},
			    {PDX_CELL_POINTS, NULL, c->before_points},
			    {PDX_CELL_POINTS, NULL, c->after_points},
			};
			rc = pdx_doc_row(d, cells);
		}
		if (!rc && !it->n_changes && it->compare != PDX_DIFF_PILLARS)
			rc = pdx_doc_note_tr(d, PDX_NOTE_INFO, N_("No change"), "no change");
		if (!rc)
			rc = two_editions(d, it);
		if (!rc)
			rc = pdx_doc_section_end(d);
	}
	if (!rc)
		rc = one_side(d, df->only_before, df->n_only_before, true);
	if (!rc)
		rc = one_side(d, df->only_after, df->n_only_after, false);
	if (!rc && !df->differs)
		rc = pdx_doc_note_tr(d, PDX_NOTE_INFO, N_("The two sets give the same results"),
		                     "the two sets give the same results");
	return rc ? rc : pdx_doc_end(d);
}
