/* SPDX-License-Identifier: MIT */
/* CSV serialisers: per-agency results and spreadsheet-safe cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Appends `cell` as one CSV cell (NULL: empty): quoted when needed, and prefixed with
 * an apostrophe when it starts with = + - @ (or a tab or CR), which spreadsheet
 * programs would otherwise run as a formula (OWASP CSV injection). */
static void put_cell(pdx_buf *b, const char *cell)
{
	if (!cell)
		cell = "";
	int neutralise = strchr("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0';
	size_t n = strlen(cell);
	int quote = neutralise || strpbrk(cell, ",;\"\r\n\t") != NULL;
	if (!quote) {
		pdx_buf_append(b, cell, n);
		return;
	}
	pdx_buf_putc(b, '"');
	if (neutralise)
		pdx_buf_putc(b, '\'');
	for (const char *p = cell, *q; *p; p = q + 1) {
		q = strchr(p, '"');
		if (!q) {
			pdx_buf_puts(b, p);
			break;
		}
		pdx_buf_append(b, p, (size_t)(q - p) + 1);
		pdx_buf_putc(b, '"'); /* a quote is doubled */
	}
	pdx_buf_putc(b, '"');
}

char *pdx_csv_cell(const char *cell)
{
	pdx_buf b = {0};
	put_cell(&b, cell);
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

/* Appends one cell and its separator to a row. */
void pdx_csv_put(pdx_buf *b, const char *cell, int last)
{
	put_cell(b, cell);
	if (last)
		pdx_buf_append(b, "\r\n", 2);
	else
		pdx_buf_putc(b, ',');
}

/* Whether pillar `id` was already named by an edition before editions[e]. */
static bool pillar_seen(const pdx_rubric *const *editions, size_t e, const char *id)
{
	for (size_t x = 0; x < e; x++)
		if (pdx_rubric_find_pillar(editions[x], id) >= 0)
			return true;
	return false;
}

void pdx_csv_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n)
{
	static const char *const head[] = {"agency_id", "agency_name", "province",
	                                   "owner",     "block",       "year",
	                                   "total",     "level",       "level_name"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		pdx_csv_put(b, head[i], 0);
	/* the pillars of every edition, by id, in order of first appearance */
	for (size_t e = 0; e < n; e++) {
		const pdx_rubric *r = editions[e];
		for (size_t i = 0; i < pdx_rubric_pillar_count(r); i++) {
			const char *id = pdx_rubric_pillar(r, i)->id;
			if (pillar_seen(editions, e, id))
				continue;
			char name[320]; /* "pillar_" + an id of up to 64 characters */
			snprintf(name, sizeof name, "pillar_%s", id);
			pdx_csv_put(b, name, 0);
		}
	}
	pdx_csv_put(b, "errors", n < 2);
	if (n > 1)
		pdx_csv_put(b, "rubric_id", 1);
}

/* A non-negative integer as a cell, without snprintf (one per agency and column). */
static void put_count(pdx_buf *b, uint64_t v, int last)
{
	char t[24], *q = t + sizeof t;
	*--q = '\0';
	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	pdx_csv_put(b, q, last);
}

void pdx_csv_report_row(pdx_buf *b, const pdx_rubric *const *editions, size_t n,
                        const pdx_rubric *r, const pdx_result *res)
{
	const pdx_assessment *a = res->assessment;
	char num[32];
	pdx_csv_put(b, a->agency_id, 0);
	pdx_csv_put(b, a->agency_name, 0);
	pdx_csv_put(b, a->province, 0);
	pdx_csv_put(b, a->owner, 0);
	pdx_csv_put(b, a->block, 0);
	if (a->year > 0)
		put_count(b, (uint64_t)a->year, 0);
	else if (a->year < 0) {
		snprintf(num, sizeof num, "%d", a->year);
		pdx_csv_put(b, num, 0);
	} else
		pdx_csv_put(b, "", 0);
	pdx_csv_put(b, pdx_points_format(res->total, num, sizeof num), 0);
	if (res->level && res->level->number >= 0)
		put_count(b, (uint64_t)res->level->number, 0);
	else if (res->level) {
		snprintf(num, sizeof num, "%d", res->level->number);
		pdx_csv_put(b, num, 0);
	} else
		pdx_csv_put(b, "0", 0);
	pdx_csv_put(b, res->level ? res->level->name : "", 0);
	if (n == 1) { /* the columns are r's pillars, in order */
		for (size_t i = 0; i < pdx_rubric_pillar_count(r); i++)
			pdx_csv_put(b, pdx_points_format(res->pillars[i], num, sizeof num), 0);
	} else {
		/* the columns of the head, each filled when r has that pillar */
		for (size_t e = 0; e < n; e++)
			for (size_t i = 0; i < pdx_rubric_pillar_count(editions[e]); i++) {
				const char *id = pdx_rubric_pillar(editions[e], i)->id;
				if (pillar_seen(editions, e, id))
					continue;
				long k = pdx_rubric_find_pillar(r, id);
				pdx_csv_put(
				    b,
				    k < 0 ? ""
				          : pdx_points_format(res->pillars[k], num, sizeof num),
				    0);
			}
	}
	put_count(b, pdx_result_errors(res), n < 2);
	if (n > 1)
		pdx_csv_put(b, pdx_rubric_meta_get(r)->id, 1);
}
