/* SPDX-License-Identifier: MIT */
/* pressdx — diagnostics: the problems found in users' files, with their place.
 *
 * A pdx_diags list collects every error and warning of a run with the file, line,
 * column and criterion it concerns, a stable machine-readable code, and a message in
 * Vietnamese and in English. The library only collects; printing is the caller's
 * choice.
 */
#ifndef PRESSDX_DIAG_H
#define PRESSDX_DIAG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { PDX_SEV_ERROR = 0, PDX_SEV_WARNING = 1 } pdx_severity;

/* Stable codes, written "PDX-E0101" (errors) and "PDX-W0251" (warnings) by
 * pdx_code_name. A number, once given, keeps its meaning: scripts match codes, not
 * sentences. Hundreds group the area; within each, 00–49 are errors, 50–99 warnings. */
typedef enum pdx_code {
	PDX_CODE_NONE = 0,
	/* 1xx: reading a file as a whole */
	PDX_E_FILE_READ = 101,            /* the file cannot be opened or read */
	PDX_E_FILE_TOO_LARGE = 102,       /* over the size limit */
	PDX_E_NOT_UTF8 = 103,             /* a byte that is not UTF-8 (no --encoding given) */
	PDX_E_NUL_BYTE = 104,             /* a NUL byte: not a text file */
	PDX_E_BAD_ENCODING = 105,         /* a byte invalid in the named or detected encoding */
	PDX_E_UNSUPPORTED_ENCODING = 106, /* UTF-32, UTF-16 without a BOM, an unknown name */
	PDX_E_SPREADSHEET = 107,          /* an .xlsx, .ods or .xls where a CSV is expected */
	PDX_E_QUOTE = 110,                /* a malformed quote */
	PDX_E_UNCLOSED_QUOTE = 111,       /* a quote never closed before the end of the file */
	PDX_E_SEP_LINE = 112,             /* a "sep=" line naming no delimiter */
	PDX_E_HEADER_DUPLICATE = 113,     /* a column named twice */
	PDX_E_HEADER_MISSING = 114,       /* a required column is missing */
	PDX_E_EMPTY_FILE = 115,           /* no header row */
	PDX_E_TOO_MANY_COLUMNS = 116,     /* a row over the column limit */
	PDX_E_ROW_CELLS = 117,            /* a row with more or fewer cells than the header */
	PDX_E_CELL_TOO_LARGE = 118,       /* a cell over the cell limit (16 MiB) */
	PDX_E_SET_FULL = 119,   /* the answer set is at its assessment or row limit (answers.h) */
	PDX_E_CELL_VALUE = 120, /* a worksheet cell with a formula but no saved value */
	PDX_E_WORKBOOK = 121,   /* a damaged or unsafe workbook (zip bomb, "..", encryption,
	                           DTD), or a ZIP file that is not one */
	PDX_E_NO_SHEET = 122,   /* the workbook has no sheet of the name --sheet gives */
	PDX_W_ENCODING_IGNORED = 150, /* --encoding given, but the file is UTF-8 */
	PDX_W_SIGNATURE_ROWS = 151,   /* rows with an agency cell but nothing to score */
	PDX_W_SUPERSEDED = 152,       /* an assessment replaced by a later file (--supersede) */
	/* 2xx: rows and assessments */
	PDX_E_NO_AGENCY = 201,         /* a row without an agency id */
	PDX_E_YEAR = 202,              /* an invalid year */
	PDX_E_IDENTITY_CONFLICT = 203, /* name, province, owner or block differ between rows */
	PDX_E_NO_CRITERION = 204,      /* a row with an answer but no criterion id */
	PDX_E_UNKNOWN_CRITERION = 205, /* a criterion id not in the rubric */
	PDX_E_ANSWER_CONFLICT = 206,   /* two different answers to one criterion */
	PDX_W_YEAR_LATE = 250,         /* an agency's first rows have no year, a later one has */
	PDX_W_AGENCY_SPELLING = 251,   /* one agency id written in several ways */
	PDX_W_DUPLICATE_ANSWER = 252,  /* the same answer given twice */
	PDX_W_UNFILLED = 253,          /* a questionnaire with no criterion answered */
	PDX_W_DEFAULT_EDITION = 254,   /* reserved: a year without an edition of its own */
	PDX_W_PROVINCE_UNKNOWN = 255,  /* a province on neither map of its year */
	PDX_W_PROVINCE_FORMER = 256,   /* a pre-2025 province written for a year after */
	PDX_W_NOT_SUBMITTED = 257,     /* an agency of the roster without an assessment */
	/* 3xx: answers */
	PDX_E_ANSWER_INVALID = 301,   /* not an answer of the criterion's type */
	PDX_E_ANSWER_RANGE = 302,     /* outside the criterion's range */
	PDX_E_ANSWER_AMBIGUOUS = 303, /* "10.000": thousands or decimals? */
	PDX_E_ANSWER_TOO_LARGE = 304, /* beyond the numbers pressdx computes exactly */
	PDX_W_PERCENT_FRACTION = 350, /* a percent between 0 and 1 without '%' */
	PDX_W_NO_EVIDENCE = 351,      /* points claimed without evidence */
	/* 4xx: rubric and plan files */
	PDX_E_XML = 401,               /* not well-formed XML */
	PDX_E_XML_DOCTYPE = 402,       /* a DOCTYPE (entities, external DTDs) */
	PDX_E_XML_SCHEMA = 403,        /* does not match the schema */
	PDX_E_XML_LIMIT = 404,         /* over a size, depth or count limit */
	PDX_E_RUBRIC = 410,            /* a rule of a weighted index broken (sums, bands…) */
	PDX_E_PLAN = 420,              /* a plan condition that does not fit the rubric */
	PDX_E_CROSSWALK = 430,         /* a crosswalk naming a criterion its editions lack */
	PDX_W_PLAN_OTHER_RUBRIC = 450, /* a plan written for another rubric id */
	/* 5xx: outputs */
	PDX_E_OUTPUT = 501, /* an output cannot be written */
	/* 6xx: the history store */
	PDX_E_HISTORY = 601,        /* the database cannot be opened, read, written or checked */
	PDX_E_ROSTER = 602,         /* a roster (list of expected agencies) that cannot be read */
	PDX_W_HISTORY_SKIPPED = 650 /* an assessment with errors, not stored */
} pdx_code;

