/* SPDX-License-Identifier: MIT */
/* Fuzz target: score from bytes, end to end. Input = an answers CSV file (read with
 * the default options, as `pressdx score file.csv` does), the bundled rubric
 * rubrics/951-2023.xml and plans rubrics/plans/NAME.xml fixed.
 *
 * The CSV is read, scored twice (as is, and with require_evidence), and every report
 * of the library is produced from the results: text, JSON and CSV; rankings within
 * blocks, provinces and none; summaries over several key sets; roadmaps to every
 * level; the diff of the two scorings and of one scoring with itself; the targets of
 * every bundled plan; the province cells first normalised by the bundled province map.
 * Checked beyond memory safety: sums and levels of every result,
 * JSON that parses, CSV that is well formed with formula cells neutralised, UTF-8
 * everywhere (see fuzz_common.c). */
#include <string.h>

#include "fuzz.h"

#ifndef PDX_FUZZ_PROVINCES
#error                                                                                             \
    "PDX_FUZZ_PROVINCES (rubrics/provinces/provinces.xml) must be defined by tests/fuzz/meson.build"
#endif

static pdx_provinces *provinces;

static void free_provinces(void)
{
	pdx_provinces_free(provinces);
}

/* The bundled province map, loaded once (as rank, summary and targets load it). */
static const pdx_provinces *province_map(void)
{
	if (!provinces) {
		if (pdx_provinces_load_file(&provinces, PDX_FUZZ_PROVINCES, NULL) != 0) {
			fprintf(stderr, "fuzz set-up: cannot load %s\n", PDX_FUZZ_PROVINCES);
			abort();
		}
		atexit(free_provinces);
	}
	return provinces;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const pdx_rubric *r = fuzz_rubric_951();
	size_t n_plans;
	const pdx_plan *const *plans = fuzz_plans(&n_plans);

	pdx_answers *set = pdx_answers_new(NULL);
	pdx_diags *d = pdx_diags_new();
	char *copy = malloc(size ? size : 1); /* exact size: no slack to read past */
	if (!set || !d || !copy) {
		pdx_answers_free(set);
		pdx_diags_free(d);
		free(copy);
		return 0;
	}
	if (size)
		memcpy(copy, data, size);
	int rc = pdx_answers_read_memory(set, copy, size, "fuzz.csv", NULL, d);
	free(copy);
	FUZZ_CHECK(rc == 0 || rc == PDX_EINVALID || rc == PDX_ENOMEM);
	fuzz_walk_diags(d);
	/* province cells as the grouping commands see them: official names, on the map of
	 * their year or (odd sizes) of today; only warnings, each once per spelling */
	pdx_diags *pd = pdx_diags_new();
	if (pd && pdx_provinces_apply(province_map(), set, size & 1, pd) == 0) {
		FUZZ_CHECK(pdx_diags_errors(pd) == 0);
		FUZZ_CHECK(pdx_diags_count(pd) <= pdx_answers_count(set));
		fuzz_walk_diags(pd);
	}
	pdx_diags_free(pd);

	pdx_result **lenient = NULL, **strict = NULL;
	size_t n = 0, n_strict = 0;
	pdx_score_options strict_opts = {.require_evidence = true};
	if (pdx_score_all(&lenient, &n, r, set, NULL) == 0 &&
	    pdx_score_all(&strict, &n_strict, r, set, &strict_opts) == 0) {
		FUZZ_CHECK(n == pdx_answers_count(set) && n_strict == n);
		for (size_t i = 0; i < n; i++) {
			/* requiring evidence can only take points away */
			FUZZ_CHECK(strict[i]->total <= lenient[i]->total);
			fuzz_check_result(strict[i]);
			if (i >= 12)
				fuzz_check_result(lenient[i]);
		}
		/* the reports grow with agencies × criteria; past a dozen agencies they
		 * only cost time (every agency is still checked above) */
		size_t nr = n < 12 ? n : 12;
		fuzz_all_reports(r, lenient, nr, strict, nr, plans, n_plans);
	}
	pdx_results_free(lenient, n);
	pdx_results_free(strict, n_strict);
	pdx_answers_free(set);
	pdx_diags_free(d);
	return 0;
}
