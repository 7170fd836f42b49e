/* SPDX-License-Identifier: MIT */
/* pressdx diff: two answer sets for the same agencies, compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

static const char *const usage[] = {
    N_("Usage: pressdx diff [options] BEFORE.csv AFTER.csv\n"
       "\n"
       "Compares two answer sets of the same agencies (self-assessment and appraisal, or last\n"
       "year and this year): total and level before and after, the difference, and each\n"
       "criterion whose answer or points changed; lists the agencies found on one side only.\n"
       "Exit status 1 when they differ, 0 when not, 2 on a file error.\n"
       "\n"),
    cli_input_help, NULL};

/* crosswalk/FROM_TO.xml of the rubric folders, loaded between the two editions: 0 with
 * *out, 1 when there is no such file, 2 when it does not load (said). */
static int load_one(const pdx_rubric *from, const pdx_rubric *to, pdx_crosswalk **out)
{
	char name[160];
	snprintf(name, sizeof name, "%s_%s", pdx_rubric_meta_get(from)->id,
	         pdx_rubric_meta_get(to)->id);
	char *path = cli_find_shipped(name, "crosswalk");
	if (!path)
		return 1;
	pdx_diags *d = pdx_diags_new();
	int rc = d ? pdx_crosswalk_load_file(out, path, from, to, d) : PDX_ENOMEM;
	cli_print_diags(d);
	pdx_diags_free(d);
	if (rc == PDX_ENOMEM)
		cli_say(stderr, "pressdx: ", N_("out of memory"));
	else if (rc)
		cli_err("diff", N_("crosswalk %s rejected"), path);
	free(path);
	return rc ? 2 : 0;
}

static bool same_edition(const pdx_rubric *a, const pdx_rubric *b)
{
	return strcmp(pdx_rubric_meta_get(a)->sha256, pdx_rubric_meta_get(b)->sha256) == 0;
}

/* X → E → Y through an edition E of the rubric folders (2023 against 2025: 951 → 1827 →
 * 3560), either way round: 0 with *out (or none found), 2 on an error (said). */
static int chain_through(const pdx_rubric *x, const pdx_rubric *y, pdx_crosswalk **out)
{
	size_t n = 0;
	char **files = cli_rubric_files(&n);
	if (n == (size_t)-1)
		return 2;
	int rc = 0;
	for (size_t i = 0; !rc && !*out && i < n; i++) {
		pdx_rubric *e = NULL;
		int lr = pdx_rubric_load_file(&e, files[i], NULL);
		if (lr == PDX_ENOMEM) { /* not "no chain": the comparison would lose its criteria */
			cli_say(stderr, "pressdx: ", N_("out of memory"));
			rc = 2;
			break;
		}
		if (lr || same_edition(e, x) || same_edition(e, y)) {
			pdx_rubric_free(e); /* a file that is no edition: not a way through */
			continue;
		}
		for (int k = 0; !rc && !*out && k < 2; k++) {
			const pdx_rubric *from = k ? y : x, *to = k ? x : y;
			pdx_crosswalk *first = NULL, *second = NULL;
			int r1 = load_one(from, e, &first);
			int r2 = r1 == 0 ? load_one(e, to, &second) : 1;
			if (r1 == 2 || r2 == 2)
				rc = 2;
			else if (r1 == 0 && r2 == 0 && pdx_crosswalk_chain(out, first, second) != 0)
				rc = 2, cli_say(stderr, "pressdx: ", N_("out of memory"));
			pdx_crosswalk_free(first);
			pdx_crosswalk_free(second);
		}
		pdx_rubric_free(e);
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

/* Two editions (each side scored by its year's): the crosswalk that joins them, from
 * crosswalk/FROM_TO.xml in the rubric folders, either way round, or two end to end
 * through a third edition; none found is no error (totals and pillars are compared),
 * one that does not load is. 0 or 2. */
static int find_crosswalk(const pdx_rubric *b, const pdx_rubric *a, pdx_crosswalk **out)
{
	*out = NULL;
	if (!b || !a || same_edition(a, b))
		return 0;
	for (int k = 0; k < 2; k++) {
		int rc = load_one(k ? a : b, k ? b : a, out);
		if (rc != 1)
			return rc;
	}
	return chain_through(b, a, out);
}

int cmd_diff(int argc, char **argv)
{
	cli_inputs before = {0}, after = {0};
	int rc = cli_parse(&before, "diff", usage, argc, argv, NULL, NULL, NULL);
	if (rc >= 0)
		return rc;
	if (argc - optind != 2)
		return cli_usage("diff", N_("needs exactly two files: BEFORE.csv AFTER.csv"));
	rc = cli_inputs_begin(&before, "diff", argv + optind, 2, NULL, 0);
	if (rc) {
		cli_inputs_free(&before);
		return rc;
	}
	/* the same options and rubric for both sides; the output is the first side's */
	after = before;
	after.rubric_path = NULL;
	after.out = NULL;
	rc = cli_inputs_read(&before, argv + optind, 1, true);
	if (!rc)
		rc = cli_inputs_read(&after, argv + optind + 1, 1, true);
	if (!rc && (before.files_rejected || after.files_rejected))
		rc = 2;
	pdx_crosswalk *cw = NULL;
	if (!rc)
		rc = find_crosswalk(before.rubric, after.rubric, &cw);
	if (!rc) {
		pdx_diff *d = NULL;
		char *out = NULL;
		size_t len = 0;
		const pdx_crosswalk *cws[] = {cw};
		int e = pdx_diff_compute_crosswalk(&d, before.results, before.n_results,
		                                   after.results, after.n_results, cws, cw ? 1 : 0);
		if (!e)
			e = pdx_report_diff(&out, &len, before.rubric, d,
			                    cli_report_format(&before));
		rc = cli_emit(&before, e, out, len);
		if (!rc)
			rc = d->differs ? 1 : 0;
		pdx_diff_free(d);
	}
	pdx_crosswalk_free(cw); /* before the editions it points into */
	cli_inputs_free(&before);
	cli_inputs_free(&after);
	return rc;
}
