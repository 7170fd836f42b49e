/* SPDX-License-Identifier: MIT */
/* Diagnostics list: every problem of a run with its place, kept in input order. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct pdx_diags {
	pdx_diag *items;
	size_t n, cap;
	size_t errors;
};

pdx_diags *pdx_diags_new(void)
{
	return pdx_calloc(1, sizeof(pdx_diags));
}

const pdx_diags *pdx_diags_empty(void)
{
	static const pdx_diags none;
	return &none;
}

static void diag_clear(pdx_diag *d)
{
	pdx_free((char *)d->file);
	pdx_free((char *)d->sheet);
	pdx_free((char *)d->criterion);
	pdx_free((char *)d->agency_id);
	pdx_free((char *)d->message_vi);
	pdx_free((char *)d->message_en);
}

void pdx_diags_free(pdx_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		diag_clear(&d->items[i]);
	pdx_free(d->items);
	pdx_free(d);
}

size_t pdx_diags_count(const pdx_diags *d)
{
	return d ? d->n : 0;
}

const pdx_diag *pdx_diags_get(const pdx_diags *d, size_t i)
{
	return d && i < d->n ? &d->items[i] : NULL;
}

size_t pdx_diags_errors(const pdx_diags *d)
{
	return d ? d->errors : 0;
}

int pdx_diags_add(pdx_diags *d, const pdx_diag *src)
{
	if (!d)
		return 0;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		pdx_diag *p = pdx_realloc(d->items, cap * sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		d->items = p;
		d->cap = cap;
	}
	pdx_diag c = *src;
	c.file = pdx_strdup(src->file);
	c.sheet = pdx_strdup(src->sheet);
	c.criterion = pdx_strdup(src->criterion);
	c.agency_id = pdx_strdup(src->agency_id);
	c.message_vi = pdx_strdup(src->message_vi ? src->message_vi : "");
	c.message_en = pdx_strdup(src->message_en ? src->message_en : "");
	if ((src->file && !c.file) || (src->sheet && !c.sheet) ||
	    (src->criterion && !c.criterion) || (src->agency_id && !c.agency_id) || !c.message_vi ||
	    !c.message_en) {
		diag_clear(&c);
		return PDX_ENOMEM;
	}
	d->items[d->n++] = c;
	if (c.severity == PDX_SEV_ERROR)
		d->errors++;
	return 0;
}

int pdx_diags_append(pdx_diags *d, const pdx_diags *src)
{
	for (size_t i = 0; src && i < src->n; i++) {
		int rc = pdx_diags_add(d, &src->items[i]);
		if (rc)
			return rc;
	}
	return 0;
}

int pdx_diag_addf(pdx_diags *d, pdx_severity sev, const char *file, long line, long col,
                  const char *criterion, const char *agency, const char *vi, const char *en)
{
	pdx_diag x = {sev, PDX_CODE_NONE, file, NULL, line, col, criterion, agency, vi, en};
	return pdx_diags_add(d, &x);
}

int pdx_diag_addc(pdx_diags *d, pdx_code code, pdx_severity sev, const char *file, long line,
                  long col, const char *criterion, const char *agency, const char *vi,
                  const char *en)
{
	pdx_diag x = {sev, code, file, NULL, line, col, criterion, agency, vi, en};
	return pdx_diags_add(d, &x);
}

void pdx_diags_truncate(pdx_diags *d, size_t n)
{
	while (d && d->n > n) {
		pdx_diag *g = &d->items[--d->n];
		if (g->severity == PDX_SEV_ERROR)
			d->errors--;
		diag_clear(g);
	}
}

const char *pdx_code_name(pdx_code code)
{
	switch (code) {
	case PDX_E_FILE_READ:
		return "PDX-E0101";
	case PDX_E_FILE_TOO_LARGE:
		return "PDX-E0102";
	case PDX_E_NOT_UTF8:
		return "PDX-E0103";
	case PDX_E_NUL_BYTE:
		return "PDX-E0104";
	case PDX_E_BAD_ENCODING:
		return "PDX-E0105";
	case PDX_E_UNSUPPORTED_ENCODING:
		return "PDX-E0106";
	case PDX_E_SPREADSHEET:
		return "PDX-E0107";
	case PDX_E_QUOTE:
		return "PDX-E0110";
	case PDX_E_UNCLOSED_QUOTE:
		return "PDX-E0111";
	case PDX_E_SEP_LINE:
		return "PDX-E0112";
	case PDX_E_HEADER_DUPLICATE:
		return "PDX-E0113";
	case PDX_E_HEADER_MISSING:
		return "PDX-E0114";
	case PDX_E_EMPTY_FILE:
		return "PDX-E0115";
	case PDX_E_TOO_MANY_COLUMNS:
		return "PDX-E0116";
	case PDX_E_ROW_CELLS:
		return "PDX-E0117";
	case PDX_E_CELL_TOO_LARGE:
		return "PDX-E0118";
	case PDX_E_SET_FULL:
		return "PDX-E0119";
	case PDX_E_CELL_VALUE:
		return "PDX-E0120";
	case PDX_E_WORKBOOK:
		return "PDX-E0121";
	case PDX_E_NO_SHEET:
		return "PDX-E0122";
	case PDX_W_ENCODING_IGNORED:
		return "PDX-W0150";
	case PDX_W_SIGNATURE_ROWS:
		return "PDX-W0151";
	case PDX_W_SUPERSEDED:
		return "PDX-W0152";
	case PDX_E_NO_AGENCY:
		return "PDX-E0201";
	case PDX_E_YEAR:
		return "PDX-E0202";
	case PDX_E_IDENTITY_CONFLICT:
		return "PDX-E0203";
	case PDX_E_NO_CRITERION:
		return "PDX-E0204";
	case PDX_E_UNKNOWN_CRITERION:
		return "PDX-E0205";
	case PDX_E_ANSWER_CONFLICT:
		return "PDX-E0206";
	case PDX_W_YEAR_LATE:
		return "PDX-W0250";
	case PDX_W_AGENCY_SPELLING:
		return "PDX-W0251";
	case PDX_W_DUPLICATE_ANSWER:
		return "PDX-W0252";
	case PDX_W_UNFILLED:
		return "PDX-W0253";
	case PDX_W_DEFAULT_EDITION:
		return "PDX-W0254";
	case PDX_W_PROVINCE_UNKNOWN:
		return "PDX-W0255";
	case PDX_W_NOT_SUBMITTED:
		return "PDX-W0257";
	case PDX_W_PROVINCE_FORMER:
		return "PDX-W0256";
	case PDX_E_ANSWER_INVALID:
		return "PDX-E0301";
	case PDX_E_ANSWER_RANGE:
		return "PDX-E0302";
	case PDX_E_ANSWER_AMBIGUOUS:
		return "PDX-E0303";
	case PDX_E_ANSWER_TOO_LARGE:
		return "PDX-E0304";
	case PDX_W_PERCENT_FRACTION:
		return "PDX-W0350";
	case PDX_W_NO_EVIDENCE:
		return "PDX-W0351";
	case PDX_E_XML:
		return "PDX-E0401";
	case PDX_E_XML_DOCTYPE:
		return "PDX-E0402";
	case PDX_E_XML_SCHEMA:
		return "PDX-E0403";
	case PDX_E_XML_LIMIT:
		return "PDX-E0404";
	case PDX_E_RUBRIC:
		return "PDX-E0410";
	case PDX_E_PLAN:
		return "PDX-E0420";
	case PDX_E_CROSSWALK:
		return "PDX-E0430";
	case PDX_W_PLAN_OTHER_RUBRIC:
		return "PDX-W0450";
	case PDX_E_OUTPUT:
		return "PDX-E0501";
	case PDX_E_HISTORY:
		return "PDX-E0601";
	case PDX_E_ROSTER:
		return "PDX-E0602";
	case PDX_W_HISTORY_SKIPPED:
		return "PDX-W0650";
	case PDX_CODE_NONE:
		break;
	}
	return "PDX-E0000";
}

char *pdx_diag_format(const pdx_diag *g)
{
	return pdx_diag_format_lang(g, PDX_LANG_BOTH);
}

char *pdx_diag_format_lang(const pdx_diag *g, pdx_lang lang)
{
	if (!g)
		return NULL;
	/* a message missing in the language asked for is shown in the other: never none */
	const char *vi = g->message_vi && *g->message_vi ? g->message_vi : NULL;
	const char *en = g->message_en && *g->message_en ? g->message_en : NULL;
	if (lang == PDX_LANG_VI && !vi)
		lang = PDX_LANG_EN;
	else if (lang == PDX_LANG_EN && !en)
		lang = PDX_LANG_VI;
	pdx_buf b = {0};
	if (g->file && g->sheet) {
		/* a workbook cell as spreadsheets name it: file[Sheet]!D7 */
		pdx_buf_put_safe(&b, g->file);
		pdx_buf_putc(&b, '[');
		pdx_buf_put_safe(&b, g->sheet);
		pdx_buf_putc(&b, ']');
		if (g->line > 0) {
			pdx_buf_putc(&b, '!');
			char col[16];
			size_t k = sizeof col - 1;
			col[k] = '\0';
			for (long c = g->column; c > 0 && k > 0; c = (c - 1) / 26)
				col[--k] = (char)('A' + (c - 1) % 26);
			if (g->column > 0)
				pdx_buf_printf(&b, "%s%ld", col + k, g->line);
			else /* a whole row, as spreadsheets write it */
				pdx_buf_printf(&b, "%ld:%ld", g->line, g->line);
		}
		pdx_buf_puts(&b, ": ");
	} else if (g->file) {
		pdx_buf_put_safe(&b, g->file);
		if (g->line > 0)
			pdx_buf_printf(&b, ":%ld", g->line);
		if (g->line > 0 && g->column > 0)
			pdx_buf_printf(&b, ":%ld", g->column);
		pdx_buf_puts(&b, ": ");
	}
	static const char *const sev[3][2] = {
	    {"lỗi/error", "cảnh báo/warning"}, {"lỗi", "cảnh báo"}, {"error", "warning"}};
	pdx_buf_puts(&b, sev[lang == PDX_LANG_VI   ? 1
	                     : lang == PDX_LANG_EN ? 2
	                                           : 0][g->severity == PDX_SEV_ERROR ? 0 : 1]);
	if (g->agency_id) {
		pdx_buf_puts(&b, " [");
		pdx_buf_put_safe(&b, g->agency_id);
		pdx_buf_putc(&b, ']');
	}
	if (g->criterion) {
		pdx_buf_putc(&b, ' ');
		pdx_buf_put_safe(&b, g->criterion);
	}
	pdx_buf_puts(&b, ": ");
	if (lang == PDX_LANG_EN) {
		pdx_buf_put_safe(&b, en);
	} else {
		pdx_buf_put_safe(&b, vi ? vi : "");
		if (lang == PDX_LANG_BOTH && en) {
			pdx_buf_puts(&b, " (");
			pdx_buf_put_safe(&b, en);
			pdx_buf_putc(&b, ')');
		}
	}
	char *out;
	return pdx_buf_finish(&b, &out, NULL) ? NULL : out;
}

