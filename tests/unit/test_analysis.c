/* SPDX-License-Identifier: MIT */
/* Unit tests of the analyses over scored results (engine/rank.c, summary.c, gap.c,
 * diff.c and their serialisers in report_rank.c, report_summary.c, report_gap.c and
 * report_diff.c) against hand computations.
 *
 * The small files of tests/data/analysis/ answer a few criteria each, so that every
 * total is a sum of a handful of maxima; tests/data/analysis/EXPECTED.md works every
 * number below out by hand (totals, ranks, summaries, roadmaps, diffs). The Hải Phòng
 * and Tây Ninh examples come with their own hand computations in examples/EXPECTED.md
 * and examples/EXPECTED-2.md. Points are hundredths: 8.38 is 838. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define AN TEST_DATA_DIR "/analysis/"

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

/* ---- helpers ---- */

typedef unit_scored scored;
#define load_with   unit_score
#define scored_free unit_scored_free

static scored load(void **state, const char *const *paths, const pdx_score_options *opts)
{
	return unit_score(*state, paths, NULL, opts);
}

static scored load_text(void **state, const char *text)
{
	return unit_score(*state, NULL, text, NULL);
}

static const pdx_result *by_id_year(const scored *s, const char *id, int year)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i]->assessment->agency_id, id) == 0 &&
		    (!year || s->res[i]->assessment->year == year))
			return s->res[i];
	print_error("no result for %s %d\n", id, year);
	fail();
	return NULL;
}

static const pdx_result *by_id(const scored *s, const char *id)
{
	return by_id_year(s, id, 0);
}

static int eq_null(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* ---- rankings ---- */

typedef struct want_ranked {
	const char *id;
	size_t rank;
	pdx_points total;
	bool errors;
} want_ranked;

static const pdx_rank_group *rank_group(const pdx_ranking *rk, const char *key, int year)
{
	for (size_t g = 0; g < rk->n_groups; g++)
		if (eq_null(rk->groups[g].key, key) && rk->groups[g].year == year)
			return &rk->groups[g];
	print_error("no ranking group %s / %d\n", key ? key : "(null)", year);
	fail();
	return NULL;
}

static void check_rank_group(const pdx_ranking *rk, const char *key, int year, const want_ranked *w,
                             size_t n)
{
	const pdx_rank_group *g = rank_group(rk, key, year);
	if (g->n != n)
		print_error("group %s / %d: %zu agencies, expected %zu\n", key ? key : "(null)",
		            year, g->n, n);
	assert_int_equal(g->n, n);
	for (size_t i = 0; i < n; i++) {
		const pdx_ranked *it = &g->items[i];
		const char *id = it->result->assessment->agency_id;
		if (strcmp(id, w[i].id) != 0 || it->rank != w[i].rank)
			print_error(
			    "group %s / %d, position %zu: %s rank %zu, expected %s rank %zu\n",
			    key ? key : "(null)", year, i, id, it->rank, w[i].id, w[i].rank);
		assert_string_equal(id, w[i].id);
		assert_int_equal(it->rank, w[i].rank);
		assert_int_equal(it->result->total, w[i].total);
		assert_int_equal(pdx_result_errors(it->result) > 0, w[i].errors);
		if (year)
			assert_int_equal(it->result->assessment->year, year);
	}
}

static const char *const files_2025_err[] = {AN "agencies-2025.csv", AN "agency-error.csv", NULL};

static void test_rank_within_block(void **state)
{
	scored s = load(state, files_2025_err, NULL);
	assert_int_equal(s.n, 9);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_BLOCK), 0);
	assert_non_null(rk);
	assert_int_equal(rk->within, PDX_WITHIN_BLOCK);
	assert_false(rk->by_year);
	assert_int_equal(rk->n_groups, 3);
	/* Báo địa phương: B4 12; B1, B3, E1 11 (one rank, by id; E1 flagged); B2 8 → 5 */
	static const want_ranked bao[] = {{"B4", 1, 1200, false},
	                                  {"B1", 2, 1100, false},
	                                  {"B3", 2, 1100, false},
	                                  {"E1", 2, 1100, true},
	                                  {"B2", 5, 800, false}};
	check_rank_group(rk, "Báo địa phương", 0, bao, 5);
	static const want_ranked dai[] = {{"D1", 1, 900, false}, {"D2", 2, 800, false}};
	check_rank_group(rk, "Đài PT-TH", 0, dai, 2);
	static const want_ranked tc[] = {{"T2", 1, 500, false}, {"T1", 2, 300, false}};
	check_rank_group(rk, "Tạp chí", 0, tc, 2);
	pdx_ranking_free(rk);
	scored_free(&s);
}

static void test_rank_within_province(void **state)
{
	scored s = load(state, files_2025_err, NULL);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_PROVINCE), 0);
	assert_int_equal(rk->n_groups, 2);
	/* Tỉnh Kênh: 12, 11, 11, 9, 3 → 1, 2, 2, 4, 5 */
	static const want_ranked kenh[] = {{"B4", 1, 1200, false},
	                                   {"B1", 2, 1100, false},
	                                   {"E1", 2, 1100, true},
	                                   {"D1", 4, 900, false},
	                                   {"T1", 5, 300, false}};
	check_rank_group(rk, "Tỉnh Kênh", 0, kenh, 5);
	/* Tỉnh Lúa: 11, 8, 8, 5 → 1, 2, 2, 4 (B2 before D2 by id) */
	static const want_ranked lua[] = {{"B3", 1, 1100, false},
	                                  {"B2", 2, 800, false},
	                                  {"D2", 2, 800, false},
	                                  {"T2", 4, 500, false}};
	check_rank_group(rk, "Tỉnh Lúa", 0, lua, 4);
	pdx_ranking_free(rk);
	scored_free(&s);
}

static void test_rank_within_none(void **state)
{
	scored s = load(state, files_2025_err, NULL);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_NONE), 0);
	assert_int_equal(rk->n_groups, 1);
	assert_null(rk->groups[0].key);
	assert_int_equal(rk->groups[0].year, 0);
	static const want_ranked all[] = {
	    {"B4", 1, 1200, false}, {"B1", 2, 1100, false}, {"B3", 2, 1100, false},
	    {"E1", 2, 1100, true},  {"D1", 5, 900, false},  {"B2", 6, 800, false},
	    {"D2", 6, 800, false},  {"T2", 8, 500, false},  {"T1", 9, 300, false}};
	check_rank_group(rk, NULL, 0, all, 9);
	assert_string_equal(pdx_within_name(PDX_WITHIN_NONE), "none");
	assert_string_equal(pdx_within_name(PDX_WITHIN_BLOCK), "block");
	assert_string_equal(pdx_within_name(PDX_WITHIN_PROVINCE), "province");
	pdx_ranking_free(rk);
	scored_free(&s);
}

static void test_rank_by_year(void **state)
{
	static const char *const paths[] = {AN "agencies-2025.csv", AN "agencies-2024.csv", NULL};
	scored s = load(state, paths, NULL);
	assert_int_equal(s.n, 12);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_NONE), 0);
	assert_true(rk->by_year);
	assert_int_equal(rk->n_groups, 2);
	static const want_ranked y25[] = {{"B4", 1, 1200, false}, {"B1", 2, 1100, false},
	                                  {"B3", 2, 1100, false}, {"D1", 4, 900, false},
	                                  {"B2", 5, 800, false},  {"D2", 5, 800, false},
	                                  {"T2", 7, 500, false},  {"T1", 8, 300, false}};
	check_rank_group(rk, NULL, 2025, y25, 8);
	/* 2024: B1 6, B2 6 (tie), D1 5, T2 3 */
	static const want_ranked y24[] = {{"B1", 1, 600, false},
	                                  {"B2", 1, 600, false},
	                                  {"D1", 3, 500, false},
	                                  {"T2", 4, 300, false}};
	check_rank_group(rk, NULL, 2024, y24, 4);
	pdx_ranking_free(rk);

	/* within blocks, per year: six groups */
	assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_BLOCK), 0);
	assert_int_equal(rk->n_groups, 6);
	check_rank_group(rk, "Báo địa phương", 2024, y24, 2);
	static const want_ranked dai24[] = {{"D1", 1, 500, false}};
	check_rank_group(rk, "Đài PT-TH", 2024, dai24, 1);
	static const want_ranked dai25[] = {{"D1", 1, 900, false}, {"D2", 2, 800, false}};
	check_rank_group(rk, "Đài PT-TH", 2025, dai25, 2);
	pdx_ranking_free(rk);
	scored_free(&s);
}

static void test_rank_empty(void **state)
{
	(void)state;
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, NULL, 0, PDX_WITHIN_BLOCK), 0);
	assert_non_null(rk);
	assert_int_equal(rk->n_groups, 0);
	pdx_ranking_free(rk);
	pdx_ranking_free(NULL);
}

/* ---- summaries ---- */

typedef struct want_stats {
	size_t count;
	pdx_points mean, median, min, max;
	size_t levels[5];
	pdx_points pmean[5], ppct[5];
} want_stats;

static void check_stats(const char *what, const pdx_stats *st, const want_stats *w)
{
	if (st->count != w->count || st->mean != w->mean || st->median != w->median)
		print_error("%s: count %zu mean %lld median %lld, expected %zu %lld %lld\n", what,
		            st->count, (long long)st->mean, (long long)st->median, w->count,
		            (long long)w->mean, (long long)w->median);
	assert_int_equal(st->count, w->count);
	assert_int_equal(st->mean, w->mean);
	assert_int_equal(st->median, w->median);
	assert_int_equal(st->min, w->min);
	assert_int_equal(st->max, w->max);
	for (size_t l = 0; l < 5; l++)
		assert_int_equal(st->levels[l], w->levels[l]);
	for (size_t p = 0; p < 5; p++) {
		if (st->pillar_mean[p] != w->pmean[p] || st->pillar_pct[p] != w->ppct[p])
			print_error("%s pillar %zu: mean %lld pct %lld, expected %lld %lld\n", what,
			            p + 1, (long long)st->pillar_mean[p],
			            (long long)st->pillar_pct[p], (long long)w->pmean[p],
			            (long long)w->ppct[p]);
		assert_int_equal(st->pillar_mean[p], w->pmean[p]);
		assert_int_equal(st->pillar_pct[p], w->ppct[p]);
	}
}

/* The group at position `pos`, which must carry these key values. */
static const pdx_summary_group *sum_group_at(const pdx_summary *s, size_t pos, const char *v0,
                                             const char *v1)
{
	assert_true(pos < s->n_groups);
	const pdx_summary_group *g = &s->groups[pos];
	const char *want[2] = {v0, v1};
	for (size_t k = 0; k < s->n_keys; k++) {
		if (!eq_null(g->values[k], want[k]))
			print_error("group %zu key %zu: %s, expected %s\n", pos, k,
			            g->values[k] ? g->values[k] : "(null)",
			            want[k] ? want[k] : "(null)");
		assert_true(eq_null(g->values[k], want[k]));
	}
	return g;
}

