/* SPDX-License-Identifier: MIT */
/* pressdx — reports: scored results serialised for people and programs.
 *
 * The score report is written by a pdx_report_writer, one agency at a time, so that a
 * batch of any size is reported while only one result is held (score, print, free,
 * next). The pdx_report_text/json/csv functions build the same document whole, in
 * memory (*out, malloc'd, NUL-terminated, *len bytes without the NUL; the caller frees
 * it), byte for byte what a writer given the same results writes. They return 0 or
 * PDX_ENOMEM.
 */
#ifndef PRESSDX_REPORT_H
#define PRESSDX_REPORT_H

#include "common.h"
#include "diag.h"
#include "rubric.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a writer's bytes go: called with len > 0; returns 0, or a non-zero value
 * that stops the writer (and that the writer's functions then return). */
typedef int (*pdx_write_fn)(void *ctx, const char *data, size_t len);

typedef struct pdx_report_writer pdx_report_writer;

/* A score report in `fmt` (text, json or csv, as below) for results of rubric `r`.
 * `set` is the answer set the results come from: the text report names the files read
 * in a legacy encoding and the JSON report lists every file, from the rows of all
 * its assessments; NULL when there is none. Bytes reach `write` in chunks of some
 * tens of KiB, in order; nothing is written before the first pdx_report_writer_add or
 * pdx_report_writer_finish. `fmt` carries the language of the text, HTML and xlsx
 * reports (PDX_FORMAT_LANG; the JSON and CSV reports are the same in every language).
 * The rubric and set must outlive the writer. Returns 0, PDX_ENOMEM, or PDX_EARG (a
 * format or language the library does not know); *out is then NULL. */
PDX_EXTERN int pdx_report_writer_new(pdx_report_writer **out, pdx_format fmt, const pdx_rubric *r,
                                     const pdx_answers *set, pdx_write_fn write, void *ctx);

/* The same for a report whose assessments were scored by several editions (one per
 * assessment year): `editions` (n >= 1, copied; each must outlive the writer) names
 * every edition a result added may have been scored by, the first being the document's
 * own. With n == 1 the report is byte for byte pdx_report_writer_new's. With several:
 * the text report names every edition in its head and each agency's edition beside
 * it; the JSON report has no single "rubric", only "rubrics" (always present) and each
 * agency's "rubric_id" (always present); the CSV table has the pillar columns of all
 * the editions, by pillar id (empty where an agency's edition has no such pillar), and
 * a last column rubric_id; the HTML and xlsx reports name the first edition in their
 * head and another on the agency's own page. Returns 0, PDX_ENOMEM, or PDX_EINVALID
 * (no edition, a NULL one, no write function). */
PDX_EXTERN int pdx_report_writer_new_editions(pdx_report_writer **out, pdx_format fmt,
                                              const pdx_rubric *const *editions, size_t n,
                                              const pdx_answers *set, pdx_write_fn write,
                                              void *ctx);

/* Adds one agency: PDX_EINVALID when it was scored by none of the writer's editions
 * (compared by content: a copy of the same file is the same edition). The result is not kept: free
 * it when this returns. The text and CSV reports take results scored with totals_only (the text
 * report then lists no unanswered criteria by id); the JSON report needs the criteria
 * (PDX_EINVALID). Returns 0, PDX_ENOMEM, PDX_EINVALID or the write function's value; after a
 * failure every call returns the same. */
PDX_EXTERN int pdx_report_writer_add(pdx_report_writer *w, const pdx_result *res);

/* Ends the document and writes what is buffered. Returns as pdx_report_writer_add. */
PDX_EXTERN int pdx_report_writer_finish(pdx_report_writer *w);

/* NULL-safe. Writes nothing. */
PDX_EXTERN void pdx_report_writer_free(pdx_report_writer *w);

/* Per agency: total, level, pillar bars, errors and unanswered criteria; a notice
 * first when the rubric has provisional content. */
PDX_EXTERN int pdx_report_text(char **out, size_t *len, const pdx_rubric *r,
                               pdx_result *const *results, size_t n);

/* {"rubric": {...}, "agencies": [...]}; shape documented in README.md. */
PDX_EXTERN int pdx_report_json(char **out, size_t *len, const pdx_rubric *r,
                               pdx_result *const *results, size_t n);

/* One row per agency; cells starting with = + - @ are neutralised for spreadsheets. */
PDX_EXTERN int pdx_report_csv(char **out, size_t *len, const pdx_rubric *r,
                              pdx_result *const *results, size_t n);

/* The one-line notice of the rubric's parts that are not official, Vietnamese / English
 * (meta->notice), or NULL when the rubric is entirely official. Lives as long as r. */
PDX_EXTERN const char *pdx_report_provisional_notice(const pdx_rubric *r);

typedef struct pdx_template_options {
	const char *agency_id, *agency_name, *province, *owner, *block, *media;
	int year; /* 0: left empty */
} pdx_template_options;

/* The questionnaire as CSV with a UTF-8 BOM: one row per criterion and context
 * question, with the question text, allowed answers and max points beside an empty
 * answer column. `opts` may be NULL. */
PDX_EXTERN int pdx_template_csv(char **out, size_t *len, const pdx_rubric *r,
                                const pdx_template_options *opts);

/* The questionnaire as an .xlsx workbook a person fills in Excel or LibreOffice. Its
 * first sheet, "Phiếu", is the CSV template above cell for cell (same header, same
 * rows), so that the filled workbook scores as it is without --sheet; the rubric's
 * texts are locked (sheet protection without a password), the answer, evidence, note
 * and identity cells are not; every yes/no and choice answer has a drop-down of texts
 * the scorer reads as that answer, every percent, number and count answer a numeric
 * validation with an input message; the header row is frozen. The identity cells
 * follow the cover sheet ("Hướng dẫn", second: rubric, decision, edition, the
 * provisional notice, how to fill and send, in Vietnamese then English) through
 * formulas whose stored values are `opts`' (may be NULL). A choice list too long for
 * Excel's inline form is kept in a hidden third sheet, "Lựa chọn".
 * The bytes reach `write` in chunks once the workbook is complete (it is made in a
 * temporary file in $TMPDIR, else /tmp, removed in every case). Returns 0, PDX_ENOMEM,
 * PDX_EIO (the temporary file), PDX_EARG (r or write NULL) or the write function's
 * non-zero value. */
PDX_EXTERN int pdx_template_xlsx(const pdx_rubric *r, const pdx_template_options *opts,
                                 pdx_write_fn write, void *ctx);

/* The questionnaire as an XLSForm (https://xlsform.org) for Kobo/ODK: sheets survey
 * (type, name, label, hint, required, constraint, constraint_message, default), choices
 * (list_name, name, label) and settings (form_title, form_id, version). The questions
 * are named as the wide layout reads them: the identity as the long layout's columns
 * (agency_id … year, default from `opts`), each criterion "1.1.1" as c1_1_1 (in a group
 * per pillar) with an optional text question c1_1_1_evidence; yes/no and choice
 * criteria are select_one whose choice names (co/khong, the option keys) the scorer
 * accepts, so that the tool's export (one row per respondent) scores as it is. Context
 * questions are asked in a last group (q_<id>), which the wide layout does not read.
 * Returns as pdx_template_xlsx. */
PDX_EXTERN int pdx_template_xlsform(const pdx_rubric *r, const pdx_template_options *opts,
                                    pdx_write_fn write, void *ctx);

/* One CSV cell for `cell` (NULL is an empty cell), malloc'd: quoted when needed, and
 * prefixed with an apostrophe when it starts with = + - @ (or a tab or CR), which
 * spreadsheet programs would otherwise run as a formula. NULL when out of memory. */
PDX_EXTERN char *pdx_csv_cell(const char *cell);

/* An agency's answers file checked and sent back annotated (pressdx check -o): reads
 * `path` (as pdx_answers_read_file: CSV, .xlsx or .ods, long or wide layout,
 * opts->sheet), scores it against `r` as validate does, and writes to `write` an .xlsx
 * workbook (binary; libxlsxwriter, a temporary file in $TMPDIR, else /tmp) of two
 * sheets:
 *  - first, the sheet read (its name; "Câu trả lời" for a CSV file): every cell at
 *    its place, as the text the reader saw (numbers, dates and booleans too; a CSV
 *    record on the row of the line it starts on), each cell a diagnostic names filled
 *    red (error) or amber (warning) with a comment giving the code and the messages,
 *    each blank answer cell filled blue with the comment "chưa trả lời (not
 *    answered)". Read again (first sheet: no --sheet), it gives the same diagnostics
 *    at the same places; corrected, it scores as it is. The source's formatting,
 *    formulas and other sheets are not carried over;
 *  - then "Các vấn đề" (problems), the sheet the workbook opens on: a row per problem
 *    — place (a cell reference like D7, "dòng 7 (row 7)", or nothing), agency,
 *    criterion, severity, code, message in Vietnamese, in English: every diagnostic in
 *    the order they are added to `diags`, then, per assessment, every answer not given
 *    (a blank answer cell; a criterion of `r` with no row in the file).
 * Every diagnostic (the file's, then each assessment's reading and answer problems, as
 * validate prints them) is added to `diags`. Returns 0 (written, whatever the answers'
 * errors); PDX_EINVALID when the file was rejected whole (a file-level error in
 * `diags`) — the workbook is written all the same, with the cells read; PDX_EIO when
 * the file cannot be read at all (nothing written) or has more rows or columns than a
 * worksheet holds (a PDX_E_OUTPUT diagnostic); PDX_EARG, PDX_ENOMEM, or the value of
 * `write` that stopped it. */
PDX_EXTERN int pdx_answers_annotate(const char *path, const pdx_read_options *opts,
                                    const pdx_rubric *r, pdx_write_fn write, void *ctx,
                                    pdx_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
