/* Text report: what an official reads in a terminal or prints. Vietnamese first,
 * English in brackets where a label needs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BAR_CELLS 20

const char *pdx_report_provisional_notice(const pdx_rubric *r)
{
	if (!pdx_rubric_meta_get(r)->provisional)
		return NULL;
	return "LƯU Ý: bộ chỉ số này có nội dung TẠM THỜI (provisional), không phải phụ lục "
	       "chính thức; kết quả chỉ để tham khảo. / NOTE: this rubric has provisional "
	       "content, not the official annex; results are indicative only.";
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

void pdx_text_header(pdx_buf *b, const pdx_rubric *r)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	pdx_buf_printf(b, "Bộ chỉ số (rubric): %s — %s", m->id, m->title);
	if (m->decision)
		pdx_buf_printf(b, " (%s)", m->decision);
	pdx_buf_putc(b, '\n');
	const char *notice = pdx_report_provisional_notice(r);
	if (notice)
		pdx_buf_printf(b, "%s\n", notice);
}

static void agency_heading(pdx_buf *b, const pdx_assessment *a)
{
	pdx_buf_printf(b, "\n%s", a->agency_id);
	if (a->agency_name)
		pdx_buf_printf(b, "  %s", a->agency_name);
	pdx_buf_putc(b, '\n');
	/* the fields given, joined by " · " */
	pdx_buf_puts(b, "  ");
	if (a->province)
		pdx_buf_printf(b, "Tỉnh/TP: %s · ", a->province);
	if (a->owner)
		pdx_buf_printf(b, "Cơ quan chủ quản: %s · ", a->owner);
	if (a->block)
		pdx_buf_printf(b, "Khối: %s · ", a->block);
	if (a->year)
		pdx_buf_printf(b, "Năm: %d", a->year);
	else
		pdx_buf_puts(b, "Năm: (không rõ)");
	pdx_buf_putc(b, '\n');
}

int pdx_report_text(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                    size_t n)
{
	pdx_buf b = {0};
	pdx_text_header(&b, r);
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	size_t np = pdx_rubric_pillar_count(r), width = 0;
	for (size_t i = 0; i < np; i++) {
		const pdx_pillar *p = pdx_rubric_pillar(r, i);
		size_t w = pdx_utf8_width(p->id) + 1 + pdx_utf8_width(p->name);
		if (w > width)
			width = w;
	}
	if (n == 0)
		pdx_buf_puts(&b,
		             "\nKhông có cơ quan nào trong dữ liệu. (No agencies in the input.)\n");
	for (size_t k = 0; k < n; k++) {
		const pdx_result *res = results[k];
		char t[32], mx[32];
		agency_heading(&b, res->assessment);
		pdx_buf_printf(&b, "  Tổng điểm (total): %s/%s",
		               pdx_points_format(res->total, t, sizeof t),
		               pdx_points_format_short(m->total, mx, sizeof mx));
		if (res->level)
			pdx_buf_printf(&b, " · Mức %d: %s", res->level->number, res->level->name);
		pdx_buf_putc(&b, '\n');
		for (size_t i = 0; i < np; i++) {
			const pdx_pillar *p = pdx_rubric_pillar(r, i);
			char *label = pdx_aprintf("%s %s", p->id, p->name);
			pdx_buf_puts(&b, "  ");
			if (label)
				pad(&b, label, width);
			else
				b.failed = 1;
			free(label);
			pdx_buf_printf(&b, "  %6s/%-3s ",
			               pdx_points_format(res->pillars[i], t, sizeof t),
			               pdx_points_format_short(p->max, mx, sizeof mx));
			bar(&b, res->pillars[i], p->max);
			pdx_buf_printf(
			    &b, " %3lld%%\n",
			    (long long)(p->max ? pdx_round_div(res->pillars[i] * 100, p->max) : 0));
		}
		if (res->n_unanswered) {
			pdx_buf_printf(&b, "  Chưa trả lời (unanswered, %zu):", res->n_unanswered);
			size_t nk = pdx_rubric_criterion_count(r);
			for (size_t i = 0; i < nk; i++)
				if (res->criteria[i].status == PDX_CRIT_UNANSWERED)
					pdx_buf_printf(&b, " %s", res->criteria[i].criterion->id);
			pdx_buf_putc(&b, '\n');
		}
		size_t nd = pdx_diags_count(res->diags);
		size_t ne = pdx_diags_errors(res->diags);
		if (ne)
			pdx_buf_printf(&b, "  Lỗi (errors, %zu):\n", ne);
		for (int pass = 0; pass < 2; pass++) {
			if (pass == 1 && nd > ne)
				pdx_buf_printf(&b, "  Cảnh báo (warnings, %zu):\n", nd - ne);
			for (size_t i = 0; i < nd; i++) {
				const pdx_diag *g = pdx_diags_get(res->diags, i);
				if ((g->severity == PDX_SEV_ERROR) != (pass == 0))
					continue;
				pdx_diag d = *g;
				d.agency_id = NULL;
				char *line = pdx_diag_format(&d);
				if (!line) {
					b.failed = 1;
					continue;
				}
				pdx_buf_printf(&b, "    %s\n", line);
				free(line);
			}
		}
	}
	return pdx_buf_finish(&b, out, len);
}
