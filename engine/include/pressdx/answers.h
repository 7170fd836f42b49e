/* SPDX-License-Identifier: MIT */
/* pressdx — answers: the set of filled questionnaires, and the readers that fill it.
 *
 * The unit is an assessment: one agency in one year. Its rows may come from several
 * files, in any order; readers (the CSV reader here, the workbook reader of a later
 * release, a web form through the library) all add rows through one function,
 * pdx_answers_add_row, so the rules of the answer set hold whatever the source:
 *
 *  - agency ids that differ only by case, width or Unicode form are one agency (the
 *    first spelling is shown, the others get a warning);
 *  - a row's year is its own cell, else the year of the nearest earlier row of that
 *    agency in the same file, else the default year, else unknown;
 *  - rows with an agency but neither criterion nor answer (signature lines under a
 *    form) are skipped with one warning per file;
 *  - identity cells (name, province, owner, block) must agree within an assessment;
 *  - a file is added whole or not at all (begin … commit or rollback);
 *  - with `supersede`, a later file replaces whole the assessments it gives.
 *
 * The set is not tied to a rubric: criteria are kept as the ids written, and each
 * assessment is resolved against the edition it is scored with (score.h). Duplicate
 * answers are therefore judged when scoring, where their values can be compared.
 */
#ifndef PRESSDX_ANSWERS_H
#define PRESSDX_ANSWERS_H

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One answer row as kept in the set. Strings are owned by the set. */
typedef struct pdx_answer {
	const char *criterion; /* the id as written (NFC, trimmed); NULL when the cell is empty */
	const char *value;     /* NULL when the answer cell is empty (unanswered) */
	const char *evidence;  /* NULL when empty */
	const char *file;      /* source file */
	const char *sheet;     /* worksheet of a workbook, NULL for a text file */
	const char *encoding;  /* what the file was read as ("utf-8", "cp1258"…); may be NULL */
	long line;             /* line (or sheet row) where the row starts */
	long column;           /* 1-based column of the answer cell */
	long criterion_column; /* 1-based column of the criterion cell */
} pdx_answer;

typedef struct pdx_assessment {
	const char *agency_id;   /* as first written */
	const char *agency_name; /* NULL when never given; likewise below */
	const char *province;
	const char *owner;
	const char *block;
	const char *media; /* as written, types separated by '|' */
	int year;          /* 0 when unknown */
	const char *file;  /* where its first row was read */
	long line;
	size_t n_answers;       /* answer rows kept (see pdx_assessment_next_answer) */
	const pdx_diags *diags; /* problems in this assessment's rows (never NULL) */
	const char *sheet;      /* the worksheet of `file` (a workbook), or NULL */
} pdx_assessment;

/* Answer rows of `a` in input order: start with *cursor = 0; each call fills *out and
 * returns true, or returns false at the end. The strings live as long as the set. */
PDX_EXTERN bool pdx_assessment_next_answer(const pdx_assessment *a, size_t *cursor,
                                           pdx_answer *out);

typedef struct pdx_answers pdx_answers;

typedef struct pdx_answers_options {
	/* Files later on the command line replace, whole, the assessments (agency × year)
	 * that earlier files gave: an agency's corrected submission beside its first. */
	bool supersede;
} pdx_answers_options;

/* A new empty set; `opts` may be NULL. NULL when out of memory. */
PDX_EXTERN pdx_answers *pdx_answers_new(const pdx_answers_options *opts);
PDX_EXTERN void pdx_answers_free(pdx_answers *set);

/* Assessments in order of first appearance. */
PDX_EXTERN size_t pdx_answers_count(const pdx_answers *set);
PDX_EXTERN const pdx_assessment *pdx_answers_get(const pdx_answers *set, size_t i);
/* Replaces what assessment i reports as its province (copied; NULL: none), e.g. the
 * official name pdx_provinces_apply finds. Call once every file is read: a row read
 * later is still compared with the province its agency's rows gave. Returns 0,
 * PDX_ENOMEM, or PDX_EINVALID (no such assessment, or a source is open). */
PDX_EXTERN int pdx_answers_set_province(pdx_answers *set, size_t i, const char *province);

/* ---- adding rows: the one door of every reader ---- */

typedef enum pdx_field {
	PDX_FIELD_AGENCY = 0,
	PDX_FIELD_NAME,
	PDX_FIELD_PROVINCE,
	PDX_FIELD_OWNER,
	PDX_FIELD_BLOCK,
	PDX_FIELD_MEDIA,
	PDX_FIELD_YEAR,
	PDX_FIELD_CRITERION,
	PDX_FIELD_ANSWER,
	PDX_FIELD_EVIDENCE,
	PDX_FIELD_COUNT
} pdx_field;

/* The column names of the long layout, in pdx_field order ("agency_id", …). */
PDX_EXTERN const char *pdx_field_name(pdx_field f);

/* One row as a reader found it. */
typedef struct pdx_row {
	const char *cell[PDX_FIELD_COUNT]; /* trimmed NFC text; NULL or "" when blank */
	long column[PDX_FIELD_COUNT];      /* 1-based column of each cell; 0: no such column */
	long line;                         /* line or sheet row where the row starts */
	/* A reader that cannot read the row (its cells do not line up with the header)
	 * says why here: the row is not added, and this error goes to the row's
	 * assessment when the agency can be named, else to the file's diagnostics. */
	const pdx_diag *problem;
} pdx_row;

