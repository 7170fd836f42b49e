/* SPDX-License-Identifier: MIT */
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
	/* The answer that counts: the filled one when a blank row and a filled row were
	 * given, the first of two that conflict; NULL when there was no row. Owned by the
	 * result. */
	const pdx_answer *answer;
	bool conflict; /* two different answers were given: status is PDX_CRIT_ERROR */
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
	/* Keep only what rankings, summaries and the score table need: total, level,
	 * pillars, components, unfilled, n_unanswered and the diagnostics; `criteria` and
	 * `context` are NULL (n_context 0). A result then costs a few hundred bytes instead
	 * of several KB, so that a national batch ranks in bounded memory. */
	bool totals_only;
} pdx_score_options;

typedef struct pdx_result {
	const pdx_rubric *rubric;
	const pdx_assessment *assessment;
	pdx_points total;
	const pdx_level *level;
	const pdx_points *pillars;            /* one per rubric pillar */
	const pdx_points *components;         /* one per rubric component */
	const pdx_criterion_result *criteria; /* one per rubric criterion; NULL when scored
	                                         with totals_only */
	size_t n_unanswered;
	/* No criterion answered at all: an unfilled questionnaire, left out of rankings,
	 * summaries and plan targets (a warning says so). */
	bool unfilled;
	/* Scored with require_evidence: points claimed without evidence count 0. */
	bool evidence_required;
	/* The answers to the rubric's context questions, one per question (NULL when not
	 * answered); owned by the result. */
	const pdx_answer *const *context;
	size_t n_context;
	const pdx_diags *diags; /* reading problems of the assessment, then answer errors */
} pdx_result;

/* Scores one assessment. `opts` may be NULL. *out owns a new result that refers to
 * (and must not outlive) `rubric` and `a`. Returns 0 or PDX_ENOMEM. */
PDX_EXTERN int pdx_score_assessment(pdx_result **out, const pdx_rubric *rubric,
                                    const pdx_assessment *a, const pdx_score_options *opts);
PDX_EXTERN void pdx_result_free(pdx_result *res);

/* Number of errors of the result (reading and answer errors). */
PDX_EXTERN size_t pdx_result_errors(const pdx_result *res);

/* A scorer: scores many assessments against one rubric with one set of options, and
 * remembers what they share (which criterion an id names, how an answer text parses),
 * so that a batch is scored faster than assessment by assessment. Results are exactly
 * those of pdx_score_assessment. One scorer belongs to one thread at a time; the rubric
 * must outlive it. pdx_scorer_new returns 0, PDX_EARG or PDX_ENOMEM; pdx_scorer_score
 * returns as pdx_score_assessment. */
typedef struct pdx_scorer pdx_scorer;
PDX_EXTERN int pdx_scorer_new(pdx_scorer **out, const pdx_rubric *rubric,
                              const pdx_score_options *opts);
PDX_EXTERN int pdx_scorer_score(pdx_scorer *scorer, pdx_result **out, const pdx_assessment *a);
PDX_EXTERN void pdx_scorer_free(pdx_scorer *scorer);

/* Scores every assessment of `set`: *out is a malloc'd array of *n results, free with
 * pdx_results_free. */
PDX_EXTERN int pdx_score_all(pdx_result ***out, size_t *n, const pdx_rubric *rubric,
                             const pdx_answers *set, const pdx_score_options *opts);
PDX_EXTERN void pdx_results_free(pdx_result **results, size_t n);

/* Answers as text: the one parser (engine/value.c). Every answer of every criterion,
 * every band bound and every plan condition is read by one lexer, so a rule of
 * Vietnamese number notation is written once; all arithmetic is in integers. */

/* A parsed answer. */
typedef struct pdx_value {
	bool yes;           /* yesno: true when the answer means yes */
	long option;        /* choice: index of the chosen option, else -1 */
	bool has_number;    /* percent, number and count answers */
	pdx_decimal number; /* exact to 1e-9 with a sticky rest (see pdx_decimal in common.h) */
	unsigned flags;     /* PDX_VALUE_… notes on how the text was read */
	/* the written number exactly: |number| = digits / 10^scale (at most 30 digits);
	 * `negative` is false for every spelling of zero ("-0") */
	uint64_t digits_hi, digits_lo;
	int scale;
	bool negative;
} pdx_value;

/* a percent strictly between 0 and 1 written without '%' ("0,35", as Excel exports a
 * 35 % cell): read as written, worth a warning (pdx_value_note) */
#define PDX_VALUE_FRACTION_PERCENT 1u
/* thousands grouping was read ("10.000.000", "10 000", "1.234,5") */
#define PDX_VALUE_GROUPED 2u

typedef enum {
	PDX_VALUE_OK = 0,
	PDX_VALUE_INVALID,      /* not an answer of the criterion's type */
	PDX_VALUE_OUT_OF_RANGE, /* percent outside 0..100, negative or fractional count */
	PDX_VALUE_AMBIGUOUS,    /* "10.000", "1,500" in a count/number: grouping or decimals? */
	PDX_VALUE_TOO_LARGE /* beyond what pressdx computes exactly (|x| > 9e9, > 20 decimals) */
} pdx_value_problem;

