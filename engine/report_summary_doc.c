/* SPDX-License-Identifier: MIT */
/* The summary as a dashboard of the report model (doc.h): per year (or once), the level
 * distribution of every group as stacked bars and the table of counts, mean, median,
 * minimum, maximum and pillar means in % of their maxima. So far the HTML summary is
 * made this way; text, CSV and JSON keep their writers in report_summary.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* "Hải Phòng · Báo địa phương": the group's values, an unknown one said. */
static char *label_of(const pdx_summary *s, const pdx_summary_group *g, pdx_lang lang)
{
	pdx_buf b = {0};
	for (size_t k = 0; k < s->n_keys; k++) {
		if (k)
			pdx_buf_puts(&b, " · ");
		pdx_buf_puts(&b, g->values && g->values[k]
		                     ? g->values[k]
		                     : pdx_label(lang, N_("(unknown)"), NULL));
	}
	if (!s->n_keys)
		pdx_buf_puts(&b, pdx_label(lang, N_("All"), "Tất cả (all)"));
	char *out = NULL;
	size_t len;
	return pdx_buf_finish(&b, &out, &len) ? NULL : out;
}

typedef struct ctx {
	const pdx_rubric *r;
	const pdx_summary *s;
	pdx_column *cols;
	char (*names)[2][48];
	size_t n_cols;
	pdx_cell *cells;
} ctx;

static int row(pdx_doc *d, ctx *c, const char *label, const pdx_stats *st)
{
	size_t np = pdx_rubric_pillar_count(c->r);
	c->cells[0] = (pdx_cell){PDX_CELL_TEXT, label, 0};
	c->cells[1] = (pdx_cell){PDX_CELL_COUNT, NULL, (long long)st->count};
	c->cells[2] = (pdx_cell){PDX_CELL_POINTS, NULL, st->mean};
	c->cells[3] = (pdx_cell){PDX_CELL_POINTS, NULL, st->median};
	c->cells[4] = (pdx_cell){PDX_CELL_POINTS, NULL, st->min};
	c->cells[5] = (pdx_cell){PDX_CELL_POINTS, NULL, st->max};
	for (size_t p = 0; p < np; p++)
		c->cells[6 + p] =
		    (pdx_cell){PDX_CELL_PERCENT, NULL, st->pillar_pct ? st->pillar_pct[p] : 0};
	return pdx_doc_row(d, c->cells);
}

/* One section: the groups of `year` (every group when the summary is not by year), then
 * the year's total. */
