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
static char *label_of(const pdx_summary *s, const pdx_summary_group *g)
{
	pdx_buf b = {0};
	for (size_t k = 0; k < s->n_keys; k++) {
		if (k)
			pdx_buf_puts(&b, " · ");
		pdx_buf_puts(&b, g->values && g->values[k] ? g->values[k] : "(không rõ)");
	}
	if (!s->n_keys)
		pdx_buf_puts(&b, "Tất cả (all)");
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
	char *heading =
	    s->by_year ? (total->year ? pdx_aprintf("Năm %d — %zu nhóm", total->year, n)
	                              : pdx_aprintf("Năm không rõ (year unknown) — %zu nhóm", n))
	               : pdx_aprintf("Tất cả các năm có trong dữ liệu — %zu nhóm", n);
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
		labels[k] = g < s->n_groups ? label_of(s, G) : pdx_aprintf("Tất cả (all)");
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
		levels[l] = pdx_rubric_level(c->r, l)->name;
	if (!rc)
		rc = pdx_doc_stacked(d, "Số cơ quan theo mức (agencies per level)", levels, nl,
		                     rows, k);
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
		               key < sizeof key_vi / sizeof *key_vi
		                   ? key_vi[key]
		                   : pdx_group_key_name(s->keys[k]));
	}
	pdx_buf_putc(&keys, '\0');
	pdx_buf keys_en = {0};
	for (size_t k = 0; k < s->n_keys; k++)
		pdx_buf_printf(&keys_en, "%s%s", k ? ", " : "", pdx_group_key_name(s->keys[k]));
	pdx_buf_putc(&keys_en, '\0');
	char *title = keys.failed ? NULL : pdx_aprintf("Tổng hợp theo %s", keys.data);
	char *title_en = keys_en.failed ? NULL : pdx_aprintf("summary by %s", keys_en.data);
	int rc = c.cols && c.names && c.cells && title && title_en ? 0 : PDX_ENOMEM;
	if (!rc) {
		c.cols[0] = (pdx_column){"group", "Nhóm", PDX_CELL_TEXT, PDX_COL_ALL};
		c.cols[1] = (pdx_column){"count", "Số cơ quan", PDX_CELL_COUNT, PDX_COL_ALL};
		c.cols[2] = (pdx_column){"mean", "Trung bình", PDX_CELL_POINTS, PDX_COL_ALL};
		c.cols[3] = (pdx_column){"median", "Trung vị", PDX_CELL_POINTS, PDX_COL_ALL};
		c.cols[4] = (pdx_column){"min", "Thấp nhất", PDX_CELL_POINTS, PDX_COL_ALL};
		c.cols[5] = (pdx_column){"max", "Cao nhất", PDX_CELL_POINTS, PDX_COL_ALL};
		for (size_t p = 0; p < np; p++) {
			const char *id = pdx_rubric_pillar(r, p)->id;
			snprintf(c.names[p][0], sizeof c.names[p][0], "pillar_%s_pct", id);
			snprintf(c.names[p][1], sizeof c.names[p][1], "TC%s %%", id);
			c.cols[6 + p] = (pdx_column){c.names[p][0], c.names[p][1], PDX_CELL_PERCENT,
			                             PDX_COL_ALL};
		}
		rc = pdx_doc_begin(d, r, "summary", title, title_en);
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
				pdx_buf_printf(&e, "%snăm không rõ → %s", t ? "; " : "",
				               pdx_rubric_meta_get(gr)->id);
		}
		pdx_buf_putc(&e, '\0');
		char *vi = e.failed ? NULL
		                    : pdx_aprintf("Mỗi năm theo bộ chỉ số của năm đó: %s; mức theo "
		                                  "thang của từng bộ",
		                                  e.data);
		rc = vi ? pdx_doc_note(
		              d, PDX_NOTE_INFO, vi,
		              "each year by its own edition; levels by each edition's bands")
		        : PDX_ENOMEM;
		pdx_free(vi);
		pdx_buf_free(&e);
		for (size_t k = 0; !rc && k < s->n_rubrics; k++) {
			const char *notice = pdx_report_provisional_notice(s->rubrics[k]);
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
		char *vi = pdx_aprintf("Không tính %zu phiếu chưa điền", s->unfilled);
		char *en = pdx_aprintf("%zu unfilled questionnaires left out", s->unfilled);
		rc = vi && en ? pdx_doc_note(d, PDX_NOTE_INFO, vi, en) : PDX_ENOMEM;
		pdx_free(vi);
		pdx_free(en);
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