/* "PDX-E0101", "PDX-W0251", or "PDX-E0000" for PDX_CODE_NONE; static. */
PDX_EXTERN const char *pdx_code_name(pdx_code code);

typedef struct pdx_diag {
	pdx_severity severity;
	pdx_code code;
	const char *file;      /* may be NULL when not tied to a file */
	const char *sheet;     /* worksheet of a workbook; NULL for text files */
	long line;             /* 1-based (the row of a sheet); 0 when unknown */
	long column;           /* 1-based; 0 when unknown */
	const char *criterion; /* criterion or element id; may be NULL */
	const char *agency_id; /* may be NULL */
	const char *message_vi;
	const char *message_en;
} pdx_diag;

typedef struct pdx_diags pdx_diags;

/* A new empty list; NULL when out of memory. Free with pdx_diags_free. */
PDX_EXTERN pdx_diags *pdx_diags_new(void);
PDX_EXTERN void pdx_diags_free(pdx_diags *d);

PDX_EXTERN size_t pdx_diags_count(const pdx_diags *d);
/* The i-th diagnostic, owned by the list, in the order they were added. */
PDX_EXTERN const pdx_diag *pdx_diags_get(const pdx_diags *d, size_t i);
/* Number of diagnostics of severity PDX_SEV_ERROR. */
PDX_EXTERN size_t pdx_diags_errors(const pdx_diags *d);

/* Adds a copy of `src` (all strings are copied). Returns 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_diags_add(pdx_diags *d, const pdx_diag *src);

/* Appends copies of every diagnostic of `src` to `d`. */
PDX_EXTERN int pdx_diags_append(pdx_diags *d, const pdx_diags *src);

/* Formats one diagnostic as a single line for a terminal:
 * "file:line:col: lỗi/error [agency] criterion: vi message (en message)"; in a
 * workbook the place is "file[sheet]!D7". Control characters are escaped. Returns a
 * malloc'd string the caller frees, or NULL when out of memory. */
PDX_EXTERN char *pdx_diag_format(const pdx_diag *diag);

/* The same in one language: PDX_LANG_VI "file:line:col: lỗi [agency] criterion: vi
 * message", PDX_LANG_EN "…: error …: en message", PDX_LANG_BOTH as pdx_diag_format. A
 * message missing in the language asked for is shown in the other. The language is an
 * argument, not the process locale: two threads may format in two languages. */
PDX_EXTERN char *pdx_diag_format_lang(const pdx_diag *diag, pdx_lang lang);

#ifdef __cplusplus
}
#endif

#endif
