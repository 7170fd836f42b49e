/* SPDX-License-Identifier: MIT */
/* Public functions given what they should refuse: NULL objects, indices past the end,
 * results of one edition with the rubric of another. Each must return its documented
 * "no" (NULL, -1, 0, PDX_EARG, PDX_EINVALID) and never read out of bounds: CI runs this
 * program under AddressSanitizer and under valgrind, which turn an out-of-bounds read
 * into a failure even where the return value happens to look right.
 *
 *   test_args RUBRICS_DIR EXAMPLES_DIR TEST_DATA_DIR */
#include <pressdx/pressdx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define EXPECT(cond)                                                                               \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			printf("%s:%d: expected %s\n", __FILE__, __LINE__, #cond);                 \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static pdx_rubric *load(const char *dir, const char *file)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	pdx_rubric *r = NULL;
	if (pdx_rubric_load_file(&r, path, NULL) != 0) {
		printf("cannot load %s\n", path);
		exit(1);
	}
	return r;
}

static void null_objects(void)
{
	EXPECT(pdx_rubric_meta_get(NULL) == NULL);
	EXPECT(pdx_rubric_level_count(NULL) == 0);
	EXPECT(pdx_rubric_level(NULL, 0) == NULL);
	EXPECT(pdx_rubric_pillar_count(NULL) == 0);
	EXPECT(pdx_rubric_pillar(NULL, 0) == NULL);
	EXPECT(pdx_rubric_component(NULL, 0) == NULL);
	EXPECT(pdx_rubric_criterion_count(NULL) == 0);
	EXPECT(pdx_rubric_criterion(NULL, 0) == NULL);
	EXPECT(pdx_rubric_question(NULL, 0) == NULL);
	EXPECT(pdx_rubric_find_criterion(NULL, "1.1.1") == -1);
	EXPECT(pdx_rubric_find_question(NULL, "c1") == -1);
	EXPECT(pdx_rubric_level_for(NULL, 5000) == NULL);
	EXPECT(pdx_answers_count(NULL) == 0);
	EXPECT(pdx_answers_get(NULL, 0) == NULL);
	EXPECT(pdx_answers_source(NULL, 0) == NULL);
	EXPECT(pdx_diags_count(NULL) == 0);
	EXPECT(pdx_diags_get(NULL, 0) == NULL);
	EXPECT(pdx_plan_indicator_count(NULL) == 0);
	EXPECT(pdx_plan_indicator(NULL, 0) == NULL);
	EXPECT(pdx_plan_meta_get(NULL) == NULL);
	EXPECT(pdx_crosswalk_pair_count(NULL) == 0);
	EXPECT(pdx_crosswalk_pair_at(NULL, 0) == NULL);
	EXPECT(pdx_crosswalk_meta_get(NULL) == NULL);
	EXPECT(pdx_roster_entry_at(NULL, 0) == NULL);
	EXPECT(pdx_result_errors(NULL) == 0);

	pdx_result *res = NULL;
	EXPECT(pdx_score_assessment(&res, NULL, NULL, NULL) == PDX_EARG && res == NULL);
	EXPECT(pdx_score_assessment(NULL, NULL, NULL, NULL) == PDX_EARG);
	pdx_result **all = NULL;
	size_t n = 7;
	EXPECT(pdx_score_all(&all, &n, NULL, NULL, NULL) == PDX_EARG && all == NULL && n == 0);
	char *out = NULL;
	size_t len = 0;
	EXPECT(pdx_report_text(&out, &len, NULL, NULL, 0) == PDX_EARG && out == NULL);
	EXPECT(pdx_report_json(NULL, &len, NULL, NULL, 0) == PDX_EARG);
	pdx_gap *g = NULL;
	EXPECT(pdx_gap_compute(&g, NULL, 0) == PDX_EARG && g == NULL);
	pdx_ranking *rk = NULL;
	EXPECT(pdx_rank(&rk, NULL, 2, PDX_WITHIN_NONE) == PDX_EARG && rk == NULL);
	pdx_diff *df = NULL;
	EXPECT(pdx_diff_compute(&df, NULL, 1, NULL, 1) == PDX_EARG && df == NULL);
	EXPECT(pdx_rubric_load_file(NULL, "x.xml", NULL) == PDX_EARG);
	pdx_rubric *r = NULL;
	EXPECT(pdx_rubric_load_file(&r, NULL, NULL) == PDX_EARG && r == NULL);
	EXPECT(pdx_answers_begin(NULL, "f", NULL, NULL, 0) == PDX_EARG);
	EXPECT(pdx_answers_add_row(NULL, NULL, NULL) == PDX_EARG);
}