static void test_summary_by_media(void **state)
{
	static const char *const paths[] = {AN "agencies-2025.csv", NULL};
	scored s = load(state, paths, NULL);
	pdx_group_key key = PDX_KEY_MEDIA;
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, &key, 1), 0);
	assert_int_equal(sum->n_keys, 1);
	assert_int_equal(sum->keys[0], PDX_KEY_MEDIA);
	assert_int_equal(sum->n_groups, 4);
	/* by mean descending: dien-tu 9.75, phat-thanh 9.00, truyen-hinh 8.50, in 8.40.
	 * B1 and B3 (in|dien-tu) count in "in" and in "dien-tu"; D1 in three groups. */
	static const want_stats dien_tu = {4,
	                                   975,
	                                   1000,
	                                   800,
	                                   1100,
	                                   {4, 0, 0, 0, 0},
	                                   {300, 350, 100, 75, 150},
	                                   {1667, 1458, 500, 326, 1000}};
	static const want_stats phat_thanh = {
	    1, 900, 900, 900, 900, {1, 0, 0, 0, 0}, {0, 900, 0, 0, 0}, {0, 3750, 0, 0, 0}};
	static const want_stats truyen_hinh = {
	    2, 850, 850, 800, 900, {2, 0, 0, 0, 0}, {0, 550, 0, 250, 50}, {0, 2292, 0, 1087, 333}};
	static const want_stats in = {5,
	                              840,
	                              1100,
	                              300,
	                              1200,
	                              {5, 0, 0, 0, 0},
	                              {360, 160, 120, 120, 80},
	                              {2000, 667, 600, 522, 533}};
	check_stats("dien-tu", &sum_group_at(sum, 0, "dien-tu", NULL)->stats, &dien_tu);
	check_stats("phat-thanh", &sum_group_at(sum, 1, "phat-thanh", NULL)->stats, &phat_thanh);
	check_stats("truyen-hinh", &sum_group_at(sum, 2, "truyen-hinh", NULL)->stats, &truyen_hinh);
	check_stats("in", &sum_group_at(sum, 3, "in", NULL)->stats, &in);
	/* all: each agency once; mean 67 / 8 = 8.375 → 8.38, median (8 + 9) / 2 = 8.50 */
	static const want_stats all = {8,
	                               838,
	                               850,
	                               300,
	                               1200,
	                               {8, 0, 0, 0, 0},
	                               {300, 238, 75, 138, 88},
	                               {1667, 990, 375, 598, 583}};
	check_stats("all", &sum->all, &all);
	pdx_summary_free(sum);
	pdx_summary_free(NULL);
	scored_free(&s);
}

static void test_summary_by_block_year(void **state)
{
	static const char *const paths[] = {AN "agencies-2024.csv", AN "agencies-2025.csv", NULL};
	scored s = load(state, paths, NULL);
	pdx_group_key keys[] = {PDX_KEY_BLOCK, PDX_KEY_YEAR};
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, keys, 2), 0);
	assert_int_equal(sum->n_groups, 6);
	static const want_stats bao25 = {4,
	                                 1050,
	                                 1100,
	                                 800,
	                                 1200,
	                                 {4, 0, 0, 0, 0},
	                                 {450, 200, 100, 150, 150},
	                                 {2500, 833, 500, 652, 1000}};
	static const want_stats dai25 = {
	    2, 850, 850, 800, 900, {2, 0, 0, 0, 0}, {0, 550, 0, 250, 50}, {0, 2292, 0, 1087, 333}};
	static const want_stats bao24 = {
	    2, 600, 600, 600, 600, {2, 0, 0, 0, 0}, {450, 150, 0, 0, 0}, {2500, 625, 0, 0, 0}};
	static const want_stats dai24 = {
	    1, 500, 500, 500, 500, {1, 0, 0, 0, 0}, {0, 500, 0, 0, 0}, {0, 2083, 0, 0, 0}};
	static const want_stats tc25 = {
	    2, 400, 400, 300, 500, {2, 0, 0, 0, 0}, {300, 0, 100, 0, 0}, {1667, 0, 500, 0, 0}};
	static const want_stats tc24 = {
	    1, 300, 300, 300, 300, {1, 0, 0, 0, 0}, {300, 0, 0, 0, 0}, {1667, 0, 0, 0, 0}};
	/* a summary never mixes years: 2025's groups by mean, then 2024's */
	assert_true(sum->by_year);
	check_stats("Báo 2025", &sum_group_at(sum, 0, "Báo địa phương", "2025")->stats, &bao25);
	check_stats("Đài 2025", &sum_group_at(sum, 1, "Đài PT-TH", "2025")->stats, &dai25);
	check_stats("Tạp chí 2025", &sum_group_at(sum, 2, "Tạp chí", "2025")->stats, &tc25);
	check_stats("Báo 2024", &sum_group_at(sum, 3, "Báo địa phương", "2024")->stats, &bao24);
	check_stats("Đài 2024", &sum_group_at(sum, 4, "Đài PT-TH", "2024")->stats, &dai24);
	check_stats("Tạp chí 2024", &sum_group_at(sum, 5, "Tạp chí", "2024")->stats, &tc24);
	/* one total per year, never one over both: 2025's 8 agencies, 67 / 8 = 8.375 →
	 * 8.38, median of 3 5 8 8 9 11 11 12 = (8 + 9) / 2 = 8.50; P2 19 / 8 = 2.375 → 2.38,
	 * 19 / 192 = 9.896 % → 9.90; 2024's 4: 20 / 4 = 5.00, median (5 + 6) / 2 = 5.50 */
	assert_int_equal(sum->n_totals, 2);
	assert_int_equal(sum->totals[0].year, 2025);
	assert_int_equal(sum->totals[1].year, 2024);
	static const want_stats all25 = {8,
	                                 838,
	                                 850,
	                                 300,
	                                 1200,
	                                 {8, 0, 0, 0, 0},
	                                 {300, 238, 75, 138, 88},
	                                 {1667, 990, 375, 598, 583}};
	static const want_stats all24 = {
	    4, 500, 550, 300, 600, {4, 0, 0, 0, 0}, {300, 200, 0, 0, 0}, {1667, 833, 0, 0, 0}};
	check_stats("all 2025", &sum->totals[0].stats, &all25);
	check_stats("all 2024", &sum->totals[1].stats, &all24);
	assert_int_equal(sum->all.count, 0);
	pdx_summary_free(sum);
	scored_free(&s);
}

static void test_summary_by_province_year_examples(void **state)
{
	static const char *const paths[] = {
	    EXAMPLES_DIR "/hai-phong-2024.csv", EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	    EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv", EXAMPLES_DIR "/tay-ninh-2025.csv", NULL};
	scored s = load(state, paths, NULL);
	assert_int_equal(s.n, 13);
	pdx_group_key keys[] = {PDX_KEY_PROVINCE, PDX_KEY_YEAR};
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, keys, 2), 0);
	assert_int_equal(sum->n_groups, 3);
	/* examples/EXPECTED-2.md "Summaries" and the pillar column sums of both files */
	static const want_stats hp25 = {5,
	                                6883,
	                                7203,
	                                3768,
	                                9262,
	                                {1, 1, 1, 1, 1},
	                                {1190, 1840, 1493, 1380, 980},
	                                {6610, 7667, 7466, 6000, 6533}};
	static const want_stats hp24 = {5,
	                                6334,
	                                6653,
	                                3883,
	                                8541,
	                                {1, 1, 2, 1, 0},
	                                {1159, 1760, 1416, 1180, 820},
	                                {6437, 7333, 7079, 5130, 5467}};
	static const want_stats tn25 = {3,
	                                6069,
	                                6936,
	                                3065,
	                                8205,
	                                {1, 0, 1, 1, 0},
	                                {1208, 1533, 1360, 1000, 967},
	                                {6713, 6389, 6802, 4348, 6444}};
	check_stats("Hải Phòng 2025", &sum_group_at(sum, 0, "Hải Phòng", "2025")->stats, &hp25);
	check_stats("Tây Ninh 2025", &sum_group_at(sum, 1, "Tây Ninh", "2025")->stats, &tn25);
	check_stats("Hải Phòng 2024", &sum_group_at(sum, 2, "Hải Phòng", "2024")->stats, &hp24);
	/* the 2025 total (see tests/cli/cases/206-…/notes.md): 526.21 / 8 = 65.78, median
	 * (69.36 + 72.03) / 2 = 70.70; the 2024 total is Hải Phòng 2024 */
	static const want_stats all25 = {8,
	                                 6578,
	                                 7070,
	                                 3065,
	                                 9262,
	                                 {2, 1, 2, 2, 1},
	                                 {1197, 1725, 1443, 1238, 975},
	                                 {6649, 7188, 7217, 5380, 6500}};
	assert_int_equal(sum->n_totals, 2);
	check_stats("all 2025", &sum->totals[0].stats, &all25);
	check_stats("all 2024", &sum->totals[1].stats, &hp24);
	pdx_summary_free(sum);
	scored_free(&s);
}

/* An even count whose two middle totals differ by 0.01: the median is their mean,
 * 8.005, rounded half away from zero to 8.01 (as the mean). */
