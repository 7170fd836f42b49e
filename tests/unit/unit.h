/* SPDX-License-Identifier: MIT */
/* Shared helpers of the pressdx unit tests (cmocka). */
#ifndef PDX_UNIT_H
#define PDX_UNIT_H

/* cmocka needs these before its own header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal.h"

#ifndef TEST_DATA_DIR
#error "TEST_DATA_DIR must be defined by the build (tests/unit/meson.build)"
#endif

/* "dir/name", malloc'd. */
char *unit_path(const char *dir, const char *name);

/* The whole file (NUL-terminated, malloc'd); fails the test when unreadable. */
char *unit_slurp(const char *path, size_t *len);

/* rubrics/951-2023.xml, loaded; fails the test when it does not load. */
pdx_rubric *unit_load_951(void);
/* A shipped edition by file name ("3560-2025.xml"): the examples and test data of 2025
 * are scored with the edition in force for their year, as the CLI does. */
pdx_rubric *unit_load_rubric(const char *file);

/* The first diagnostic of `d` with this severity whose line is `line` (any line when
 * line < 0) and whose English message contains `phrase` (any message when NULL). */
const pdx_diag *unit_find_diag(const pdx_diags *d, pdx_severity sev, long line, const char *phrase);

/* The same over the file-level list and every assessment's list of `set`. */
const pdx_diag *unit_find_any(const pdx_diags *file_diags, const pdx_answers *set, pdx_severity sev,
                              long line, const char *phrase);

/* Total number of errors in the file-level list and in every assessment of `set`. */
size_t unit_count_errors(const pdx_diags *file_diags, const pdx_answers *set);

/* Prints a list to stderr (shown by meson when a test fails). */
void unit_dump_diags(const char *title, const pdx_diags *d);

/* Prints the file-level list and every assessment's list of `set`. */
void unit_dump_all(const pdx_diags *file_diags, const pdx_answers *set);

/* Answers read (files, then a CSV text; either may be NULL) and scored. */
typedef struct unit_scored {
	pdx_answers *set;
	pdx_diags *diags;
	pdx_result **res;
	size_t n;
} unit_scored;

/* Reads `paths` (NULL-terminated) and `text` into one set against `r` and scores it;
 * fails the test when a file is rejected. Free with unit_scored_free. */
unit_scored unit_score(const pdx_rubric *r, const char *const *paths, const char *text,
                       const pdx_score_options *opts);
void unit_scored_free(unit_scored *s);

/* The first answer row of `a` to criterion `id` (copied into *out); false when none. */
bool unit_answer(const pdx_assessment *a, const char *id, pdx_answer *out);

/* Index of the criterion with this id in `r`; fails the test when absent. */
size_t unit_crit(const pdx_rubric *r, const char *id);

#endif
