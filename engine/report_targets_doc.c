/* SPDX-License-Identifier: MIT */
/* A plan's targets as a document of the report model (doc.h): each indicator's share of
 * agencies as a bar against its target, then the table (achieved / eligible, share,
 * target, met or not, who is short). So far the HTML targets report is made this way;
 * text, CSV and JSON keep their writers in report_targets.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static const pdx_column cols[] = {
    {"indicator", "Mã", PDX_CELL_TEXT, PDX_COL_ALL},
    {"name", "Chỉ tiêu", PDX_CELL_TEXT, PDX_COL_ALL},
    {"achieved", "Đạt", PDX_CELL_COUNT, PDX_COL_ALL},
    {"eligible", "Số cơ quan tính", PDX_CELL_COUNT, PDX_COL_ALL},
    {"achieved_pct", "Tỷ lệ", PDX_CELL_PERCENT, PDX_COL_ALL},
    {"target_pct", "Mục tiêu", PDX_CELL_PERCENT, PDX_COL_ALL},
    {"met", "Kết quả", PDX_CELL_TEXT, PDX_COL_ALL},
    {"short_of", "Chưa đạt", PDX_CELL_TEXT, PDX_COL_ALL},
};

/* "HP02, HP05": who falls short, by id (the names are in the score report). */
static char *short_list(const pdx_target_result *it)
{
	pdx_buf b = {0};
	for (size_t k = 0; k < it->n_short; k++)
		pdx_buf_printf(&b, "%s%s", k ? ", " : "", it->short_of[k]->assessment->agency_id);
	pdx_buf_putc(&b, '\0');
	char *out = NULL;
	size_t len;
	return pdx_buf_finish(&b, &out, &len) ? NULL : out;
}

int pdx_targets_doc(pdx_doc *d, const pdx_rubric *r, const pdx_targets *t)
{
	const pdx_plan_meta *m = pdx_plan_meta_get(t->plan);
	char *title = pdx_aprintf("Chỉ tiêu kế hoạch: %s", m->title);
	pdx_buf scope = {0};
	pdx_buf_printf(&scope, "Phạm vi (scope): %s = ",
	               m->scope == PDX_KEY_OWNER ? "cơ quan chủ quản (owner)"
	                                         : "tỉnh/TP (province)");
	for (size_t i = 0; i < m->n_matches; i++)
		pdx_buf_printf(&scope, "%s%s", i ? " / " : "", m->matches[i]);
	pdx_buf_printf(&scope, " · %zu cơ quan · năm đánh giá (year): ", t->in_scope);
	if (t->year)
		pdx_buf_printf(&scope, "%d", t->year);
	else
		pdx_buf_puts(&scope, "không rõ (unknown)");
	pdx_buf_putc(&scope, '\0');
	char *title_en = pdx_aprintf("plan targets: %s", m->id);
	pdx_bar *bars = pdx_calloc(t->n + 1, sizeof(*bars));
	char **names = pdx_calloc(t->n + 1, sizeof(*names));
	int rc = title && title_en && !scope.failed && bars && names ? 0 : PDX_ENOMEM;
	if (!rc)
		rc = pdx_doc_begin(d, r, "targets", title, title_en);
	pdx_doc_key key = {"plan", {PDX_CELL_TEXT, m->id, 0}};
	if (!rc)
		rc = pdx_doc_section(d, scope.data, &key, 1);
	for (size_t i = 0; !rc && i < t->n; i++) {
		const pdx_target_result *it = &t->items[i];
		names[i] = pdx_aprintf("%s — %s", it->indicator->id, it->indicator->name);
		if (!names[i])
			rc = PDX_ENOMEM;
		else
			bars[i] = (pdx_bar){names[i], it->achieved_pct, 10000,
			                    it->target ? (long long)it->target->pct : -1};
	}
	if (!rc)
		rc = pdx_doc_bars(
		    d, "Tỷ lệ cơ quan đạt, so với mục tiêu (share achieved against the target)",
		    bars, t->n);
	if (!rc)
		rc = pdx_doc_table(d, "indicators", cols, sizeof cols / sizeof *cols);
	for (size_t i = 0; !rc && i < t->n; i++) {
		const pdx_target_result *it = &t->items[i];
		char *who = short_list(it);
		/* a share that rounds to its target while below it keeps the digits showing
		 * it (pdx_target_share); any other is a plain percent */
		pdx_buf exact = {0};
		bool close = !it->met && it->target && it->achieved_pct >= it->target->pct;
		if (close) {
			pdx_target_share(&exact, it);
			pdx_buf_putc(&exact, '\0');
		}
		if (!who || exact.failed) {
			pdx_free(who);
			pdx_buf_free(&exact);
			rc = PDX_ENOMEM;
			break;
		}
		pdx_cell cells[] = {
		    {PDX_CELL_TEXT, it->indicator->id, 0},
		    {PDX_CELL_TEXT, it->indicator->name, 0},
		    {PDX_CELL_COUNT, NULL, (long long)it->achieved},
		    {PDX_CELL_COUNT, NULL, (long long)it->eligible},
		    {close ? PDX_CELL_TEXT : PDX_CELL_PERCENT, close ? exact.data : NULL,
		     it->achieved_pct},
		    {it->target ? PDX_CELL_PERCENT : PDX_CELL_TEXT, NULL,
		     it->target ? it->target->pct : 0},
		    {PDX_CELL_TEXT,
		     !it->target ? "không có mục tiêu"
		     : it->met   ? "đạt"
		                 : "chưa đạt",
		     0},
		    {PDX_CELL_TEXT, who, 0},
		};
		rc = pdx_doc_row(d, cells);
		pdx_free(who);
		pdx_buf_free(&exact);
	}
	if (!rc)
		rc = pdx_doc_section_end(d);
	if (!rc && t->unfilled) {
		char *vi = pdx_aprintf("Không tính %zu phiếu chưa điền", t->unfilled);
		char *en = pdx_aprintf("%zu unfilled questionnaires left out", t->unfilled);
		rc = vi && en ? pdx_doc_note(d, PDX_NOTE_INFO, vi, en) : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
	}
	if (!rc)
		rc = pdx_doc_end(d);
	for (size_t i = 0; names && i < t->n; i++)
		pdx_free(names[i]);
	pdx_free(names);
	pdx_free(bars);
	pdx_free(title);
	pdx_free(title_en);
	pdx_buf_free(&scope);
	return rc;
}