static void test_summary_even_median_rounds_half_away(void **state)
{
	/* M1: 1.1.1 3 + 1.1.2 3 + 2.1.2 2 = 8.00; M2 the same + 1.1.3 "0,34" → 3 × 0.34 /
	 * 100 = 0.0102 → 0.01: 8.01; M3 1.1.1 3 = 3.00; M4 4.2.3 2 + 4.2.6 1 + 5.2.4 1 +
	 * 2.1.2 2 + 2.1.4 2 + 2.1.6 2 + 2.2.2 2 = 12.00. Sorted 3, 8, 8.01, 12: median (8 + 8.01) /
	 * 2 = 8.005 → 8.01; mean 31.01 / 4 = 7.7525 → 7.75. */
	static const char csv[] =
	    "agency_id,province,criterion,answer\n"
	    "M1,X,1.1.1,có\nM1,X,1.1.2,có\nM1,X,2.1.2,có\n"
	    "M2,X,1.1.1,có\nM2,X,1.1.2,có\nM2,X,2.1.2,có\nM2,X,1.1.3,\"0,34\"\n"
	    "M3,X,1.1.1,có\n"
	    "M4,X,4.2.3,có\nM4,X,4.2.6,có\nM4,X,5.2.4,có\nM4,X,2.1.2,có\nM4,X,2.1.4,có\n"
	    "M4,X,2.1.6,có\nM4,X,2.2.2,có\n";
	scored s = load_text(state, csv);
	assert_int_equal(s.n, 4);
	assert_int_equal(by_id(&s, "M2")->total, 801);
	pdx_group_key key = PDX_KEY_PROVINCE;
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, &key, 1), 0);
	assert_int_equal(sum->n_groups, 1);
	assert_string_equal(sum->groups[0].values[0], "X");
	const pdx_stats *st = &sum->groups[0].stats;
	assert_int_equal(st->count, 4);
	assert_int_equal(st->median, 801);
	assert_int_equal(st->mean, 775);
	assert_int_equal(st->min, 300);
	assert_int_equal(st->max, 1200);
	/* P1: 6 + 6.01 + 3 = 15.01 / 4 = 3.7525 → 3.75; % = 15.01 / 72 = 20.847… → 20.85 */
	assert_int_equal(st->pillar_mean[0], 375);
	assert_int_equal(st->pillar_pct[0], 2085);
	/* P2: 2 + 2 + 8 = 12 / 4 = 3.00; 12 / 96 = 12.50 % */
	assert_int_equal(st->pillar_mean[1], 300);
	assert_int_equal(st->pillar_pct[1], 1250);
	assert_int_equal(sum->all.median, 801);
	pdx_summary_free(sum);
	scored_free(&s);
}

/* The text table shows the pillar shares with one decimal, rounded half away from zero
 * like every other figure: the "all" row of --by media is 16.666… → 16.7, 9.895… → 9.9,
 * 3.75 → 3.8, 5.978… → 6.0, 5.833… → 5.8 (not the two-decimal values cut short). */
static void test_summary_text_rounds_pct(void **state)
{
	static const char *const paths[] = {AN "agencies-2025.csv", NULL};
	scored s = load(state, paths, NULL);
	pdx_group_key key = PDX_KEY_MEDIA;
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, &key, 1), 0);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_summary(&out, &len, *state, sum, PDX_FORMAT_TEXT), 0);
	const char *row = strstr(out, "  Tất cả (all)");
	char got[5][16] = {{0}};
	int n = 0;
	if (row) {
		/* the last five fields of the row */
		const char *end = strchr(row, '\n');
		char line[512];
		size_t l = end ? (size_t)(end - row) : strlen(row);
		if (l >= sizeof line)
			l = sizeof line - 1;
		memcpy(line, row, l);
		line[l] = '\0';
		char *tok[32], *save = NULL;
		int k = 0;
		for (char *t = strtok_r(line, " ", &save); t && k < 32;
		     t = strtok_r(NULL, " ", &save))
			tok[k++] = t;
		for (int i = 0; i < 5 && k >= 5; i++, n++)
			snprintf(got[i], sizeof got[i], "%s", tok[k - 5 + i]);
	}
	static const char *const want[] = {"16.7", "9.9", "3.8", "6.0", "5.8"};
	bool ok = n == 5;
	for (int i = 0; ok && i < 5; i++)
		ok = strcmp(got[i], want[i]) == 0;
	if (!ok)
		fprintf(stderr, "all row: %s %s %s %s %s, expected 16.7 9.9 3.8 6.0 5.8\n%s\n",
		        got[0], got[1], got[2], got[3], got[4], out);
	free(out);
	pdx_summary_free(sum);
	scored_free(&s);
	assert_true(ok);
}

static void test_summary_empty_and_keys(void **state)
{
	pdx_group_key key = PDX_KEY_BLOCK;
	pdx_summary *sum = NULL;
	assert_int_equal(pdx_summarize(&sum, *state, NULL, 0, &key, 1), 0);
	assert_int_equal(sum->n_groups, 0);
	assert_int_equal(sum->all.count, 0);
	pdx_summary_free(sum);
	static const char *const names[] = {"province", "owner", "block", "year", "media"};
	for (int k = 0; k < 5; k++) {
		pdx_group_key x;
		assert_int_equal(pdx_group_key_parse(names[k], &x), 0);
		assert_int_equal((int)x, k);
		assert_string_equal(pdx_group_key_name(x), names[k]);
	}
	assert_int_equal(pdx_group_key_parse("tinh", &key), PDX_EARG);
}

/* ---- roadmaps ---- */

typedef struct want_item {
	const char *id;
	pdx_points current, gain;
	const char *next; /* NULL: no next band */
	pdx_points next_points;
} want_item;

static void check_items(const char *what, const pdx_gap_item *items, size_t n, const want_item *w,
                        size_t nw)
{
	if (n != nw) {
		print_error("%s: %zu items, expected %zu:", what, n, nw);
		for (size_t i = 0; i < n; i++)
			print_error(" %s", items[i].criterion->id);
		print_error("\n");
	}
	assert_int_equal(n, nw);
	for (size_t i = 0; i < n; i++) {
		const pdx_gap_item *it = &items[i];
		if (strcmp(it->criterion->id, w[i].id) != 0)
			print_error("%s[%zu]: %s, expected %s\n", what, i, it->criterion->id,
			            w[i].id);
		assert_string_equal(it->criterion->id, w[i].id);
		assert_int_equal(it->gain, w[i].gain);
		assert_int_equal(it->current, w[i].current);
		if (!w[i].next) {
			assert_false(it->has_next);
			continue;
		}
		if (!it->has_next || strcmp(it->next_answer, w[i].next) != 0)
			print_error("%s %s: next \"%s\", expected \"%s\"\n", what, w[i].id,
			            it->has_next ? it->next_answer : "(none)", w[i].next);
		assert_true(it->has_next);
		assert_string_equal(it->next_answer, w[i].next);
		assert_int_equal(it->next_points, w[i].next_points);
	}
}

/* The ids of the first n items of `w`, as gains only (the minimal set). */
static void check_ids(const char *what, const pdx_gap_item *items, size_t n, const char *const *ids,
                      size_t nw)
{
	if (n != nw)
		print_error("%s: %zu criteria, expected %zu\n", what, n, nw);
	assert_int_equal(n, nw);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(items[i].criterion->id, ids[i]) != 0)
			print_error("%s[%zu]: %s, expected %s\n", what, i, items[i].criterion->id,
			            ids[i]);
		assert_string_equal(items[i].criterion->id, ids[i]);
	}
}

static pdx_gap *gap_of(const pdx_result *res, int target)
{
	pdx_gap *g = NULL;
	assert_int_equal(pdx_gap_compute(&g, res, target), 0);
	assert_non_null(g);
	assert_ptr_equal(g->result, res);
	return g;
}

static const char *const gap_file[] = {AN "gap.csv", NULL};

/* GA 82.00: needs 8 to level 5; three gains of 4 (2.2.1, 3.1.1, 3.2.1): two close the
 * gap exactly at 90, the first two by id. */
static void test_gap_exact_bound_and_id_ties(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *ga = by_id(&s, "GA");
	assert_int_equal(ga->total, 8200);
	assert_int_equal(ga->level->number, 4);
	pdx_gap *g = gap_of(ga, 0);
	assert_non_null(g->target);
	assert_int_equal(g->target->number, 5);
	assert_int_equal(g->needed, 800);
	assert_true(g->reachable);
	static const char *const min[] = {"2.2.1", "3.1.1"};
	check_ids("GA minimal", g->minimal, g->n_minimal, min, 2);
	assert_int_equal(g->minimal[0].gain + g->minimal[1].gain, 800);
	/* 4.2.3 is worth 2 in the 2025 edition and 4.2.6 1: ties in gain go by id */
	static const want_item imp[] = {
	    {"2.2.1", 0, 400, "1-2", 200}, {"3.1.1", 0, 400, "partial", 200},
	    {"3.2.1", 0, 400, NULL, 0},    {"2.1.2", 0, 200, "có", 200},
	    {"4.2.3", 0, 200, "có", 200},  {"4.2.6", 0, 100, "có", 100},
	    {"5.2.4", 0, 100, "có", 100}};
	check_items("GA improvements", g->improvements, g->n_improvements, imp, 7);
	pdx_gap_free(g);
	pdx_gap_free(NULL);
	scored_free(&s);
}

/* GB 85.00: needs 5. One criterion cannot (the largest gain is 4); of the pairs, 3.1.1
 * (4) with the one 3 (1.1.1; 4.2.3 gives 2 in the 2025 edition) wins the most points
 * (7). The first pair by id that closes the gap, 1.1.1 + 2.1.2 = 5, is not the answer. */
static void test_gap_fewest_then_most_points(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *gb = by_id(&s, "GB");
	assert_int_equal(gb->total, 8500);
	pdx_gap *g = gap_of(gb, 0);
	assert_int_equal(g->target->number, 5);
	assert_int_equal(g->needed, 500);
	static const char *const min[] = {"3.1.1", "1.1.1"};
	check_ids("GB minimal", g->minimal, g->n_minimal, min, 2);
	static const want_item imp[] = {
	    {"3.1.1", 0, 400, "partial", 200}, {"1.1.1", 0, 300, "có", 300},
	    {"2.1.2", 0, 200, "có", 200},      {"2.2.2", 0, 200, "có", 200},
	    {"4.2.3", 0, 200, "có", 200},      {"4.2.6", 0, 100, "có", 100},
	    {"5.2.4", 0, 100, "có", 100}};
	check_items("GB improvements", g->improvements, g->n_improvements, imp, 7);
	pdx_gap_free(g);
	scored_free(&s);
}

/* GC 77.50: the answers that earn the next band, for ≥ and > bands, a count, choice
 * options and a linear criterion (none). */
