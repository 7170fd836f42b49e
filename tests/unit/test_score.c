/* SPDX-License-Identifier: MIT */
/* Unit tests of scoring (engine/score.c) against hand computations.
 *
 * Every expected number comes from the criteria table of rubric-951-provisional.md:
 * the files of tests/data/scoring/ are worked out in tests/data/scoring/EXPECTED.md and
 * the Hải Phòng examples in examples/EXPECTED.md (both re-checked for this test with an
 * independent script over the table, in exact fractions); the small cases below carry
 * their arithmetic in comments. Points are hundredths: 49.99 is 4999. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int setup(void **state)
{
	/* the examples and test data are of 2024 and 2025: scored with the 2025 edition,
	 * whose bands (50/65/80/90) and criteria (951's, with 4.2.3's third point moved to
	 * 4.2.6) keep the totals worked out for them */
	*state = unit_load_rubric("3560-2025.xml");
	return 0;
}

static int teardown(void **state)
{
	pdx_rubric_free(*state);
	return 0;
}

typedef unit_scored scored;

static scored score_files(void **state, const char *const *paths, const pdx_score_options *opts)
{
	return unit_score(*state, paths, NULL, opts);
}

static scored score_text(void **state, const char *csv, const pdx_score_options *opts)
{
	return unit_score(*state, NULL, csv, opts);
}

#define scored_free unit_scored_free

static const pdx_result *by_id(const scored *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i]->assessment->agency_id, id) == 0)
			return s->res[i];
	print_error("no result for %s\n", id);
	fail();
	return NULL;
}

static const pdx_criterion_result *cr(void **state, const pdx_result *res, const char *id)
{
	return &res->criteria[unit_crit(*state, id)];
}

/* Components, pillars and the total are sums of the rounded criterion points. */
static void check_sums(const pdx_rubric *r, const pdx_result *res)
{
	pdx_points total = 0;
	for (size_t p = 0; p < pdx_rubric_pillar_count(r); p++) {
		const pdx_pillar *P = pdx_rubric_pillar(r, p);
		pdx_points ps = 0;
		for (size_t c = P->first_component; c < P->first_component + P->n_components; c++) {
			const pdx_component *C = pdx_rubric_component(r, c);
			pdx_points cs = 0;
			for (size_t k = C->first_criterion; k < C->first_criterion + C->n_criteria;
			     k++) {
				assert_ptr_equal(res->criteria[k].criterion,
				                 pdx_rubric_criterion(r, k));
				assert_true(res->criteria[k].points >= 0);
				assert_true(res->criteria[k].points <=
				            pdx_rubric_criterion(r, k)->max);
				cs += res->criteria[k].points;
			}
			assert_int_equal(res->components[c], cs);
			ps += cs;
		}
		assert_int_equal(res->pillars[p], ps);
		total += ps;
	}
	assert_int_equal(res->total, total);
	assert_ptr_equal(res->level, pdx_rubric_level_for(r, res->total));
	assert_ptr_equal(res->rubric, r);
}

typedef struct expect {
	const char *id;
	pdx_points total;
	int level;
	pdx_points pillars[5];
	size_t unanswered;
	size_t errors;
} expect;

static void check_expect(void **state, const scored *s, const expect *e)
{
	const pdx_result *res = by_id(s, e->id);
	if (res->total != e->total)
		print_error("%s: total %lld, expected %lld\n", e->id, (long long)res->total,
		            (long long)e->total);
	assert_int_equal(res->total, e->total);
	assert_non_null(res->level);
	assert_int_equal(res->level->number, e->level);
	for (size_t p = 0; p < 5; p++) {
		if (res->pillars[p] != e->pillars[p])
			print_error("%s: pillar %zu = %lld, expected %lld\n", e->id, p + 1,
			            (long long)res->pillars[p], (long long)e->pillars[p]);
		assert_int_equal(res->pillars[p], e->pillars[p]);
	}
	assert_int_equal(res->n_unanswered, e->unanswered);
	if (pdx_result_errors(res) != e->errors)
		unit_dump_diags(e->id, res->diags);
	assert_int_equal(pdx_result_errors(res), e->errors);
	check_sums(*state, res);
}

/* ---- tests/data/scoring: level boundaries and rounding ---- */