/* Sort key: files in the order they first appear in the list, then line, column. */
static size_t file_rank(const pdx_diags *d, const char *file)
{
	for (size_t i = 0; i < d->n; i++)
		if ((!file && !d->items[i].file) ||
		    (file && d->items[i].file && strcmp(file, d->items[i].file) == 0))
			return i;
	return d->n;
}

int pdx_diags_sort(pdx_diags *d)
{
	/* insertion sort: stable, and the lists are short (one agency's problems) */
	size_t *rank = pdx_malloc((d->n + 1) * sizeof(*rank));
	if (!rank)
		return PDX_ENOMEM; /* unsorted would be another output: out of memory it is */
	for (size_t i = 0; i < d->n; i++)
		rank[i] = file_rank(d, d->items[i].file);
	for (size_t i = 1; i < d->n; i++) {
		pdx_diag x = d->items[i];
		size_t rx = rank[i], j = i;
		while (j > 0 && (rank[j - 1] > rx ||
		                 (rank[j - 1] == rx && (d->items[j - 1].line > x.line ||
		                                        (d->items[j - 1].line == x.line &&
		                                         d->items[j - 1].column > x.column))))) {
			d->items[j] = d->items[j - 1];
			rank[j] = rank[j - 1];
			j--;
		}
		d->items[j] = x;
		rank[j] = rx;
	}
	pdx_free(rank);
	return 0;
}

int pdx_lang_parse(const char *name, pdx_lang *out)
{
	if (!name || !out)
		return PDX_EARG;
	if (strcmp(name, "both") == 0) {
		*out = PDX_LANG_BOTH;
		return 0;
	}
	/* "vi", "vi_VN.UTF-8", "vi@…", "vi:en": the two letters, then the end or a
	 * separator; "vie" or "video" are no language of ours */
	static const char *const codes[] = {"vi", "en"};
	for (int k = 0; k < 2; k++) {
		if (strncmp(name, codes[k], 2) == 0 &&
		    (name[2] == '\0' || strchr("_.@:-", name[2]))) {
			*out = k == 0 ? PDX_LANG_VI : PDX_LANG_EN;
			return 0;
		}
	}
	return PDX_EINVALID;
}