static void test_gap_next_bands(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *gc = by_id(&s, "GC");
	assert_int_equal(gc->total, 7750);
	assert_int_equal(gc->level->number, 3);
	pdx_gap *g = gap_of(gc, 0);
	assert_int_equal(g->target->number, 4);
	assert_int_equal(g->needed, 250);
	static const char *const min[] = {"1.2.2"};
	check_ids("GC minimal", g->minimal, g->n_minimal, min, 1);
	static const want_item imp[] = {
	    {"1.2.2", 0, 300, "1", 100},          /* -2: > 0 → 1 */
	    {"4.1.2", 0, 300, "1", 100},          /* 0 is not > 0 */
	    {"4.1.3", 0, 300, "10", 100},         /* 5: ≥ 10 → 1 */
	    {"1.2.3", 100, 200, "15", 200},       /* 12 (> 0 → 1): ≥ 15 → 2 */
	    {"2.1.3", 100, 200, "domestic", 200}, /* foreign 1 → domestic 2 */
	    {"2.2.1", 200, 200, "3+", 400},       /* 1-2 → 3+ */
	    {"3.1.1", 200, 200, "full", 400},     /* partial → full */
	    {"5.1.3", 0, 200, "2", 100},          /* count 1: ≥ 2 → 1 */
	    {"1.1.3", 150, 150, NULL, 0},         /* linear: no band */
	    {"1.2.1", 200, 100, "10", 300},       /* 5 (≥ 5 → 2): ≥ 10 → 3 */
	    {"2.1.5", 100, 100, "80", 200},       /* 40 (≥ 40 → 1): ≥ 80 → 2 */
	};
	check_items("GC improvements", g->improvements, g->n_improvements, imp, 11);
	pdx_gap_free(g);

	/* --target-level 5: 12.50 needed; four criteria give at most 3+3+3+2 = 11, five
	 * give 13: the three 3s, then 1.2.3 and 2.1.3 (the first 2s by id) */
	g = gap_of(gc, 5);
	assert_int_equal(g->target->number, 5);
	assert_int_equal(g->needed, 1250);
	assert_true(g->reachable);
	static const char *const min5[] = {"1.2.2", "4.1.2", "4.1.3", "1.2.3", "2.1.3"};
	check_ids("GC minimal to 5", g->minimal, g->n_minimal, min5, 5);
	assert_int_equal(g->n_improvements, 11);
	pdx_gap_free(g);

	/* --target-level 2, below its level: reached, nothing needed */
	g = gap_of(gc, 2);
	assert_non_null(g->target);
	assert_int_equal(g->target->number, 2);
	assert_int_equal(g->needed, 0);
	assert_int_equal(g->n_minimal, 0);
	assert_int_equal(g->n_improvements, 11);
	pdx_gap_free(g);

	/* --target-level 3, its own level: reached as well */
	g = gap_of(gc, 3);
	assert_int_equal(g->target->number, 3);
	assert_int_equal(g->needed, 0);
	assert_int_equal(g->n_minimal, 0);
	pdx_gap_free(g);
	scored_free(&s);
}

/* GD 93.00, level 5 (the top): no target; pillars weakest first by share of max:
 * P4 18/23 = 78.26 %, P5 13/15 = 86.67 %, then the three at 100 %. */
static void test_gap_top_level_weakest_pillars(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *gd = by_id(&s, "GD");
	assert_int_equal(gd->total, 9300);
	assert_int_equal(gd->level->number, 5);
	pdx_gap *g = gap_of(gd, 0);
	assert_null(g->target);
	assert_int_equal(g->needed, 0);
	assert_int_equal(g->n_minimal, 0);
	assert_int_equal(g->n_weakest, 5);
	assert_int_equal(g->weakest[0], 3);
	assert_int_equal(g->weakest[1], 4);
	unsigned seen = 0; /* then P1, P2, P3 (all at 100 %), in some order */
	for (size_t k = 2; k < 5; k++) {
		assert_true(g->weakest[k] <= 2);
		seen |= 1u << g->weakest[k];
	}
	assert_int_equal(seen, 7);
	static const want_item imp[] = {{"4.2.3", 0, 200, "có", 200},
	                                {"4.2.4", 0, 200, "có", 200},
	                                {"5.1.4", 0, 200, "có", 200},
	                                {"4.2.6", 0, 100, "có", 100}};
	check_items("GD improvements", g->improvements, g->n_improvements, imp, 4);
	pdx_gap_free(g);

	/* asked for level 5 itself: reached, no weakest-pillar roadmap needed */
	g = gap_of(gd, 5);
	assert_non_null(g->target);
	assert_int_equal(g->target->number, 5);
	assert_int_equal(g->needed, 0);
	assert_int_equal(g->n_minimal, 0);
	pdx_gap_free(g);
	scored_free(&s);
}

/* GE 1.00 (5.2.4 only, 42 of the 2025 edition's 43 criteria unanswered): 49 to level 2;
 * 4+4+4 + 10 × 3 = 42 (4.2.3 is a 2 in this edition), then four 2s = 50: 17 criteria (16
 * give at most 48). To level 5 (89): 42 + 24 × 2 = 90: 37 criteria (36 give at most 88),
 * the most points of any 37. */
static void test_gap_unanswered(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *ge = by_id(&s, "GE");
	assert_int_equal(ge->total, 100);
	assert_int_equal(ge->n_unanswered, 42);
	pdx_gap *g = gap_of(ge, 0);
	assert_int_equal(g->target->number, 2);
	assert_int_equal(g->needed, 4900);
	static const want_item imp[] = {
	    {"2.2.1", 0, 400, "1-2", 200},     {"3.1.1", 0, 400, "partial", 200},
	    {"3.2.1", 0, 400, NULL, 0},        {"1.1.1", 0, 300, "có", 300},
	    {"1.1.2", 0, 300, "có", 300},      {"1.1.3", 0, 300, NULL, 0},
	    {"1.2.1", 0, 300, "1", 100},       {"1.2.2", 0, 300, "1", 100},
	    {"1.2.3", 0, 300, "1", 100},       {"2.1.1", 0, 300, "có", 300},
	    {"2.1.3", 0, 300, "foreign", 100}, {"4.1.2", 0, 300, "1", 100},
	    {"4.1.3", 0, 300, "10", 100},      {"2.1.2", 0, 200, "có", 200},
	    {"2.1.4", 0, 200, "có", 200},      {"2.1.5", 0, 200, "40", 100},
	    {"2.1.6", 0, 200, "có", 200},      {"2.2.2", 0, 200, "có", 200},
	    {"2.2.3", 0, 200, "có", 200},      {"2.2.4", 0, 200, "có", 200},
	    {"3.1.2", 0, 200, "có", 200},      {"3.1.3", 0, 200, "có", 200},
	    {"3.1.4", 0, 200, "có", 200},      {"3.2.2", 0, 200, "5", 100},
	    {"3.2.3", 0, 200, "20", 100},      {"3.2.4", 0, 200, "có", 200},
	    {"4.1.1", 0, 200, "có", 200},      {"4.1.4", 0, 200, "có", 200},
	    {"4.1.5", 0, 200, "15", 100},      {"4.2.1", 0, 200, "có", 200},
	    {"4.2.2", 0, 200, "có", 200},      {"4.2.3", 0, 200, "có", 200},
	    {"4.2.4", 0, 200, "có", 200},      {"4.2.5", 0, 200, "1", 100},
	    {"5.1.1", 0, 200, "có", 200},      {"5.1.2", 0, 200, "có", 200},
	    {"5.1.3", 0, 200, "2", 100},       {"5.1.4", 0, 200, "có", 200},
	    {"5.2.1", 0, 200, "có", 200},      {"5.2.2", 0, 200, "có", 200},
	    {"5.2.3", 0, 200, "có", 200},      {"4.2.6", 0, 100, "có", 100}};
	check_items("GE improvements", g->improvements, g->n_improvements, imp, 42);
	assert_int_equal(g->n_minimal, 17);
	for (size_t i = 0; i < 17; i++) /* the 17 largest gains, in the same order */
		assert_string_equal(g->minimal[i].criterion->id, imp[i].id);
	pdx_gap_free(g);

	g = gap_of(ge, 5);
	assert_int_equal(g->needed, 8900);
	assert_true(g->reachable);
	assert_int_equal(g->n_minimal, 37);
	pdx_points sum = 0;
	for (size_t i = 0; i < 37; i++) {
		assert_string_equal(g->minimal[i].criterion->id, imp[i].id);
		sum += g->minimal[i].gain;
	}
	assert_int_equal(sum, 9000);
	pdx_gap_free(g);
	scored_free(&s);
}

/* With a valid rubric every level is reachable: the gains of all criteria add up to the
 * rubric total minus the score, and no level starts above the total. The branch for an
 * unreachable target is exercised with a result made up for the purpose: GD's answers
 * (7 points to win: 4.2.3 2, 4.2.4 2, 5.1.4 2, 4.2.6 1) presented as a total of 0. */
static void test_gap_unreachable(void **state)
{
	scored s = load(state, gap_file, NULL);
	const pdx_result *gd = by_id(&s, "GD");
	pdx_result fake = *gd;
	fake.total = 0;
	fake.level = pdx_rubric_level(*state, 0);
	pdx_gap *g = gap_of(&fake, 0);
	assert_int_equal(g->target->number, 2);
	assert_int_equal(g->needed, 5000);
	assert_false(g->reachable);
	assert_int_equal(g->n_minimal, 0);
	assert_int_equal(g->n_improvements, 4);
	char *out = NULL;
	size_t len = 0;
	pdx_gap *gs[] = {g};
	assert_int_equal(pdx_report_gap(&out, &len, *state, gs, 1, PDX_FORMAT_TEXT), 0);
	assert_non_null(strstr(out, "not reachable"));
	free(out);
	pdx_gap_free(g);

	/* every agency of gap.csv can reach level 5 */
	for (size_t i = 0; i < s.n; i++) {
		g = gap_of(s.res[i], 5);
		assert_true(g->reachable);
		pdx_gap_free(g);
	}
	scored_free(&s);
}

/* A strict band on a count criterion asks for the next whole number; a rubric total
 * reached exactly (tests/data/analysis/rubric-gap.xml). */
static void test_gap_small_rubric(void **state)
{
	(void)state;
	pdx_diags *d = pdx_diags_new();
	pdx_rubric *r = NULL;
	int rc = pdx_rubric_load_file(&r, AN "rubric-gap.xml", d);
	if (rc)
		unit_dump_diags("rubric-gap.xml", d);
	assert_int_equal(rc, 0);
	pdx_diags_free(d);
	/* R1: 1.1.1 count 1 (≥ 1 → 2), 1.1.2 -1 (0), 1.1.3 low (1): 3.00, level 1;
	 * R2: 1.1.1 0 (0), 1.1.2 0 (0, not > 0), 1.1.3 none (0): 0.00 */
	static const char csv[] = "agency_id,criterion,answer\n"
	                          "R1,1.1.1,1\nR1,1.1.2,-1\nR1,1.1.3,low\n"
	                          "R2,1.1.1,0\nR2,1.1.2,0\nR2,1.1.3,none\n";
	scored s = load_with(r, NULL, csv, NULL);
	const pdx_result *r1 = by_id(&s, "R1"), *r2 = by_id(&s, "R2");
	assert_int_equal(r1->total, 300);
	assert_int_equal(r2->total, 0);
	pdx_gap *g = gap_of(r1, 0);
	assert_int_equal(g->target->number, 2);
	assert_int_equal(g->needed, 200);
	static const want_item imp1[] = {{"1.1.2", 0, 300, "1", 300},
	                                 {"1.1.1", 200, 200, "3", 400}, /* > 2: the count 3 */
	                                 {"1.1.3", 100, 200, "high", 300}};
	check_items("R1 improvements", g->improvements, g->n_improvements, imp1, 3);
	static const char *const min1[] = {"1.1.2"};
	check_ids("R1 minimal", g->minimal, g->n_minimal, min1, 1);
	pdx_gap_free(g);
	/* to level 3 = the rubric total 10: 7 needed, all three criteria, exactly */
	g = gap_of(r1, 3);
	assert_int_equal(g->needed, 700);
	assert_true(g->reachable);
	static const char *const min3[] = {"1.1.2", "1.1.1", "1.1.3"};
	check_ids("R1 minimal to 3", g->minimal, g->n_minimal, min3, 3);
	pdx_gap_free(g);
	g = gap_of(r2, 0);
	assert_int_equal(g->needed, 500);
	static const want_item imp2[] = {{"1.1.1", 0, 400, "1", 200},
	                                 {"1.1.2", 0, 300, "1", 300},
	                                 {"1.1.3", 0, 300, "low", 100}};
	check_items("R2 improvements", g->improvements, g->n_improvements, imp2, 3);
	/* 4 + 3 = 7 ≥ 5 */
	static const char *const min2[] = {"1.1.1", "1.1.2"};
	check_ids("R2 minimal", g->minimal, g->n_minimal, min2, 2);
	pdx_gap_free(g);
	scored_free(&s);
	pdx_rubric_free(r);
}