static void test_boundaries(void **state)
{
	static const char *const paths[] = {TEST_DATA_DIR "/scoring/boundary-below-50.csv",
	                                    TEST_DATA_DIR "/scoring/boundary-50.csv",
	                                    TEST_DATA_DIR "/scoring/boundary-65.csv",
	                                    TEST_DATA_DIR "/scoring/boundary-80.csv",
	                                    TEST_DATA_DIR "/scoring/boundary-90.csv",
	                                    NULL};
	/* EXPECTED.md "Summary":
	 * B49: 10.00 + 12 + 10.99 + 11 + 6 = 49.99 (48 whole + 1.00 + 0.99) → 1 Yếu
	 * B50: 10.65 + 12 + 12.35 + 9 + 6 = 50.00 (46 + 1.65 + 2.35) → 2 Trung bình
	 * B65: 12.13 + 17 + 13.87 + 14 + 8 = 65.00 (62 + 1.13 + 1.87) → 3 Khá
	 * B80: 13.50 + 22 + 18.50 + 15 + 11 = 80.00 (75 + 1.50 + 3.50) → 4 Tốt
	 * B90: 16.85 + 24 + 19.15 + 19 + 11 = 90.00 (84 + 2.85 + 3.15) → 5 Xuất sắc */
	static const expect want[] = {
	    {"B49", 4999, 1, {1000, 1200, 1099, 1100, 600}, 0, 0},
	    {"B50", 5000, 2, {1065, 1200, 1235, 900, 600}, 0, 0},
	    {"B65", 6500, 3, {1213, 1700, 1387, 1400, 800}, 0, 0},
	    {"B80", 8000, 4, {1350, 2200, 1850, 1500, 1100}, 0, 0},
	    {"B90", 9000, 5, {1685, 2400, 1915, 1900, 1100}, 0, 0},
	};
	scored s = score_files(state, paths, NULL);
	assert_int_equal(s.n, 5);
	for (size_t i = 0; i < 5; i++)
		check_expect(state, &s, &want[i]);
	/* the linear criteria that decide the boundaries */
	const pdx_result *b49 = by_id(&s, "B49"), *b65 = by_id(&s, "B65");
	assert_int_equal(cr(state, b49, "1.1.3")->points, 100); /* 3 × 33.3 / 100 = 0.999 → 1.00 */
	assert_int_equal(cr(state, b49, "3.2.1")->points, 99); /* 4 × 24.625 / 100 = 0.985 → 0.99 */
	assert_int_equal(cr(state, b65, "1.1.3")->points, 113); /* 3 × 37.5 / 100 = 1.125 → 1.13 */
	assert_int_equal(cr(state, b65, "3.2.1")->points, 187); /* 4 × 46.75 / 100 = 1.87 */
	/* B80's 3.2.1 is "87,5" with a decimal comma: 4 × 87.5 / 100 = 3.50 */
	assert_int_equal(cr(state, by_id(&s, "B80"), "3.2.1")->points, 350);
	/* components of B49: 1.1 = 3 + 3 + 1.00; 1.2 = 1 + 1 + 1; 2.1 = 3+0+1+0+2+2;
	 * 2.2 = 2+0+2+0; 3.1 = 2+2+2+0; 3.2 = 0.99+1+1+2; 4.1 = 2+2+1+2+1; 4.2 = 2+0+0+0+1;
	 * 5.1 = 2+0+1+0; 5.2 = 2+0+0+1 */
	static const pdx_points c49[] = {700, 300, 800, 400, 600, 499, 800, 300, 300, 300};
	/* components of B65: 1.1 = 3 + 3 + 1.13; 1.2 = 2+2+1; 2.1 = 3+2+2+0+2+2;
	 * 2.2 = 2+0+2+2; 3.1 = 2+2+2+2; 3.2 = 1.87+1+1+2; 4.1 = 2+2+2+2+1; 4.2 = 2+2+0+0+1;
	 * 5.1 = 2+0+1+0; 5.2 = 2+0+2+1 */
	static const pdx_points c65[] = {713, 500, 1100, 600, 800, 587, 900, 500, 300, 500};
	for (size_t c = 0; c < 10; c++) {
		assert_int_equal(b49->components[c], c49[c]);
		assert_int_equal(b65->components[c], c65[c]);
	}
	scored_free(&s);
}

static void test_rounding_r1(void **state)
{
	static const char *const paths[] = {TEST_DATA_DIR "/scoring/rounding.csv", NULL};
	/* 1.1.1 có 3 + 1.1.3 "0,5" → 0.015 → 0.02 + 2.1.3 foreign 1 + 3.2.1 0.125 → 0.005
	 * → 0.01 + 5.2.4 có 1 = 5.03; 38 of the 43 criteria without a row */
	static const expect want = {"R1", 503, 1, {302, 100, 1, 0, 100}, 38, 0};
	scored s = score_files(state, paths, NULL);
	check_expect(state, &s, &want);
	const pdx_result *r1 = by_id(&s, "R1");
	assert_int_equal(cr(state, r1, "1.1.3")->points, 2);
	assert_int_equal(cr(state, r1, "3.2.1")->points, 1);
	assert_int_equal(cr(state, r1, "1.1.1")->points, 300);
	assert_int_equal(cr(state, r1, "1.1.1")->status, PDX_CRIT_OK);
	assert_true(cr(state, r1, "1.1.1")->yes);
	assert_int_equal(cr(state, r1, "2.1.3")->option, 1);
	/* no row: unanswered, 0 points, no answer */
	const pdx_criterion_result *u = cr(state, r1, "1.1.2");
	assert_int_equal(u->status, PDX_CRIT_UNANSWERED);
	assert_int_equal(u->points, 0);
	assert_null(u->answer);
	/* components: 1.1 = 3 + 0.02; 2.1 = 1; 3.2 = 0.01; 5.2 = 1 */
	static const pdx_points comp[] = {302, 0, 100, 0, 0, 1, 0, 0, 0, 100};
	for (size_t c = 0; c < 10; c++)
		assert_int_equal(r1->components[c], comp[c]);
	/* the parsed value of a percent answer is kept */
	assert_true(cr(state, r1, "3.2.1")->has_value);
	assert_int_equal(cr(state, r1, "3.2.1")->value.nanos, PDX_DECIMAL_ONE / 8); /* 0.125 */
	scored_free(&s);
}

