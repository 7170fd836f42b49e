/* SPDX-License-Identifier: MIT */
/* The ranking as a dashboard of the report model (doc.h): per group the level
 * distribution as a stacked bar and the ranking table with ties. So far the HTML rank
 * report is made this way; text, CSV and JSON keep their writers in report_rank.c
 * until they move here with byte-identical output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* The table's columns: rank, id, name, total, level, one per pillar, errors. */
static pdx_column *columns(const pdx_rubric *r, char (**names)[2][48], size_t *n, pdx_lang lang)
{
	size_t np = pdx_rubric_pillar_count(r);
	*n = 6 + np;
	pdx_column *c = pdx_calloc(*n, sizeof(*c));
	*names = pdx_calloc(np + 1, sizeof(**names));
	if (!c || !*names) {
		pdx_free(c);
		pdx_free(*names);
		*names = NULL;
		return NULL;
	}
	c[0] = (pdx_column){"rank", pdx_label(lang, N_("Rank"), NULL), PDX_CELL_COUNT, PDX_COL_ALL};
	c[1] = (pdx_column){"agency_id", pdx_label(lang, N_("Code"), NULL), PDX_CELL_TEXT,
	                    PDX_COL_ALL};
	c[2] = (pdx_column){"agency_name", pdx_label(lang, N_("Name"), NULL), PDX_CELL_TEXT,
	                    PDX_COL_ALL};
	c[3] = (pdx_column){"total", pdx_label(lang, N_("Total points"), NULL), PDX_CELL_POINTS,
	                    PDX_COL_ALL};
	c[4] =
	    (pdx_column){"level", pdx_label(lang, N_("Level"), NULL), PDX_CELL_LEVEL, PDX_COL_ALL};
	for (size_t p = 0; p < np; p++) {
		const char *id = pdx_rubric_pillar(r, p)->id;
		snprintf((*names)[p][0], sizeof(*names)[p][0], "pillar_%s", id);
		snprintf((*names)[p][1], sizeof(*names)[p][1], "%s%s",
		         pdx_label(lang, N_("P"), NULL), id);
		c[5 + p] =
		    (pdx_column){(*names)[p][0], (*names)[p][1], PDX_CELL_POINTS, PDX_COL_ALL};
	}
	c[5 + np] = (pdx_column){"errors", pdx_label(lang, N_("Errors"), NULL), PDX_CELL_COUNT,
	                         PDX_COL_ALL};
	return c;
}

static char *heading(const pdx_ranking *rk, const pdx_rank_group *G, pdx_lang lang)
{
	const char *key = G->key ? G->key : pdx_label(lang, N_("(unknown)"), NULL);
	if (lang != PDX_LANG_BOTH) {
		char year[64] = "";
		if (rk->by_year && G->year)
			snprintf(year, sizeof year, " · %s %d", pdx_label(lang, N_("Year"), NULL),
			         G->year);
		else if (rk->by_year)
			snprintf(year, sizeof year, " · %s",
			         pdx_label(lang, N_("Year unknown"), NULL));
		return rk->within == PDX_WITHIN_BLOCK
		           ? pdx_trf(lang,
		                     PDX_PLURAL(G->n, N_("Block: %s%s — %zu agency"),
		                                N_("Block: %s%s — %zu agencies")),
		                     key, year, G->n)
		       : rk->within == PDX_WITHIN_PROVINCE
		           ? pdx_trf(lang,
		                     PDX_PLURAL(G->n, N_("Province: %s%s — %zu agency"),
		                                N_("Province: %s%s — %zu agencies")),
		                     key, year, G->n)
		           : pdx_trf(lang,
		                     PDX_PLURAL(G->n, N_("All%s — %zu agency"),
		                                N_("All%s — %zu agencies")),
		                     year, G->n);
	}
	char year[48] = "";
	if (rk->by_year && G->year)
		snprintf(year, sizeof year, " · Năm %d", G->year);
	else if (rk->by_year)
		snprintf(year, sizeof year, " · Năm không rõ (year unknown)");
	return rk->within == PDX_WITHIN_BLOCK
	           ? pdx_aprintf("Khối (block): %s%s — %zu cơ quan", key, year, G->n)
	       : rk->within == PDX_WITHIN_PROVINCE
	           ? pdx_aprintf("Tỉnh/TP (province): %s%s — %zu cơ quan", key, year, G->n)
	           : pdx_aprintf("Tất cả (all)%s — %zu cơ quan", year, G->n);
}