/* The text roadmap of an agency at the top level prints each weak pillar's score, max
 * and share of the max: P4 18.00/23 (78.26%), P5 13.00/15 (86.67%). */
static void test_gap_text_top_level(void **state)
{
	scored s = load(state, gap_file, NULL);
	pdx_gap *g = gap_of(by_id(&s, "GD"), 0);
	char *out = NULL;
	size_t len = 0;
	pdx_gap *gs[] = {g};
	assert_int_equal(pdx_report_gap(&out, &len, *state, gs, 1, PDX_FORMAT_TEXT), 0);
	assert_int_equal(strlen(out), len);
	/* checked after everything is freed, so that a failure leaks nothing */
	bool p4 = strstr(out, "TC4 Độc giả, khán giả, thính giả: 18.00/23 (78.26%)") != NULL;
	bool p5 = strstr(out, "TC5 Mức độ ứng dụng công nghệ số: 13.00/15 (86.67%)") != NULL;
	if (!p4 || !p5)
		fprintf(stderr, "text roadmap of GD:\n%s\n", out);
	free(out);
	pdx_gap_free(g);
	scored_free(&s);
	assert_true(p4);
	assert_true(p5);
}

/* The JSON roadmap: the fields of the issue, numbers as written (77.5, 2.5). */
static void test_gap_json(void **state)
{
	scored s = load(state, gap_file, NULL);
	pdx_gap *gs[5];
	for (size_t i = 0; i < 5; i++)
		gs[i] = gap_of(s.res[i], 0);
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(pdx_report_gap(&out, &len, *state, gs, 5, PDX_FORMAT_JSON), 0);
	json_object *root = json_tokener_parse(out);
	assert_non_null(root);
	json_object *ags = NULL, *a = NULL, *v = NULL;
	assert_true(json_object_object_get_ex(root, "agencies", &ags));
	assert_int_equal(json_object_array_length(ags), 5);
	a = json_object_array_get_idx(ags, 2); /* GC, third in the file */
	assert_true(json_object_object_get_ex(a, "agency_id", &v));
	assert_string_equal(json_object_get_string(v), "GC");
	assert_true(json_object_object_get_ex(a, "points_needed", &v));
	assert_string_equal(json_object_to_json_string(v), "2.5");
	assert_true(json_object_object_get_ex(a, "total", &v));
	assert_string_equal(json_object_to_json_string(v), "77.5");
	assert_true(json_object_object_get_ex(a, "target_level", &v));
	assert_int_equal(json_object_get_int(v), 4);
	assert_true(json_object_object_get_ex(a, "minimal_set", &v));
	assert_int_equal(json_object_array_length(v), 1);
	assert_true(json_object_object_get_ex(a, "improvements", &v));
	json_object *first = json_object_array_get_idx(v, 0), *nb = NULL, *x = NULL;
	assert_true(json_object_object_get_ex(first, "next_band", &nb));
	assert_true(json_object_object_get_ex(nb, "answer", &x));
	assert_string_equal(json_object_get_string(x), "1"); /* "> 0": 1, typed as a person would */
	json_object *linear = json_object_array_get_idx(v, 8); /* 1.1.3 */
	assert_true(json_object_object_get_ex(linear, "criterion", &x));
	assert_string_equal(json_object_get_string(x), "1.1.3");
	assert_true(json_object_object_get_ex(linear, "next_band", &nb));
	assert_null(nb);
	a = json_object_array_get_idx(ags, 3); /* GD: top level */
	assert_true(json_object_object_get_ex(a, "target_level", &v));
	assert_null(v);
	json_object_put(root);
	free(out);
	for (size_t i = 0; i < 5; i++)
		pdx_gap_free(gs[i]);
	scored_free(&s);
}

/* ---- evidence ---- */

/* evidence.csv: V1 claims 1.1.1 (3, with evidence), 1.1.2 (3), 2.1.3 multi (3) and
 * 3.2.1 = 50 (2.00) without evidence, 2.1.2 không; V2 1.1.2 (3, with evidence).
 * Without --require-evidence: V1 11.00, V2 3.00; with it: V1 3.00, V2 3.00. */

/* ---- the roadmap tells the truth: a property over generated agencies ---- */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rng_state >> 33) % n);
}

/* A plausible answer to c, or a blank, or one that cannot be read. */
static const char *random_answer(const pdx_criterion *c, char *buf, size_t size)
{
	unsigned k = rnd(20);
	if (k == 0)
		return "";
	if (k == 1) /* unreadable: the roadmap must say "fix" */
		return c->type == PDX_TYPE_CHOICE    ? "cấp 9"
		       : c->type == PDX_TYPE_PERCENT ? "120"
		                                     : "?";
	switch (c->type) {
	case PDX_TYPE_YESNO:
		return rnd(2) ? "có" : "không";
	case PDX_TYPE_CHOICE:
		return c->options[rnd((unsigned)c->n_options)].key;
	case PDX_TYPE_PERCENT:
		snprintf(buf, size, "%u,%u", rnd(101) % 100, rnd(10));
		return buf;
	case PDX_TYPE_NUMBER:
		snprintf(buf, size, "%d", (int)rnd(50) - 10);
		return buf;
	case PDX_TYPE_COUNT:
		snprintf(buf, size, "%u", rnd(7));
		return buf;
	case PDX_TYPE_TEXT:
		break;
	}
	return "";
}

/* One agency's answers as CSV; `apply` (when given) replaces the answers of the gap
 * items it lists by their proposal (full answer, or next step), with evidence where the
 * item needs it. */
static void agency_csv(pdx_buf *b, const pdx_rubric *r, char answers[][32], const bool *evidence,
                       const pdx_gap_item *apply, size_t n_apply, bool step)
{
	pdx_buf_puts(b, "agency_id,year,criterion,answer,evidence\n");
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++) {
		const pdx_criterion *c = pdx_rubric_criterion(r, i);
		const char *a = answers[i];
		bool ev = evidence[i];
		for (size_t k = 0; k < n_apply; k++)
			if (apply[k].criterion == c) {
				a = step ? apply[k].next_answer : apply[k].full_answer;
				ev = ev || apply[k].needs_evidence;
			}
		pdx_buf_printf(b, "G1,2025,%s,\"%s\",%s\n", c->id, a, ev ? "QĐ 1" : "");
	}
}

static pdx_result *score_csv(const pdx_rubric *r, pdx_buf *b, const pdx_score_options *o,
                             pdx_answers **set)
{
	*set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_answers_read_memory(*set, b->data, b->len, "g.csv", NULL, d), 0);
	pdx_diags_free(d);
	assert_int_equal(pdx_answers_count(*set), 1);
	pdx_result *res = NULL;
	assert_int_equal(pdx_score_assessment(&res, r, pdx_answers_get(*set, 0), o), 0);
	return res;
}

/* For 400 generated agencies (answers of every kind, unreadable ones, missing evidence,
 * with and without --require-evidence), every agency below the top level: applying the
 * full answers of its roadmap (the minimal set) and scoring again reaches the target
 * level; and every line's proposal earns exactly what the line claims. */
static void test_gap_roadmap_reaches_target(void **state)
{
	const pdx_rubric *r = *state;
	size_t nk = pdx_rubric_criterion_count(r);
	char(*answers)[32] = calloc(nk, sizeof *answers);
	bool *evidence = calloc(nk, sizeof *evidence);
	assert_non_null(answers);
	assert_non_null(evidence);
	rng_state = 20261201;
	size_t checked = 0, lines = 0;
	for (int agency = 0; agency < 400; agency++) {
		pdx_score_options o = {.require_evidence = agency % 2 == 1};
		for (size_t i = 0; i < nk; i++) {
			char buf[32];
			snprintf(answers[i], sizeof answers[i], "%s",
			         random_answer(pdx_rubric_criterion(r, i), buf, sizeof buf));
			evidence[i] = rnd(4) != 0;
		}
		pdx_buf b = {0};
		agency_csv(&b, r, answers, evidence, NULL, 0, false);
		pdx_answers *set;
		pdx_result *res = score_csv(r, &b, &o, &set);
		pdx_buf_free(&b);
		pdx_gap *g = gap_of(res, 0);
		if (g->target && g->needed > 0) {
			assert_true(g->reachable);
			pdx_buf c = {0};
			agency_csv(&c, r, answers, evidence, g->minimal, g->n_minimal, false);
			pdx_answers *set2;
			pdx_result *after = score_csv(r, &c, &o, &set2);
			if (after->total < g->target->min)
				print_error("agency %d: %.2f + roadmap → %.2f, below %.2f\n",
				            agency, (double)res->total / 100,
				            (double)after->total / 100,
				            (double)g->target->min / 100);
			assert_true(after->total >= g->target->min);
			assert_true(after->level->number >= g->target->number);
			checked++;
			pdx_result_free(after);
			pdx_answers_free(set2);
			pdx_buf_free(&c);
		}
		/* each line on its own: the full answer earns the max, the next step its points */
		for (size_t k = 0; k < g->n_improvements; k++) {
			const pdx_gap_item *it = &g->improvements[k];
			size_t ci = (size_t)(it->criterion - pdx_rubric_criterion(r, 0));
			assert_non_null(strchr("0123456789cfdmnlh", it->full_answer[0]) ? it
			                                                                : NULL);
			for (int step = 0; step < 2; step++) {
				if (step && !it->has_next)
					continue;
				pdx_buf c = {0};
				agency_csv(&c, r, answers, evidence, it, 1, step);
				pdx_answers *set2;
				pdx_result *one = score_csv(r, &c, &o, &set2);
				pdx_points want = step ? it->next_points : it->criterion->max;
				if (one->criteria[ci].points != want)
					print_error("agency %d %s: \"%s\" earns %lld, the line "
					            "claims %lld\n",
					            agency, it->criterion->id,
					            step ? it->next_answer : it->full_answer,
					            (long long)one->criteria[ci].points,
					            (long long)want);
				assert_int_equal(one->criteria[ci].points, want);
				/* typed as a person would: no "%%", no ">0" */
				const char *typed = step ? it->next_answer : it->full_answer;
				assert_null(strchr(typed, '>'));
				assert_null(strstr(typed, "%%"));
				lines++;
				pdx_result_free(one);
				pdx_answers_free(set2);
				pdx_buf_free(&c);
			}
			if (it->action == PDX_GAP_FIX)
				assert_int_equal(res->criteria[ci].status, PDX_CRIT_ERROR);
		}
		pdx_gap_free(g);
		pdx_result_free(res);
		pdx_answers_free(set);
	}
	/* most generated agencies are below the top level: the property was exercised */
	assert_true(checked > 300);
	assert_true(lines > 5000);
	free(answers);
	free(evidence);
}

