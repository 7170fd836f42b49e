/* pressdx — scoring: answers × rubric → points, pure and exact.
 *
 * No I/O happens here. Criterion points are rounded to 0.01 (half away from zero);
 * components, pillars and the total are sums of the rounded criterion points in
 * hundredths, so a level boundary is never missed by floating-point drift.
 */
#ifndef PRESSDX_SCORE_H
#define PRESSDX_SCORE_H

#include "answers.h"
#include "common.h"
#include "diag.h"
#include "rubric.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	PDX_CRIT_OK = 0,
	PDX_CRIT_UNANSWERED, /* no row, or an empty answer: 0 points */
	PDX_CRIT_ERROR,      /* the answer does not parse or is out of range: 0 points */
	PDX_CRIT_NO_EVIDENCE /* points claimed without evidence, with require_evidence */
} pdx_crit_status;

typedef struct pdx_criterion_result {
	const pdx_criterion *criterion;
	const pdx_answer *answer; /* NULL when there was no row */
	pdx_crit_status status;
	pdx_points points;
	/* the parsed value of percent/number/count answers (valid when has_value) */
	bool has_value;
	pdx_decimal value;
	long option;           /* index of the chosen option, or -1 */
	bool yes;              /* yesno answers */
	bool missing_evidence; /* points earned, evidence expected, evidence cell empty */
} pdx_criterion_result;

typedef struct pdx_score_options {
	/* The appraisal counts a claimed criterion only with evidence: when set, a
	 * criterion that earns points, expects evidence and has none scores 0. */
	bool require_evidence;
} pdx_score_options;

typedef struct pdx_result {
	const pdx_rubric *rubric;
	const pdx_assessment *assessment;
	pdx_points total;
	const pdx_level *level;
	const pdx_points *pillars;            /* one per rubric pillar */
	const pdx_points *components;         /* one per rubric component */
	const pdx_criterion_result *criteria; /* one per rubric criterion */
	size_t n_unanswered;
	const pdx_diags *diags; /* reading problems of the assessment, then answer errors */
} pdx_result;

/* Scores one assessment. `opts` may be NULL. *out owns a new result that refers to
 * (and must not outlive) `rubric` and `a`. Returns 0 or PDX_ENOMEM. */
int pdx_score_assessment(pdx_result **out, const pdx_rubric *rubric, const pdx_assessment *a,
                         const pdx_score_options *opts);
void pdx_result_free(pdx_result *res);

/* Number of errors of the result (reading and answer errors). */
size_t pdx_result_errors(const pdx_result *res);

/* Scores every assessment of `set`: *out is a malloc'd array of *n results, free with
 * pdx_results_free. */
int pdx_score_all(pdx_result ***out, size_t *n, const pdx_rubric *rubric, const pdx_answers *set,
                  const pdx_score_options *opts);
void pdx_results_free(pdx_result **results, size_t n);

/* Parses an answer of type `type` for `crit` (options looked up there). On success
 * fills the out-values and returns 0; on failure returns PDX_EINVALID and, when
 * `expected_vi`/`expected_en` are given, points them at static texts saying what was
 * expected. Exposed for tests and other front ends. */
int pdx_value_parse(const pdx_criterion *crit, const char *text, pdx_decimal *value, long *option,
                    bool *yes, const char **expected_vi, const char **expected_en);

/* Parses a plain decimal ("12", "-3,5", "45.25%", "−2") into *out; `allow_percent`
 * allows a trailing '%'. Returns 0 or PDX_EINVALID. */
int pdx_decimal_parse(const char *text, bool allow_percent, pdx_decimal *out);

/* Compares a with b exactly: -1, 0 or 1. */
int pdx_decimal_cmp(pdx_decimal a, pdx_decimal b);

/* Formats a decimal without trailing zeros ("12.5", "-3", "10"). */
char *pdx_decimal_format(pdx_decimal d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
