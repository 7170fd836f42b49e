/* SPDX-License-Identifier: MIT */
/* A plan's targets as a document of the report model (doc.h): each indicator's share of
 * agencies as a bar against its target, then the table (achieved / eligible, share,
 * target, met or not, who is short). So far the HTML targets report is made this way;
 * text, CSV and JSON keep their writers in report_targets.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Labels are msgids, put in the document's language by pdx_columns_in. */
static const pdx_column cols[] = {
    {"indicator", N_("Code"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"name", N_("Indicator"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"achieved", N_("Achieved"), PDX_CELL_COUNT, PDX_COL_ALL},
    {"eligible", N_("Agencies counted"), PDX_CELL_COUNT, PDX_COL_ALL},
    {"achieved_pct", N_("Share"), PDX_CELL_PERCENT, PDX_COL_ALL},
    {"target_pct", N_("Target"), PDX_CELL_PERCENT, PDX_COL_ALL},
    {"met", N_("Result"), PDX_CELL_TEXT, PDX_COL_ALL},
    {"short_of", N_("Falling short"), PDX_CELL_TEXT, PDX_COL_ALL},
};
enum { N_COLS = 8 };

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
	pdx_lang lang = pdx_doc_lang(d);
	pdx_column lcols[N_COLS];
	pdx_columns_in(lcols, cols, N_COLS, lang);
	char *title = pdx_trf(lang, N_("Plan targets: %s"), m->title);
	pdx_buf scope = {0};
	pdx_buf_printf(&scope, "%s: %s = ", pdx_label(lang, N_("Scope"), "Phạm vi (scope)"),
	               m->scope == PDX_KEY_OWNER
	                   ? pdx_label(lang, N_("governing body"), "cơ quan chủ quản (owner)")
	                   : pdx_label(lang, N_("province"), "tỉnh/TP (province)"));
	for (size_t i = 0; i < m->n_matches; i++)
		pdx_buf_printf(&scope, "%s%s", i ? " / " : "", m->matches[i]);
	if (lang == PDX_LANG_BOTH)
		pdx_buf_printf(&scope, " · %zu cơ quan · năm đánh giá (year): ", t->in_scope);
	else {
		char *part =
		    pdx_trf(lang,
		            PDX_PLURAL(t->in_scope, N_(" · %zu agency · assessment year: "),
		                       N_(" · %zu agencies · assessment year: ")),
		            t->in_scope);
		if (part)
			pdx_buf_puts(&scope, part);
		else
			scope.failed = 1;
		pdx_free(part);
	}
	if (t->year)
		pdx_buf_printf(&scope, "%d", t->year);
	else
		pdx_buf_puts(&scope, pdx_label(lang, N_("unknown"), "không rõ (unknown)"));
	pdx_buf_putc(&scope, '\0');
	/* in English the plan's title (it is data) follows; its id is the gloss otherwise */
	char *title_en =
	    lang == PDX_LANG_EN ? pdx_strdup(title) : pdx_aprintf("plan targets: %s", m->id);
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
		names[i] =
		    pdx_aprintf("%s — %s", it->indicator->id,
		                pdx_name_lang(lang, it->indicator->name, it->indicator->name_en));
		if (!names[i])
			rc = PDX_ENOMEM;
		else
			bars[i] = (pdx_bar){names[i], it->achieved_pct, 10000,
			                    it->target ? (long long)it->target->pct : -1};
	}
	if (!rc)
		rc = pdx_doc_bars(d,
		                  pdx_label(lang,
		                            N_("Share of agencies achieving, against the target"),
		                            "Tỷ lệ cơ quan đạt, so với mục tiêu (share achieved "
		                            "against the target)"),
		                  bars, t->n);
	if (!rc)
		rc = pdx_doc_table(d, "indicators", lcols, N_COLS);
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
		    {PDX_CELL_TEXT,
		     pdx_name_lang(lang, it->indicator->name, it->indicator->name_en), 0},
		    {PDX_CELL_COUNT, NULL, (long long)it->achieved},
		    {PDX_CELL_COUNT, NULL, (long long)it->eligible},
		    {close ? PDX_CELL_TEXT : PDX_CELL_PERCENT, close ? exact.data : NULL,
		     it->achieved_pct},
		    {it->target ? PDX_CELL_PERCENT : PDX_CELL_TEXT, NULL,
		     it->target ? it->target->pct : 0},
		    {PDX_CELL_TEXT,
		     !it->target ? pdx_label(lang, N_("no target"), NULL)
		     : it->met   ? pdx_label(lang, N_("met"), NULL)
		                 : pdx_label(lang, N_("not met"), NULL),
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
		rc = pdx_doc_notef(d, PDX_NOTE_INFO, "%zu unfilled questionnaires left out",
		                   N_("%zu unfilled questionnaires not counted"), t->unfilled);
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
