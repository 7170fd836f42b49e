/* pressdx — answers: filled questionnaires read from CSV files.
 *
 * Long format, one row per agency × criterion, columns found by header name. The
 * unit is an assessment: one agency in one year. Rows of one assessment may be spread
 * over several files; read them all into one pdx_answers set.
 */
#ifndef PRESSDX_ANSWERS_H
#define PRESSDX_ANSWERS_H

#include "common.h"
#include "diag.h"
#include "rubric.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdx_answer {
	const char *criterion; /* the id as written (NFC, trimmed) */
	long criterion_index;  /* into the rubric's criteria, or -1 */
	long question_index;   /* into the rubric's context questions, or -1 */
	const char *value;     /* NFC, trimmed; NULL when the cell is empty (unanswered) */
	const char *evidence;  /* NULL when empty */
	const char *note;      /* NULL when empty */
	const char *file;
	long line;   /* physical line where the row starts */
	long column; /* 1-based field number of the answer cell */
} pdx_answer;

typedef struct pdx_assessment {
	const char *agency_id;
	const char *agency_name; /* NULL when never given; likewise below */
	const char *province;
	const char *owner;
	const char *block;
	const char *media; /* as written, types separated by '|' */
	int year;          /* 0 when unknown */
	const char *file;  /* where its first row was read */
	long line;
	const pdx_answer *answers; /* one per criterion or question answered, input order */
	size_t n_answers;
	const pdx_diags *diags; /* problems in this assessment's rows (never NULL) */
} pdx_assessment;

typedef struct pdx_read_options {
	const char *encoding; /* NULL: UTF-8, or UTF-16 with a BOM; "cp1258" or "tcvn3" */
	char delimiter;       /* 0: detect from the header (',', ';' or tab) */
	int default_year;     /* the year of rows whose year cell is empty; 0: unknown */
} pdx_read_options;

typedef struct pdx_answers pdx_answers;

/* A new empty set of assessments, for answers to criteria of `rubric` (which must
 * outlive the set). NULL when out of memory. */
pdx_answers *pdx_answers_new(const pdx_rubric *rubric);
void pdx_answers_free(pdx_answers *set);

/* Reads one CSV file (path "-" is standard input) into the set.
 * Problems of the file as a whole (unreadable, not UTF-8, malformed quote, missing
 * column) go to `diags` and the file contributes nothing: PDX_EIO or PDX_EINVALID.
 * Problems of single rows go to the assessment they belong to (see
 * pdx_assessment.diags), or to `diags` when no assessment can be named (an empty
 * agency id, an unreadable year); the rest of the file is still read and 0 returned. */
int pdx_answers_read_file(pdx_answers *set, const char *path, const pdx_read_options *opts,
                          pdx_diags *diags);

/* The same from a buffer; `name` stands for the file in diagnostics. */
int pdx_answers_read_memory(pdx_answers *set, const char *data, size_t len, const char *name,
                            const pdx_read_options *opts, pdx_diags *diags);

/* Assessments in order of first appearance. */
size_t pdx_answers_count(const pdx_answers *set);
const pdx_assessment *pdx_answers_get(const pdx_answers *set, size_t i);

/* The answer given to criterion `criterion_index`, or NULL when none. */
const pdx_answer *pdx_assessment_answer(const pdx_assessment *a, long criterion_index);

#ifdef __cplusplus
}
#endif

#endif
