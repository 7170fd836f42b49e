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

static const pdx_column columns[] = {
    {"stt", "STT", PDX_CELL_COUNT, PDX_COL_ALL},
    {"agency_name", "Cơ quan báo chí", PDX_CELL_TEXT, PDX_COL_ALL},
    {"owner", "Cơ quan chủ quản", PDX_CELL_TEXT, PDX_COL_ALL},
    {"level", "Đạt mức", PDX_CELL_LEVEL, PDX_COL_ALL},
    {"block", "Thuộc khối", PDX_CELL_TEXT, PDX_COL_ALL},
    {"year", "Năm", PDX_CELL_YEAR, PDX_COL_MACHINE},
    {"agency_id", "Mã", PDX_CELL_TEXT, PDX_COL_MACHINE},
};

/* The list as a document of the report model (doc.h): a section per block (and year),
 * one table, what was left out as figures for machines and notes for people. */
static int build(pdx_doc *d, const pdx_rubric *r, const void *what)
{
	const pdx_publication *pub = what;
	int rc = pdx_doc_begin(d, r, "publication",
	                       "DANH SÁCH CƠ QUAN BÁO CHÍ THEO MỨC ĐỘ TRƯỞNG THÀNH CHUYỂN ĐỔI SỐ",
	                       "publication list: by block, by level, then by name");
	for (size_t g = 0; !rc && g < pub->n_groups; g++) {
		const pdx_publication_group *G = &pub->groups[g];
		char year[48] = "";
		if (pub->by_year && G->year)
			snprintf(year, sizeof year, " · Năm %d", G->year);
		else if (pub->by_year)
			snprintf(year, sizeof year, " · Năm không rõ (year unknown)");
		char *heading = pdx_aprintf("Khối (block): %s%s — %zu cơ quan",
		                            G->block ? G->block : "(không rõ)", year, G->n);
		if (!heading)
			return PDX_ENOMEM;
		pdx_doc_key keys[2] = {{"block", {PDX_CELL_TEXT, G->block, 0}},
		                       {"year", {PDX_CELL_YEAR, NULL, G->year}}};
		rc = pdx_doc_section(d, heading, keys, pub->by_year ? 2 : 1);
		pdx_free(heading);
		/* a group of another edition than the page's (each year by its own) */
		const pdx_rubric *gr = G->n ? G->items[0]->rubric : NULL;
		if (!rc && gr && !pdx_rubric_same(gr, r)) {
			const char *notice = pdx_report_provisional_notice(gr);
			char *vi = pdx_aprintf("Mức theo bộ chỉ số %s (thang của bộ đó).%s%s",
			                       pdx_rubric_meta_get(gr)->id, notice ? " " : "",
			                       notice ? notice : "");
			rc = vi ? pdx_doc_note(d, PDX_NOTE_INFO, vi, NULL) : PDX_ENOMEM;
			pdx_free(vi);
		}
		if (!rc)
			rc =
			    pdx_doc_table(d, "agencies", columns, sizeof columns / sizeof *columns);
		for (size_t i = 0; !rc && i < G->n; i++) {
			const pdx_result *res = G->items[i];
			const pdx_assessment *a = res->assessment;
			pdx_cell cells[] = {
			    {PDX_CELL_COUNT, NULL, (long long)i + 1},
			    {PDX_CELL_TEXT, name_of(a), 0},
			    {PDX_CELL_TEXT, a->owner, 0},
			    {PDX_CELL_LEVEL, res->level ? res->level->name : NULL,
			     res->level ? res->level->number : 0},
			    {PDX_CELL_TEXT, a->block, 0},
			    {PDX_CELL_YEAR, NULL, a->year},
			    {PDX_CELL_TEXT, a->agency_id, 0},
			};
			rc = pdx_doc_row(d, cells);
		}
	}
	if (!rc && pub->n_groups == 0)
		rc =
		    pdx_doc_note(d, PDX_NOTE_INFO, "Không có cơ quan nào được chấm mà không có lỗi",
		                 "no agency scored without errors");
	if (!rc)
		rc = pdx_doc_fact(d, "with_errors",
		                  (pdx_cell){PDX_CELL_COUNT, NULL, (long long)pub->with_errors});
	if (!rc)
		rc = pdx_doc_fact(d, "unfilled",
		                  (pdx_cell){PDX_CELL_COUNT, NULL, (long long)pub->unfilled});
	char *vi = NULL, *en = NULL;
	if (!rc && pub->with_errors) {
		vi =
		    pdx_aprintf("Không đưa vào danh sách %zu cơ quan có lỗi trong câu trả lời; xem "
		                "\"pressdx validate\"",
		                pub->with_errors);
		en = pdx_aprintf("%zu agencies with errors left out", pub->with_errors);
		rc = vi && en ? pdx_doc_note(d, PDX_NOTE_WARNING, vi, en) : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
	}
	if (!rc && pub->unfilled) {
		vi = pdx_aprintf("Không đưa vào danh sách %zu phiếu chưa điền", pub->unfilled);
		en = pdx_aprintf("%zu unfilled questionnaires left out", pub->unfilled);
		rc = vi && en ? pdx_doc_note(d, PDX_NOTE_INFO, vi, en) : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
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
