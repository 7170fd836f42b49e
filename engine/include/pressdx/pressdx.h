/* SPDX-License-Identifier: MIT */
/* pressdx — scoring of press agencies against the Vietnamese press digital
 * transformation maturity index. Umbrella header of libpressdx. */
#ifndef PRESSDX_H
#define PRESSDX_H

#include "analysis.h"
#include "answers.h"
#include "common.h"
#include "crosswalk.h"
#include "diag.h"
#include "history.h"
#include "io.h"
#include "plan.h"
#include "provinces.h"
#include "report.h"
#include "roster.h"
#include "rubric.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.1.0". */
PDX_EXTERN const char *pdx_version(void);

/* Sets up what the library shares between threads (libxml2's parser and its schema data
 * types, SQLite), as git_libgit2_init does: call it once from the main thread before
 * starting threads that use the library, and pdx_global_cleanup once for each call when
 * done. Calls nest and are counted. Returns the number of pdx_global_init calls not yet
 * matched by a cleanup (1 after the first), or a negative PDX_E… code.
 *
 * A program that never calls it still works: each of these is initialised on first
 * use, under a lock. What the calls add is a known moment for the work and a place to
 * report its failure.
 *
 * Thread-safety rule of the whole library: a loaded pdx_rubric (and pdx_plan,
 * pdx_provinces, pdx_crosswalk, pdx_roster) is immutable and may be shared by any
 * number of threads; every other object (answers, results, diagnostics, outputs, report
 * writers, history connections) belongs to one thread at a time. pdx_set_allocator is
 * the one process-wide setting, set before pdx_global_init. */
PDX_EXTERN int pdx_global_init(void);

/* Undoes one pdx_global_init; the last one releases what the library holds globally.
 * libxml2's own global state is left to libxml2 (it frees it at exit), because the
 * program or another library may use libxml2 too and xmlCleanupParser would pull it
 * from under them. Returns the number of calls still to be matched (0 after the last)
 * or PDX_EARG when there is no pdx_global_init to undo. */
PDX_EXTERN int pdx_global_cleanup(void);

#ifdef __cplusplus
}
#endif

#endif
