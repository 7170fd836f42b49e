/* SPDX-License-Identifier: MIT */
/* Fuzz target: the rubric loader (pdx_rubric_load_memory_base, the base being 951),
 * input = rubric XML bytes, whole or written as differences from 951; the same bytes are
 * then loaded as a crosswalk (rubrics/crosswalk/) from 951 to itself.
 *
 * A rubric that loads is then put through the rest of the engine, since a rubric file
 * is as untrusted as an answers file: its questionnaire template is read back as
 * answers, a CSV answering every criterion for full points is scored, and every report
 * is produced. Checked beyond memory safety: the return code agrees with *out and the
 * diagnostics, ids are found again, the template reads back with a row per criterion
 * and question, and each criterion earns the points the rubric's rule gives. */
#include <string.h>

#include "fuzz.h"

static void walk(const pdx_rubric *r)
{
	const pdx_rubric_meta *m = pdx_rubric_meta_get(r);
	FUZZ_CHECK(m->id && m->title && m->path && strlen(m->sha256) == 64);
	FUZZ_CHECK(pdx_rubric_level_count(r) > 0 && pdx_rubric_pillar_count(r) > 0);
	FUZZ_CHECK(pdx_rubric_level(r, 0)->min == 0);
	FUZZ_CHECK((pdx_report_provisional_notice(r) != NULL) == (m->provisional || m->published));
	for (size_t i = 0; i < pdx_rubric_level_count(r); i++) {
		const pdx_level *l = pdx_rubric_level(r, i);
		/* a level is reached at its bound, or 0.01 above a strict one */
		FUZZ_CHECK(pdx_rubric_level_for(r, pdx_level_reach(l)) == l);
		FUZZ_CHECK(!l->above || (i > 0 && pdx_rubric_level_for(r, l->min) ==
		                                      pdx_rubric_level(r, i - 1)));
	}
	FUZZ_CHECK(pdx_rubric_level(r, pdx_rubric_level_count(r)) == NULL);
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		FUZZ_CHECK(c->id && c->name && c->max > 0);
		FUZZ_CHECK(pdx_rubric_find_criterion(r, c->id) == (long)i);
		FUZZ_CHECK(pdx_rubric_find_question(r, c->id) == -1);
		FUZZ_CHECK(c->pillar < pdx_rubric_pillar_count(r) &&
		           c->component < pdx_rubric_component_count(r));
		FUZZ_CHECK(pdx_rubric_component(r, c->component)->pillar == c->pillar);
		FUZZ_CHECK(strcmp(pdx_answer_type_name(c->type), "?") != 0);
		(void)pdx_status_name(c->status);
	}
	for (size_t i = 0; i < pdx_rubric_question_count(r); i++) {
		const pdx_question *q = pdx_rubric_question(r, i);
		FUZZ_CHECK(q->id && pdx_rubric_find_question(r, q->id) == (long)i);
	}
	FUZZ_CHECK(pdx_rubric_criterion(r, pdx_rubric_criterion_count(r)) == NULL);
	FUZZ_CHECK(pdx_rubric_question(r, pdx_rubric_question_count(r)) == NULL);
}

/* The rule of the index, written again here: the first band whose bound v reaches. */
static pdx_points band_rule(const pdx_criterion *c, pdx_decimal v)
{
	for (size_t i = 0; i < c->n_bands; i++) {
		int cmp = pdx_decimal_cmp(v, c->bands[i].bound);
		if (cmp > 0 || (cmp == 0 && !c->bands[i].strict))
			return c->bands[i].points;
	}
	return 0;
}

/* The answer that should earn the criterion's max, and the points it should earn by
 * the rubric's rule; 0 when no valid answer of the criterion's type can be written. */