static void test_evidence_in_rank_summary_gap(void **state)
{
	static const char *const paths[] = {AN "evidence.csv", NULL};
	pdx_score_options req = {.require_evidence = true};
	for (int with = 0; with < 2; with++) {
		scored s = load(state, paths, with ? &req : NULL);
		const pdx_result *v1 = by_id(&s, "V1"), *v2 = by_id(&s, "V2");
		assert_int_equal(v1->total, with ? 300 : 1100);
		assert_int_equal(v2->total, 300);
		assert_int_equal(pdx_result_errors(v1), 0);
		pdx_ranking *rk = NULL;
		assert_int_equal(pdx_rank(&rk, s.res, s.n, PDX_WITHIN_BLOCK), 0);
		static const want_ranked without[] = {{"V1", 1, 1100, false},
		                                      {"V2", 2, 300, false}};
		static const want_ranked required[] = {{"V1", 1, 300, false},
		                                       {"V2", 1, 300, false}};
		check_rank_group(rk, "Báo địa phương", 0, with ? required : without, 2);
		pdx_ranking_free(rk);
		pdx_group_key key = PDX_KEY_PROVINCE;
		pdx_summary *sum = NULL;
		assert_int_equal(pdx_summarize(&sum, *state, s.res, s.n, &key, 1), 0);
		assert_int_equal(sum->all.mean, with ? 300 : 700);
		assert_int_equal(sum->all.median, with ? 300 : 700);
		/* P1: V1 6 or 3, V2 3 → mean 4.50 or 3.00 */
		assert_int_equal(sum->all.pillar_mean[0], with ? 300 : 450);
		pdx_summary_free(sum);
		pdx_gap *g = gap_of(v1, 0);
		assert_int_equal(g->needed, with ? 4700 : 3900);
		pdx_gap_free(g);
		scored_free(&s);
	}
}

/* ---- diffs ---- */

typedef struct want_change {
	const char *crit, *before, *after;
	pdx_points bp, ap;
} want_change;

static const pdx_diff_item *diff_item(const pdx_diff *d, const char *id)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->items[i].before->assessment->agency_id, id) == 0)
			return &d->items[i];
	print_error("no diff item for %s\n", id);
	fail();
	return NULL;
}

static void check_diff_item(const pdx_diff *d, const char *id, pdx_points before, pdx_points after,
                            const want_change *w, size_t n)
{
	const pdx_diff_item *it = diff_item(d, id);
	assert_string_equal(it->after->assessment->agency_id, id);
	assert_int_equal(it->before->total, before);
	assert_int_equal(it->after->total, after);
	if (it->n_changes != n)
		print_error("%s: %zu changes, expected %zu\n", id, it->n_changes, n);
	assert_int_equal(it->n_changes, n);
	for (size_t k = 0; k < n; k++) {
		const pdx_change *c = &it->changes[k];
		assert_string_equal(c->criterion->id, w[k].crit);
		assert_true(eq_null(c->before_answer, w[k].before));
		assert_true(eq_null(c->after_answer, w[k].after));
		assert_int_equal(c->before_points, w[k].bp);
		assert_int_equal(c->after_points, w[k].ap);
	}
}

static void check_ids_of(const char *what, pdx_result *const *rs, size_t n, const char *const *ids,
                         size_t nw)
{
	if (n != nw)
		print_error("%s: %zu agencies, expected %zu\n", what, n, nw);
	assert_int_equal(n, nw);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(rs[i]->assessment->agency_id, ids[i]);
}

/* 2024 against 2025: each agency once on each side, so paired by id across the years. */
static void test_diff_last_year_this_year(void **state)
{
	static const char *const p24[] = {AN "agencies-2024.csv", NULL};
	static const char *const p25[] = {AN "agencies-2025.csv", NULL};
	scored b = load(state, p24, NULL), a = load(state, p25, NULL);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	assert_true(d->differs);
	assert_int_equal(d->n, 4);
	for (size_t i = 0; i < d->n; i++) {
		assert_int_equal(d->items[i].before->assessment->year, 2024);
		assert_int_equal(d->items[i].after->assessment->year, 2025);
	}
	static const want_change b1[] = {{"2.1.2", NULL, "có", 0, 200},
	                                 {"4.2.3", NULL, "có", 0, 200},
	                                 {"4.2.6", NULL, "có", 0, 100}};
	check_diff_item(d, "B1", 600, 1100, b1, 3);
	/* 2.1.1 "không" is a new answer worth nothing: listed, points 0 → 0 */
	static const want_change b2[] = {{"2.1.1", NULL, "không", 0, 0},
	                                 {"5.1.1", NULL, "có", 0, 200}};
	check_diff_item(d, "B2", 600, 800, b2, 2);
	static const want_change d1[] = {{"2.2.2", NULL, "có", 0, 200},
	                                 {"2.2.3", NULL, "có", 0, 200}};
	check_diff_item(d, "D1", 500, 900, d1, 2);
	static const want_change t2[] = {{"3.2.4", NULL, "có", 0, 200}};
	check_diff_item(d, "T2", 300, 500, t2, 1);
	assert_int_equal(d->n_only_before, 0);
	/* in the order of the after file: B3, D2, B4, T1 */
	static const char *const only_after[] = {"B3", "D2", "B4", "T1"};
	check_ids_of("only after", d->only_after, d->n_only_after, only_after, 4);
	pdx_diff_free(d);
	pdx_diff_free(NULL);
	scored_free(&b);
	scored_free(&a);
}

/* The sides scored with two editions: criteria are paired by id, whichever side has
 * more of them (951's 42 against good-minimal's 3), and an id of one edition only is
 * compared with no answer. One answer, 1.1.1 "có": 3 points in 951, 4 in good-minimal;
 * good-minimal's 1.1.2 and 2.1.1 and 951's other criteria are unanswered on both sides. */
static void test_diff_across_editions(void **state)
{
	(void)state;
	pdx_rubric *r951 = unit_load_951(), *small = NULL;
	assert_int_equal(
	    pdx_rubric_load_file(&small, TEST_DATA_DIR "/rubrics/good-minimal.xml", NULL), 0);
	/* 951 scores set 1, test-minimal set 2: 951 1.1.1 "không" 0 and 1.1.2 "có" 3.00;
	 * test-minimal 1.1.1 "có" 4.00 and 2.1.1 "3+" 3.00 */
	static const char csv1[] = "agency_id,year,criterion,answer,evidence\n"
	                           "A1,2025,1.1.1,không,\n"
	                           "A1,2025,1.1.2,có,QĐ 2\n";
	static const char csv2[] = "agency_id,year,criterion,answer,evidence\n"
	                           "A1,2025,1.1.1,có,QĐ 1\n"
	                           "A1,2025,2.1.1,3+,BB\n";
	pdx_answers *set1 = pdx_answers_new(NULL), *set2 = pdx_answers_new(NULL);
	assert_int_equal(pdx_answers_read_memory(set1, csv1, sizeof csv1 - 1, "1.csv", NULL, NULL),
	                 0);
	assert_int_equal(pdx_answers_read_memory(set2, csv2, sizeof csv2 - 1, "2.csv", NULL, NULL),
	                 0);
	pdx_result **big_r = NULL, **small_r = NULL;
	size_t nb = 0, ns = 0;
	assert_int_equal(pdx_score_all(&big_r, &nb, r951, set1, NULL), 0);
	assert_int_equal(pdx_score_all(&small_r, &ns, small, set2, NULL), 0);
	assert_int_equal(nb, 1);
	assert_int_equal(ns, 1);
	assert_int_equal(big_r[0]->total, 300);
	assert_int_equal(small_r[0]->total, 700);

	/* no crosswalk: totals (and pillars) only, either way round */
	for (int way = 0; way < 2; way++) {
		pdx_diff *d = NULL;
		assert_int_equal(way ? pdx_diff_compute(&d, small_r, 1, big_r, 1)
		                     : pdx_diff_compute(&d, big_r, 1, small_r, 1),
		                 0);
		assert_int_equal(d->n, 1);
		assert_true(d->differs);
		assert_int_equal(d->items[0].compare, PDX_DIFF_PILLARS);
		assert_null(d->items[0].crosswalk);
		assert_int_equal(d->items[0].n_changes, 0);
		if (way == 0) {
			/* the text says so, and gives the pillars by id: 951's pillar 1 holds
			 * 1.1.2's 3.00, test-minimal's 1.1.1's 4.00; pillar 2: 0 and 2.1.1's 3.00
			 */
			char *out;
			size_t len;
			assert_int_equal(pdx_report_diff(&out, &len, r951, d, PDX_FORMAT_TEXT), 0);
			assert_non_null(
			    strstr(out, "không có bảng đối chiếu tiêu chí giữa hai bộ, chỉ so "
			                "tổng điểm và trụ cột"));
			assert_non_null(strstr(out,
			                       "    Trụ cột (pillar) 1   3.00 → 4.00  (+1.00)\n"
			                       "    Trụ cột (pillar) 2   0.00 → 3.00  (+3.00)\n"));
			assert_null(strstr(out, "1.1.1   \""));
			pdx_free(out);
		}
		pdx_diff_free(d);
	}

	/* a crosswalk 951 -> test-minimal: 1.1.1 to 1.1.1 (3 points against 4: the points
	 * do not compare), 1.1.2 to 2.1.1 (3 and 3) */
	static const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                          "<crosswalk format=\"1\" from=\"951-2023\" to=\"test-minimal\" "
	                          "status=\"provisional\">\n"
	                          "  <pair from=\"1.1.1\" to=\"1.1.1\"/>\n"
	                          "  <pair from=\"1.1.2\" to=\"2.1.1\"/>\n"
	                          "</crosswalk>\n";
	pdx_crosswalk *cw = NULL;
	assert_int_equal(
	    pdx_crosswalk_load_memory(&cw, xml, sizeof xml - 1, "cw.xml", r951, small, NULL), 0);
	assert_int_equal(pdx_crosswalk_pair_count(cw), 2);
	const pdx_crosswalk *cws[] = {cw};
	static const struct {
		const char *id, *after_id, *before_answer, *after_answer;
		pdx_points before_points, after_points;
		bool comparable;
	} want[2][2] = {{{"1.1.1", "1.1.1", "không", "có", 0, 400, false},
	                 {"1.1.2", "2.1.1", "có", "3+", 300, 300, true}},
	                {{"1.1.1", "1.1.1", "có", "không", 400, 0, false},
	                 {"2.1.1", "1.1.2", "3+", "có", 300, 300, true}}};
	for (int way = 0; way < 2; way++) {
		pdx_diff *d = NULL;
		assert_int_equal(way ? pdx_diff_compute_crosswalk(&d, small_r, 1, big_r, 1, cws, 1)
		                     : pdx_diff_compute_crosswalk(&d, big_r, 1, small_r, 1, cws, 1),
		                 0);
		const pdx_diff_item *it = &d->items[0];
		assert_int_equal(it->compare, PDX_DIFF_CROSSWALK);
		assert_ptr_equal(it->crosswalk, cw);
		assert_int_equal(it->n_changes, 2);
		for (size_t k = 0; k < 2; k++) {
			const pdx_change *c = &it->changes[k];
			assert_string_equal(c->criterion->id, want[way][k].id);
			assert_string_equal(c->after_criterion->id, want[way][k].after_id);
			assert_string_equal(c->before_answer, want[way][k].before_answer);
			assert_string_equal(c->after_answer, want[way][k].after_answer);
			assert_int_equal(c->before_points, want[way][k].before_points);
			assert_int_equal(c->after_points, want[way][k].after_points);
			assert_int_equal(c->points_comparable, want[way][k].comparable);
		}
		pdx_diff_free(d);
	}
	pdx_crosswalk_free(cw);
	pdx_results_free(big_r, nb);
	pdx_results_free(small_r, ns);
	pdx_answers_free(set1);
	pdx_answers_free(set2);
	pdx_rubric_free(small);
	pdx_rubric_free(r951);
}

