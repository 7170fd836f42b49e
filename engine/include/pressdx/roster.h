/* SPDX-License-Identifier: MIT */
/* A roster: the agencies a department expects to submit (CSV: agency_id, and optionally
 * agency_name, province, block), to list who has not. */
#ifndef PRESSDX_ROSTER_H
#define PRESSDX_ROSTER_H

#include "common.h"
#include "diag.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdx_roster pdx_roster;

typedef struct pdx_roster_entry {
	const char *agency_id;
	const char *agency_name; /* NULL when the roster has no such column; likewise below */
	const char *province;
	const char *block;
	long line; /* of the roster file */
} pdx_roster_entry;

/* Reads a roster: UTF-8 (a BOM from Excel is skipped), ',' ';' or tab between cells, a
 * header row naming agency_id (required), agency_name, province, block (other columns
 * are ignored). An empty id, or one id twice (compared as agency ids are: NFKC, case
 * folded), is an error at file:line:column. 0 with *out, or PDX_EIO, PDX_EINVALID,
 * PDX_ENOMEM. */
PDX_EXTERN int pdx_roster_load_file(pdx_roster **out, const char *path, pdx_diags *diags);
PDX_EXTERN int pdx_roster_load_memory(pdx_roster **out, const char *data, size_t len,
                                      const char *name, pdx_diags *diags);
PDX_EXTERN void pdx_roster_free(pdx_roster *ro);

PDX_EXTERN size_t pdx_roster_count(const pdx_roster *ro);
PDX_EXTERN const pdx_roster_entry *pdx_roster_entry_at(const pdx_roster *ro, size_t i);

/* Who has not submitted for `year`: a warning PDX-W0257 per roster agency that no
 * assessment of `agency_ids`/`years` (n of each) is for, and *missing their count (may
 * be NULL). `year` 0 means every year present among `years`, each checked on its own.
 * 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_roster_check(const pdx_roster *ro, const char *const *agency_ids,
                                const int *years, size_t n, int year, size_t *missing,
                                pdx_diags *diags);

/* The same for a set of results. */
PDX_EXTERN int pdx_roster_check_results(const pdx_roster *ro, pdx_result *const *results, size_t n,
                                        int year, size_t *missing, pdx_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