static int section(pdx_doc *d, ctx *c, const pdx_summary_group *total)
{
	const pdx_summary *s = c->s;
	size_t nl = pdx_rubric_level_count(c->r), n = 0;
	for (size_t g = 0; g < s->n_groups; g++)
		n += !s->by_year || s->groups[g].year == total->year;
	pdx_lang lang = pdx_doc_lang(d);
	char *heading = s->by_year
	                    ? (total->year ? pdx_trf(lang,
	                                             PDX_PLURAL(n, N_("Year %d — %zu group"),
	                                                        N_("Year %d — %zu groups")),
	                                             total->year, n)
	                       : lang == PDX_LANG_BOTH
	                           ? pdx_aprintf("Năm không rõ (year unknown) — %zu nhóm", n)
	                           : pdx_trf(lang,
	                                     PDX_PLURAL(n, N_("Year unknown — %zu group"),
	                                                N_("Year unknown — %zu groups")),
	                                     n))
	                    : pdx_trf(lang,
	                              PDX_PLURAL(n, N_("All the years in the data — %zu group"),
	                                         N_("All the years in the data — %zu groups")),
	                              n);
	if (!heading)
		return PDX_ENOMEM;
	pdx_doc_key key = {"year", {PDX_CELL_YEAR, NULL, total->year}};
	int rc = pdx_doc_section(d, heading, &key, s->by_year ? 1 : 0);
	pdx_free(heading);
	pdx_stack_row *rows = pdx_calloc(n + 2, sizeof(*rows));
	char **labels = pdx_calloc(n + 2, sizeof(*labels));
	const pdx_stats **stats = pdx_calloc(n + 2, sizeof(*stats));
	long long *counts = pdx_calloc((n + 1) * (nl ? nl : 1), sizeof(*counts));
	const char **levels = pdx_calloc(nl + 1, sizeof(*levels));
	if (!rc && (!rows || !labels || !stats || !counts || !levels))
		rc = PDX_ENOMEM;
	size_t k = 0;
	for (size_t g = 0; !rc && g <= s->n_groups; g++) {
		const pdx_summary_group *G = g < s->n_groups ? &s->groups[g] : total;
		if (g < s->n_groups && s->by_year && G->year != total->year)
			continue;
		labels[k] = g < s->n_groups
		                ? label_of(s, G, lang)
		                : pdx_strdup(pdx_label(lang, N_("All"), "Tất cả (all)"));
		if (!labels[k]) {
			rc = PDX_ENOMEM;
			break;
		}
		for (size_t l = 0; l < nl; l++)
			counts[k * nl + l] = G->stats.levels ? (long long)G->stats.levels[l] : 0;
		rows[k] = (pdx_stack_row){labels[k], &counts[k * nl]};
		stats[k] = &G->stats;
		k++;
	}
	for (size_t l = 0; !rc && l < nl; l++)
		levels[l] = pdx_name_lang(lang, pdx_rubric_level(c->r, l)->name,
		                          pdx_rubric_level(c->r, l)->name_en);
	if (!rc)
		rc = pdx_doc_stacked(d,
		                     pdx_label(lang, N_("Agencies per level"),
		                               "Số cơ quan theo mức (agencies per level)"),
		                     levels, nl, rows, k);
	if (!rc)
		rc = pdx_doc_table(d, "groups", c->cols, c->n_cols);
	for (size_t i = 0; !rc && i < k; i++)
		rc = row(d, c, labels[i], stats[i]);
	for (size_t i = 0; labels && i < k; i++)
		pdx_free(labels[i]);
	pdx_free(labels);
	pdx_free(stats);
	pdx_free(rows);
	pdx_free(counts);
	pdx_free(levels);
	return rc ? rc : pdx_doc_section_end(d);
}