/* A crosswalk is checked against its two editions: ids, sides, pairs made twice. */
static void test_crosswalk_mistakes(void **state)
{
	(void)state;
	pdx_rubric *r951 = unit_load_951(), *small = NULL;
	assert_int_equal(
	    pdx_rubric_load_file(&small, TEST_DATA_DIR "/rubrics/good-minimal.xml", NULL), 0);
	static const struct {
		const char *body;
		long line;
		const char *phrase;
	} bad[] = {
	    {"<crosswalk format=\"1\" from=\"951-2023\" to=\"other\" status=\"official\"/>", 2,
	     "joins other, not test-minimal"},
	    {"<crosswalk format=\"1\" from=\"951-2023\" to=\"test-minimal\" "
	     "status=\"official\">\n  <pair from=\"9.9.9\" to=\"1.1.1\"/>\n</crosswalk>",
	     3, "951-2023 (the from side) has no criterion \"9.9.9\""},
	    {"<crosswalk format=\"1\" from=\"951-2023\" to=\"test-minimal\" "
	     "status=\"official\">\n  <pair from=\"1.1.1\" to=\"1.1.1\"/>\n"
	     "  <pair from=\"1.1.2\" to=\"1.1.1\"/>\n</crosswalk>",
	     4, "criterion 1.1.1 was already mapped at line 3"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *xml =
		    pdx_aprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s\n", bad[i].body);
		pdx_diags *d = pdx_diags_new();
		pdx_crosswalk *cw = NULL;
		assert_int_equal(
		    pdx_crosswalk_load_memory(&cw, xml, strlen(xml), "cw.xml", r951, small, d),
		    PDX_EINVALID);
		assert_null(cw);
		if (!unit_find_diag(d, PDX_SEV_ERROR, bad[i].line, bad[i].phrase)) {
			unit_dump_diags(bad[i].phrase, d);
			fail();
		}
		assert_string_equal(pdx_code_name(pdx_diags_get(d, 0)->code), "PDX-E0430");
		pdx_diags_free(d);
		free(xml);
	}
	pdx_rubric_free(small);
	pdx_rubric_free(r951);
}

/* The index of criterion c among r's, or -1. */
static long index_of(const pdx_rubric *r, const pdx_criterion *c)
{
	for (size_t i = 0; i < pdx_rubric_criterion_count(r); i++)
		if (pdx_rubric_criterion(r, i) == c)
			return (long)i;
	return -1;
}

/* The shipped crosswalks: 951 -> 1827 maps 42 criteria (4.2.3's points do not compare,
 * 4.2.6 is new), 1827 -> 3560 maps all 43 to themselves. */
static void test_crosswalks_shipped(void **state)
{
	(void)state;
	pdx_rubric *r951 = unit_load_951(), *r1827 = unit_load_rubric("1827-2024.xml"),
	           *r3560 = unit_load_rubric("3560-2025.xml");
	pdx_crosswalk *a = NULL, *b = NULL;
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_crosswalk_load_file(
	                     &a, RUBRICS_DIR "/crosswalk/951-2023_1827-2024.xml", r951, r1827, d),
	                 0);
	assert_int_equal(pdx_crosswalk_load_file(
	                     &b, RUBRICS_DIR "/crosswalk/1827-2024_3560-2025.xml", r1827, r3560, d),
	                 0);
	assert_int_equal(pdx_diags_count(d), 0);
	assert_int_equal(pdx_crosswalk_pair_count(a), 42);
	assert_int_equal(pdx_crosswalk_pair_count(b), 43);
	for (size_t i = 0; i < 42; i++) {
		const pdx_crosswalk_pair *p = pdx_crosswalk_pair_at(a, i);
		assert_string_equal(p->from->id, p->to->id);
		assert_int_equal(p->points_comparable, strcmp(p->from->id, "4.2.3") != 0);
	}
	long k426 = pdx_rubric_find_criterion(r1827, "4.2.6");
	assert_null(pdx_crosswalk_find(a, pdx_rubric_criterion(r1827, (size_t)k426)));
	assert_non_null(pdx_crosswalk_find(b, pdx_rubric_criterion(r1827, (size_t)k426)));
	assert_true(pdx_crosswalk_joins(a, r1827, r951));
	assert_false(pdx_crosswalk_joins(a, r1827, r3560));

	/* end to end, 951 -> 3560: the 42 criteria of 951 to themselves, 4.2.3's points not
	 * comparable (3 against 2), 3560's 4.2.6 without a counterpart */
	pdx_crosswalk *c = NULL;
	assert_int_equal(pdx_crosswalk_chain(&c, a, b), 0);
	assert_string_equal(pdx_crosswalk_meta_get(c)->from_id, "951-2023");
	assert_string_equal(pdx_crosswalk_meta_get(c)->to_id, "3560-2025");
	assert_int_equal(pdx_crosswalk_meta_get(c)->status, PDX_PROVISIONAL);
	assert_int_equal(pdx_crosswalk_pair_count(c), 42);
	for (size_t i = 0; i < 42; i++) {
		const pdx_crosswalk_pair *p = pdx_crosswalk_pair_at(c, i);
		assert_ptr_equal(p->from, pdx_rubric_criterion(r951, i));
		assert_string_equal(p->from->id, p->to->id);
		assert_int_equal(index_of(r3560, p->to) >= 0, 1);
		assert_int_equal(p->points_comparable, strcmp(p->from->id, "4.2.3") != 0);
	}
	assert_true(pdx_crosswalk_joins(c, r3560, r951));
	assert_null(pdx_crosswalk_find(
	    c, pdx_rubric_criterion(r3560, (size_t)pdx_rubric_find_criterion(r3560, "4.2.6"))));
	pdx_crosswalk *wrong = NULL;
	assert_int_equal(pdx_crosswalk_chain(&wrong, b, a), PDX_EARG); /* 3560 is not 951 */
	assert_null(wrong);
	pdx_crosswalk_free(c);
	pdx_crosswalk_free(a);
	pdx_crosswalk_free(b);
	pdx_diags_free(d);
	pdx_rubric_free(r951);
	pdx_rubric_free(r1827);
	pdx_rubric_free(r3560);
}

static void test_diff_identical(void **state)
{
	static const char *const p25[] = {AN "agencies-2025.csv", NULL};
	scored b = load(state, p25, NULL), a = load(state, p25, NULL);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	assert_false(d->differs);
	assert_int_equal(d->n, 8);
	for (size_t i = 0; i < d->n; i++) {
		assert_int_equal(d->items[i].n_changes, 0);
		assert_int_equal(d->items[i].before->total, d->items[i].after->total);
	}
	assert_int_equal(d->n_only_before, 0);
	assert_int_equal(d->n_only_after, 0);
	pdx_diff_free(d);
	/* nothing against nothing */
	assert_int_equal(pdx_diff_compute(&d, NULL, 0, NULL, 0), 0);
	assert_false(d->differs);
	assert_int_equal(d->n, 0);
	pdx_diff_free(d);
	scored_free(&b);
	scored_free(&a);
}

/* Only a difference of membership: E1 before only, everything else the same. */
static void test_diff_only_one_side(void **state)
{
	scored b = load(state, files_2025_err, NULL);
	static const char *const p25[] = {AN "agencies-2025.csv", NULL};
	scored a = load(state, p25, NULL);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	assert_true(d->differs);
	assert_int_equal(d->n, 8);
	for (size_t i = 0; i < d->n; i++)
		assert_int_equal(d->items[i].n_changes, 0);
	static const char *const only_before[] = {"E1"};
	check_ids_of("only before", d->only_before, d->n_only_before, only_before, 1);
	assert_int_equal(d->n_only_after, 0);
	pdx_diff_free(d);
	/* the other way round */
	assert_int_equal(pdx_diff_compute(&d, a.res, a.n, b.res, b.n), 0);
	assert_true(d->differs);
	check_ids_of("only after", d->only_after, d->n_only_after, only_before, 1);
	assert_int_equal(d->n_only_before, 0);
	pdx_diff_free(d);
	scored_free(&b);
	scored_free(&a);
}

