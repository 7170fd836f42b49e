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

/* Column labels: English msgids; a table's labels are put in the document's language
 * (columns_in) just before the table, which keeps them until the next one. The both
 * form of these has always been the Vietnamese alone. */
static const pdx_column criteria_cols[] = {
    {"id", N_("Code"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", N_("Criterion"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"answer", N_("Answer"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"points", N_("Points"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"max", N_("Maximum"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"status", N_("Status"), PDX_CELL_TEXT, PDX_COL_ALL},
};

static const pdx_column roadmap_cols[] = {
    {"id", N_("Code"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"criterion", N_("Criterion"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"answer", N_("Current answer"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"proposed", N_("Proposed"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"gain", N_("Points gained"), PDX_CELL_POINTS, PDX_COL_ALL},
    {"note", N_("Note"), PDX_CELL_TEXT, PDX_COL_ALL},
};

enum { N_CRITERIA_COLS = 6, N_ROADMAP_COLS = 6 };

/* What `gap` proposes: the points to the target level and the fewest criteria that
 * close them (the whole list of improvements is `pressdx gap`'s). */
int pdx_gap_doc_roadmap(pdx_doc *d, const pdx_gap *g)
{
	int rc = 0;
	char t[32], u[32];
	pdx_lang lang = pdx_doc_lang(d);
	/* the sentence in the document's language (Vietnamese in the both form), then the
	 * both form's English gloss as it has always been */
	pdx_lang one = lang == PDX_LANG_EN ? PDX_LANG_EN : PDX_LANG_VI;
	char *vi = NULL, *en = NULL;
	if (!g->target) {
		vi = pdx_strdup(pdx_label(one, N_("At the top level"), NULL));
		en = pdx_aprintf("at the top level");
	} else if (g->needed > 0) {
		const char *name = pdx_name_lang(one, g->target->name, g->target->name_en);
		vi = pdx_trf(one, N_("Roadmap: %s more points to reach level %s (bound %s)%s"),
		             pdx_points_format(g->needed, t, sizeof t), name,
		             pdx_level_bound(g->target, true, u, sizeof u),
		             pdx_label(one,
		                       g->reachable ? N_("; the fewest criteria that reach it:")
		                                    : N_("; not reachable even with full points on "
		                                         "every remaining criterion"),
		                       NULL));
		en = pdx_aprintf("roadmap: %s points to %s%s", t,
		                 g->target->name_en ? g->target->name_en : g->target->name,
		                 g->reachable ? "; the fewest criteria that reach it"
		                              : "; not reachable");
	} else {
		vi = pdx_trf(one, N_("Level %s reached"),
		             pdx_name_lang(one, g->target->name, g->target->name_en));
		en = pdx_aprintf("target level reached");
	}
	if (!vi || !en)
		rc = PDX_ENOMEM;
	else
		rc = pdx_doc_note(d, PDX_NOTE_INFO, vi, lang == PDX_LANG_BOTH ? en : NULL);
	pdx_free(vi);
	pdx_free(en);
	bool list = g->target && g->needed > 0 && g->reachable && g->n_minimal;
	pdx_column cols[N_ROADMAP_COLS];
	if (!rc && list)
		rc = pdx_doc_table(d, "roadmap",
		                   pdx_columns_in(cols, roadmap_cols, N_ROADMAP_COLS, lang),
		                   N_ROADMAP_COLS);
	for (size_t k = 0; !rc && list && k < g->n_minimal; k++) {
		const pdx_gap_item *it = &g->minimal[k];
		pdx_cell cells[] = {
		    {PDX_CELL_TEXT, it->criterion->id, 0},
		    {PDX_CELL_TEXT,
		     pdx_name_lang(lang, it->criterion->name, it->criterion->name_en), 0},
		    {PDX_CELL_TEXT, it->answer, 0},
		    {PDX_CELL_TEXT, it->full_answer, 0},
		    {PDX_CELL_POINTS, NULL, it->gain},
		    {PDX_CELL_TEXT,
		     it->action == PDX_GAP_FIX ? pdx_label(lang, N_("fix the answer"), NULL)
		     : it->needs_evidence      ? pdx_label(lang, N_("evidence needed"), NULL)
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
	return pdx_doc_begin_tr(d, r, "score",
	                        N_("Press digital transformation maturity: results per agency"),
	                        "press digital transformation maturity: results per agency");
}

static const char *status_of(const pdx_criterion_result *c, pdx_lang lang)
{
	switch (c->status) {
	case PDX_CRIT_UNANSWERED:
		return pdx_label(lang, N_("not answered"), NULL);
	case PDX_CRIT_ERROR:
		return pdx_label(lang, N_("error"), NULL);
	case PDX_CRIT_NO_EVIDENCE:
		return pdx_label(lang, N_("no evidence: 0 points"), NULL);
	case PDX_CRIT_OK:
	default:
		return c->missing_evidence ? pdx_label(lang, N_("evidence missing"), NULL) : "";
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
		char *line = pdx_diag_format_lang(g, pdx_doc_lang(d));
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
	/* the both form's gloss is the English sentence itself */
	if (sev == PDX_SEV_ERROR)
		return pdx_doc_notef(d, PDX_NOTE_ERROR,
		                     "… and %zu more errors; see the JSON report or \"pressdx "
		                     "validate\"",
		                     PDX_PLURAL(more,
		                                N_("… and %zu more error; see the JSON report or "
		                                   "\"pressdx validate\""),
		                                N_("… and %zu more errors; see the JSON report or "
		                                   "\"pressdx validate\"")),
		                     more);
	return pdx_doc_notef(d, PDX_NOTE_WARNING,
	                     "… and %zu more warnings; see the JSON report or \"pressdx "
	                     "validate\"",
	                     PDX_PLURAL(more,
	                                N_("… and %zu more warning; see the JSON report or "
	                                   "\"pressdx validate\""),
	                                N_("… and %zu more warnings; see the JSON report or "
	                                   "\"pressdx validate\"")),
	                     more);
}

/* An assessment scored by another edition than the document's: which, and its own
 * provisional notice (the page's head names only the document's rubric). */
static int other_edition(pdx_doc *d, const pdx_rubric *r)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	pdx_lang lang = pdx_doc_lang(d);
	int rc = pdx_doc_figure(d, "rubric", pdx_label(lang, N_("Rubric"), "Bộ chỉ số (rubric)"),
	                        (pdx_cell){PDX_CELL_TEXT, m->id, 0});
	const char *notice = pdx_rubric_notice_lang(r, lang);
	if (!rc && notice) {
		char *vi =
		    pdx_trf(lang, N_("This assessment was scored by rubric %s. %s"), m->id, notice);
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
	pdx_lang lang = pdx_doc_lang(d);
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
	    {"total",
	     pdx_label(lang, N_("Total"), "Tổng điểm (total)"),
	     {PDX_CELL_POINTS, NULL, res->total}},
	    {"level",
	     pdx_label(lang, N_("Level"), "Mức (level)"),
	     {PDX_CELL_LEVEL, lv ? pdx_name_lang(lang, lv->name, lv->name_en) : NULL,
	      lv ? lv->number : 0}},
	    {"province",
	     pdx_label(lang, N_("Province"), "Tỉnh/TP (province)"),
	     {PDX_CELL_TEXT, a->province, 0}},
	    {"owner",
	     pdx_label(lang, N_("Governing body"), "Cơ quan chủ quản (owner)"),
	     {PDX_CELL_TEXT, a->owner, 0}},
	    {"block", pdx_label(lang, N_("Block"), "Khối (block)"), {PDX_CELL_TEXT, a->block, 0}},
	    {"year", pdx_label(lang, N_("Year"), "Năm (year)"), {PDX_CELL_YEAR, NULL, a->year}},
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
		rc = pdx_doc_band(
		    d,
		    pdx_label(lang, N_("Maturity levels on the scale"),
		              "Mức trưởng thành theo thang điểm (levels on the scale)"),
		    first, nl, res->total, pdx_rubric_meta_get(r)->total);
	pdx_bar *bars = pdx_calloc(np + 1, sizeof(*bars));
	char(*labels)[160] = pdx_calloc(np + 1, sizeof(*labels));
	if (!rc && (!bars || !labels))
		rc = PDX_ENOMEM;
	for (size_t i = 0; !rc && i < np; i++) {
		const pdx_pillar *p = pdx_rubric_pillar(r, i);
		snprintf(labels[i], sizeof labels[i], "%s%s %s", pdx_label(lang, N_("P"), NULL),
		         p->id, pdx_name_lang(lang, p->name, p->name_en));
		bars[i] = (pdx_bar){labels[i], res->pillars[i], p->max, -1};
	}
	if (!rc)
		rc = pdx_doc_bars(d,
		                  pdx_label(lang, N_("Points per pillar"),
		                            "Điểm theo trụ cột (points per pillar)"),
		                  bars, np);
	if (!rc)
		rc = pdx_doc_radar(d,
		                   pdx_label(lang, N_("Pillars as a share of their maxima"),
		                             "Các trụ cột theo % điểm tối đa (pillars, % of their "
		                             "maxima)"),
		                   bars, np);
	pdx_free(bars);
	pdx_free(labels);
	/* per criterion: only when the result kept them (not totals_only) */
	pdx_column cols[N_CRITERIA_COLS];
	if (!rc && res->criteria)
		rc = pdx_doc_table(d, "criteria",
		                   pdx_columns_in(cols, criteria_cols, N_CRITERIA_COLS, lang),
		                   N_CRITERIA_COLS);
	for (size_t k = 0; !rc && res->criteria && k < pdx_rubric_criterion_count(r); k++) {
		const pdx_criterion_result *c = &res->criteria[k];
		pdx_cell cells[] = {
		    {PDX_CELL_TEXT, c->criterion->id, 0},
		    {PDX_CELL_TEXT, pdx_name_lang(lang, c->criterion->name, c->criterion->name_en),
		     0},
		    {PDX_CELL_TEXT, c->answer ? c->answer->value : NULL, 0},
		    {PDX_CELL_POINTS, NULL, c->points},
		    {PDX_CELL_POINTS, NULL, c->criterion->max},
		    {PDX_CELL_TEXT, status_of(c, lang), 0},
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