static int best_answer(const pdx_criterion *c, char *buf, size_t size, pdx_points *expect)
{
	switch (c->scoring) {
	case PDX_SCORING_YESNO:
		snprintf(buf, size, "có");
		*expect = c->max;
		return 1;
	case PDX_SCORING_OPTIONS:
		for (size_t i = 0; i < c->n_options; i++)
			if (c->options[i].points == c->max) {
				snprintf(buf, size, "%s", c->options[i].key);
				*expect = c->max;
				return 1;
			}
		return 0;
	case PDX_SCORING_LINEAR:
		snprintf(buf, size, "100");
		*expect = c->max;
		return 1;
	case PDX_SCORING_BANDS:
		for (size_t i = 0; i < c->n_bands; i++) {
			if (c->bands[i].points != c->max)
				continue;
			pdx_decimal v = c->bands[i].bound;
			if (c->type == PDX_TYPE_COUNT) {
				/* the smallest whole number that reaches the bound, at least 0 */
				int64_t n = v.nanos / PDX_DECIMAL_ONE;
				if (v.nanos > 0 && v.nanos % PDX_DECIMAL_ONE)
					n++;
				if (c->bands[i].strict && n * PDX_DECIMAL_ONE == v.nanos)
					n++;
				if (n < 0)
					n = 0;
				if (n > INT64_C(9000000000))
					return 0;
				v.nanos = n * PDX_DECIMAL_ONE;
			} else if (c->bands[i].strict) {
				v.nanos++;
			}
			if (c->type == PDX_TYPE_PERCENT &&
			    (v.nanos < 0 || v.nanos > 100 * PDX_DECIMAL_ONE))
				return 0;
			if (v.nanos > INT64_C(9000000000) * PDX_DECIMAL_ONE ||
			    v.nanos < -INT64_C(9000000000) * PDX_DECIMAL_ONE)
				return 0;
			pdx_decimal_format(v, buf, size);
			*expect = band_rule(c, v);
			return 1;
		}
		return 0;
	case PDX_SCORING_NONE:
		break;
	}
	return 0;
}

static void put_cell(pdx_buf *b, const char *s, int last)
{
	char *c = pdx_csv_cell(s);
	FUZZ_CHECK(c != NULL);
	pdx_buf_puts(b, c);
	pdx_buf_puts(b, last ? "\r\n" : ",");
	free(c);
}