/* Parses `text` (already trimmed, NFC) as an answer to `crit`:
 *  - yesno: có co yes y 1 x true / không khong no n 0 false, in any case and Unicode
 *    form (compared through a case-folded NFKC key);
 *  - choice: an option key, a label, or "key = label" with or without " (Nđ)", as the
 *    template shows them; dashes, case and spacing do not matter; keys win;
 *  - percent, number, count: a number in Vietnamese or English notation. A value that
 *    can be read two ways ("10.000", "1,234" in a count or number) is refused as
 *    PDX_VALUE_AMBIGUOUS, never guessed; "10.000.000", "10 000", "1.234,5", "12,5",
 *    "0.500", "5." and "80 %" are read as a Vietnamese user means them (the README,
 *    "Tệp câu trả lời", states the rules).
 * *out is always filled (option -1 and no number on failure). `problem` may be NULL.
 * Returns 0 (*problem = PDX_VALUE_OK), PDX_EINVALID (*problem says why) or PDX_ENOMEM. */
PDX_EXTERN int pdx_value_parse(pdx_value *out, pdx_value_problem *problem,
                               const pdx_criterion *crit, const char *text);

/* The error message for `problem` on answer `text` of `crit`, in Vietnamese and English
 * ("câu trả lời \"120\" không hợp lệ; cần …"): *vi and *en are malloc'd and the caller
 * frees both; both NULL for PDX_VALUE_OK. The answer is quoted as an excerpt (no control
 * or invisible character as itself). Returns 0 or PDX_ENOMEM (then both NULL). */
PDX_EXTERN int pdx_value_message(char **vi, char **en, const pdx_criterion *crit, const char *text,
                                 pdx_value_problem problem);

/* The warning for a flag worth telling the user (PDX_VALUE_FRACTION_PERCENT: "read as
 * 0,35 %; if 35 % was meant, write 35"), malloc'd, the caller frees both; *vi = *en =
 * NULL when `flags` has nothing to tell. Returns 0 or PDX_ENOMEM (then both NULL). */
PDX_EXTERN int pdx_value_note(char **vi, char **en, const pdx_criterion *crit, const char *text,
                              unsigned flags);

/* Points earned (hundredths) by a parsed answer under crit->scoring: yes → max, the
 * option's points, the first band reached, or linear max × value / 100 computed exactly
 * from the written digits and rounded half away from zero. 0 for an answer that earns
 * nothing (and for a `v` that pdx_value_parse refused). */
PDX_EXTERN pdx_points pdx_value_points(const pdx_criterion *crit, const pdx_value *v);

/* Whether two parsed answers mean the same thing ("có" = "Có" = "1"; "55.44" = "55,44";
 * "40" = "40%"; "10 000" = "10000"). Flags are not compared. */
PDX_EXTERN bool pdx_value_equal(const pdx_value *a, const pdx_value *b);

/* Index of the first band reached by v (the band rule, in one place: v > bound for a
 * "gt" band, v >= bound for a "ge" band), or crit->n_bands when none. */
PDX_EXTERN size_t pdx_band_reached(const pdx_criterion *crit, pdx_decimal v);

/* Writes into buf (NUL-terminated) the simplest answer a person can type that earns at
 * least `points`. Among the answers that do, it takes one that earns the fewest points
 * (the option or band just high enough, "có"; for linear scoring the smallest whole
 * percent), and within that the shortest number (an integer before a decimal; never a
 * "> 0"). It is written so that pdx_value_parse reads it back unambiguously ("có", an
 * option key, "10", "1", "0,5", "100"), and verified by parsing it and scoring it with
 * pdx_value_points before it is returned. Returns 0, PDX_EINVALID when no answer earns
 * that many points, PDX_EARG when buf is too small (buf then holds ""), PDX_ENOMEM. */
PDX_EXTERN int pdx_value_answer_for(char *buf, size_t size, const pdx_criterion *crit,
                                    pdx_points points);

/* Parses a plain decimal of a rubric or plan file (band bounds, points, plan
 * conditions): an optional sign (+, -, U+2212), digits with at most one '.' or ','
 * followed by digits, no grouping; with `allow_percent` a trailing '%' after optional
 * ASCII spaces. At most 9,000,000,000 and 20 decimals. Read by the same lexer as the
 * answers. Returns 0 or PDX_EINVALID. */
PDX_EXTERN int pdx_decimal_parse(const char *text, bool allow_percent, pdx_decimal *out);

/* Compares a with b exactly: -1, 0 or 1. */
PDX_EXTERN int pdx_decimal_cmp(pdx_decimal a, pdx_decimal b);

/* Formats a decimal without trailing zeros ("12.5", "-3", "10"). */
PDX_EXTERN char *pdx_decimal_format(pdx_decimal d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
