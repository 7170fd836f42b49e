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
	return calloc(1, sizeof(pdx_diags));
}

static void diag_clear(pdx_diag *d)
{
	free((char *)d->file);
	free((char *)d->criterion);
	free((char *)d->agency_id);
	free((char *)d->message_vi);
	free((char *)d->message_en);
}

void pdx_diags_free(pdx_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		diag_clear(&d->items[i]);
	free(d->items);
	free(d);
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
		pdx_diag *p = realloc(d->items, cap * sizeof(*p));
		if (!p)
			return PDX_ENOMEM;
		d->items = p;
		d->cap = cap;
	}
	pdx_diag c = *src;
	c.file = pdx_strdup(src->file);
	c.criterion = pdx_strdup(src->criterion);
	c.agency_id = pdx_strdup(src->agency_id);
	c.message_vi = pdx_strdup(src->message_vi ? src->message_vi : "");
	c.message_en = pdx_strdup(src->message_en ? src->message_en : "");
	if ((src->file && !c.file) || (src->criterion && !c.criterion) ||
	    (src->agency_id && !c.agency_id) || !c.message_vi || !c.message_en) {
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
	pdx_diag x = {sev, file, line, col, criterion, agency, vi, en};
	return pdx_diags_add(d, &x);
}

/* Appends s with control characters escaped: a message is one line, whatever the
 * file it quotes contains. */
static void put_safe(pdx_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			pdx_buf_puts(b, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			pdx_buf_printf(b, "\\x%02x", *p);
		else
			pdx_buf_putc(b, (char)*p);
	}
}

char *pdx_diag_format(const pdx_diag *g)
{
	pdx_buf b = {0};
	if (g->file) {
		put_safe(&b, g->file);
		if (g->line > 0)
			pdx_buf_printf(&b, ":%ld", g->line);
		if (g->line > 0 && g->column > 0)
			pdx_buf_printf(&b, ":%ld", g->column);
		pdx_buf_puts(&b, ": ");
	}
	pdx_buf_puts(&b, g->severity == PDX_SEV_ERROR ? "lỗi/error" : "cảnh báo/warning");
	if (g->agency_id) {
		pdx_buf_puts(&b, " [");
		put_safe(&b, g->agency_id);
		pdx_buf_putc(&b, ']');
	}
	if (g->criterion) {
		pdx_buf_putc(&b, ' ');
		put_safe(&b, g->criterion);
	}
	pdx_buf_puts(&b, ": ");
	put_safe(&b, g->message_vi);
	if (g->message_en && *g->message_en) {
		pdx_buf_puts(&b, " (");
		put_safe(&b, g->message_en);
		pdx_buf_putc(&b, ')');
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

void pdx_diags_sort(pdx_diags *d)
{
	/* insertion sort: stable, and the lists are short (one agency's problems) */
	size_t *rank = malloc((d->n + 1) * sizeof(*rank));
	if (!rank)
		return; /* unsorted is still correct, only less readable */
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
	free(rank);
}