static void exercise(const pdx_rubric *r)
{
	size_t nk = pdx_rubric_criterion_count(r), nq = pdx_rubric_question_count(r);
	walk(r);

	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	FUZZ_CHECK(set && d);

	/* 1. the questionnaire template, read back: one row per criterion and question */
	pdx_template_options o = {"FZ01", "Báo Thử",    "Hải Phòng", "UBND",
	                          "Báo",  "in|dien-tu", 2025};
	char *tpl = NULL;
	size_t tlen = 0;
	FUZZ_CHECK(pdx_template_csv(&tpl, &tlen, r, &o) == 0);
	FUZZ_CHECK(tpl && strlen(tpl) == tlen);
	int rc = pdx_answers_read_memory(set, tpl, tlen, "template.csv", NULL, d);
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(pdx_answers_count(set) == 1);
	FUZZ_CHECK(pdx_answers_get(set, 0)->n_answers == nk + nq);
	fuzz_check_report(0, tpl, tlen, PDX_FORMAT_CSV);
	tpl = NULL;
	rc = pdx_template_csv(&tpl, &tlen, r, NULL); /* without prefilled identity */
	fuzz_check_report(rc, tpl, tlen, PDX_FORMAT_CSV);

	/* 2. every criterion answered for its max, where an answer can be written */
	pdx_points *expect = calloc(nk + 1, sizeof(*expect));
	FUZZ_CHECK(expect != NULL);
	pdx_buf b = {0};
	pdx_buf_puts(&b, "agency_id,year,criterion,answer,evidence\r\n");
	for (size_t i = 0; i < nk; i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		char ans[400];
		if (!best_answer(c, ans, sizeof ans, &expect[i]))
			continue;
		put_cell(&b, "FZ02", 0);
		put_cell(&b, "2025", 0);
		put_cell(&b, c->id, 0);
		put_cell(&b, ans, 0);
		put_cell(&b, "QĐ 1/2025", 1);
	}
	char *csv;
	size_t clen;
	FUZZ_CHECK(pdx_buf_finish(&b, &csv, &clen) == 0);
	rc = pdx_answers_read_memory(set, csv, clen, "full.csv", NULL, d);
	FUZZ_CHECK(rc == 0);
	free(csv);
	FUZZ_CHECK(fuzz_walk_diags(d) == 0);

	pdx_result **res = NULL;
	size_t n = 0;
	FUZZ_CHECK(pdx_score_all(&res, &n, r, set, NULL) == 0);
	FUZZ_CHECK(n == pdx_answers_count(set));
	/* the template has no answers; the full CSV earns what the rule says */
	FUZZ_CHECK(res[0]->total == 0 && res[0]->n_unanswered == nk);
	if (n > 1) {
		for (size_t i = 0; i < nk; i++)
			FUZZ_CHECK(res[1]->criteria[i].points == expect[i]);
		FUZZ_CHECK(pdx_result_errors(res[1]) == 0);
	}
	fuzz_all_reports(r, res, n, NULL, 0, NULL, 0);
	pdx_results_free(res, n);
	free(expect);
	pdx_answers_free(set);
	pdx_diags_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pdx_diags *d = pdx_diags_new();
	if (!d)
		return 0;
	pdx_rubric *r = (pdx_rubric *)(uintptr_t)1; /* must be reset on every path */
	fuzz_xml_watch();
	/* an input written as differences (extends="951-2023") is applied to 951: the
	 * derivation (change, remove, replace, add) is fuzzed as well */
	int rc = pdx_rubric_load_memory_base(&r, (const char *)data, size, "fuzz.xml",
	                                     fuzz_rubric_951(), d);
	fuzz_xml_check();
	size_t errors = fuzz_walk_diags(d);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	FUZZ_CHECK((rc == 0) == (r != NULL));
	FUZZ_CHECK(rc != PDX_EINVALID || errors > 0);
	if (rc == 0) {
		FUZZ_CHECK(errors == 0);
		exercise(r);
	}
	pdx_rubric_free(r);
	pdx_diags_free(d);

	/* the same bytes as a crosswalk from 951 to itself: refused, or every pair joins a
	 * criterion of each side, each side at most once */
	const pdx_rubric *r951 = fuzz_rubric_951();
	pdx_diags *cd = pdx_diags_new();
	if (!cd)
		return 0;
	pdx_crosswalk *cw = (pdx_crosswalk *)(uintptr_t)1;
	fuzz_xml_watch();
	int crc =
	    pdx_crosswalk_load_memory(&cw, (const char *)data, size, "fuzz-cw.xml", r951, r951, cd);
	fuzz_xml_check();
	size_t cerrors = fuzz_walk_diags(cd);
	FUZZ_CHECK(crc == 0 || crc == PDX_EINVALID || crc == PDX_ENOMEM);
	FUZZ_CHECK((crc == 0) == (cw != NULL));
	FUZZ_CHECK(crc != PDX_EINVALID || cerrors > 0);
	if (crc == 0) {
		size_t n = pdx_crosswalk_pair_count(cw);
		FUZZ_CHECK(n <= pdx_rubric_criterion_count(r951));
		for (size_t i = 0; i < n; i++) {
			const pdx_crosswalk_pair *p = pdx_crosswalk_pair_at(cw, i);
			FUZZ_CHECK(p->from && p->to);
			FUZZ_CHECK(pdx_crosswalk_find(cw, p->from) != NULL);
			FUZZ_CHECK(!p->points_comparable || p->from->max == p->to->max);
		}
		FUZZ_CHECK(pdx_crosswalk_pair_at(cw, n) == NULL);
	}
	pdx_crosswalk_free(cw);
	pdx_diags_free(cd);
	return 0;
}
