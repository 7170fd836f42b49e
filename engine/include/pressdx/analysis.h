/* SPDX-License-Identifier: MIT */
/* pressdx — analyses over scored results: rankings, summaries, roadmaps, diffs.
 *
 * All pure functions over pdx_result values (see score.h): no I/O. Every object
 * returned refers to the results it was computed from, which must outlive it. Each
 * has a NULL-safe _free and a serialiser that builds the whole document in memory
 * (*out malloc'd, NUL-terminated; the caller frees it). */
#ifndef PRESSDX_ANALYSIS_H
#define PRESSDX_ANALYSIS_H

#include "common.h"
#include "crosswalk.h"
#include "rubric.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- rankings ---- */

typedef enum { PDX_WITHIN_BLOCK = 0, PDX_WITHIN_PROVINCE, PDX_WITHIN_NONE } pdx_within;

typedef struct pdx_ranked {
	const pdx_result *result;
	size_t rank; /* 1-based; equal totals share a rank, the next rank skips (1, 2, 2, 4) */
} pdx_ranked;

typedef struct pdx_rank_group {
	const char *key; /* the block or province, NULL when not given (or PDX_WITHIN_NONE) */
	int year;        /* the year of the group when the input spans several years, else 0 */
	const pdx_ranked *items;
	size_t n;
} pdx_rank_group;

typedef struct pdx_ranking {
	pdx_within within;
	bool by_year; /* the input has several years: groups are per year too */
	const pdx_rank_group *groups;
	size_t n_groups;
	size_t unfilled; /* unfilled questionnaires left out */
} pdx_ranking;

/* Ranks by total, descending; ties ordered by agency_id. Unfilled questionnaires
 * (pdx_result.unfilled) are left out. Returns 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_rank(pdx_ranking **out, pdx_result *const *results, size_t n, pdx_within within);
PDX_EXTERN void pdx_ranking_free(pdx_ranking *rk);
PDX_EXTERN int pdx_report_rank(char **out, size_t *len, const pdx_rubric *r, const pdx_ranking *rk,
                               pdx_format fmt);
PDX_EXTERN const char *pdx_within_name(pdx_within w);

/* ---- the publication list ----
 *
 * The list in the form the ministry publishes its yearly recognition decision: per
 * block (khối) — and per year when the input has several — the agencies scored without
 * errors, by level from the highest down, then by name in Vietnamese alphabetical order
 * (pdx_collate), then by agency_id. Numbered from 1 in each group (STT). No scores, as
 * the ministry prints none. Blocks are in Vietnamese alphabetical order too, an
 * unknown block last; years newest first. */

typedef struct pdx_publication_group {
	const char *block; /* NULL when not given */
	int year;          /* the group's year when the input has several years, else 0 */
	const pdx_result *const *items;
	size_t n;
} pdx_publication_group;

typedef struct pdx_publication {
	bool by_year;
	const pdx_publication_group *groups;
	size_t n_groups;
	size_t with_errors; /* agencies left out because their answers have errors */
	size_t unfilled;    /* unfilled questionnaires left out */
} pdx_publication;

/* Returns 0 or PDX_ENOMEM (PDX_EARG when out is NULL, or results is NULL with n > 0). */
PDX_EXTERN int pdx_publication_build(pdx_publication **out, pdx_result *const *results, size_t n);
PDX_EXTERN void pdx_publication_free(pdx_publication *pub);
PDX_EXTERN int pdx_report_publication(char **out, size_t *len, const pdx_rubric *r,
                                      const pdx_publication *pub, pdx_format fmt);

/* Vietnamese alphabetical order of two UTF-8 texts (see pdx_publication): < 0, 0 or
 * > 0 like strcmp, and 0 only for the same bytes. NULL sorts as the empty text. */
PDX_EXTERN int pdx_collate(const char *a, const char *b);

/* ---- summaries ---- */

typedef enum {
	PDX_KEY_PROVINCE = 0,
	PDX_KEY_OWNER,
	PDX_KEY_BLOCK,
	PDX_KEY_YEAR,
	PDX_KEY_MEDIA /* an agency counts in each of its media types */
} pdx_group_key;

