/* SPDX-License-Identifier: MIT */
/* The publication list (publication.c) as a document of the report model: every format
 * (text, CSV, JSON, HTML) from one description. The columns are the ministry's: STT,
 * cơ quan báo chí, cơ quan chủ quản, đạt mức, thuộc khối; no scores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static const char *name_of(const pdx_assessment *a)
{
	return a->agency_name ? a->agency_name : a->agency_id;
}

/* Labels are msgids, put in the document's language by pdx_columns_in. */
static const pdx_column columns[] = {
    {"stt", N_("No."), PDX_CELL_COUNT, PDX_COL_ALL},
    {"agency_name", N_("Press agency"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"owner", N_("Governing body"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"level", N_("Level reached"), PDX_CELL_LEVEL, PDX_COL_ALL},
    {"block", N_("In block"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"year", N_("Year"), PDX_CELL_YEAR, PDX_COL_MACHINE},
    {"agency_id", N_("Code"), PDX_CELL_TEXT, PDX_COL_MACHINE},
};
enum { N_COLUMNS = 7 };

/* The list as a document of the report model (doc.h): a section per block (and year),
 * one table, what was left out as figures for machines and notes for people. */
static int build(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	const pdx_publication *pub = what;
	pdx_lang lang = pdx_doc_lang(d);
	pdx_column cols[N_COLUMNS];
	pdx_columns_in(cols, columns, N_COLUMNS, lang);
	int rc = pdx_doc_begin_tr(d, r, "publication",
	                          N_("Press agencies by digital transformation maturity level"),
	                          "publication list: by block, by level, then by name");
	for (size_t g = 0; !rc && g < pub->n_groups; g++) {
		const pdx_publication_group *G = &pub->groups[g];
		char year[64] = "";
		if (pub->by_year && G->year)
			snprintf(year, sizeof year, " · %s %d", pdx_label(lang, N_("Year"), NULL),
			         G->year);
		else if (pub->by_year)
			snprintf(
			    year, sizeof year, " · %s",
			    pdx_label(lang, N_("Year unknown"), "Năm không rõ (year unknown)"));
		const char *block = G->block ? G->block : pdx_label(lang, N_("(unknown)"), NULL);
		char *heading =
		    lang == PDX_LANG_BOTH
		        ? pdx_aprintf("Khối (block): %s%s — %zu cơ quan", block, year, G->n)
		        : pdx_trf(lang,
		                  PDX_PLURAL(G->n, N_("Block: %s%s — %zu agency"),
		                             N_("Block: %s%s — %zu agencies")),
		                  block, year, G->n);
		if (!heading)
			return PDX_ENOMEM;
		pdx_doc_key keys[2] = {{"block", {PDX_CELL_TEXT, G->block, 0}},
		                       {"year", {PDX_CELL_YEAR, NULL, G->year}}};
		rc = pdx_doc_section(d, heading, keys, pub->by_year ? 2 : 1);
		pdx_free(heading);
		/* a group of another edition than the page's (each year by its own) */
		const pdx_rubric *gr = G->n ? G->items[0]->rubric : NULL;
		if (!rc && gr && !pdx_rubric_same(gr, r)) {
			const char *notice = pdx_rubric_notice_lang(gr, lang);
			char *vi = pdx_trf(
			    lang, N_("Levels by rubric %s (that rubric's scale).%s%s"),
			    pdx_rubric_meta_get(gr)->id, notice ? " " : "", notice ? notice : "");
			rc = vi ? pdx_doc_note(d, PDX_NOTE_INFO, vi, NULL) : PDX_ENOMEM;
			pdx_free(vi);
		}
		if (!rc)
			rc = pdx_doc_table(d, "agencies", cols, N_COLUMNS);
		for (size_t i = 0; !rc && i < G->n; i++) {
			const pdx_result *res = G->items[i];
			const pdx_assessment *a = res->assessment;
			pdx_cell cells[] = {
			    {PDX_CELL_COUNT, NULL, (long long)i + 1},
			    {PDX_CELL_TEXT, name_of(a), 0},
			    {PDX_CELL_TEXT, a->owner, 0},
			    {PDX_CELL_LEVEL,
			     res->level ? pdx_name_lang(lang, res->level->name, res->level->name_en)
			                : NULL,
			     res->level ? res->level->number : 0},
			    {PDX_CELL_TEXT, a->block, 0},
			    {PDX_CELL_YEAR, NULL, a->year},
			    {PDX_CELL_TEXT, a->agency_id, 0},
			};
			rc = pdx_doc_row(d, cells);
		}
	}
	if (!rc && pub->n_groups == 0)
		rc = pdx_doc_note_tr(d, PDX_NOTE_INFO, N_("No agency was scored without errors"),
		                     "no agency scored without errors");
	if (!rc)
		rc = pdx_doc_fact(d, "with_errors",
		                  (pdx_cell){PDX_CELL_COUNT, NULL, (long long)pub->with_errors});
	if (!rc)
		rc = pdx_doc_fact(d, "unfilled",
		                  (pdx_cell){PDX_CELL_COUNT, NULL, (long long)pub->unfilled});
	if (!rc && pub->with_errors) {
		rc = pdx_doc_notef(
		    d, PDX_NOTE_WARNING, "%zu agencies with errors left out",
		    PDX_PLURAL(pub->with_errors,
		               N_("%zu agency with errors in its answers left out of the list; "
		                  "see \"pressdx validate\""),
		               N_("%zu agencies with errors in their answers left out of the "
		                  "list; see \"pressdx validate\"")),
		    pub->with_errors);
	}
	if (!rc && pub->unfilled) {
		rc = pdx_doc_notef(
		    d, PDX_NOTE_INFO, "%zu unfilled questionnaires left out",
		    PDX_PLURAL(pub->unfilled, N_("%zu unfilled questionnaire left out of the list"),
		               N_("%zu unfilled questionnaires left out of the list")),
		    pub->unfilled);
	}
	return rc ? rc : pdx_doc_end(d);
}

int pdx_report_publication(char **out, size_t *len, const pdx_rubric *r, const pdx_publication *pub,
                           pdx_format fmt)
{
	if (!out || !len)
		return PDX_EARG;
	*out = NULL;
	*len = 0;
	if (!r || !pub)
		return PDX_EARG;
	return pdx_doc_collect(out, len, fmt, r, build, pub);
}