/* An agency twice on one side is paired by year; its other year stays on its side. */
static void test_diff_pairs_by_year_when_repeated(void **state)
{
	static const char before[] = "agency_id,year,criterion,answer\n"
	                             "X,2024,1.1.1,có\nX,2025,1.1.1,có\nX,2025,1.1.2,có\n"
	                             "Y,2024,2.1.2,có\n";
	static const char after[] = "agency_id,year,criterion,answer\n"
	                            "X,2025,1.1.1,có\nX,2025,1.1.2,không\n"
	                            "Y,2025,2.1.2,có\n";
	scored b = load_text(state, before), a = load_text(state, after);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	assert_true(d->differs);
	assert_int_equal(d->n, 2);
	/* X 2025 ↔ X 2025: 1.1.2 có → không, 3 → 0 */
	const pdx_diff_item *x = diff_item(d, "X");
	assert_int_equal(x->before->assessment->year, 2025);
	assert_int_equal(x->after->assessment->year, 2025);
	static const want_change xc[] = {{"1.1.2", "có", "không", 300, 0}};
	check_diff_item(d, "X", 600, 300, xc, 1);
	/* Y once on each side: 2024 ↔ 2025, nothing changed */
	const pdx_diff_item *y = diff_item(d, "Y");
	assert_int_equal(y->before->assessment->year, 2024);
	assert_int_equal(y->after->assessment->year, 2025);
	assert_int_equal(y->n_changes, 0);
	assert_int_equal(d->n_only_before, 1);
	assert_string_equal(d->only_before[0]->assessment->agency_id, "X");
	assert_int_equal(d->only_before[0]->assessment->year, 2024);
	assert_int_equal(d->n_only_after, 0);
	pdx_diff_free(d);
	scored_free(&b);
	scored_free(&a);
}

/* examples/EXPECTED-2.md "Year over year": 2024 → 2025 for HP01–HP05, 25 changes. */
static void test_diff_examples_year_over_year(void **state)
{
	static const char *const p24[] = {EXAMPLES_DIR "/hai-phong-2024.csv", NULL};
	static const char *const p25[] = {EXAMPLES_DIR "/hai-phong-2025-bao.csv",
	                                  EXAMPLES_DIR "/hai-phong-2025-dai-tapchi.csv", NULL};
	scored b = load(state, p24, NULL), a = load(state, p25, NULL);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	assert_true(d->differs);
	assert_int_equal(d->n, 5);
	assert_int_equal(d->n_only_before + d->n_only_after, 0);
	static const want_change hp01[] = {
	    {"1.1.3", "70", "86,5", 210, 260},      {"2.2.1", "1-2", "3+", 200, 400},
	    {"3.1.1", "partial", "full", 200, 400}, {"3.2.1", "75", "93", 300, 372},
	    {"4.1.2", "21,8", "24,3", 300, 300},    {"4.2.4", "không", "có", 0, 200},
	    {"5.1.2", "không", "có", 0, 200}};
	check_diff_item(d, "HP01", 7510, 8432, hp01, 7);
	static const want_change hp02[] = {{"1.2.2", "-3", "5", 0, 100},
	                                   {"2.2.3", "không", "có", 0, 200},
	                                   {"3.2.1", "30", "46,25", 120, 185},
	                                   {"4.1.5", "12", "15", 0, 100},
	                                   {"5.1.1", "không", "có", 0, 200}};
	check_diff_item(d, "HP02", 5085, 5750, hp02, 5);
	static const want_change hp03[] = {
	    {"1.1.3", "85", "92", 255, 276},  {"1.2.2", "14", "22", 200, 300},
	    {"4.1.5", "19", "21", 100, 200},  {"4.2.3", "không", "có", 0, 200},
	    {"4.2.6", "không", "có", 0, 100}, {"5.1.4", "không", "có", 0, 200}};
	check_diff_item(d, "HP03", 8541, 9262, hp03, 6);
	static const want_change hp04[] = {{"2.1.4", "không", "có", 0, 200},
	                                   {"3.2.1", "60", "72,5", 240, 290},
	                                   {"4.1.3", "45", "52", 200, 300},
	                                   {"5.1.2", "không", "có", 0, 200}};
	check_diff_item(d, "HP04", 6653, 7203, hp04, 4);
	static const want_change hp05[] = {{"1.1.3", "50", "45", 150, 135},
	                                   {"1.2.2", "6", "-4", 100, 0},
	                                   {"2.1.6", "có", "không", 200, 0},
	                                   {"4.2.4", "không", "có", 0, 200}};
	check_diff_item(d, "HP05", 3883, 3768, hp05, 4);
	pdx_diff_free(d);
	scored_free(&b);
	scored_free(&a);
}

/* Every format of the diff names the agencies found on one side only. */
static void test_diff_reports_list_one_side(void **state)
{
	static const char *const p24[] = {AN "agencies-2024.csv", NULL};
	static const char *const p25[] = {AN "agencies-2025.csv", NULL};
	scored b = load(state, p24, NULL), a = load(state, p25, NULL);
	pdx_diff *d = NULL;
	assert_int_equal(pdx_diff_compute(&d, b.res, b.n, a.res, a.n), 0);
	static const pdx_format fmts[] = {PDX_FORMAT_TEXT, PDX_FORMAT_JSON, PDX_FORMAT_CSV};
	static const char *const names[] = {"text", "json", "csv"};
	static const char *const ids[] = {"B3", "D2", "B4", "T1"};
	size_t missing = 0;
	for (size_t f = 0; f < 3; f++) {
		char *out = NULL;
		size_t len = 0;
		assert_int_equal(pdx_report_diff(&out, &len, *state, d, fmts[f]), 0);
		for (size_t i = 0; i < 4; i++)
			if (!strstr(out, ids[i])) {
				fprintf(stderr, "the %s diff does not name %s (only after):\n%s\n",
				        names[f], ids[i], out);
				missing++;
			}
		free(out);
	}
	pdx_diff_free(d);
	scored_free(&b);
	scored_free(&a);
	assert_int_equal(missing, 0);
}

/* Editions side by side: 951 and 3560 line up (pillars 1-5, levels 1-5); the minimal
 * test rubric (pillars 1-2, levels 1-2) does not, and a summary or ranking of its
 * results under 3560 is refused instead of reading pillars it does not have. 951's
 * results in a 3560 summary count by level number: HP02 2023's 80.01 is 5 (951's
 * "trên 80"), not 3560's 4. */
static void test_editions_side_by_side(void **state)
{
	const pdx_rubric *r25 = *state;
	pdx_rubric *r23 = unit_load_951(), *mini = NULL;
	pdx_diags *d = pdx_diags_new();
	assert_int_equal(pdx_rubric_load_file(&mini, TEST_DATA_DIR "/rubrics/good-minimal.xml", d),
	                 0);
	assert_true(pdx_rubric_compatible(r25, r23));
	assert_false(pdx_rubric_compatible(r25, mini));
	assert_false(pdx_rubric_compatible(mini, r25));
	const char *p23[] = {EXAMPLES_DIR "/hai-phong-2023.csv", NULL};
	unit_scored s = unit_score(r23, p23, NULL, NULL);
	pdx_summary *sum = NULL;
	pdx_group_key k = PDX_KEY_YEAR;
	assert_int_equal(pdx_summarize(&sum, r25, s.res, s.n, &k, 1), 0);
	assert_int_equal(sum->n_rubrics, 1);
	assert_string_equal(pdx_rubric_meta_get(sum->rubrics[0])->id, "951-2023");
	/* 59.99, 60.00, 70.00, 80.00, 80.01 by 951's bands */
	static const size_t want[] = {0, 1, 1, 2, 1};
	for (size_t l = 0; l < 5; l++)
		assert_int_equal(sum->totals[0].stats.levels[l], want[l]);
	pdx_summary_free(sum);
	unit_scored m = unit_score(
	    mini, NULL, "agency_id,year,criterion,answer,evidence\nM1,2025,1.1.1,có,x\n", NULL);
	assert_int_equal(pdx_summarize(&sum, r25, m.res, m.n, &k, 1), PDX_EINVALID);
	assert_null(sum);
	pdx_ranking *rk = NULL;
	assert_int_equal(pdx_rank(&rk, m.res, m.n, PDX_WITHIN_NONE), 0);
	char *out = NULL;
	size_t len;
	assert_int_equal(pdx_report_rank(&out, &len, r25, rk, PDX_FORMAT_CSV), PDX_EINVALID);
	assert_null(out);
	pdx_ranking_free(rk);
	unit_scored_free(&m);
	unit_scored_free(&s);
	pdx_rubric_free(mini);
	pdx_rubric_free(r23);
	pdx_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_editions_side_by_side),
	    cmocka_unit_test(test_rank_within_block),
	    cmocka_unit_test(test_rank_within_province),
	    cmocka_unit_test(test_rank_within_none),
	    cmocka_unit_test(test_rank_by_year),
	    cmocka_unit_test(test_rank_empty),
	    cmocka_unit_test(test_summary_by_media),
	    cmocka_unit_test(test_summary_by_block_year),
	    cmocka_unit_test(test_summary_by_province_year_examples),
	    cmocka_unit_test(test_summary_even_median_rounds_half_away),
	    cmocka_unit_test(test_summary_text_rounds_pct),
	    cmocka_unit_test(test_summary_empty_and_keys),
	    cmocka_unit_test(test_gap_exact_bound_and_id_ties),
	    cmocka_unit_test(test_gap_fewest_then_most_points),
	    cmocka_unit_test(test_gap_next_bands),
	    cmocka_unit_test(test_gap_top_level_weakest_pillars),
	    cmocka_unit_test(test_gap_unanswered),
	    cmocka_unit_test(test_gap_unreachable),
	    cmocka_unit_test(test_gap_small_rubric),
	    cmocka_unit_test(test_gap_text_top_level),
	    cmocka_unit_test(test_gap_json),
	    cmocka_unit_test(test_gap_roadmap_reaches_target),
	    cmocka_unit_test(test_evidence_in_rank_summary_gap),
	    cmocka_unit_test(test_diff_last_year_this_year),
	    cmocka_unit_test(test_diff_across_editions),
	    cmocka_unit_test(test_crosswalk_mistakes),
	    cmocka_unit_test(test_crosswalks_shipped),
	    cmocka_unit_test(test_diff_identical),
	    cmocka_unit_test(test_diff_only_one_side),
	    cmocka_unit_test(test_diff_pairs_by_year_when_repeated),
	    cmocka_unit_test(test_diff_examples_year_over_year),
	    cmocka_unit_test(test_diff_reports_list_one_side),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