typedef struct pdx_stats {
	size_t count;
	pdx_points mean, median, min, max; /* mean and median rounded to 0.01 */
	const size_t *levels;              /* count per rubric level, in level order */
	const pdx_points *pillar_mean;     /* per rubric pillar, rounded to 0.01 */
	const pdx_points *pillar_pct;      /* mean as % of the pillar max, in hundredths */
} pdx_stats;

typedef struct pdx_summary_group {
	const char *const *values; /* one per key; NULL when not given */
	int year;                  /* the group's year (0: unknown); see pdx_summary.by_year */
	pdx_stats stats;
	/* the edition its results were scored by (its first result's; the summary's rubric
	 * for an empty group): its levels and pillar maxima are the stats' */
	const pdx_rubric *rubric;
} pdx_summary_group;

/* A summary never mixes years: when the results span several years (an unknown year
 * counts as one), every group and every total is of one year — the year is then an
 * implicit key even when not asked for. */
typedef struct pdx_summary {
	const pdx_group_key *keys; /* as asked */
	size_t n_keys;
	bool by_year;                    /* the results span several years */
	const pdx_summary_group *groups; /* by year (newest first, unknown last) when
	                                    by_year, then by mean total, descending */
	size_t n_groups;
	const pdx_summary_group *totals; /* every agency of each year: one per year, in the
	                                    groups' year order (values are all NULL) */
	size_t n_totals;
	pdx_stats all;   /* the one total when !by_year (== totals[0].stats), else zero */
	size_t unfilled; /* unfilled questionnaires left out */
	/* every edition the groups were scored by, in the order of the totals (newest year
	 * first); one for results of one edition */
	const pdx_rubric *const *rubrics;
	size_t n_rubrics;
} pdx_summary;

/* Results may come from several editions of the index (each year by its own) that are
 * compatible with `r`: the same pillar ids in the same order and the same level
 * numbers; a level is counted by its number and a pillar's share by its group's
 * edition. A result of an incompatible edition is PDX_EINVALID. */
PDX_EXTERN int pdx_summarize(pdx_summary **out, const pdx_rubric *r, pdx_result *const *results,
                             size_t n, const pdx_group_key *keys, size_t n_keys);
PDX_EXTERN void pdx_summary_free(pdx_summary *s);
PDX_EXTERN int pdx_report_summary(char **out, size_t *len, const pdx_rubric *r,
                                  const pdx_summary *s, pdx_format fmt);
/* Parses "province", "owner", "block", "year", "media"; returns 0 or PDX_EARG. */
PDX_EXTERN int pdx_group_key_parse(const char *name, pdx_group_key *key);
PDX_EXTERN const char *pdx_group_key_name(pdx_group_key key);

/* ---- roadmap to the next level ---- */

/* What a line of a roadmap asks of the agency. */
typedef enum {
	PDX_GAP_ANSWER = 0, /* give (or change to) the proposed answer */
	PDX_GAP_FIX,        /* the current answer cannot be read (or two answers conflict):
	                       fix it; the proposal is an answer that earns the points */
} pdx_gap_action;

typedef struct pdx_gap_item {
	const pdx_criterion *criterion;
	pdx_gap_action action;
	const char *answer;       /* the current answer as written, NULL when unanswered */
	const pdx_diag *problem;  /* PDX_GAP_FIX: why the current answer does not count */
	pdx_points current, gain; /* gain: max - current */
	/* An answer a person can type that earns the full points, checked by scoring it:
	 * the minimal set claims these. `needs_evidence`: it counts only with evidence
	 * (the result was scored with require_evidence and the criterion expects it). */
	char full_answer[260];
	bool needs_evidence;
	/* The answer that earns the next band or option up (the smallest step), when
	 * there is one (a linear criterion has none: see full_answer). */
	bool has_next;
	char next_answer[260];
	pdx_points next_points;
} pdx_gap_item;

