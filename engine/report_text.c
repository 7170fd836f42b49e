/* SPDX-License-Identifier: MIT */
/* Text report: what an official reads in a terminal or prints. Vietnamese first,
 * English in brackets where a label needs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BAR_CELLS 20

const char *pdx_report_provisional_notice(const pdx_rubric *r)
{
	return pdx_rubric_meta_get(r)->notice;
}

static void pad(pdx_buf *b, const char *s, size_t width)
{
	pdx_buf_puts(b, s);
	for (size_t w = pdx_utf8_width(s); w < width; w++)
		pdx_buf_putc(b, ' ');
}

static void bar(pdx_buf *b, pdx_points score, pdx_points max)
{
	int64_t full = max > 0 ? pdx_round_div(score * BAR_CELLS, max) : 0;
	if (full < 0)
		full = 0;
	if (full > BAR_CELLS)
		full = BAR_CELLS;
	for (int64_t i = 0; i < BAR_CELLS; i++)
		pdx_buf_puts(b, i < full ? "█" : "░");
}

char *pdx_rubric_line(const pdx_rubric *r, pdx_lang lang)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	return pdx_aprintf("%s: %s — %s%s%s%s", pdx_label(lang, N_("Rubric"), "Bộ chỉ số (rubric)"),
	                   m->id, pdx_name_lang(lang, m->title, m->title_en),
	                   m->decision ? " (" : "", m->decision ? m->decision : "",
	                   m->decision ? ")" : "");
}

void pdx_text_header(pdx_buf *b, const pdx_rubric *r, pdx_lang lang)
{
	char *line = pdx_rubric_line(r, lang);
	if (!line)
		b->failed = 1;
	else
		pdx_buf_printf(b, "%s\n", line);
	pdx_free(line);
	const char *notice = pdx_rubric_notice_lang(r, lang);
	if (notice)
		pdx_buf_printf(b, "%s\n", notice);
}

static void field(pdx_buf *b, const char *label, const char *value)
{
	pdx_buf_puts(b, label);
	pdx_buf_puts(b, ": ");
	pdx_buf_put_safe(b, value);
	pdx_buf_puts(b, " · ");
}

static void agency_heading(pdx_buf *b, const pdx_assessment *a, pdx_lang lang)
{
	pdx_buf_putc(b, '\n');
	pdx_buf_put_safe(b, a->agency_id);
	if (a->agency_name) {
		pdx_buf_puts(b, "  ");
		pdx_buf_put_safe(b, a->agency_name);
	}
	pdx_buf_putc(b, '\n');
	/* the fields given, joined by " · " */
	pdx_buf_puts(b, "  ");
	if (a->province)
		field(b, pdx_label(lang, N_("Province"), NULL), a->province);
	if (a->owner)
		field(b, pdx_label(lang, N_("Governing body"), NULL), a->owner);
	if (a->block)
		field(b, pdx_label(lang, N_("Block"), NULL), a->block);
	if (a->year)
		pdx_buf_printf(b, "%s: %d", pdx_label(lang, N_("Year"), NULL), a->year);
	else
		pdx_buf_printf(b, "%s: %s", pdx_label(lang, N_("Year"), NULL),
		               pdx_label(lang, N_("(unknown)"), NULL));
	pdx_buf_putc(b, '\n');
}

/* The distinct source files, in order of appearance, of the answers of the
 * assessments given one by one (a list of results, or an answer set). */
static int add_files(pdx_files *fl, const pdx_assessment *a)
{
	size_t cursor = 0;
	pdx_answer x;
	while (pdx_assessment_next_answer(a, &cursor, &x)) {
		if (x.file == fl->last)
			continue; /* rows come in runs of one file */
		fl->last = x.file;
		size_t k = 0;
		while (k < fl->n && fl->f[k].file != x.file)
			k++;
		if (k < fl->n)
			continue;
		if (fl->n == fl->cap) {
			size_t cap = fl->cap ? fl->cap * 2 : 8;
			pdx_answer *p = pdx_reallocarray(fl->f, cap, sizeof(*p));
			if (!p)
				return PDX_ENOMEM;
			fl->f = p;
			fl->cap = cap;
		}
		fl->f[fl->n++] = x;
	}
	return 0;
}

int pdx_files_of_results(pdx_files *fl, pdx_result *const *results, size_t n)
{
	*fl = (pdx_files){0};
	for (size_t i = 0; i < n; i++)
		if (add_files(fl, results[i]->assessment))
			return PDX_ENOMEM;
	return 0;
}

int pdx_files_of_set(pdx_files *fl, const pdx_answers *set)
{
	*fl = (pdx_files){0};
	size_t n = set ? pdx_answers_count(set) : 0;
	for (size_t i = 0; i < n; i++)
		if (add_files(fl, pdx_answers_get(set, i)))
			return PDX_ENOMEM;
	return 0;
}

void pdx_files_free(pdx_files *fl)
{
	pdx_free(fl->f);
	*fl = (pdx_files){0};
}

/* The files read in another encoding than UTF-8 (chosen per file, see decode.c): an
 * official who gave --encoding sees which files it applied to. */
