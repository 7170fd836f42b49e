/* CSV serialisers: per-agency results and spreadsheet-safe cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

char *pdx_csv_cell(const char *cell)
{
	pdx_buf b = {0};
	if (!cell)
		cell = "";
	/* A cell that a spreadsheet would evaluate (=, +, -, @, and tab/CR which Excel
	 * also treats as formula starts) gets a leading apostrophe (OWASP CSV injection). */
	int neutralise = strchr("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0';
	int quote = neutralise || strpbrk(cell, ",;\"\r\n\t") != NULL;
	if (quote)
		pdx_buf_putc(&b, '"');
	if (neutralise)
		pdx_buf_putc(&b, '\'');
	for (const char *p = cell; *p; p++) {
		if (*p == '"')
			pdx_buf_putc(&b, '"');
		pdx_buf_putc(&b, *p);
	}
	if (quote)
		pdx_buf_putc(&b, '"');
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

/* Appends one cell and its separator to a row. */
void pdx_csv_put(pdx_buf *b, const char *cell, int last)
{
	char *c = pdx_csv_cell(cell);
	if (!c) {
		b->failed = 1;
		return;
	}
	pdx_buf_puts(b, c);
	pdx_buf_puts(b, last ? "\r\n" : ",");
	pdx_free(c);
}

int pdx_report_csv(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                   size_t n)
{
	pdx_buf b = {0};
	static const char *const head[] = {"agency_id", "agency_name", "province",
	                                   "owner",     "block",       "year",
	                                   "total",     "level",       "level_name"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		pdx_csv_put(&b, head[i], 0);
	size_t np = pdx_rubric_pillar_count(r);
	for (size_t i = 0; i < np; i++) {
		char name[320]; /* "pillar_" + an id of up to 64 characters */
		snprintf(name, sizeof name, "pillar_%s", pdx_rubric_pillar(r, i)->id);
		pdx_csv_put(&b, name, 0);
	}
	pdx_csv_put(&b, "errors", 1);
	for (size_t k = 0; k < n; k++) {
		const pdx_result *res = results[k];
		const pdx_assessment *a = res->assessment;
		char num[32];
		pdx_csv_put(&b, a->agency_id, 0);
		pdx_csv_put(&b, a->agency_name, 0);
		pdx_csv_put(&b, a->province, 0);
		pdx_csv_put(&b, a->owner, 0);
		pdx_csv_put(&b, a->block, 0);
		if (a->year)
			snprintf(num, sizeof num, "%d", a->year);
		pdx_csv_put(&b, a->year ? num : "", 0);
		pdx_csv_put(&b, pdx_points_format(res->total, num, sizeof num), 0);
		snprintf(num, sizeof num, "%d", res->level ? res->level->number : 0);
		pdx_csv_put(&b, num, 0);
		pdx_csv_put(&b, res->level ? res->level->name : "", 0);
		for (size_t i = 0; i < np; i++)
			pdx_csv_put(&b, pdx_points_format(res->pillars[i], num, sizeof num), 0);
		snprintf(num, sizeof num, "%zu", pdx_result_errors(res));
		pdx_csv_put(&b, num, 1);
	}
	return pdx_buf_finish(&b, out, len);
}
