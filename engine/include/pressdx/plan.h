/* SPDX-License-Identifier: MIT */
/* pressdx — plan targets: a province's or ministry's targets as shares of its agencies
 * meeting conditions on criterion answers, and how far the agencies are from them. */
#ifndef PRESSDX_PLAN_H
#define PRESSDX_PLAN_H

#include "analysis.h"
#include "common.h"
#include "diag.h"
#include "rubric.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	PDX_COND_IN = 0,
	PDX_COND_EQUALS,
	PDX_COND_GE,
	PDX_COND_GT,
	PDX_COND_LE,
	PDX_COND_LT
} pdx_cond_op;

typedef struct pdx_plan_answer {
	const pdx_criterion *criterion;
	size_t criterion_index;
	pdx_cond_op op;
	const char *text;    /* the value as written in the plan */
	const long *options; /* IN/EQUALS on a choice criterion: option indices */
	size_t n_options;
	bool yes;          /* IN/EQUALS on a yesno criterion */
	pdx_decimal value; /* numeric comparisons */
	long line;
} pdx_plan_answer;

typedef struct pdx_plan_condition {
	const pdx_plan_answer *answers; /* all must hold */
	size_t n;
} pdx_plan_condition;

typedef struct pdx_plan_target {
	int year;
	pdx_points pct;                      /* share of agencies in hundredths of a percent */
	const pdx_plan_condition *condition; /* NULL: the indicator's */
	long line;
} pdx_plan_target;

typedef struct pdx_indicator {
	const char *id;
	const char *name;
	const char *name_en; /* may be NULL */
	const char *media;   /* only agencies with this media type count; NULL: all */
	bool measured;       /* false: no criterion measures it */
	const pdx_plan_condition *condition; /* may be NULL when every target has one */
	const pdx_plan_target *targets;
	size_t n_targets;
	long line;
} pdx_indicator;

typedef struct pdx_plan_meta {
	const char *id;
	const char *title;
	const char *issuer; /* may be NULL */
	const char *source; /* may be NULL */
	/* The ids of the editions it was written for, space-separated ("951-2023 1827-2024");
	 * may be NULL */
	const char *rubric;
	const char *path;
	pdx_group_key scope; /* PDX_KEY_PROVINCE or PDX_KEY_OWNER */
	const char *const *matches;
	size_t n_matches;
} pdx_plan_meta;

typedef struct pdx_plan pdx_plan;

/* Loads a plan file against `rubric` (which must outlive the plan): within the limits of
 * the README (4 MiB, and those of a rubric on elements, depth, attributes...), no
 * DOCTYPE, the embedded schema rubrics/plans/plan.rng, then every criterion must exist
 * and every condition fit its criterion's type; problems go to `diags` with file:line.
 * Returns 0, PDX_EIO, PDX_EINVALID or PDX_ENOMEM; *out is NULL on failure. */
PDX_EXTERN int pdx_plan_load_file(pdx_plan **out, const char *path, const pdx_rubric *rubric,
                                  pdx_diags *diags);
PDX_EXTERN int pdx_plan_load_memory(pdx_plan **out, const char *data, size_t len, const char *name,
                                    const pdx_rubric *rubric, pdx_diags *diags);
PDX_EXTERN void pdx_plan_free(pdx_plan *plan);

PDX_EXTERN const pdx_plan_meta *pdx_plan_meta_get(const pdx_plan *plan);
PDX_EXTERN size_t pdx_plan_indicator_count(const pdx_plan *plan);
PDX_EXTERN const pdx_indicator *pdx_plan_indicator(const pdx_plan *plan, size_t i);

/* Whether a scored result meets a condition: every answer given, valid and holding. */
PDX_EXTERN bool pdx_condition_holds(const pdx_plan_condition *c, const pdx_result *res);

typedef struct pdx_target_result {
	const pdx_indicator *indicator;
	const pdx_plan_target *target; /* NULL: no target in or after the year */
	size_t eligible;               /* agencies in scope (and of the indicator's media) */
	size_t achieved;
	pdx_points achieved_pct;           /* hundredths of a percent */
	bool met;                          /* achieved / eligible >= target, exactly */
	const pdx_result *const *short_of; /* eligible agencies that do not meet it */
	size_t n_short;
} pdx_target_result;

typedef struct pdx_targets {
	const pdx_plan *plan;
	int year; /* the year measured: the one asked for, or the answers' latest */
	const pdx_target_result *items;
	size_t n;
	size_t in_scope;
	size_t unfilled; /* unfilled questionnaires in scope, left out */
} pdx_targets;

/* Measures the plan on the results: only agencies in the plan's scope count, each with
 * its assessment of `year` when it has one, else its latest. Targets are those of
 * `year` (0: the answers' year), or where the plan sets none then, the next target
 * year after it. */
PDX_EXTERN int pdx_targets_compute(pdx_targets **out, const pdx_plan *plan,
                                   pdx_result *const *results, size_t n, int year);
PDX_EXTERN void pdx_targets_free(pdx_targets *t);
PDX_EXTERN int pdx_report_targets(char **out, size_t *len, const pdx_rubric *r,
                                  const pdx_targets *t, pdx_format fmt);

/* The schema every plan is validated against (NUL-terminated, static). */
PDX_EXTERN const char *pdx_plan_schema(void);

#ifdef __cplusplus
}
#endif

#endif