/* Starts reading one source (a file, or a sheet of a workbook): rows added until
 * pdx_answers_commit or pdx_answers_rollback belong to it. `encoding` is reported
 * with the source (may be NULL); `default_year` is the year of rows whose year cell is
 * empty and that inherit none (0: unknown). Returns 0, PDX_ENOMEM, or PDX_EARG when a
 * source is already open. */
PDX_EXTERN int pdx_answers_begin(pdx_answers *set, const char *file, const char *sheet,
                                 const char *encoding, int default_year);

/* The limits of one set: assessments (agency × year), and answer rows — counted in
 * slots of 16 (a page holds 15 rows of one assessment, from one source), so about 4
 * billion rows when assessments have many rows each. */
#define PDX_MAX_ASSESSMENTS  100000000u
#define PDX_MAX_ANSWER_SLOTS 4294967040u

/* Adds one row of the open source. Problems of the row go to its assessment's
 * diagnostics, or to `diags` when no assessment can be named (no agency id, a year
 * that cannot be read before any other row of the agency). Returns 0 (also for a row
 * refused with a diagnostic), PDX_EARG (no source open), PDX_EINVALID (the set is at
 * one of its limits, PDX_MAX_ASSESSMENTS or PDX_MAX_ANSWER_SLOTS: the row is not
 * added) or PDX_ENOMEM. */
PDX_EXTERN int pdx_answers_add_row(pdx_answers *set, const pdx_row *row, pdx_diags *diags);

/* Adds one answer without a file: what a web form or another reader hands over, under
 * the same rules as a row of a file. `agency_id` and `criterion` are required; `year` 0
 * means the source's default year; `answer` and `evidence` may be NULL (unanswered,
 * none). Strings must be UTF-8; they are trimmed and put in NFC.
 *
 * Between pdx_answers_begin and pdx_answers_commit the answer belongs to that source.
 * Without an open source, the first call opens one of its own, named "<api>" (no
 * default year: give the year), which stays open for the calls that follow and ends
 * when the next source begins or at pdx_answers_commit; its answers are scored as soon
 * as they are added. In diagnostics the file is the source's name and the "line" is the
 * call's number within the source (1 for the first). Returns as pdx_answers_add_row, and
 * PDX_EARG for a missing id, a year outside 0..9999 or text that is not UTF-8. Agency
 * details (name, province, ...) are cells of a pdx_row: add one row with them through
 * pdx_answers_add_row. */
PDX_EXTERN int pdx_answers_add(pdx_answers *set, const char *agency_id, int year,
                               const char *criterion, const char *answer, const char *evidence,
                               pdx_diags *diags);

/* Ends the open source: its rows stay. Adds the source's summary warnings (skipped
 * signature rows, superseded assessments) to `diags`. Returns 0 or PDX_ENOMEM (the
 * source is then rolled back). */
PDX_EXTERN int pdx_answers_commit(pdx_answers *set, pdx_diags *diags);

/* Ends the open source and undoes everything it added: assessments, rows, identity
 * cells, diagnostics. A file is read whole or not at all. */
PDX_EXTERN void pdx_answers_rollback(pdx_answers *set);

/* The sources read so far (committed ones), in order. */
typedef struct pdx_source {
	const char *file;
	const char *sheet;    /* NULL for a text file */
	const char *encoding; /* "utf-8", "utf-16le", "cp1258", …; NULL when not known */
	size_t rows;          /* answer rows added */
} pdx_source;
PDX_EXTERN size_t pdx_answers_source_count(const pdx_answers *set);
PDX_EXTERN const pdx_source *pdx_answers_source(const pdx_answers *set, size_t i);

/* ---- the CSV reader ---- */

typedef struct pdx_read_options {
	/* The legacy encoding of files that are not UTF-8: "cp1258" or "tcvn3" (NULL:
	 * none). Decided per file: a UTF-8 file is read as UTF-8 whatever this says. */
	const char *encoding;
	char delimiter;   /* 0: detect from the header (',', ';' or tab) */
	int default_year; /* the year of rows whose year cell is empty; 0: unknown */
	/* A workbook's sheet to read, by name (NULL: the first). CSV files have none. */
	const char *sheet;
} pdx_read_options;

/* Reads one answers file (path "-" is standard input) into the set: a CSV file, or a
 * workbook (.xlsx, .ods: recognised by content; opts->sheet, else its first sheet), in
 * the long layout (one row per agency × criterion) or the wide one that survey tools
 * export (one row per agency, a column per criterion); columns found by header name.
 * Problems of the file as a whole (unreadable, not UTF-8, malformed quote, missing
 * column) go to `diags` and the file contributes nothing: PDX_EIO or PDX_EINVALID.
 * Problems of single rows go to the assessment they belong to (see
 * pdx_assessment.diags), or to `diags` when no assessment can be named; the rest of
 * the file is still read and 0 returned. */
PDX_EXTERN int pdx_answers_read_file(pdx_answers *set, const char *path,
                                     const pdx_read_options *opts, pdx_diags *diags);

/* The same from a buffer; `name` stands for the file in diagnostics. */
PDX_EXTERN int pdx_answers_read_memory(pdx_answers *set, const char *data, size_t len,
                                       const char *name, const pdx_read_options *opts,
                                       pdx_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
