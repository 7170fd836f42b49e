/* SPDX-License-Identifier: MIT */
/* Private: what the workbook questionnaires share (template_table.c): the CSV template
 * (template.c) read back as a table, so that the .xlsx (template_xlsx.c) and the
 * XLSForm (template_xlsform.c) are made from the very cells of the CSV one and cannot
 * drift from it; and what the answer cell of each row takes. */
#ifndef PDX_TEMPLATE_XLSX_H
#define PDX_TEMPLATE_XLSX_H

#include "xlsx.h"

typedef struct pdx_tpl_table {
	char **cell; /* row-major, n_rows × n_cols, each malloc'd ("" for an empty cell) */
	size_t n_rows, n_cols;
} pdx_tpl_table;

/* Parses pdx_template_csv's output (BOM, CRLF, quoted cells; the apostrophe that
 * neutralises a formula-looking cell taken off again: a workbook cell is text). Returns
 * 0 or PDX_ENOMEM (t empty). */
int pdx_tpl_table_parse(pdx_tpl_table *t, const char *s, size_t len);
/* The CSV template of `r` (pdx_template_csv, prefilled from `opts`) as a table. Returns
 * 0 or PDX_ENOMEM. */
int pdx_tpl_table_read(pdx_tpl_table *t, const pdx_rubric *r, const pdx_template_options *opts);
void pdx_tpl_table_free(pdx_tpl_table *t);
/* The cell, "" outside the table. */
const char *pdx_tpl_table_at(const pdx_tpl_table *t, size_t row, size_t col);
/* The column whose header (row 0) is `name`, or -1. */
long pdx_tpl_table_col(const pdx_tpl_table *t, const char *name);

/* What the answer cell of a row takes: the criterion's type and options (row i of the
 * rubric's criteria), or the context question's (the rows after them). */
typedef struct pdx_tpl_row_kind {
	const char *id;
	pdx_answer_type type;
	const pdx_option *options;
	size_t n_options;
	bool scored;
	pdx_points max;
} pdx_tpl_row_kind;

pdx_tpl_row_kind pdx_tpl_kind_of(const pdx_rubric *r, size_t i);

/* The value `opts` (may be NULL) prefills for an identity field; NULL: none. */
const char *pdx_tpl_opt_text(const pdx_template_options *opts, pdx_field f);

#endif
