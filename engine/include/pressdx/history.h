/* SPDX-License-Identifier: MIT */
/* The history store: scored assessments kept year after year in one SQLite database,
 * each with the edition it was scored with, so that a province or the ministry can
 * follow agencies across years and editions.
 *
 * One import is one transaction (all of it or nothing). An assessment is agency × year
 * × stage (the agency's self-assessment, or the council's appraised version); importing
 * it again with other content keeps the earlier version as superseded, with both
 * times; importing the same content again changes nothing. Points are stored in
 * hundredths, never as floating point. Two processes may import into one database at
 * once: one waits for the other (up to 30 s). */
#ifndef PRESSDX_HISTORY_H
#define PRESSDX_HISTORY_H

#include "common.h"
#include "diag.h"
#include "roster.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdx_history pdx_history;

typedef enum pdx_stage {
	PDX_STAGE_SELF = 0,     /* "self": the agency's own assessment */
	PDX_STAGE_APPRAISED = 1 /* "appraised": as the appraisal council verified it */
} pdx_stage;

/* "self" or "appraised". */
PDX_EXTERN const char *pdx_stage_name(pdx_stage s);

enum {
	PDX_HISTORY_CREATE = 1u,  /* create the file (and its schema) when missing */
	PDX_HISTORY_READONLY = 2u /* open for reading only (history, check) */
};

/* Opens (or with PDX_HISTORY_CREATE creates) the database at `path`, creating or
 * migrating its schema (version in PRAGMA user_version; this library writes 2, and
 * brings a version 1 database up to it). A file
 * that is not a pressdx database, is damaged, is of a newer schema, or cannot be written
 * when it must be, is PDX_EINVALID or PDX_EIO with a diagnostic naming the file and the
 * cause. 0 with *out, or an error with *out NULL. */
PDX_EXTERN int pdx_history_open(pdx_history **out, const char *path, unsigned flags,
                                pdx_diags *diags);
PDX_EXTERN void pdx_history_close(pdx_history *h);

typedef struct pdx_history_counts {
	size_t added;     /* assessments new to the store */
	size_t replaced;  /* assessments whose earlier version is now superseded */
	size_t unchanged; /* the same content imported again */
	size_t skipped;   /* assessments with answer errors, not stored (said in diags) */
} pdx_history_counts;

/* Stores the results (each with its rubric, answers, evidence, points, and the name
 * and SHA-256 of the file it was read from) at time `now` (seconds since the epoch) as
 * `stage`, in one transaction. A result with answer errors is not stored (a warning
 * each); a result without a year cannot be (an error: nothing is stored). 0, or
 * PDX_EINVALID / PDX_EIO / PDX_ENOMEM with nothing stored. */
PDX_EXTERN int pdx_history_import(pdx_history *h, pdx_result *const *results, size_t n,
                                  pdx_stage stage, long long now, pdx_history_counts *counts,
                                  pdx_diags *diags);

/* An agency renamed, or merged into another, on a date: history follows old_id under
 * new_id from then on (and before: the agency's earlier years). */
typedef struct pdx_agency_alias {
	const char *old_id, *new_id;
	const char *since; /* YYYY-MM-DD */
	const char *file;  /* where it was read, for diagnostics; may be NULL */
	long line;
} pdx_agency_alias;

/* Stores the aliases in one transaction (a later one for the same old id replaces the
 * earlier). An alias that would make a loop (A → B → A) is an error: nothing stored.
 * 0, PDX_EINVALID, PDX_EIO or PDX_ENOMEM. */
PDX_EXTERN int pdx_history_set_aliases(pdx_history *h, const pdx_agency_alias *aliases, size_t n,
                                       pdx_diags *diags);

/* The integrity checks: SQLite's own (integrity_check, foreign_key_check), then the
 * store's rules (one current version per agency × year × stage, pillar points adding up
 * to the total, a stored rubric whose digest is its content's). Each problem is a
 * diagnostic; 0 when there is none, PDX_EINVALID when there are, PDX_EIO when the
 * checks cannot run. */
PDX_EXTERN int pdx_history_check(pdx_history *h, pdx_diags *diags);

typedef enum pdx_history_by {
	PDX_HISTORY_BY_AGENCY = 0, /* one section per agency, a row per year */
	PDX_HISTORY_BY_PROVINCE,   /* per province and year: count, mean, levels */
	PDX_HISTORY_BY_BLOCK
} pdx_history_by;

typedef struct pdx_history_query {
	const char *agency;   /* only this agency id, and the ids it was known by (NULL: all) */
	const char *province; /* only this province (NULL: all) */
	const char *block;    /* only this block (NULL: all) */
	pdx_history_by by;
} pdx_history_query;

/* The history report: totals, levels and pillars per year with the change from the
 * year before, each year with its own edition (a change across editions is said to
 * compare levels of different bands). For each agency × year the appraised version
 * when there is one, else the self-assessment. An agency known by other ids (aliases)
 * has their years in its own section. Every format of pdx_format. */
PDX_EXTERN int pdx_history_report(char **out, size_t *len, pdx_history *h,
                                  const pdx_history_query *q, pdx_format fmt, pdx_diags *diags);

/* Who of the roster has no assessment, for each year the store holds (ids followed
 * through the aliases: the roster names agencies as they are today): a warning
 * PDX-W0257 each, *missing their count (may be NULL). 0, PDX_EIO or PDX_ENOMEM. */
PDX_EXTERN int pdx_history_roster_check(pdx_history *h, const pdx_roster *ro, size_t *missing,
                                        pdx_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
