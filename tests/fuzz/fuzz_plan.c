/* SPDX-License-Identifier: MIT */
/* Fuzz target: the plan loader (pdx_plan_load_memory), input = plan XML bytes, against
 * the bundled rubric rubrics/951-2023.xml (loaded once).
 *
 * A plan that loads is measured on the bundled examples (scored once) and its targets
 * report produced in every format. Checked beyond memory safety: the return code agrees
 * with *out and the diagnostics, and every condition names a real criterion and
 * option of the rubric. */
#include <dirent.h>
#include <string.h>

#include "fuzz.h"

#ifndef PDX_FUZZ_EXAMPLES_DIR
#error "PDX_FUZZ_EXAMPLES_DIR (path of examples/) must be defined by tests/fuzz/meson.build"
#endif

static pdx_answers *examples;
static pdx_result **results;
static size_t n_results;

static void free_examples(void)
{
	pdx_results_free(results, n_results);
	pdx_answers_free(examples);
}

/* Every examples/NAME.csv, scored against the bundled rubric. */
static void load_examples(const pdx_rubric *r)
{
	examples = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	DIR *dir = opendir(PDX_FUZZ_EXAMPLES_DIR);
	if (!examples || !d || !dir) {
		fprintf(stderr, "fuzz set-up: cannot read %s\n", PDX_FUZZ_EXAMPLES_DIR);
		abort();
	}
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		char *path = pdx_aprintf("%s/%s", PDX_FUZZ_EXAMPLES_DIR, e->d_name);
		if (!path)
			abort();
		/* files with answer errors are examples too; a missing one is a set-up error */
		if (pdx_answers_read_file(examples, path, NULL, d) == PDX_EIO) {
			fprintf(stderr, "fuzz set-up: cannot read %s\n", path);
			abort();
		}
		free(path);
	}
	closedir(dir);
	pdx_diags_free(d);
	if (pdx_score_all(&results, &n_results, r, examples, NULL) != 0)
		abort();
	atexit(free_examples);
}

static void check_condition(const pdx_rubric *r, const pdx_plan_condition *c)
{
	if (!c)
		return;
	FUZZ_CHECK(c->n > 0);
	for (size_t i = 0; i < c->n; i++) {
		const pdx_plan_answer *a = &c->answers[i];
		FUZZ_CHECK(a->criterion != NULL && a->text != NULL);
		FUZZ_CHECK(a->criterion == pdx_rubric_criterion(r, a->criterion_index));
		FUZZ_CHECK(a->op >= PDX_COND_IN && a->op <= PDX_COND_LT);
		for (size_t k = 0; k < a->n_options; k++)
			FUZZ_CHECK(a->options[k] >= 0 &&
			           (size_t)a->options[k] < a->criterion->n_options);
	}
	for (size_t k = 0; k < n_results; k++)
		(void)pdx_condition_holds(c, results[k]);
}

static void exercise(const pdx_rubric *r, const pdx_plan *plan)
{
	const pdx_plan_meta *m = pdx_plan_meta_get(plan);
	FUZZ_CHECK(m->id && m->title && m->path && m->n_matches > 0);
	FUZZ_CHECK(m->scope == PDX_KEY_PROVINCE || m->scope == PDX_KEY_OWNER);
	for (size_t i = 0; i < m->n_matches; i++)
		FUZZ_CHECK(m->matches[i] != NULL);
	size_t ni = pdx_plan_indicator_count(plan);
	FUZZ_CHECK(ni > 0 && pdx_plan_indicator(plan, ni) == NULL);
	for (size_t i = 0; i < ni; i++) {
		const pdx_indicator *ind = pdx_plan_indicator(plan, i);
		FUZZ_CHECK(ind->id && ind->name && ind->n_targets > 0);
		check_condition(r, ind->condition);
		for (size_t t = 0; t < ind->n_targets; t++) {
			const pdx_plan_target *x = &ind->targets[t];
			FUZZ_CHECK(x->pct >= 0 && x->pct <= 10000);
			if (t > 0)
				FUZZ_CHECK(x->year > ind->targets[t - 1].year);
			check_condition(r, x->condition);
			FUZZ_CHECK(!ind->measured || ind->condition || x->condition);
		}
	}
	const int years[] = {0, 2024, 2025, 2030, -1};
	for (size_t y = 0; y < sizeof years / sizeof *years; y++) {
		pdx_targets *t = NULL;
		int rc = pdx_targets_compute(&t, plan, results, n_results, years[y]);
		FUZZ_CHECK(rc == 0 || rc == PDX_ENOMEM);
		if (rc)
			continue;
		FUZZ_CHECK(t->n == ni && t->plan == plan);
		for (pdx_format fmt = PDX_FORMAT_TEXT; fmt <= PDX_FORMAT_CSV; fmt++) {
			char *out = NULL;
			size_t len = 0;
			rc = pdx_report_targets(&out, &len, r, t, fmt);
			fuzz_check_report(rc, out, len, fmt);
		}
		pdx_targets_free(t);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const pdx_rubric *r = fuzz_rubric_951();
	if (!examples)
		load_examples(r);
	pdx_diags *d = pdx_diags_new();
	if (!d)
		return 0;
	pdx_plan *plan = (pdx_plan *)(uintptr_t)1; /* must be reset on every path */
	fuzz_xml_watch();
	int rc = pdx_plan_load_memory(&plan, (const char *)data, size, "fuzz-plan.xml", r, d);
	fuzz_xml_check();
	size_t errors = fuzz_walk_diags(d);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	FUZZ_CHECK((rc == 0) == (plan != NULL));
	FUZZ_CHECK(rc != PDX_EINVALID || errors > 0);
	if (rc == 0) {
		FUZZ_CHECK(errors == 0);
		exercise(r, plan);
	}
	pdx_plan_free(plan);
	pdx_diags_free(d);
	return 0;
}