/* ---- examples/: the Hải Phòng files ---- */

static void test_examples_valid_files(void **state)
{
	static const char *const paths[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	                                    EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv", NULL};
	/* examples/EXPECTED.md "Summary" */
	static const expect want[] = {
	    /* 14.60 + 21 + 18.72 + 17 + 13 = 84.32 → 4 Tốt */
	    {"HP01", 8432, 4, {1460, 2100, 1872, 1700, 1300}, 0, 0},
	    /* 10.65 + 15 + 12.85 + 11 + 8 = 57.50 → 2 Trung bình */
	    {"HP02", 5750, 2, {1065, 1500, 1285, 1100, 800}, 0, 0},
	    /* 16.76 + 24 + 19.86 + 19 + 13 = 92.62 → 5 Xuất sắc */
	    {"HP03", 9262, 5, {1676, 2400, 1986, 1900, 1300}, 0, 0},
	    /* 12.13 + 18 + 15.90 + 16 + 10 = 72.03 → 3 Khá */
	    {"HP04", 7203, 3, {1213, 1800, 1590, 1600, 1000}, 0, 0},
	    /* 5.35 + 14 + 7.33 + 6 + 5 = 37.68 → 1 Yếu; 4.1.2 and 4.1.3 left empty */
	    {"HP05", 3768, 1, {535, 1400, 733, 600, 500}, 2, 0},
	};
	scored s = score_files(state, paths, NULL);
	assert_int_equal(s.n, 5);
	/* results follow the order of first appearance */
	assert_string_equal(s.res[0]->assessment->agency_id, "HP01");
	assert_string_equal(s.res[4]->assessment->agency_id, "HP05");
	for (size_t i = 0; i < 5; i++)
		check_expect(state, &s, &want[i]);
	/* HP01 1.1.3 = 86,5: 3 × 86.5 / 100 = 2.595 → 2.60; 3.2.1 = 93: 3.72 */
	const pdx_result *hp01 = by_id(&s, "HP01");
	assert_int_equal(cr(state, hp01, "1.1.3")->points, 260);
	assert_int_equal(cr(state, hp01, "3.2.1")->points, 372);
	assert_int_equal(cr(state, hp01, "5.1.3")->points, 200); /* 4: ≥4 on the bound */
	assert_string_equal(hp01->level->name, "Tốt");
	/* HP05: 4.1.2 and 4.1.3 unanswered (an empty cell: a row but no value) */
	const pdx_result *hp05 = by_id(&s, "HP05");
	for (size_t i = 0; i < 42; i++) {
		const pdx_criterion_result *c = &hp05->criteria[i];
		int empty = strcmp(c->criterion->id, "4.1.2") == 0 ||
		            strcmp(c->criterion->id, "4.1.3") == 0;
		assert_int_equal(c->status, empty ? PDX_CRIT_UNANSWERED : PDX_CRIT_OK);
	}
	assert_non_null(cr(state, hp05, "4.1.2")->answer);
	assert_null(cr(state, hp05, "4.1.2")->answer->value);
	assert_int_equal(cr(state, hp05, "1.2.2")->points, 0);   /* -4: no band */
	assert_int_equal(cr(state, hp05, "1.2.3")->points, 0);   /* 0: >0 not reached */
	assert_int_equal(cr(state, hp05, "3.2.1")->points, 133); /* 4 × 33.3 / 100 = 1.332 */
	/* HP02 4.1.5 = 15 on the bound ≥15 → 1; HP04 4.1.5 = 20 on ≥20 → 2 */
	assert_int_equal(cr(state, by_id(&s, "HP02"), "4.1.5")->points, 100);
	assert_int_equal(cr(state, by_id(&s, "HP04"), "4.1.5")->points, 200);
	assert_int_equal(cr(state, by_id(&s, "HP04"), "3.2.2")->points, 100);
	scored_free(&s);
}

static void test_examples_file_with_errors(void **state)
{
	static const char *const paths[] = {EXAMPLES_DIR "/hai-phong-2025-loi.csv", NULL};
	/* 4.2.4 (yes/no, 2 points) is answered "có" on line 35 and "không" on line 45: two
	 * different answers, so it scores 0 until fixed, and pillar 4 loses the 2 points
	 * the first answer used to win: 14.40 + 14 + 8 + 11 + 7 = 54.40 → 2 Trung bình,
	 * with 6 rows reported */
	static const expect want = {"HP06", 5440, 2, {1440, 1400, 800, 1100, 700}, 0, 6};
	scored s = score_files(state, paths, NULL);
	assert_int_equal(s.n, 1);
	check_expect(state, &s, &want);
	const pdx_result *res = s.res[0];
	/* the four unreadable answers score 0 with status ERROR */
	static const char *const bad[] = {"2.2.1", "3.1.3", "3.2.1", "5.1.3"};
	for (size_t i = 0; i < 4; i++) {
		const pdx_criterion_result *c = cr(state, res, bad[i]);
		assert_int_equal(c->status, PDX_CRIT_ERROR);
		assert_int_equal(c->points, 0);
		assert_non_null(c->answer);
	}
	/* 4.2.4: "có" (line 35) and "không" (line 45) conflict: 0 points whatever their
	 * order; the first is shown as the answer */
	const pdx_criterion_result *d = cr(state, res, "4.2.4");
	assert_int_equal(d->status, PDX_CRIT_ERROR);
	assert_true(d->conflict);
	assert_int_equal(d->points, 0);
	assert_int_equal(d->answer->line, 35);
	/* every reported row, at its line */
	static const struct {
		long line;
		const char *crit, *phrase;
	} rows[] = {
	    {8, "1.2.9", "unknown criterion"},
	    {15, "2.2.1", "cap 3"},
	    {21, "3.1.3", "Có rồi"},
	    {23, "3.2.1", "120"},
	    {39, "5.1.3", "2.5"},
	    {45, "4.2.4", "two different answers"},
	};
	for (size_t i = 0; i < 6; i++) {
		const pdx_diag *g =
		    unit_find_diag(res->diags, PDX_SEV_ERROR, rows[i].line, rows[i].phrase);
		if (!g)
			unit_dump_diags("HP06", res->diags);
		assert_non_null(g);
		assert_non_null(g->criterion);
		assert_string_equal(g->criterion, rows[i].crit);
		assert_string_equal(g->agency_id, "HP06");
		assert_non_null(strstr(g->file, "hai-phong-2025-loi.csv"));
	}
	/* an answer error says what was expected: the option keys of 2.2.1, and the
	 * answer column (9 in this file) */
	const pdx_diag *g = unit_find_diag(res->diags, PDX_SEV_ERROR, 15, "cap 3");
	assert_non_null(strstr(g->message_en, "3+"));
	assert_non_null(strstr(g->message_en, "1-2"));
	assert_int_equal(g->column, 9);
	g = unit_find_diag(res->diags, PDX_SEV_ERROR, 23, "120");
	assert_non_null(strstr(g->message_en, "100"));
	scored_free(&s);
}

/* ---- single criteria, one agency each ---- */

static void test_criterion_rules(void **state)
{
	static const struct {
		const char *crit, *answer;
		pdx_crit_status status;
		pdx_points points;
	} cases[] = {
	    /* 1.2.1 percent: ≥10 → 3; ≥5 → 2; >0 → 1; else 0 */
	    {"1.2.1", "10", PDX_CRIT_OK, 300},             /* on the bound ≥10 */
	    {"1.2.1", "9.999999999999", PDX_CRIT_OK, 200}, /* just below 10: ≥5 */
	    {"1.2.1", "5", PDX_CRIT_OK, 200},
	    {"1.2.1", "4,99", PDX_CRIT_OK, 100},
	    {"1.2.1", "0.0000000001", PDX_CRIT_OK, 100}, /* > 0, beyond 9 decimals */
	    {"1.2.1", "0", PDX_CRIT_OK, 0},              /* > 0 not reached */
	    {"1.2.1", "100%", PDX_CRIT_OK, 300},
	    {"1.2.1", "120", PDX_CRIT_ERROR, 0}, /* out of 0–100 */
	    {"1.2.1", "-1", PDX_CRIT_ERROR, 0},
	    /* 1.2.2 number: ≥20 → 3; ≥10 → 2; >0 → 1; else 0 */
	    {"1.2.2", "-4", PDX_CRIT_OK, 0},
	    {"1.2.2", "0", PDX_CRIT_OK, 0},
	    {"1.2.2", "0,5", PDX_CRIT_OK, 100},
	    {"1.2.2", "20", PDX_CRIT_OK, 300},
	    {"1.2.2", "250", PDX_CRIT_OK, 300},
	    {"1.2.2", "NaN", PDX_CRIT_ERROR, 0},
	    /* 4.1.5 number: ≥20 → 2; ≥15 → 1 */
	    {"4.1.5", "15", PDX_CRIT_OK, 100},
	    {"4.1.5", "14.9999", PDX_CRIT_OK, 0},
	    {"4.1.5", "14.999", PDX_CRIT_ERROR, 0}, /* 14999 or 14.999? ambiguous */
	    {"4.1.5", "20%", PDX_CRIT_OK, 200},
	    /* 2.1.5: ≥80 → 2; ≥40 → 1 */
	    {"2.1.5", "39.9", PDX_CRIT_OK, 0},
	    {"2.1.5", "40", PDX_CRIT_OK, 100},
	    {"2.1.5", "80", PDX_CRIT_OK, 200},
	    /* 4.1.3: ≥50 → 3; ≥30 → 2; ≥10 → 1 */
	    {"4.1.3", "9,99", PDX_CRIT_OK, 0},
	    {"4.1.3", "10", PDX_CRIT_OK, 100},
	    {"4.1.3", "30", PDX_CRIT_OK, 200},
	    {"4.1.3", "50", PDX_CRIT_OK, 300},
	    /* 4.2.5: ≥10 → 2; ≥1 → 1 */
	    {"4.2.5", "0.99", PDX_CRIT_OK, 0},
	    {"4.2.5", "1", PDX_CRIT_OK, 100},
	    /* 5.1.3 count: ≥4 → 2; ≥2 → 1 */
	    {"5.1.3", "4", PDX_CRIT_OK, 200},
	    {"5.1.3", "3", PDX_CRIT_OK, 100},
	    {"5.1.3", "1", PDX_CRIT_OK, 0},
	    {"5.1.3", "2.5", PDX_CRIT_ERROR, 0},
	    /* 1.1.3 linear, max 3: points = 3 × value / 100 */
	    {"1.1.3", "37.5", PDX_CRIT_OK, 113}, /* 1.125 → 1.13 */
	    {"1.1.3", "87,5", PDX_CRIT_OK, 263}, /* 2.625 → 2.63 */
	    {"1.1.3", "55%", PDX_CRIT_OK, 165},  /* 1.65 */
	    {"1.1.3", "100", PDX_CRIT_OK, 300},
	    {"1.1.3", "0", PDX_CRIT_OK, 0},
	    {"1.1.3", "101", PDX_CRIT_ERROR, 0}, /* not 3.03 */
	    /* 3.2.1 linear, max 4 */
	    {"3.2.1", "24.625", PDX_CRIT_OK, 99}, /* 0.985 → 0.99 */
	    {"3.2.1", "12.625", PDX_CRIT_OK, 51}, /* 0.505 → 0.51 */
	    {"3.2.1", "0.125", PDX_CRIT_OK, 1},   /* 0.005 → 0.01 */
	    {"3.2.1", "100", PDX_CRIT_OK, 400},
	    /* yesno */
	    {"1.1.1", "x", PDX_CRIT_OK, 300},
	    {"1.1.1", "0", PDX_CRIT_OK, 0},
	    {"5.2.4", "Có", PDX_CRIT_OK, 100},
	    {"1.1.1", "Có rồi", PDX_CRIT_ERROR, 0},
	    /* choice */
	    {"2.2.1", "3+", PDX_CRIT_OK, 400},
	    {"2.2.1", "1-2", PDX_CRIT_OK, 200},
	    {"2.2.1", "cap 3", PDX_CRIT_ERROR, 0},
	    {"3.1.1", "FULL", PDX_CRIT_OK, 400},
	    {"2.1.3", "domestic", PDX_CRIT_OK, 200},
	    /* an empty answer cell */
	    {"1.1.1", "", PDX_CRIT_UNANSWERED, 0},
	};
	size_t n = sizeof cases / sizeof *cases;
	size_t cap = 64 + n * 64, len = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	len += (size_t)snprintf(csv, cap, "agency_id,criterion,answer,evidence\n");
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(csv + len, cap - len, "T%03zu,%s,\"%s\",ev\n", i,
		                        cases[i].crit, cases[i].answer);
	scored s = score_text(state, csv, NULL);
	assert_int_equal(s.n, n);
	for (size_t i = 0; i < n; i++) {
		const pdx_result *res = s.res[i];
		const pdx_criterion_result *c = cr(state, res, cases[i].crit);
		if (c->points != cases[i].points || c->status != cases[i].status)
			print_error("%s = \"%s\": %lld points, status %d; expected %lld, %d\n",
			            cases[i].crit, cases[i].answer, (long long)c->points,
			            (int)c->status, (long long)cases[i].points,
			            (int)cases[i].status);
		assert_int_equal(c->points, cases[i].points);
		assert_int_equal(c->status, cases[i].status);
		assert_int_equal(res->total, cases[i].points);
		assert_int_equal(res->n_unanswered,
		                 cases[i].status == PDX_CRIT_UNANSWERED ? 43 : 42);
		assert_int_equal(pdx_result_errors(res), cases[i].status == PDX_CRIT_ERROR);
		check_sums(*state, res);
	}
	scored_free(&s);
	free(csv);
}

/* ---- evidence ---- */

/* 1.1.1 có without evidence (3), 1.1.2 có with evidence (3), 2.1.2 không (0),
 * 1.1.3 = 50 without evidence (3 × 50 / 100 = 1.50), 2.1.3 none (0). */
static const char evidence_csv[] = "agency_id,criterion,answer,evidence\n"
                                   "E1,1.1.1,có,\n"
                                   "E1,1.1.2,có,QĐ 5/QĐ-E1\n"
                                   "E1,2.1.2,không,\n"
                                   "E1,1.1.3,50,\n"
                                   "E1,2.1.3,none,\n";

static void test_missing_evidence_warns(void **state)
{
	scored s = score_text(state, evidence_csv, NULL);
	const pdx_result *res = s.res[0];
	/* nothing is taken away: 3 + 3 + 0 + 1.50 + 0 = 7.50 */
	assert_int_equal(res->total, 750);
	assert_int_equal(res->pillars[0], 750);
	assert_int_equal(res->components[0], 750); /* 1.1 = 3 + 3 + 1.50 */
	assert_true(cr(state, res, "1.1.1")->missing_evidence);
	assert_true(cr(state, res, "1.1.3")->missing_evidence);
	assert_int_equal(cr(state, res, "1.1.1")->status, PDX_CRIT_OK);
	assert_int_equal(cr(state, res, "1.1.1")->points, 300);
	/* with evidence, or without points, nothing is missing */
	assert_false(cr(state, res, "1.1.2")->missing_evidence);
	assert_false(cr(state, res, "2.1.2")->missing_evidence);
	assert_false(cr(state, res, "2.1.3")->missing_evidence);
	assert_false(cr(state, res, "1.2.1")->missing_evidence); /* unanswered */
	/* one warning names both criteria; no error */
	assert_int_equal(pdx_result_errors(res), 0);
	const pdx_diag *w = unit_find_diag(res->diags, PDX_SEV_WARNING, -1, "evidence");
	if (!w)
		unit_dump_diags("E1", res->diags);
	assert_non_null(w);
	assert_non_null(strstr(w->message_en, "1.1.1"));
	assert_non_null(strstr(w->message_en, "1.1.3"));
	assert_null(strstr(w->message_en, "1.1.2"));
	assert_null(strstr(w->message_en, "2.1.2"));
	assert_string_equal(w->agency_id, "E1");
	scored_free(&s);
}

static void test_require_evidence(void **state)
{
	pdx_score_options o = {.require_evidence = true};
	scored s = score_text(state, evidence_csv, &o);
	const pdx_result *res = s.res[0];
	/* 1.1.1 and 1.1.3 lose their points: 7.50 − 3 − 1.50 = 3.00 (1.1.2 alone) */
	assert_int_equal(res->total, 300);
	assert_int_equal(res->pillars[0], 300);
	assert_int_equal(res->components[0], 300);
	const pdx_criterion_result *a = cr(state, res, "1.1.1"), *b = cr(state, res, "1.1.3");
	assert_int_equal(a->status, PDX_CRIT_NO_EVIDENCE);
	assert_int_equal(a->points, 0);
	assert_true(a->missing_evidence);
	assert_int_equal(b->status, PDX_CRIT_NO_EVIDENCE);
	assert_int_equal(b->points, 0);
	assert_int_equal(cr(state, res, "1.1.2")->status, PDX_CRIT_OK);
	assert_int_equal(cr(state, res, "1.1.2")->points, 300);
	assert_int_equal(cr(state, res, "2.1.2")->status, PDX_CRIT_OK); /* 0 points anyway */
	assert_int_equal(res->level->number, 1);
	assert_non_null(unit_find_diag(res->diags, PDX_SEV_WARNING, -1, "1.1.3"));
	assert_int_equal(pdx_result_errors(res), 0);
	check_sums(*state, res);
	scored_free(&s);
}

static void test_require_evidence_on_examples(void **state)
{
	/* every row of HP01 and HP02 that earns points has an evidence cell (only some
	 * "không" rows have none), so requiring evidence changes nothing: 84.32, 57.50,
	 * and no evidence warning. HP02's one warning is its 4.2.5 answer "0,8", a percent
	 * below 1 without '%' (read as 0.8 %, said so) */
	static const char *const paths[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv", NULL};
	pdx_score_options o = {.require_evidence = true};
	scored s = score_files(state, paths, &o);
	assert_int_equal(s.n, 2);
	for (size_t k = 0; k < 2; k++) {
		const pdx_result *res = s.res[k];
		for (size_t i = 0; i < 42; i++) {
			assert_int_not_equal(res->criteria[i].status, PDX_CRIT_NO_EVIDENCE);
			assert_false(res->criteria[i].missing_evidence);
		}
		bool hp02 = strcmp(res->assessment->agency_id, "HP02") == 0;
		assert_int_equal(pdx_diags_count(res->diags), hp02 ? 1 : 0);
		if (hp02)
			assert_non_null(
			    unit_find_diag(res->diags, PDX_SEV_WARNING, 77, "was read as 0.8 %"));
	}
	assert_int_equal(by_id(&s, "HP01")->total, 8432);
	assert_int_equal(by_id(&s, "HP02")->total, 5750);
	scored_free(&s);
}

/* ---- several rows for one criterion ---- */

/* A blank row never shadows a filled one, in either order: 1.1.1 (3 points) scores 3
 * and nothing is reported. */
static void test_blank_and_filled_rows(void **state)
{
	static const char *const csvs[] = {"agency_id,criterion,answer\nA1,1.1.1,\nA1,1.1.1,có\n",
	                                   "agency_id,criterion,answer\nA1,1.1.1,có\nA1,1.1.1,\n"};
	for (int k = 0; k < 2; k++) {
		scored s = score_text(state, csvs[k], NULL);
		const pdx_criterion_result *c = cr(state, s.res[0], "1.1.1");
		assert_int_equal(c->status, PDX_CRIT_OK);
		assert_int_equal(c->points, 300);
		assert_string_equal(c->answer->value, "có");
		assert_int_equal(c->answer->line, 3 - k);
		assert_int_equal(pdx_result_errors(s.res[0]), 0);
		assert_null(unit_find_diag(s.res[0]->diags, PDX_SEV_WARNING, -1, "same answer"));
		scored_free(&s);
	}
}

/* The same value written twice ("có", "Có", "1"; "12,5" and "12.5") counts once, with a
 * warning; exit status stays 0 (no error). */
static void test_same_answer_twice_warns(void **state)
{
	scored s = score_text(state,
	                      "agency_id,criterion,answer\nA1,1.1.1,có\nA1,1.1.1,Có\n"
	                      "A1,1.1.1,1\nA1,1.2.1,\"12,5\"\nA1,1.2.1,12.5\n",
	                      NULL);
	const pdx_result *res = s.res[0];
	assert_int_equal(pdx_result_errors(res), 0);
	/* 1.1.1 có → 3; 1.2.1 12.5 ≥ 10 → 3 */
	assert_int_equal(cr(state, res, "1.1.1")->points, 300);
	assert_int_equal(cr(state, res, "1.2.1")->points, 300);
	const pdx_diag *g = unit_find_diag(res->diags, PDX_SEV_WARNING, 3, "same answer");
	assert_non_null(g);
	assert_int_equal(g->code, PDX_W_DUPLICATE_ANSWER);
	assert_string_equal(g->criterion, "1.1.1");
	assert_non_null(strstr(g->message_en, "line 2"));
	assert_non_null(unit_find_diag(res->diags, PDX_SEV_WARNING, 6, "same answer"));
	scored_free(&s);
}

/* Two different answers: an error naming both places, 0 points, whatever the order. */
static void test_different_answers_conflict(void **state)
{
	static const char *const csvs[] = {
	    "agency_id,criterion,answer\nA1,2.1.3,multi\nA1,1.1.2,có\nA1,2.1.3,none\n",
	    "agency_id,criterion,answer\nA1,2.1.3,none\nA1,1.1.2,có\nA1,2.1.3,multi\n"};
	for (int k = 0; k < 2; k++) {
		scored s = score_text(state, csvs[k], NULL);
		const pdx_result *res = s.res[0];
		const pdx_criterion_result *c = cr(state, res, "2.1.3");
		assert_int_equal(c->status, PDX_CRIT_ERROR);
		assert_true(c->conflict);
		assert_int_equal(c->points, 0);
		assert_int_equal(res->total, 300); /* 1.1.2 alone */
		assert_int_equal(pdx_result_errors(res), 1);
		const pdx_diag *g = unit_find_diag(res->diags, PDX_SEV_ERROR, 4, "two different");
		assert_non_null(g);
		assert_int_equal(g->code, PDX_E_ANSWER_CONFLICT);
		assert_non_null(strstr(g->message_en, "line 2"));
		assert_non_null(strstr(g->message_en, k ? "\"none\"" : "\"multi\""));
		scored_free(&s);
	}
}

/* No criterion answered (a template sent back empty): a warning, and `unfilled`, which
 * keeps it out of rankings, summaries and targets. One answer makes it filled. */
static void test_unfilled_questionnaire(void **state)
{
	scored s = score_text(state,
	                      "agency_id,criterion,answer\nA1,1.1.1,\nA1,1.1.2,\n"
	                      "B1,1.1.1,\nB1,1.1.2,không\n",
	                      NULL);
	assert_int_equal(s.n, 2);
	const pdx_result *a = by_id(&s, "A1"), *b = by_id(&s, "B1");
	assert_true(a->unfilled);
	assert_int_equal(a->total, 0);
	const pdx_diag *g = unit_find_diag(a->diags, PDX_SEV_WARNING, -1, "unfilled");
	assert_non_null(g);
	assert_int_equal(g->code, PDX_W_UNFILLED);
	assert_false(b->unfilled);
	assert_null(unit_find_diag(b->diags, PDX_SEV_WARNING, -1, "unfilled"));
	scored_free(&s);
}

/* Evidence cells that say there is none are no evidence, in any case and form. */
static void test_evidence_saying_none(void **state)
{
	static const char *const none[] = {"không", "KHÔNG CÓ", "chưa có", "N/A",
	                                   "-",     "—",        "0",       "Chưa có"};
	pdx_score_options o = {.require_evidence = true};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
		char csv[256];
		snprintf(csv, sizeof csv,
		         "agency_id,criterion,answer,evidence\nA1,1.1.1,có,%s\nA1,1.1.2,có,QĐ 5\n",
		         none[i]);
		scored s = score_text(state, csv, &o);
		const pdx_result *res = s.res[0];
		if (cr(state, res, "1.1.1")->status != PDX_CRIT_NO_EVIDENCE)
			print_error("evidence \"%s\" was taken as evidence\n", none[i]);
		assert_int_equal(cr(state, res, "1.1.1")->status, PDX_CRIT_NO_EVIDENCE);
		assert_int_equal(cr(state, res, "1.1.2")->status, PDX_CRIT_OK);
		assert_int_equal(res->total, 300);
		scored_free(&s);
	}
}

static void test_score_single_assessment(void **state)
{
	pdx_answers *set = pdx_answers_new(NULL);
	static const char csv[] = "agency_id,criterion,answer\nS1,2.2.1,3+\nS1,4.2.3,có\n";
	assert_int_equal(pdx_answers_read_memory(set, csv, sizeof csv - 1, "s.csv", NULL, NULL), 0);
	pdx_result *res = NULL;
	assert_int_equal(pdx_score_assessment(&res, *state, pdx_answers_get(set, 0), NULL), 0);
	assert_non_null(res);
	/* 2.2.1 3+ → 4, 4.2.3 có → 2 (its third point went to 4.2.6 in the 2025 edition):
	 * 6.00; pillars 2 = 4, 4 = 2; 41 of 43 unanswered */
	assert_int_equal(res->total, 600);
	assert_int_equal(res->pillars[1], 400);
	assert_int_equal(res->pillars[3], 200);
	assert_int_equal(res->n_unanswered, 41);
	assert_ptr_equal(res->assessment, pdx_answers_get(set, 0));
	assert_string_equal(res->level->name, "Yếu");
	pdx_result_free(res);
	pdx_result_free(NULL);
	pdx_results_free(NULL, 0);
	pdx_answers_free(set);
}

/* totals_only keeps what rankings and summaries read, and nothing per criterion; the
 * numbers are those of examples/EXPECTED.md, as in test_examples_valid_files. */
/* A scorer scores as pdx_score_assessment does: HP01 84.32 and HP02 57.50 (EXPECTED.md),
 * twice over (the second time from what it remembers). Then the set is freed and another
 * one, whose answer to 1.1.1 differs, is scored with the same scorer: a remembered
 * address that now holds another text must not give the old parse. */
static void test_scorer(void **state)
{
	const pdx_rubric *r = *state;
	pdx_scorer *m;
	assert_int_equal(pdx_scorer_new(&m, r, NULL), 0);
	pdx_answers *set = pdx_answers_new(NULL);
	assert_int_equal(
	    pdx_answers_read_file(set, EXAMPLES_DIR "/hai-phong-2025-bao.csv", NULL, NULL), 0);
	assert_int_equal(pdx_answers_count(set), 2);
	static const pdx_points want[] = {8432, 5750};
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < 2; i++) {
			pdx_result *res;
			assert_int_equal(pdx_scorer_score(m, &res, pdx_answers_get(set, i)), 0);
			assert_int_equal(res->total, want[i]);
			assert_non_null(res->criteria);
			pdx_result_free(res);
		}
	pdx_answers_free(set);
	/* 1.1.1 (yesno, 3 points): "có" scores 3.00, then "không" 0.00, then "có" again */
	static const char *const answers[] = {"có", "không", "có"};
	static const pdx_points points[] = {300, 0, 300};
	for (size_t k = 0; k < 3; k++) {
		char csv[128];
		snprintf(csv, sizeof csv,
		         "agency_id,year,criterion,answer,evidence\nX,2025,1.1.1,%s,a\n",
		         answers[k]);
		set = pdx_answers_new(NULL);
		assert_int_equal(
		    pdx_answers_read_memory(set, csv, strlen(csv), "x.csv", NULL, NULL), 0);
		pdx_result *res;
		assert_int_equal(pdx_scorer_score(m, &res, pdx_answers_get(set, 0)), 0);
		assert_int_equal(res->total, points[k]);
		pdx_result_free(res);
		pdx_answers_free(set);
	}
	pdx_scorer_free(m);
	pdx_scorer_free(NULL);
	assert_int_equal(pdx_scorer_new(&m, NULL, NULL), PDX_EARG);
}