typedef struct pdx_gap {
	const pdx_result *result;
	const pdx_level *target;     /* NULL when already at the top level */
	pdx_points needed;           /* points to the target's lower bound; 0 when reached */
	bool reachable;              /* the full points of all criteria close the gap */
	const pdx_gap_item *minimal; /* fewest criteria whose full points close the gap */
	size_t n_minimal;
	const pdx_gap_item *improvements; /* every criterion with points to win, by gain */
	size_t n_improvements;
	const size_t *weakest; /* pillar indices, weakest (% of max) first */
	size_t n_weakest;
} pdx_gap;

/* Roadmap of one result towards `target_level` (0: the next level above its own).
 * Applying the full answers of the minimal set (with evidence where it says so) and
 * scoring again reaches the target: every proposed answer is verified by the parser
 * and the scoring rule. */
PDX_EXTERN int pdx_gap_compute(pdx_gap **out, const pdx_result *res, int target_level);
PDX_EXTERN void pdx_gap_free(pdx_gap *g);
PDX_EXTERN int pdx_report_gap(char **out, size_t *len, const pdx_rubric *r, pdx_gap *const *gaps,
                              size_t n, pdx_format fmt);
PDX_EXTERN const char *pdx_gap_action_name(pdx_gap_action a);

/* ---- two answer sets compared ---- */

typedef struct pdx_change {
	/* the criterion before (for a criterion of the later edition only: that one) */
	const pdx_criterion *criterion;
	const char *before_answer, *after_answer; /* NULL when unanswered */
	pdx_points before_points, after_points;
	/* the criterion after: `criterion` itself for one edition, its counterpart
	 * through a crosswalk (its id may differ) */
	const pdx_criterion *after_criterion;
	/* false when the two sides' points come from different rules (a crosswalk pair
	 * with points="differ", or a criterion on one side only) */
	bool points_comparable;
} pdx_change;

/* How far two scorings of an agency are compared. */
typedef enum pdx_diff_level {
	PDX_DIFF_CRITERIA = 0,  /* one edition: every criterion */
	PDX_DIFF_CROSSWALK = 1, /* two editions joined by a crosswalk: the criteria it maps */
	PDX_DIFF_PILLARS = 2    /* two editions without a crosswalk: totals and pillars */
} pdx_diff_level;

typedef struct pdx_diff_item {
	const pdx_result *before, *after;
	const pdx_change *changes;
	size_t n_changes;
	pdx_diff_level compare;
	const pdx_crosswalk *crosswalk; /* PDX_DIFF_CROSSWALK: the one used */
} pdx_diff_item;

typedef struct pdx_diff {
	const pdx_diff_item *items;
	size_t n;
	pdx_result *const *only_before;
	size_t n_only_before;
	pdx_result *const *only_after;
	size_t n_only_after;
	bool differs; /* any change, total or agency on one side only */
} pdx_diff;

/* Pairs assessments by agency and year, or by agency alone when each side has it
 * once (last year against this year). The sides may be scored with different editions:
 * then totals and pillars are compared always, criteria only through a crosswalk
 * among `cws` that joins the two editions (either way round): the criteria it maps,
 * and the later edition's criteria it maps to nothing when they are answered. Results
 * must keep their criteria (not totals_only); the crosswalks must outlive the diff. */
PDX_EXTERN int pdx_diff_compute_crosswalk(pdx_diff **out, pdx_result *const *before,
                                          size_t n_before, pdx_result *const *after, size_t n_after,
                                          const pdx_crosswalk *const *cws, size_t n_cws);
/* The same without crosswalks. */
PDX_EXTERN int pdx_diff_compute(pdx_diff **out, pdx_result *const *before, size_t n_before,
                                pdx_result *const *after, size_t n_after);
PDX_EXTERN void pdx_diff_free(pdx_diff *d);
/* The diff as a report; `r` names the edition in its heading and must be the edition
 * of one of the diff's results (PDX_EINVALID otherwise: the figures always come from the
 * results' own editions). PDX_EARG for NULL arguments or an unknown format. */
PDX_EXTERN int pdx_report_diff(char **out, size_t *len, const pdx_rubric *r, const pdx_diff *d,
                               pdx_format fmt);

#ifdef __cplusplus
}
#endif

#endif
