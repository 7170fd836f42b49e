/* SPDX-License-Identifier: MIT */
/* The questionnaire template: the rubric as a CSV an agency fills in Excel. Its
 * first columns are exactly those the answers reader looks for, so a filled template
 * scores as it is; the question, allowed answers and max points sit beside the
 * empty answer cell and are ignored on reading. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void band_text(pdx_buf *b, const pdx_criterion *c)
{
	char bound[48], pts[24];
	for (size_t i = 0; i < c->n_bands; i++) {
		const pdx_band *x = &c->bands[i];
		pdx_buf_printf(b, "%s%s%s → %sđ", i ? "; " : "", x->strict ? ">" : "≥",
		               pdx_decimal_format(x->bound, bound, sizeof bound),
		               pdx_points_format_short(x->points, pts, sizeof pts));
	}
	pdx_buf_puts(b, "; còn lại → 0đ");
}

/* "Allowed answers" in words an official understands, with the points they earn. */
static char *allowed_text(const pdx_criterion *c)
{
	pdx_buf b = {0};
	char pts[24];
	switch (c->type) {
	case PDX_TYPE_YESNO:
		pdx_buf_printf(&b, "có / không (có → %sđ)",
		               pdx_points_format_short(c->max, pts, sizeof pts));
		break;
	case PDX_TYPE_CHOICE:
		for (size_t i = 0; i < c->n_options; i++)
			pdx_buf_printf(
			    &b, "%s%s = %s (%sđ)", i ? "; " : "", c->options[i].key,
			    c->options[i].label,
			    pdx_points_format_short(c->options[i].points, pts, sizeof pts));
		break;
	case PDX_TYPE_PERCENT:
		pdx_buf_puts(&b, "số từ 0 đến 100 (%): ");
		if (c->scoring == PDX_SCORING_LINEAR)
			pdx_buf_printf(&b, "điểm = %s × giá trị / 100",
			               pdx_points_format_short(c->max, pts, sizeof pts));
		else
			band_text(&b, c);
		break;
	case PDX_TYPE_NUMBER:
		pdx_buf_puts(&b, "số, có thể âm: ");
		band_text(&b, c);
		break;
	case PDX_TYPE_COUNT:
		pdx_buf_puts(&b, "số nguyên ≥ 0: ");
		band_text(&b, c);
		break;
	case PDX_TYPE_TEXT:
		pdx_buf_puts(&b, "văn bản");
		break;
	}
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

static char *question_allowed(const pdx_question *q)
{
	pdx_buf b = {0};
	switch (q->type) {
	case PDX_TYPE_YESNO:
		pdx_buf_puts(&b, "có / không");
		break;
	case PDX_TYPE_CHOICE:
		for (size_t i = 0; i < q->n_options; i++)
			pdx_buf_printf(&b, "%s%s = %s", i ? "; " : "", q->options[i].key,
			               q->options[i].label);
		break;
	case PDX_TYPE_PERCENT:
		pdx_buf_puts(&b, "số từ 0 đến 100 (%)");
		break;
	case PDX_TYPE_NUMBER:
		pdx_buf_puts(&b, "số");
		break;
	case PDX_TYPE_COUNT:
		pdx_buf_puts(&b, "số nguyên ≥ 0");
		break;
	case PDX_TYPE_TEXT:
		pdx_buf_puts(&b, "văn bản");
		break;
	}
	pdx_buf_puts(&b, " — không tính điểm (not scored)");
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

static void identity(pdx_buf *b, const pdx_template_options *o, const char *year)
{
	pdx_csv_put(b, o ? o->agency_id : NULL, 0);
	pdx_csv_put(b, o ? o->agency_name : NULL, 0);
	pdx_csv_put(b, o ? o->province : NULL, 0);
	pdx_csv_put(b, o ? o->owner : NULL, 0);
	pdx_csv_put(b, o ? o->block : NULL, 0);
	pdx_csv_put(b, o ? o->media : NULL, 0);
	pdx_csv_put(b, year, 0);
}

int pdx_template_csv(char **out, size_t *len, const pdx_rubric *r, const pdx_template_options *o)
{
	pdx_buf b = {0};
	pdx_buf_puts(&b, "\xef\xbb\xbf"); /* BOM: Excel then reads the file as UTF-8 */
	static const char *const head[] = {
	    "agency_id",       "agency_name", "province",  "owner",    "block",
	    "media",           "year",        "criterion", "question", "answer_type",
	    "allowed_answers", "max_points",  "answer",    "evidence", "note"};
	size_t nh = sizeof head / sizeof *head;
	for (size_t i = 0; i < nh; i++)
		pdx_csv_put(&b, head[i], i + 1 == nh);
	char year[16] = "";
	if (o && o->year)
		snprintf(year, sizeof year, "%d", o->year);
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		char *allowed = allowed_text(c);
		char pts[24];
		if (!allowed)
			b.failed = 1;
		identity(&b, o, year);
		pdx_csv_put(&b, c->id, 0);
		pdx_csv_put(&b, c->name, 0);
		pdx_csv_put(&b, pdx_answer_type_name(c->type), 0);
		pdx_csv_put(&b, allowed, 0);
		pdx_csv_put(&b, pdx_points_format_short(c->max, pts, sizeof pts), 0);
		pdx_csv_put(&b, NULL, 0);
		pdx_csv_put(&b, NULL, 0);
		pdx_csv_put(&b, NULL, 1);
		pdx_free(allowed);
	}
	for (size_t i = 0; i < pdx_rubric_question_count(r); i++) {
		const pdx_question *q = pdx_rubric_question(r, i);
		char *allowed = question_allowed(q);
		if (!allowed)
			b.failed = 1;
		identity(&b, o, year);
		pdx_csv_put(&b, q->id, 0);
		pdx_csv_put(&b, q->name, 0);
		pdx_csv_put(&b, pdx_answer_type_name(q->type), 0);
		pdx_csv_put(&b, allowed, 0);
		pdx_csv_put(&b, NULL, 0);
		pdx_csv_put(&b, NULL, 0);
		pdx_csv_put(&b, NULL, 0);
		pdx_csv_put(&b, NULL, 1);
		pdx_free(allowed);
	}
	return pdx_buf_finish(&b, out, len);
}