static void test_totals_only(void **state)
{
	static const char *const paths[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	                                    EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv", NULL};
	pdx_score_options o = {.totals_only = true};
	scored s = score_files(state, paths, &o), full = score_files(state, paths, NULL);
	assert_int_equal(s.n, 5);
	const pdx_result *hp01 = by_id(&s, "HP01"), *hp05 = by_id(&s, "HP05");
	/* 14.60 + 21 + 18.72 + 17 + 13 = 84.32 → 4 Tốt */
	assert_int_equal(hp01->total, 8432);
	assert_int_equal(hp01->level->number, 4);
	const pdx_points p01[] = {1460, 2100, 1872, 1700, 1300};
	for (size_t p = 0; p < 5; p++)
		assert_int_equal(hp01->pillars[p], p01[p]);
	/* 5.35 + 14 + 7.33 + 6 + 5 = 37.68 → 1 Yếu; 4.1.2 and 4.1.3 left empty */
	assert_int_equal(hp05->total, 3768);
	assert_int_equal(hp05->n_unanswered, 2);
	assert_false(hp05->unfilled);
	for (size_t i = 0; i < s.n; i++) {
		assert_null(s.res[i]->criteria);
		assert_null(s.res[i]->context);
		assert_int_equal(s.res[i]->n_context, 0);
		/* the same diagnostics as a full result: the errors still count */
		assert_int_equal(pdx_diags_count(s.res[i]->diags),
		                 pdx_diags_count(full.res[i]->diags));
		for (size_t c = 0; c < pdx_rubric_component_count(*state); c++)
			assert_int_equal(s.res[i]->components[c], full.res[i]->components[c]);
	}
	scored_free(&s);
	scored_free(&full);
}

static void test_score_all_empty_set(void **state)
{
	pdx_answers *set = pdx_answers_new(NULL);
	pdx_result **res = NULL;
	size_t n = 99;
	assert_int_equal(pdx_score_all(&res, &n, *state, set, NULL), 0);
	assert_int_equal(n, 0);
	pdx_results_free(res, n);
	pdx_answers_free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_boundaries),
	    cmocka_unit_test(test_rounding_r1),
	    cmocka_unit_test(test_examples_valid_files),
	    cmocka_unit_test(test_examples_file_with_errors),
	    cmocka_unit_test(test_criterion_rules),
	    cmocka_unit_test(test_missing_evidence_warns),
	    cmocka_unit_test(test_require_evidence),
	    cmocka_unit_test(test_require_evidence_on_examples),
	    cmocka_unit_test(test_blank_and_filled_rows),
	    cmocka_unit_test(test_same_answer_twice_warns),
	    cmocka_unit_test(test_different_answers_conflict),
	    cmocka_unit_test(test_unfilled_questionnaire),
	    cmocka_unit_test(test_evidence_saying_none),
	    cmocka_unit_test(test_score_single_assessment),
	    cmocka_unit_test(test_score_all_empty_set),
	    cmocka_unit_test(test_totals_only),
	    cmocka_unit_test(test_scorer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
