/* pressdx — reports: scored results serialised for people and programs.
 *
 * Every function builds the whole document in memory (*out, malloc'd, NUL-terminated,
 * *len bytes without the NUL; the caller frees it) so that the caller can write it
 * atomically. Returns 0 or PDX_ENOMEM.
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

/* Per agency: total, level, pillar bars, errors and unanswered criteria; a notice
 * first when the rubric has provisional content. */
int pdx_report_text(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                    size_t n);

/* {"rubric": {...}, "agencies": [...]}; shape documented in README.md. */
int pdx_report_json(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                    size_t n);

/* One row per agency; cells starting with = + - @ are neutralised for spreadsheets. */
int pdx_report_csv(char **out, size_t *len, const pdx_rubric *r, pdx_result *const *results,
                   size_t n);

/* The one-line provisional notice (Vietnamese / English), or NULL when the rubric is
 * entirely official. Static string. */
const char *pdx_report_provisional_notice(const pdx_rubric *r);

typedef struct pdx_template_options {
	const char *agency_id, *agency_name, *province, *owner, *block, *media;
	int year; /* 0: left empty */
} pdx_template_options;

/* The questionnaire as CSV with a UTF-8 BOM: one row per criterion and context
 * question, with the question text, allowed answers and max points beside an empty
 * answer column. `opts` may be NULL. */
int pdx_template_csv(char **out, size_t *len, const pdx_rubric *r,
                     const pdx_template_options *opts);

/* One CSV cell for `cell` (NULL is an empty cell), malloc'd: quoted when needed, and
 * prefixed with an apostrophe when it starts with = + - @ (or a tab or CR), which
 * spreadsheet programs would otherwise run as a formula. NULL when out of memory. */
char *pdx_csv_cell(const char *cell);

#ifdef __cplusplus
}
#endif

#endif
