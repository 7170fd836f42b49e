/* SPDX-License-Identifier: MIT */
/* Workbooks through libxlsxwriter: a temporary file, its bytes handed on, cells and
 * sheet names as Excel accepts them (see xlsx.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xlsx.h"

#define CHUNK          ((size_t)64 * 1024)
#define MAX_CELL_CHARS 32767

static time_t source_date(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return 0; /* libxlsxwriter: now */
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	return errno || *end || v <= 0 ? 0 : (time_t)v;
}

int pdx_xlsx_open(pdx_xlsx *x, bool constant_memory)
{
	memset(x, 0, sizeof(*x));
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	x->path = pdx_aprintf("%s/pressdx-xlsx-XXXXXX", dir);
	if (!x->path)
		return x->err = PDX_ENOMEM;
	int fd = mkstemp(x->path);
	if (fd < 0) {
		pdx_free(x->path);
		x->path = NULL;
		return x->err = PDX_EIO;
	}
	close(fd);
	/* its own temporary files (constant memory) go where ours does */
	lxw_workbook_options o = {
	    .constant_memory = constant_memory, .tmpdir = (char *)dir, .use_zip64 = LXW_FALSE};
	x->wb = workbook_new_opt(x->path, &o);
	if (!x->wb) {
		unlink(x->path);
		pdx_free(x->path);
		x->path = NULL;
		return x->err = PDX_ENOMEM;
	}
	/* The workbook records when it was made: SOURCE_DATE_EPOCH, when set, fixes it
	 * (reproducible files, and tests that compare two runs byte for byte). */
	lxw_doc_properties props = {.author = "pressdx", .created = source_date()};
	return pdx_xlsx_check(x, workbook_set_properties(x->wb, &props));
}

int pdx_xlsx_check(pdx_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && !x->err)
		x->err = e == LXW_ERROR_MEMORY_MALLOC_FAILED ? PDX_ENOMEM
		         : e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
		                 e == LXW_ERROR_ZIP_FILE_OPERATION || e == LXW_ERROR_ZIP_FILE_ADD ||
		                 e == LXW_ERROR_ZIP_CLOSE
		             ? PDX_EIO
		             : PDX_EARG;
	return x->err;
}

static int hand_on(const char *path, pdx_write_fn write, void *ctx)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return PDX_EIO;
	char *buf = pdx_malloc(CHUNK);
	int rc = buf ? 0 : PDX_ENOMEM;
	while (!rc) {
		ssize_t k = read(fd, buf, CHUNK);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			rc = PDX_EIO;
		else if (k == 0)
			break;
		else
			rc = write(ctx, buf, (size_t)k);
	}
	pdx_free(buf);
	close(fd);
	return rc;
}

int pdx_xlsx_close(pdx_xlsx *x, pdx_write_fn write, void *ctx)
{
	if (!x->wb && !x->path)
		return x->err;
	if (x->wb)
		pdx_xlsx_check(x, workbook_close(x->wb));
	x->wb = NULL;
	int rc = x->err;
	if (!rc && write)
		rc = hand_on(x->path, write, ctx);
	unlink(x->path);
	pdx_free(x->path);
	x->path = NULL;
	return x->err = rc;
}

void pdx_xlsx_discard(pdx_xlsx *x)
{
	if (!x->err)
		x->err = PDX_EARG; /* nothing is handed on */
	pdx_xlsx_close(x, NULL, NULL);
}

/* Where `s` must be cut to hold at most `max` characters (Excel counts UTF-16 units;
 * a character beyond the BMP is two). */
static size_t cut_at(const char *s, size_t max)
{
	size_t units = 0, i = 0;
	while (s[i]) {
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		size_t u = n == 4 ? 2 : 1;
		if (units + u > max)
			return i;
		units += u;
		for (size_t k = 0; k < n && s[i]; k++)
			i++;
	}
	return i;
}

void pdx_xlsx_text(pdx_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                   lxw_format *f)
{
	if (x->err)
		return;
	if (!s || !*s) {
		if (f)
			pdx_xlsx_check(x, worksheet_write_blank(ws, row, col, f));
		return;
	}
	size_t cut = cut_at(s, MAX_CELL_CHARS);
	if (!s[cut]) {
		pdx_xlsx_check(x, worksheet_write_string(ws, row, col, s, f));
		return;
	}
	cut = cut_at(s, MAX_CELL_CHARS - 1);
	char *t = pdx_aprintf("%.*s\xE2\x80\xA6", (int)cut, s);
	if (!t) {
		x->err = PDX_ENOMEM;
		return;
	}
	pdx_xlsx_check(x, worksheet_write_string(ws, row, col, t, f));
	pdx_free(t);
}

void pdx_xlsx_hundredths(pdx_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, long long n,
                         lxw_format *f)
{
	if (!x->err)
		pdx_xlsx_check(x, worksheet_write_number(ws, row, col, (double)n / 100.0, f));
}

static int same_name(const char *a, const char *b)
{
	/* Excel compares sheet names ignoring case; ASCII case is what our names vary by */
	for (; *a && *b; a++, b++) {
		char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

void pdx_xlsx_sheet_name(char *out, size_t size, const char *want, char *const *taken, size_t n)
{
	char base[128];
	size_t j = 0;
	for (const char *p = want ? want : ""; *p && j + 1 < sizeof base; p++)
		base[j++] = strchr("[]:*?/\\", *p) ? '-' : *p;
	base[j] = '\0';
	/* not blank, and not beginning or ending with an apostrophe (Excel refuses it) */
	if (!base[strspn(base, " ")] || base[0] == '\'')
		snprintf(base, sizeof base, "%s", "Sheet");
	for (unsigned k = 1;; k++) {
		char suffix[16] = "";
		if (k > 1)
			snprintf(suffix, sizeof suffix, " (%u)", k);
		size_t keep = cut_at(base, 31 - strlen(suffix));
		snprintf(out, size, "%.*s%s", (int)keep, base, suffix);
		size_t len = strlen(out);
		while (len && out[len - 1] == '\'')
			out[--len] = '\0';
		bool clash = false;
		for (size_t i = 0; i < n && !clash; i++)
			clash = same_name(out, taken[i]);
		if (!clash)
			return;
	}
}

lxw_color_t pdx_xlsx_level_color(long long level)
{
	static const lxw_color_t fills[] = {0xFFD8D3, 0xFFF1C2, 0xD8EBFF, 0xD2F4DC, 0xA7E3B8};
	if (level < 1)
		level = 1;
	if (level > 5)
		level = 5;
	return fills[level - 1];
}