/* Agencies of the group per level, from the lowest level up. */
static int distribution(pdx_doc *d, const pdx_rubric *r, const pdx_rank_group *G)
{
	pdx_lang lang = pdx_doc_lang(d);
	size_t nl = pdx_rubric_level_count(r);
	long long *counts = pdx_calloc(nl + 1, sizeof(*counts));
	const char **names = pdx_calloc(nl + 1, sizeof(*names));
	int rc = counts && names ? 0 : PDX_ENOMEM;
	for (size_t l = 0; !rc && l < nl; l++)
		names[l] = pdx_name_lang(lang, pdx_rubric_level(r, l)->name,
		                         pdx_rubric_level(r, l)->name_en);
	for (size_t i = 0; !rc && i < G->n; i++) {
		const pdx_level *lv = G->items[i].result->level;
		for (size_t l = 0; lv && l < nl; l++)
			if (pdx_rubric_level(r, l)->number == lv->number)
				counts[l]++;
	}
	pdx_stack_row row = {
	    pdx_label(lang, N_("Agencies per level"), "Số cơ quan theo mức (agencies per level)"),
	    counts};
	if (!rc)
		rc = pdx_doc_stacked(d, pdx_label(lang, N_("Levels"), "Phân bố mức (levels)"),
		                     names, nl, &row, 1);
	pdx_free(counts);
	pdx_free(names);
	return rc;
}

int pdx_rank_doc(pdx_doc *d, const pdx_rubric *r, const pdx_ranking *rk)
{
	pdx_lang lang = pdx_doc_lang(d);
	char title_en[64];
	snprintf(title_en, sizeof title_en, "ranking within %s", pdx_within_name(rk->within));
	const char *title = rk->within == PDX_WITHIN_BLOCK      ? N_("Ranking by block")
	                    : rk->within == PDX_WITHIN_PROVINCE ? N_("Ranking by province")
	                                                        : N_("Overall ranking");
	char(*names)[2][48] = NULL;
	size_t nc = 0, np = pdx_rubric_pillar_count(r);
	pdx_column *cols = columns(r, &names, &nc, lang);
	pdx_cell *cells = pdx_calloc(nc + 1, sizeof(*cells));
	int rc = cols && cells ? pdx_doc_begin_tr(d, r, "rank", title, title_en) : PDX_ENOMEM;
	for (size_t g = 0; !rc && g < rk->n_groups; g++) {
		const pdx_rank_group *G = &rk->groups[g];
		char *h = heading(rk, G, lang);
		if (!h) {
			rc = PDX_ENOMEM;
			break;
		}
		pdx_doc_key keys[] = {{pdx_within_name(rk->within), {PDX_CELL_TEXT, G->key, 0}},
		                      {"year", {PDX_CELL_YEAR, NULL, G->year}}};
		size_t nk = rk->within == PDX_WITHIN_NONE ? 0 : 1;
		rc = pdx_doc_section(d, h, rk->by_year ? keys + (nk ? 0 : 1) : keys,
		                     rk->by_year ? nk + 1 : nk);
		pdx_free(h);
		/* a group of another edition than the page's (each year by its own): which,
		 * and its notice */
		const pdx_rubric *gr = G->n ? G->items[0].result->rubric : NULL;
		if (!rc && gr && !pdx_rubric_same(gr, r)) {
			const char *notice = pdx_rubric_notice_lang(gr, lang);
			char *vi = pdx_trf(lang,
			                   N_("This group was scored by rubric %s (levels on that "
			                      "rubric's scale).%s%s"),
			                   pdx_rubric_meta_get(gr)->id, notice ? " " : "",
			                   notice ? notice : "");
			rc = vi ? pdx_doc_note(d, PDX_NOTE_INFO, vi, NULL) : PDX_ENOMEM;
			pdx_free(vi);
		}
		if (!rc)
			rc = distribution(d, r, G);
		if (!rc)
			rc = pdx_doc_table(d, "agencies", cols, nc);
		for (size_t i = 0; !rc && i < G->n; i++) {
			const pdx_result *res = G->items[i].result;
			const pdx_assessment *a = res->assessment;
			cells[0] = (pdx_cell){PDX_CELL_COUNT, NULL, (long long)G->items[i].rank};
			cells[1] = (pdx_cell){PDX_CELL_TEXT, a->agency_id, 0};
			cells[2] = (pdx_cell){PDX_CELL_TEXT, a->agency_name, 0};
			cells[3] = (pdx_cell){PDX_CELL_POINTS, NULL, res->total};
			cells[4] = (pdx_cell){
			    PDX_CELL_LEVEL,
			    res->level ? pdx_name_lang(lang, res->level->name, res->level->name_en)
			               : NULL,
			    res->level ? res->level->number : 0};
			for (size_t p = 0; p < np; p++)
				cells[5 + p] = (pdx_cell){PDX_CELL_POINTS, NULL, res->pillars[p]};
			cells[5 + np] =
			    (pdx_cell){PDX_CELL_COUNT, NULL, (long long)pdx_result_errors(res)};
			rc = pdx_doc_row(d, cells);
		}
		if (!rc)
			rc = pdx_doc_section_end(d);
	}
	if (!rc && rk->unfilled) {
		rc = pdx_doc_notef(d, PDX_NOTE_INFO, "%zu unfilled questionnaires left out",
		                   PDX_PLURAL(rk->unfilled,
		                              N_("%zu unfilled questionnaire not ranked"),
		                              N_("%zu unfilled questionnaires not ranked")),
		                   rk->unfilled);
	}
	if (!rc)
		rc = pdx_doc_end(d);
	pdx_free(cols);
	pdx_free(names);
	pdx_free(cells);
	return rc;
}
