/* pressdx — diagnostics: the problems found in users' files, with their place.
 *
 * A pdx_diags list collects every error and warning of a run with the file, line,
 * column and criterion it concerns, and a message in Vietnamese and in English.
 * The library only collects; printing is the caller's choice.
 */
#ifndef PRESSDX_DIAG_H
#define PRESSDX_DIAG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { PDX_SEV_ERROR = 0, PDX_SEV_WARNING = 1 } pdx_severity;

typedef struct pdx_diag {
	pdx_severity severity;
	const char *file;      /* may be NULL when not tied to a file */
	long line;             /* 1-based; 0 when unknown */
	long column;           /* 1-based; 0 when unknown */
	const char *criterion; /* criterion or element id; may be NULL */
	const char *agency_id; /* may be NULL */
	const char *message_vi;
	const char *message_en;
} pdx_diag;

typedef struct pdx_diags pdx_diags;

/* A new empty list; NULL when out of memory. Free with pdx_diags_free. */
pdx_diags *pdx_diags_new(void);
void pdx_diags_free(pdx_diags *d);

size_t pdx_diags_count(const pdx_diags *d);
/* The i-th diagnostic, owned by the list, in the order they were added. */
const pdx_diag *pdx_diags_get(const pdx_diags *d, size_t i);
/* Number of diagnostics of severity PDX_SEV_ERROR. */
size_t pdx_diags_errors(const pdx_diags *d);

/* Adds a copy of `src` (all strings are copied). Returns 0 or PDX_ENOMEM. */
int pdx_diags_add(pdx_diags *d, const pdx_diag *src);

/* Appends copies of every diagnostic of `src` to `d`. */
int pdx_diags_append(pdx_diags *d, const pdx_diags *src);

/* Formats one diagnostic as a single line for a terminal:
 * "file:line:col: lỗi/error [criterion]: vi message (en message)". Returns a
 * malloc'd string the caller frees, or NULL when out of memory. */
char *pdx_diag_format(const pdx_diag *diag);

#ifdef __cplusplus
}
#endif

#endif