static void encodings(pdx_buf *b, const pdx_files *fl, pdx_lang lang)
{
	for (size_t i = 0; i < fl->n; i++) {
		if (!fl->f[i].encoding || strcmp(fl->f[i].encoding, "utf-8") == 0)
			continue;
		pdx_buf_printf(b, "%s ", pdx_label(lang, N_("File"), NULL));
		pdx_buf_put_safe(b, fl->f[i].file);
		pdx_buf_puts(b, ": ");
		const char *en = N_("read as %s");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		/* the Vietnamese format comes from the catalogue, whose conversions msgfmt
		 * --check-format compares with the English one's */
		pdx_buf_printf(b, lang == PDX_LANG_EN ? en : pdx_tr(en), fl->f[i].encoding);
#pragma GCC diagnostic pop
		if (lang == PDX_LANG_BOTH)
			pdx_buf_printf(b, " (read as %s)", fl->f[i].encoding);
		pdx_buf_putc(b, '\n');
	}
}

size_t pdx_text_report_head(pdx_buf *b, const pdx_rubric *const *editions, size_t n,
                            const pdx_files *fl, pdx_lang lang)
{
	/* every edition the report uses, each with its own notice */
	for (size_t e = 0; e < n; e++)
		pdx_text_header(b, editions[e], lang);
	encodings(b, fl, lang);
	size_t width = 0;
	for (size_t e = 0; e < n; e++) {
		const pdx_rubric *r = editions[e];
		for (size_t i = 0; i < pdx_rubric_pillar_count(r); i++) {
			const pdx_pillar *p = pdx_rubric_pillar(r, i);
			size_t w = pdx_utf8_width(p->id) + 1 +
			           pdx_utf8_width(pdx_name_lang(lang, p->name, p->name_en));
			if (w > width)
				width = w;
		}
	}
	return width;
}

void pdx_text_report_none(pdx_buf *b, pdx_lang lang)
{
	const char *en = N_("No agencies in the input.");
	if (lang == PDX_LANG_BOTH)
		pdx_buf_printf(b, "\n%s (%s)\n", pdx_tr(en), en);
	else
		pdx_buf_printf(b, "\n%s\n", pdx_label(lang, en, NULL));
}

/* "Lỗi (errors, 3):" as the both form has always had it, "Errors (3):" in one language. */
static void count_heading(pdx_buf *b, pdx_lang lang, const char *en, const char *gloss, size_t n)
{
	if (lang == PDX_LANG_BOTH)
		pdx_buf_printf(b, "%s (%s, %zu):", pdx_tr(en), gloss, n);
	else
		pdx_buf_printf(b, "%s (%zu):", pdx_label(lang, en, NULL), n);
}

void pdx_text_report_agency(pdx_buf *b, const pdx_rubric *r, size_t width, const pdx_result *res,
                            bool name_edition, pdx_lang lang)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	size_t np = pdx_rubric_pillar_count(r);
	char t[32], mx[32];
	agency_heading(b, res->assessment, lang);
	if (name_edition)
		pdx_buf_printf(b, "  %s: %s\n", pdx_label(lang, N_("Rubric"), "Bộ chỉ số (rubric)"),
		               m->id);
	pdx_buf_printf(b, "  %s: %s/%s", pdx_label(lang, N_("Total"), "Tổng điểm (total)"),
	               pdx_points_format(res->total, t, sizeof t),
	               pdx_points_format_short(m->total, mx, sizeof mx));
	if (res->level)
		pdx_buf_printf(b, " · %s %d: %s", pdx_label(lang, N_("Level"), NULL),
		               res->level->number,
		               pdx_name_lang(lang, res->level->name, res->level->name_en));
	pdx_buf_putc(b, '\n');
	for (size_t i = 0; i < np; i++) {
		const pdx_pillar *p = pdx_rubric_pillar(r, i);
		char *label = pdx_aprintf("%s %s", p->id, pdx_name_lang(lang, p->name, p->name_en));
		pdx_buf_puts(b, "  ");
		if (label)
			pad(b, label, width);
		else
			b->failed = 1;
		pdx_free(label);
		pdx_buf_printf(b, "  %6s/%-3s ", pdx_points_format(res->pillars[i], t, sizeof t),
		               pdx_points_format_short(p->max, mx, sizeof mx));
		bar(b, res->pillars[i], p->max);
		pdx_buf_printf(
		    b, " %3lld%%\n",
		    (long long)(p->max ? pdx_round_div(res->pillars[i] * 100, p->max) : 0));
	}
	if (res->n_unanswered) {
		pdx_buf_puts(b, "  ");
		count_heading(b, lang, N_("Unanswered"), "unanswered", res->n_unanswered);
		if (res->criteria) {
			size_t nk = pdx_rubric_criterion_count(r);
			for (size_t i = 0; i < nk; i++)
				if (res->criteria[i].status == PDX_CRIT_UNANSWERED)
					pdx_buf_printf(b, " %s", res->criteria[i].criterion->id);
		}
		pdx_buf_putc(b, '\n');
	}
	size_t nd = pdx_diags_count(res->diags);
	size_t ne = pdx_diags_errors(res->diags);
	if (ne) {
		pdx_buf_puts(b, "  ");
		count_heading(b, lang, N_("Errors"), "errors", ne);
		pdx_buf_putc(b, '\n');
	}
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && nd > ne) {
			pdx_buf_puts(b, "  ");
			count_heading(b, lang, N_("Warnings"), "warnings", nd - ne);
			pdx_buf_putc(b, '\n');
		}
		for (size_t i = 0; i < nd; i++) {
			const pdx_diag *g = pdx_diags_get(res->diags, i);
			if ((g->severity == PDX_SEV_ERROR) != (pass == 0))
				continue;
			pdx_diag d = *g;
			d.agency_id = NULL;
			char *line = pdx_diag_format_lang(&d, lang);
			if (!line) {
				b->failed = 1;
				continue;
			}
			pdx_buf_printf(b, "    %s\n", line);
			pdx_free(line);
		}
	}
}