static void indices(const pdx_rubric *r, const pdx_answers *set, const pdx_diags *d)
{
	EXPECT(pdx_rubric_level(r, pdx_rubric_level_count(r)) == NULL);
	EXPECT(pdx_rubric_pillar(r, pdx_rubric_pillar_count(r)) == NULL);
	EXPECT(pdx_rubric_component(r, pdx_rubric_component_count(r)) == NULL);
	EXPECT(pdx_rubric_criterion(r, pdx_rubric_criterion_count(r)) == NULL);
	EXPECT(pdx_rubric_question(r, pdx_rubric_question_count(r)) == NULL);
	EXPECT(pdx_rubric_criterion(r, (size_t)-1) == NULL);
	EXPECT(pdx_rubric_find_criterion(r, NULL) == -1);
	EXPECT(pdx_answers_get(set, pdx_answers_count(set)) == NULL);
	EXPECT(pdx_answers_source(set, pdx_answers_source_count(set)) == NULL);
	EXPECT(pdx_diags_get(d, pdx_diags_count(d)) == NULL);
}

/* results of 951-2023 (42 criteria, 5 pillars) handed over with good-minimal (3
 * criteria, 2 pillars): each function refuses them or uses the results' own rubric */
static void another_rubric(const pdx_rubric *mini, const pdx_rubric *r951, pdx_result *const *res,
                           size_t n)
{
	char *out = NULL;
	size_t len = 0;
	/* the reports take the rubric from the results: not one of the given editions */
	EXPECT(pdx_report_text(&out, &len, mini, res, n) == PDX_EINVALID && out == NULL);
	EXPECT(pdx_report_json(&out, &len, mini, res, n) == PDX_EINVALID && out == NULL);
	EXPECT(pdx_report_csv(&out, &len, mini, res, n) == PDX_EINVALID && out == NULL);
	EXPECT(pdx_report_csv(&out, &len, r951, res, n) == 0 && out != NULL);
	pdx_free(out);
	out = NULL;

	pdx_group_key key = PDX_KEY_PROVINCE;
	pdx_summary *s = NULL;
	EXPECT(pdx_summarize(&s, mini, res, n, &key, 1) == PDX_EINVALID && s == NULL);

	pdx_ranking *rk = NULL;
	EXPECT(pdx_rank(&rk, res, n, PDX_WITHIN_NONE) == 0 && rk != NULL);
	if (rk) {
		EXPECT(pdx_report_rank(&out, &len, mini, rk, PDX_FORMAT_CSV) == PDX_EINVALID &&
		       out == NULL);
		pdx_free(out);
		out = NULL;
	}
	pdx_ranking_free(rk);

	pdx_gap *g = NULL;
	EXPECT(pdx_gap_compute(&g, res[0], 0) == 0 && g != NULL);
	if (g) {
		EXPECT(pdx_report_gap(&out, &len, mini, &g, 1, PDX_FORMAT_TEXT) == PDX_EINVALID &&
		       out == NULL);
		pdx_free(out);
		out = NULL;
	}
	pdx_gap_free(g);

	pdx_diff *df = NULL;
	EXPECT(pdx_diff_compute(&df, res, n, res, n) == 0 && df != NULL);
	if (df) {
		EXPECT(pdx_report_diff(&out, &len, mini, df, PDX_FORMAT_JSON) == PDX_EINVALID &&
		       out == NULL);
		pdx_free(out);
		out = NULL;
	}
	pdx_diff_free(df);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: test_args RUBRICS_DIR EXAMPLES_DIR TEST_DATA_DIR\n");
		return 2;
	}
	null_objects();

	pdx_rubric *r951 = load(argv[1], "951-2023.xml");
	pdx_rubric *mini = load(argv[3], "rubrics/good-minimal.xml");
	pdx_diags *d = pdx_diags_new();
	pdx_answers *set = pdx_answers_new(NULL);
	char path[4096];
	snprintf(path, sizeof path, "%s/hai-phong-2023.csv", argv[2]);
	pdx_result **res = NULL;
	size_t n = 0;
	if (pdx_answers_read_file(set, path, NULL, d) != 0 ||
	    pdx_score_all(&res, &n, r951, set, NULL) != 0 || n == 0) {
		printf("cannot score %s\n", path);
		return 1;
	}
	EXPECT(pdx_answers_set_province(set, pdx_answers_count(set), "Hải Phòng") != 0);
	indices(r951, set, d);
	another_rubric(mini, r951, res, n);

	pdx_results_free(res, n);
	pdx_answers_free(set);
	pdx_diags_free(d);
	pdx_rubric_free(mini);
	pdx_rubric_free(r951);
	if (!failures)
		printf("every refusal as documented\n");
	return failures ? 1 : 0;
}