int pdx_summary_doc(pdx_doc *d, const pdx_rubric *r, const pdx_summary *s)
{
	size_t np = pdx_rubric_pillar_count(r);
	pdx_lang lang = pdx_doc_lang(d);
	ctx c = {r, s, NULL, NULL, 6 + np, NULL};
	c.cols = pdx_calloc(c.n_cols, sizeof(*c.cols));
	c.names = pdx_calloc(np + 1, sizeof(*c.names));
	c.cells = pdx_calloc(c.n_cols, sizeof(*c.cells));
	pdx_buf keys = {0};
	static const char *const key_vi[] = {"tỉnh/thành phố", "cơ quan chủ quản", "khối", "năm",
	                                     "loại hình"};
	for (size_t k = 0; k < s->n_keys; k++) {
		unsigned key = (unsigned)s->keys[k];
		pdx_buf_printf(&keys, "%s%s", k ? ", " : "",
		               key < sizeof key_vi / sizeof *key_vi && lang != PDX_LANG_EN
		                   ? key_vi[key]
		                   : pdx_group_key_name(s->keys[k]));
	}
	pdx_buf_putc(&keys, '\0');
	pdx_buf keys_en = {0};
	for (size_t k = 0; k < s->n_keys; k++)
		pdx_buf_printf(&keys_en, "%s%s", k ? ", " : "", pdx_group_key_name(s->keys[k]));
	pdx_buf_putc(&keys_en, '\0');
	/* the keys in the title: Vietnamese words, or in English the keys' own names */
	char *title = keys.failed ? NULL : pdx_trf(lang, N_("Summary by %s"), keys.data);
	char *title_en = keys_en.failed ? NULL : pdx_aprintf("summary by %s", keys_en.data);
	int rc = c.cols && c.names && c.cells && title && title_en ? 0 : PDX_ENOMEM;
	if (!rc) {
		static const pdx_column first[] = {
		    {"group", N_("Group"), PDX_CELL_TEXT, PDX_COL_ALL},
		    {"count", N_("Agencies"), PDX_CELL_COUNT, PDX_COL_ALL},
		    {"mean", N_("Mean"), PDX_CELL_POINTS, PDX_COL_ALL},
		    {"median", N_("Median"), PDX_CELL_POINTS, PDX_COL_ALL},
		    {"min", N_("Lowest"), PDX_CELL_POINTS, PDX_COL_ALL},
		    {"max", N_("Highest"), PDX_CELL_POINTS, PDX_COL_ALL},
		};
		pdx_columns_in(c.cols, first, 6, lang);
		for (size_t p = 0; p < np; p++) {
			const char *id = pdx_rubric_pillar(r, p)->id;
			snprintf(c.names[p][0], sizeof c.names[p][0], "pillar_%s_pct", id);
			snprintf(c.names[p][1], sizeof c.names[p][1], "%s%s %%",
			         pdx_label(lang, N_("P"), NULL), id);
			c.cols[6 + p] = (pdx_column){c.names[p][0], c.names[p][1], PDX_CELL_PERCENT,
			                             PDX_COL_ALL};
		}
		rc = pdx_doc_begin(d, r, "summary", title, lang == PDX_LANG_EN ? NULL : title_en);
	}
	if (!rc && s->n_rubrics > 1) {
		/* the head names one edition: say which scored each year, with its notice */
		pdx_buf e = {0};
		for (size_t t = 0; t < s->n_totals; t++) {
			const pdx_rubric *gr = s->totals[t].rubric ? s->totals[t].rubric : r;
			if (s->totals[t].year)
				pdx_buf_printf(&e, "%s%d → %s", t ? "; " : "", s->totals[t].year,
				               pdx_rubric_meta_get(gr)->id);
			else
				pdx_buf_printf(&e, "%s%s → %s", t ? "; " : "",
				               pdx_label(lang, N_("year unknown"), "năm không rõ"),
				               pdx_rubric_meta_get(gr)->id);
		}
		pdx_buf_putc(&e, '\0');
		rc = e.failed ? PDX_ENOMEM
		              : pdx_doc_notef(d, PDX_NOTE_INFO,
		                              "each year by its own edition; levels by each "
		                              "edition's bands",
		                              N_("Each year by its own edition: %s; levels by each "
		                                 "edition's bands"),
		                              e.data);
		pdx_buf_free(&e);
		for (size_t k = 0; !rc && k < s->n_rubrics; k++) {
			const char *notice = pdx_rubric_notice_lang(s->rubrics[k], lang);
			if (!notice || pdx_rubric_same(s->rubrics[k], r))
				continue;
			char *nv =
			    pdx_aprintf("%s: %s", pdx_rubric_meta_get(s->rubrics[k])->id, notice);
			rc = nv ? pdx_doc_note(d, PDX_NOTE_INFO, nv, NULL) : PDX_ENOMEM;
			pdx_free(nv);
		}
	}
	for (size_t t = 0; !rc && t < s->n_totals; t++)
		rc = section(d, &c, &s->totals[t]);
	if (!rc && s->unfilled) {
		rc = pdx_doc_notef(d, PDX_NOTE_INFO, "%zu unfilled questionnaires left out",
		                   PDX_PLURAL(s->unfilled,
		                              N_("%zu unfilled questionnaire not counted"),
		                              N_("%zu unfilled questionnaires not counted")),
		                   s->unfilled);
	}
	if (!rc)
		rc = pdx_doc_end(d);
	pdx_buf_free(&keys);
	pdx_buf_free(&keys_en);
	pdx_free(title);
	pdx_free(title_en);
	pdx_free(c.cols);
	pdx_free(c.names);
	pdx_free(c.cells);
	return rc;
}
