/* SPDX-License-Identifier: MIT */
/* Private: writing workbooks with libxlsxwriter (xlsx.c), shared by the report model's
 * xlsx writer (doc_xlsx.c), the questionnaire (template_xlsx.c) and the annotated
 * answers (checked.c).
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes to a path only, so a workbook is made in a
 * temporary file (mkstemp in $TMPDIR, else /tmp) and its bytes handed on through a
 * pdx_write_fn when it is closed; the temporary file is removed in every case. Where
 * the bytes finally go (-o FILE, atomically, or standard output) stays the caller's
 * business, as for every other format.
 *
 * libxlsxwriter allocates with the C library's malloc, not pdx_set_allocator's: its
 * failures come back as lxw errors and are reported as PDX_ENOMEM or PDX_EIO. Texts are
 * always written as strings (never formulas), so a cell beginning with "=" is shown,
 * not computed. */
#ifndef PDX_XLSX_H
#define PDX_XLSX_H

#include <xlsxwriter.h>

#include "internal.h"

typedef struct pdx_xlsx {
	lxw_workbook *wb;
	char *path; /* the temporary file */
	int err;    /* the first PDX_ error met (0: none) */
} pdx_xlsx;

/* A new workbook in a temporary file, made "now" or at $SOURCE_DATE_EPOCH (its
 * properties say when; the zip entries are always dated 1980). constant_memory: rows are written in
 * order and flushed (bounded memory; no merged cells, no rich strings). */
int pdx_xlsx_open(pdx_xlsx *x, bool constant_memory);
/* Closes the workbook, hands its bytes to `write` (in 64 KiB chunks) unless an error
 * was met, removes the temporary file. Returns 0 or the first error. */
int pdx_xlsx_close(pdx_xlsx *x, pdx_write_fn write, void *ctx);
/* Closes and removes everything without handing anything on (after an error). */
void pdx_xlsx_discard(pdx_xlsx *x);
/* Records an lxw error (the first one wins) and returns x->err. */
int pdx_xlsx_check(pdx_xlsx *x, lxw_error e);

/* Writes `s` as a string cell (NULL or "": nothing; over Excel's 32,767 characters:
 * cut at a character boundary with "…"). */
void pdx_xlsx_text(pdx_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                   lxw_format *f);
/* A hundredths value (points, percent ×100) as a number cell: 1234 → 12.34. */
void pdx_xlsx_hundredths(pdx_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, long long n,
                         lxw_format *f);
/* A valid, unique sheet name from `want` (Excel: at most 31 characters, none of
 * []:*?/\, not blank, unique ignoring case): into out (at least 128 bytes), with " (2)"…
 * added when `taken` (n names) already has it. */
void pdx_xlsx_sheet_name(char *out, size_t size, const char *want, char *const *taken, size_t n);

/* The fill of level number `level` (1 = lowest): the colours of the HTML pages' level
 * chart, red through amber and blue to green (levels above 5 take the 5th's). */
lxw_color_t pdx_xlsx_level_color(long long level);

#endif
